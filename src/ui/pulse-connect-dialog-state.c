/* pulse-connect-dialog-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connect dialog's validation as pure functions: which addresses
 * Pulse accepts, and what the dialog says about the others.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pulse-client.h"
#include "pulse-connect-dialog-state.h"

/**
 * pulse_connect_dialog_check_url:
 * @url: (nullable): what the user typed; surrounding spaces are ignored
 * @allow_insecure_http: whether plain HTTP to remote hosts is allowed
 *
 * The transport policy itself is pulse_client_check_url(), the one the
 * session enforces; this only sorts its refusals into what a person can
 * act on.
 *
 * Returns: the verdict.
 */
PulseServerUrlCheck
pulse_connect_dialog_check_url (const char *url,
                                gboolean    allow_insecure_http)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url != NULL ? url : ""));
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (stripped[0] == '\0')
    return PULSE_SERVER_URL_EMPTY;

  if (strstr (stripped, "://") == NULL)
    return PULSE_SERVER_URL_NO_SCHEME;

  if (pulse_client_check_url (stripped, allow_insecure_http, &error))
    return PULSE_SERVER_URL_OK;

  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_INSECURE))
    return PULSE_SERVER_URL_INSECURE;

  /* Refused as not an address: say whether the host or the scheme is at
   * fault, the host first (file:///etc/passwd has neither). */
  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      strpbrk (stripped, " \t") != NULL)
    return PULSE_SERVER_URL_INVALID;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return PULSE_SERVER_URL_BAD_SCHEME;

  return PULSE_SERVER_URL_INVALID;
}

static const char *
message_for_check (PulseServerUrlCheck check)
{
  switch (check)
    {
    case PULSE_SERVER_URL_NO_SCHEME:
      return _("Start the address with https://, for example https://pulse.example.com.");
    case PULSE_SERVER_URL_INVALID:
      return _("This is not a server address. Use one like https://pulse.example.com.");
    case PULSE_SERVER_URL_BAD_SCHEME:
      return _("Pulse connects over https:// (or http:// on this computer only).");
    case PULSE_SERVER_URL_INSECURE:
      return _("Plain http:// would send the API token unencrypted. "
               "Use https://, or allow plain HTTP in Preferences.");
    case PULSE_SERVER_URL_OK:
    case PULSE_SERVER_URL_EMPTY:
    default:
      return NULL;
    }
}

/**
 * pulse_connect_dialog_state_compute:
 * @state: (out caller-allocates): the dialog's state
 * @url: (nullable): the address as typed
 * @allow_insecure_http: whether plain HTTP to remote hosts is allowed
 * @busy: whether a connection attempt is running
 *
 * An empty address is not an error yet: the dialog only disables Connect.
 */
void
pulse_connect_dialog_state_compute (PulseConnectDialogState *state,
                                    const char              *url,
                                    gboolean                 allow_insecure_http,
                                    gboolean                 busy)
{
  g_return_if_fail (state != NULL);

  state->url_check = pulse_connect_dialog_check_url (url, allow_insecure_http);
  state->url_error = state->url_check != PULSE_SERVER_URL_OK &&
                     state->url_check != PULSE_SERVER_URL_EMPTY;
  state->can_connect = state->url_check == PULSE_SERVER_URL_OK && !busy;
  state->message = message_for_check (state->url_check);
}
