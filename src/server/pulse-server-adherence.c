/* pulse-server-adherence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/adherence?from=…&to=…` (docs/protocol.md, Schedule
 * adherence). As for coverage, the query is read on the main thread and
 * the message is paused while a worker thread loads and measures.
 */

#include "config.h"

#include <string.h>

#include "pulse-adherence-load.h"
#include "pulse-coverage.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-server-adherence.h"
#include "pulse-server-http.h"

#define ADHERENCE_PATH "/api/v1/adherence"

typedef struct
{
  PulseDb           *db;
  gint64             from;
  gint64             to;
  gint64             now;
  SoupServerMessage *msg;
} Job;

/* The message is let go of on the main thread, in adherence_done_cb(). */
static void
job_free (Job *job)
{
  g_clear_object (&job->msg);
  g_clear_object (&job->db);
  g_free (job);
}

static gboolean
read_time (GHashTable  *query,
           const char  *name,
           gint64      *usec,
           GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: is required", name);
  else if (!pulse_time_parse (text, usec))
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                 "%s: is not an RFC 3339 time with a time zone", name);

  return text != NULL && (error == NULL || *error == NULL);
}

static gboolean
read_query (GHashTable  *query,
            Job         *job,
            GError     **error)
{
  GHashTableIter iter;
  gpointer name;

  if (query != NULL)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_str_equal (name, "from") && !g_str_equal (name, "to"))
          {
            g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                         "%s: unknown parameter", (const char *) name);
            return FALSE;
          }
    }

  if (!read_time (query, "from", &job->from, error) || !read_time (query, "to", &job->to, error))
    return FALSE;
  if (job->to <= job->from)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "to: must be after from");
      return FALSE;
    }
  if (job->to - job->from > PULSE_COVERAGE_MAX_RANGE_USEC)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "to: must be at most 8 weeks after from");
      return FALSE;
    }

  return TRUE;
}

static void
adherence_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PulseAdherenceReport) report = NULL;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  report = pulse_adherence_load (job->db, job->from, job->to, job->now, cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  answer = pulse_adherence_report_to_json (report);
  g_task_return_pointer (task, pulse_json_to_string (answer), g_free);
}

static void
adherence_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&job->msg);
  gsize length;

  if (text != NULL)
    {
      length = strlen (text);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                        SOUP_MEMORY_TAKE, g_steal_pointer (&text), length);
    }
  else
    {
      g_warning ("cannot measure adherence: %s", error->message);
      pulse_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  "the server could not measure adherence");
    }

  soup_server_message_unpause (msg);
}

static void
on_adherence_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (!g_str_equal (path, ADHERENCE_PATH))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  "adherence accepts GET only");
      return;
    }

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  job = g_new0 (Job, 1);
  job->now = g_get_real_time ();
  if (!read_query (query, job, &error))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      job_free (job);
      return;
    }

  job->db = g_object_ref (pulse_server_get_db (self));
  job->msg = g_object_ref (msg);
  task = g_task_new (NULL, NULL, adherence_done_cb, NULL);
  g_task_set_source_tag (task, on_adherence_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  soup_server_message_pause (msg);
  g_task_run_in_thread (task, adherence_worker);
}

/**
 * pulse_server_adherence_install:
 * @self: a server
 *
 * Adds `/api/v1/adherence` to the server.
 */
void
pulse_server_adherence_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), ADHERENCE_PATH, on_adherence_cb, self,
                           NULL);
}
