/* pulse-session-adherence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schedule adherence on demand (GET /api/v1/adherence): the status
 * history lives on the server, so pages ask for a range when they show it.
 */

#include "config.h"

#include "pulse-client.h"
#include "pulse-session-adherence.h"
#include "pulse-sync.h"
#include "pulse-time-utils.h"

static void
fetch_adherence_get_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  PulseAdherenceReport *report;

  answer = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One entry per agent: small enough to decode here. */
  report = pulse_adherence_report_new_from_json (answer, &error);
  if (report == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "/api/v1/adherence: %s", error->message);
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify) pulse_adherence_report_free);
}

/**
 * pulse_session_fetch_adherence_async:
 * @self: a session
 * @from: the start of the range
 * @to: its end, after @from, at most 8 weeks on
 * @cancellable: (nullable): cancels the request
 * @callback: called on the main context with the result
 * @user_data: for @callback
 *
 * Asks the server for every agent's adherence over the range and, when
 * the range holds the present, where each stands now.
 */
void
pulse_session_fetch_adherence_async (PulseSession        *self,
                                     gint64               from,
                                     gint64               to,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *from_text = pulse_time_format (from);
  g_autofree char *to_text = pulse_time_format (to);
  g_autofree char *from_arg = NULL;
  g_autofree char *to_arg = NULL;
  g_autofree char *path = NULL;
  PulseSync *sync;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (from < to);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_fetch_adherence_async);

  sync = pulse_session_get_sync (self);
  if (sync == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "not connected to a server");
      return;
    }

  from_arg = g_uri_escape_string (from_text, NULL, FALSE);
  to_arg = g_uri_escape_string (to_text, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/adherence?from=%s&to=%s", from_arg, to_arg);
  pulse_client_get_json_async (pulse_sync_get_client (sync), path, cancellable,
                               fetch_adherence_get_cb, g_steal_pointer (&task));
}

/**
 * pulse_session_fetch_adherence_finish:
 * @self: a session
 * @result: the result given to the callback
 * @error: return location for a #PULSE_CLIENT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the report; free it with
 *   pulse_adherence_report_free().
 */
PulseAdherenceReport *
pulse_session_fetch_adherence_finish (PulseSession  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
