/* pulse-connection-indicator-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection indicator's look as a pure function of the session's
 * state, so every state can be tested without a display.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-connection-indicator-state.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

typedef struct
{
  const char *icon_name;
  const char *css_class;
} StateLook;

static const StateLook looks[] = {
  [PULSE_CONNECTION_STATE_DISCONNECTED] = { "network-wired-disconnected-symbolic", "disconnected" },
  [PULSE_CONNECTION_STATE_CONNECTING] = { "emblem-synchronizing-symbolic", "connecting" },
  [PULSE_CONNECTION_STATE_LIVE] = { "network-transmit-receive-symbolic", "live" },
  [PULSE_CONNECTION_STATE_RECONNECTING] = { "emblem-synchronizing-symbolic", "reconnecting" },
  [PULSE_CONNECTION_STATE_OFFLINE] = { "network-offline-symbolic", "offline" },
  [PULSE_CONNECTION_STATE_UNAUTHORIZED] = { "dialog-password-symbolic", "unauthorized" },
  [PULSE_CONNECTION_STATE_INCOMPATIBLE] = { "dialog-warning-symbolic", "incompatible" },
};

static const char *
label_for_state (PulseConnectionState state)
{
  switch (state)
    {
    case PULSE_CONNECTION_STATE_CONNECTING:
      /* Translators: connection state, shown in the header bar */
      return C_("connection state", "Connecting…");
    case PULSE_CONNECTION_STATE_LIVE:
      /* Translators: connection state: data arrives as it happens */
      return C_("connection state", "Live");
    case PULSE_CONNECTION_STATE_RECONNECTING:
      /* Translators: connection state, shown in the header bar */
      return C_("connection state", "Reconnecting…");
    case PULSE_CONNECTION_STATE_OFFLINE:
      /* Translators: connection state: the server cannot be reached */
      return C_("connection state", "Offline");
    case PULSE_CONNECTION_STATE_UNAUTHORIZED:
      /* Translators: connection state: the server refused the API token */
      return C_("connection state", "Not signed in");
    case PULSE_CONNECTION_STATE_INCOMPATIBLE:
      /* Translators: connection state: the server is too old or too new */
      return C_("connection state", "Incompatible server");
    case PULSE_CONNECTION_STATE_DISCONNECTED:
    default:
      /* Translators: connection state, shown in the header bar */
      return C_("connection state", "Not connected");
    }
}

static const char *
explanation_for_state (PulseConnectionState state)
{
  switch (state)
    {
    case PULSE_CONNECTION_STATE_CONNECTING:
      return _("Contacting the helpdesk server.");
    case PULSE_CONNECTION_STATE_LIVE:
      return _("Figures update as the helpdesk reports changes.");
    case PULSE_CONNECTION_STATE_RECONNECTING:
      return _("The connection dropped. Pulse is trying again; figures may be out of date.");
    case PULSE_CONNECTION_STATE_OFFLINE:
      return _("The server cannot be reached. Figures are from the last update.");
    case PULSE_CONNECTION_STATE_UNAUTHORIZED:
      return _("The server refused the API token. Connect again with a valid token.");
    case PULSE_CONNECTION_STATE_INCOMPATIBLE:
      return _("The server speaks a different version of the Pulse protocol. "
               "Update Pulse or the server.");
    case PULSE_CONNECTION_STATE_DISCONNECTED:
    default:
      return _("Pulse is not following any helpdesk server.");
    }
}

/**
 * pulse_connection_indicator_format_age:
 * @last_event_at: when the last update arrived, in µs since the epoch,
 *   or 0 if none has
 * @now: the current time, in µs since the epoch
 *
 * Returns: (transfer full): how old the data is, as a sentence.
 */
char *
pulse_connection_indicator_format_age (gint64 last_event_at,
                                       gint64 now)
{
  gint64 age = now - last_event_at;
  int n;

  if (last_event_at <= 0)
    return g_strdup (_("No updates received yet"));

  /* A clock that stepped back is not data from the future. */
  if (age < SECOND)
    return g_strdup (_("Last update just now"));

  if (age < MINUTE)
    {
      n = (int) (age / SECOND);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last update %d second ago",
                                           "Last update %d seconds ago", n), n);
    }

  if (age < HOUR)
    {
      n = (int) (age / MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last update %d minute ago",
                                           "Last update %d minutes ago", n), n);
    }

  if (age < DAY)
    {
      n = (int) (age / HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last update %d hour ago",
                                           "Last update %d hours ago", n), n);
    }

  n = (int) MIN (age / DAY, G_MAXINT);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last update %d day ago",
                                       "Last update %d days ago", n), n);
}

/**
 * pulse_connection_indicator_state_compute:
 * @state: (out caller-allocates): the look, cleared with
 *   pulse_connection_indicator_state_clear()
 * @connection_state: the session's connection state
 * @server_url: (nullable): the server the session follows
 * @last_event_at: when the last update arrived (µs since the epoch), or 0
 * @now: the current time (µs since the epoch)
 */
void
pulse_connection_indicator_state_compute (PulseConnectionIndicatorState *state,
                                          PulseConnectionState           connection_state,
                                          const char                    *server_url,
                                          gint64                         last_event_at,
                                          gint64                         now)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *age = NULL;

  g_return_if_fail (state != NULL);

  if ((guint) connection_state >= G_N_ELEMENTS (looks))
    connection_state = PULSE_CONNECTION_STATE_DISCONNECTED;

  state->icon_name = looks[connection_state].icon_name;
  state->css_class = looks[connection_state].css_class;
  state->label = label_for_state (connection_state);

  g_ptr_array_add (lines, g_strdup (explanation_for_state (connection_state)));
  if (server_url != NULL && server_url[0] != '\0')
    g_ptr_array_add (lines, g_strdup (server_url));
  if (server_url != NULL || last_event_at > 0)
    g_ptr_array_add (lines, pulse_connection_indicator_format_age (last_event_at, now));
  g_ptr_array_add (lines, NULL);

  state->tooltip = g_strjoinv ("\n", (char **) lines->pdata);
}

void
pulse_connection_indicator_state_clear (PulseConnectionIndicatorState *state)
{
  g_clear_pointer (&state->tooltip, g_free);
}
