/* pulse-server-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/coverage` (docs/protocol.md, Shift coverage). The handler
 * reads the query on the main thread, then pauses the message while a
 * worker thread loads and computes, so other requests go on meanwhile.
 */

#include "config.h"

#include <math.h>

#include "pulse-coverage-load.h"
#include "pulse-coverage.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-server-coverage.h"
#include "pulse-server-http.h"

#define COVERAGE_PATH "/api/v1/coverage"
#define INTERVAL      PULSE_FORECAST_INTERVAL_USEC

typedef struct
{
  PulseDb              *db;
  PulseCoverageRequest  request;
  char                 *queue_id;
  SoupServerMessage    *msg;
  gulong                disconnected_id;
  gboolean              disconnected;
  GCancellable         *cancellable;
} Job;

/* May run in the worker thread: GTask frees its data where its last
 * reference goes. So the message (and the handler on it) is let go of
 * in coverage_done_cb(), on the main thread, and nothing here touches it;
 * disconnecting from another thread could race a "disconnected" emission
 * and run the handler on freed memory. */
static void
job_free (Job *job)
{
  g_assert (job->msg == NULL || job->disconnected_id == 0);
  g_clear_object (&job->msg);
  g_clear_object (&job->db);
  g_clear_object (&job->cancellable);
  g_free (job->queue_id);
  g_free (job);
}

static gboolean
refuse (GError     **error,
        const char  *name,
        const char  *rule)
{
  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", name, rule);
  return FALSE;
}

static gboolean
read_time (GHashTable  *query,
           const char  *name,
           gint64      *usec,
           GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    return refuse (error, name, "is required");
  if (!pulse_time_parse (text, usec))
    return refuse (error, name, "is not an RFC 3339 time with a time zone");

  return TRUE;
}

static gboolean
read_number (GHashTable  *query,
             const char  *name,
             double      *value,
             GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  *value = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (*value))
    return refuse (error, name, "is not a number");

  return TRUE;
}

/* A misspelt "shrinkge" would otherwise plan with the default silently. */
static gboolean
check_names (GHashTable  *query,
             GError     **error)
{
  static const char * const known[] = { "from", "to", "queue", "shrinkage", "goal", NULL };
  GHashTableIter iter;
  gpointer name;

  if (query == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (known, name))
      return refuse (error, name, "unknown parameter");

  return TRUE;
}

static gboolean
read_queue (GHashTable  *query,
            char       **queue_id,
            GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "queue") : NULL;

  if (text == NULL)
    return TRUE;
  if (text[0] == '\0')
    return refuse (error, "queue", "must not be empty");
  if (strlen (text) > PULSE_JSON_MAX_ID || !g_utf8_validate (text, -1, NULL))
    return refuse (error, "queue", "is not a queue id");

  *queue_id = g_strdup (text);
  return TRUE;
}

/* from rounds down and to up to interval boundaries, so every interval
 * the two times touch is covered. */
static gboolean
read_query (GHashTable  *query,
            Job         *job,
            GError     **error)
{
  PulseCoverageRequest *request = &job->request;
  double goal = 0;

  request->shrinkage = PULSE_COVERAGE_DEFAULT_SHRINKAGE;
  if (!check_names (query, error) || !read_time (query, "from", &request->from, error)
      || !read_time (query, "to", &request->to, error)
      || !read_number (query, "shrinkage", &request->shrinkage, error)
      || !read_number (query, "goal", &goal, error) || !read_queue (query, &job->queue_id, error))
    return FALSE;

  if (request->to <= request->from)
    return refuse (error, "to", "must be after from");
  if (g_hash_table_contains (query, "goal") && !(goal > 0 && goal < 1))
    return refuse (error, "goal", "must be above 0 and below 1");

  request->goal = goal;
  request->from -= request->from % INTERVAL;
  request->to += (INTERVAL - request->to % INTERVAL) % INTERVAL;
  return pulse_coverage_request_check (request, error);
}

static void
coverage_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PulseCoverage) coverage = pulse_coverage_new (&job->request);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  if (!pulse_coverage_load (coverage, job->db, job->queue_id, cancellable, &error)
      || (queues = pulse_coverage_compute (coverage, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  answer = pulse_coverage_to_json (coverage, queues);
  g_task_return_pointer (task, pulse_json_to_string (answer), g_free);
}

static void
respond_failure (SoupServerMessage *msg,
                 const GError      *error)
{
  if (g_error_matches (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
    pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", error->message);
  else
    {
      g_warning ("cannot compute coverage: %s", error->message);
      pulse_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  "the server could not compute the coverage");
    }
}

static void
coverage_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&job->msg);
  gsize length;

  g_clear_signal_handler (&job->disconnected_id, msg);

  /* The connection is gone: there is no one to answer. */
  if (job->disconnected)
    return;

  if (text != NULL)
    {
      length = strlen (text);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                        SOUP_MEMORY_TAKE, g_steal_pointer (&text), length);
    }
  else
    respond_failure (msg, error);

  soup_server_message_unpause (msg);
}

/* Emitted when libsoup closes the connection, as on server shutdown. A
 * client that hangs up is seen only once the answer is written: libsoup
 * does not read a paused connection. */
static void
on_message_disconnected_cb (SoupServerMessage *msg,
                            gpointer           user_data)
{
  Job *job = user_data;

  g_debug ("coverage: the connection closed; the computation stops");
  job->disconnected = TRUE;
  g_cancellable_cancel (job->cancellable);
}

static void
start_job (PulseServer       *self,
           SoupServerMessage *msg,
           Job               *job)
{
  g_autoptr(GTask) task = NULL;

  job->db = g_object_ref (pulse_server_get_db (self));
  job->msg = g_object_ref (msg);
  job->cancellable = g_cancellable_new ();
  job->disconnected_id = g_signal_connect (msg, "disconnected",
                                           G_CALLBACK (on_message_disconnected_cb), job);

  task = g_task_new (NULL, job->cancellable, coverage_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  soup_server_message_pause (msg);
  g_task_run_in_thread (task, coverage_worker);
}

static void
on_coverage_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  if (!g_str_equal (path, COVERAGE_PATH))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  "coverage accepts GET only");
      return;
    }

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  job = g_new0 (Job, 1);
  job->request.now = g_get_real_time ();
  if (!read_query (query, job, &error))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      job_free (job);
      return;
    }

  start_job (self, msg, job);
}

/**
 * pulse_server_coverage_install:
 *
 * Adds `/api/v1/coverage` to the server.
 */
void
pulse_server_coverage_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), COVERAGE_PATH, on_coverage_cb, self,
                           NULL);
}
