/* pulse-session-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift coverage on demand: unlike the lists, coverage is computed by
 * the server for a range (GET /api/v1/coverage), so pages ask for it when
 * they need it. The answer is decoded on a worker thread: a week of 40
 * queues is 13,440 intervals, too many to build within one frame.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-client.h"
#include "pulse-session-coverage.h"
#include "pulse-sync.h"
#include "pulse-time-utils.h"

static void
fetch_coverage_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JsonNode *answer = task_data;
  g_autoptr(GError) error = NULL;
  PulseCoverageReport *report;

  pulse_background_enter ();

  report = pulse_coverage_report_new_from_json (answer, &error);
  if (report == NULL)
    {
      /* The server broke the protocol: say so in the client's terms. */
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "/api/v1/coverage: %s", error->message);
      return;
    }

  g_task_return_pointer (task, report, g_object_unref);
}

static void
fetch_coverage_get_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *answer;

  answer = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, answer, (GDestroyNotify) json_node_unref);
  pulse_background_run_in_thread (task, fetch_coverage_worker);
}

static char *
coverage_path (gint64      from,
               gint64      to,
               const char *queue_id)
{
  g_autofree char *from_text = pulse_time_format (from);
  g_autofree char *to_text = pulse_time_format (to);
  g_autofree char *from_arg = g_uri_escape_string (from_text, NULL, FALSE);
  g_autofree char *to_arg = g_uri_escape_string (to_text, NULL, FALSE);
  g_autofree char *queue_arg = NULL;

  if (queue_id == NULL)
    return g_strdup_printf ("/api/v1/coverage?from=%s&to=%s", from_arg, to_arg);

  queue_arg = g_uri_escape_string (queue_id, NULL, FALSE);
  return g_strdup_printf ("/api/v1/coverage?from=%s&to=%s&queue=%s", from_arg, to_arg,
                          queue_arg);
}

/**
 * pulse_session_fetch_coverage_async:
 * @self: a session
 * @from: the start of the range; the server rounds it down to :00 or :30
 * @to: the end of the range, after @from; rounded up, at most 8 weeks on
 * @queue_id: (nullable): one queue, or %NULL for every queue
 * @cancellable: (nullable): cancels the request; the callback then gets
 *   %G_IO_ERROR_CANCELLED
 * @callback: called on the main context with the result
 * @user_data: for @callback
 *
 * Asks the server followed for the staffing of every 30-minute interval
 * of the range: forecast arrivals, handle time, agents required,
 * scheduled and online (see pulse_coverage_report_new_from_json()).
 */
void
pulse_session_fetch_coverage_async (PulseSession        *self,
                                    gint64               from,
                                    gint64               to,
                                    const char          *queue_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  PulseSync *sync;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (from < to);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_fetch_coverage_async);

  sync = pulse_session_get_sync (self);
  if (sync == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "not connected to a server");
      return;
    }

  path = coverage_path (from, to, queue_id);
  pulse_client_get_json_async (pulse_sync_get_client (sync), path, cancellable,
                               fetch_coverage_get_cb, g_steal_pointer (&task));
}

/**
 * pulse_session_fetch_coverage_finish:
 * @self: a session
 * @result: the result given to the callback
 * @error: return location for a #PULSE_CLIENT_ERROR (%PULSE_CLIENT_ERROR_OFFLINE
 *   without a server, %PULSE_CLIENT_ERROR_PROTOCOL for an answer that does
 *   not hold together, …) or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the coverage, or %NULL on error.
 */
PulseCoverageReport *
pulse_session_fetch_coverage_finish (PulseSession  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
