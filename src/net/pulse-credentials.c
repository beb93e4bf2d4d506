/* pulse-credentials.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * API tokens live in the Secret Service (GNOME Keyring, KWallet) through
 * libsecret, keyed by server URL, and nowhere else: never in GSettings,
 * never in a log line. These are thin async wrappers so the rest of Pulse
 * does not see libsecret's schema plumbing.
 */

#include "config.h"

#include <libsecret/secret.h>

#include "pulse-credentials.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.pulsedesk.Pulse.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/**
 * pulse_credentials_store_async:
 * @server_url: the server the token belongs to
 * @token: the API token; it is handed to the Secret Service only
 *
 * Saves @token in the default keyring, replacing an earlier one for the
 * same server.
 */
void
pulse_credentials_store_async (const char          *server_url,
                               const char          *token,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server_url != NULL);
  g_return_if_fail (token != NULL);

  /* Translators do not see this: the keyring label is for people browsing
   * Seahorse, and the lower layers stay in English (STYLE.md §12). */
  label = g_strdup_printf ("Pulse token for %s", server_url);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, callback, user_data,
                         "server", server_url,
                         NULL);
}

gboolean
pulse_credentials_store_finish (GAsyncResult  *result,
                                GError       **error)
{
  return secret_password_store_finish (result, error);
}

/**
 * pulse_credentials_lookup_async:
 * @server_url: the server whose token is wanted
 */
void
pulse_credentials_lookup_async (const char          *server_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (server_url != NULL);

  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "server", server_url,
                          NULL);
}

/**
 * pulse_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL if none is
 *   stored (with no error) or on error. Free it with g_free(); it is not
 *   wiped, as libsecret's own non-pageable memory API is not exposed here.
 */
char *
pulse_credentials_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

void
pulse_credentials_clear_async (const char          *server_url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (server_url != NULL);

  secret_password_clear (get_schema (), cancellable, callback, user_data,
                         "server", server_url,
                         NULL);
}

/**
 * pulse_credentials_clear_finish:
 *
 * Returns: %TRUE if a token was removed; %FALSE with no error if there
 *   was none.
 */
gboolean
pulse_credentials_clear_finish (GAsyncResult  *result,
                                GError       **error)
{
  return secret_password_clear_finish (result, error);
}
