/* pulse-server-metrics.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/metrics?from=…&to=…&group=…` (docs/protocol.md, Metrics):
 * the KPIs of a window, computed by pulse-metrics-query.c in a worker
 * thread while the message waits paused, so a 90-day question does not
 * stop the server answering everyone else.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-metrics-query.h"
#include "pulse-server-http.h"
#include "pulse-server-listen.h"
#include "pulse-server-metrics.h"
#include "pulse-time-utils.h"

#define METRICS_PATH "/api/v1/metrics"

typedef struct
{
  PulseMetricsQuery  query;
  PulseDb           *db;
  SoupServerMessage *msg;
  GCancellable      *cancellable;
  GSource           *watch;
  gulong             disconnected_id;
  gboolean           disconnected;
} Request;

/* The task may be finalized on the worker thread: by then the main
 * thread's part (message, watch, signal) is gone, see stop_watching(). */
static void
request_free (gpointer data)
{
  Request *request = data;

  g_assert (request->watch == NULL && request->msg == NULL);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->db);
  g_free (request);
}

static void
stop_watching (Request *request)
{
  if (request->watch != NULL)
    g_source_destroy (request->watch);
  g_clear_pointer (&request->watch, g_source_unref);
  g_clear_signal_handler (&request->disconnected_id, request->msg);
}

static gboolean
read_time (GHashTable  *query,
           const char  *name,
           gint64      *usec,
           GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  const char *problem = NULL;

  if (text == NULL)
    problem = "is required, an RFC 3339 time";
  else if (!pulse_time_parse (text, usec))
    problem = "is not an RFC 3339 time with a time zone";

  if (problem != NULL)
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", name, problem);

  return problem == NULL;
}

static gboolean
read_group (GHashTable     *query,
            PulseKpiGroup  *group,
            GError        **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "group") : NULL;
  int value = PULSE_KPI_GROUP_NONE;

  if (text != NULL && !pulse_enum_from_nick (PULSE_TYPE_KPI_GROUP, text, &value))
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "group: must be none, agent, team, queue, channel or country");
      return FALSE;
    }

  *group = value;
  return TRUE;
}

static gboolean
read_query (GHashTable         *query,
            PulseMetricsQuery  *metrics,
            GError            **error)
{
  if (!read_time (query, "from", &metrics->from, error) ||
      !read_time (query, "to", &metrics->to, error) ||
      !read_group (query, &metrics->group, error))
    return FALSE;

  if (metrics->to <= metrics->from)
    g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                         "to: must be after from");
  else if (metrics->to - metrics->from > PULSE_METRICS_MAX_DAYS * PULSE_USEC_PER_DAY)
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                 "to: the window may span at most %d days", PULSE_METRICS_MAX_DAYS);

  return *error == NULL;
}

static void
on_message_disconnected_cb (SoupServerMessage *msg,
                            gpointer           user_data)
{
  Request *request = user_data;

  request->disconnected = TRUE;
  g_cancellable_cancel (request->cancellable);
}

/* A paused message reads nothing, so libsoup would notice a client that
 * gave up only when the answer is written. Peeking at the socket tells
 * sooner: end of stream stops the worker. Anything else (the client's
 * next request) ends the watch. */
static gboolean
on_socket_ready_cb (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  char byte;
  GInputVector vector = { &byte, 1 };
  int flags = G_SOCKET_MSG_PEEK;
  gssize received = 0;

  if ((condition & G_IO_IN) != 0)
    received = g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL,
                                         &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return G_SOURCE_CONTINUE;

  if (received <= 0)
    {
      g_debug ("metrics: the client left; stopping its query");
      g_cancellable_cancel (request->cancellable);
    }

  g_clear_pointer (&request->watch, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
watch_client (Request *request)
{
  GSocket *socket = pulse_server_message_get_socket (request->msg);

  request->disconnected_id = g_signal_connect (request->msg, "disconnected",
                                               G_CALLBACK (on_message_disconnected_cb), request);
  if (socket == NULL)
    return;

  request->watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (request->watch, G_SOURCE_FUNC (on_socket_ready_cb), request, NULL);
  g_source_attach (request->watch, g_main_context_get_thread_default ());
}

static void
metrics_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  JsonNode *answer;

  answer = pulse_metrics_query_run (&request->query, request->db, cancellable, &error);
  if (answer != NULL)
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
metrics_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PulseServer) server G_GNUC_UNUSED = user_data;  /* let go on this thread */
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = g_task_propagate_pointer (G_TASK (result), &error);
  stop_watching (request);
  if (request->disconnected)
    {
      g_clear_object (&request->msg);
      return;
    }

  if (answer != NULL)
    pulse_server_respond_json (request->msg, SOUP_STATUS_OK, answer);
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("cannot compute metrics: %s", error->message);
      pulse_server_respond_error (request->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  "the server could not compute the metrics");
    }
  soup_server_message_unpause (request->msg);
  g_clear_object (&request->msg);
}

static void
start_query (PulseServer             *self,
             SoupServerMessage       *msg,
             const PulseMetricsQuery *query)
{
  g_autoptr(GTask) task = NULL;
  Request *request = g_new0 (Request, 1);

  request->query = *query;
  request->db = g_object_ref (pulse_server_get_db (self));
  request->msg = g_object_ref (msg);
  request->cancellable = g_cancellable_new ();

  soup_server_message_pause (msg);
  watch_client (request);

  /* The server is held by the callback, not as the task's source object:
   * the worker may let go of the task last, and would then dispose the
   * server in its thread. */
  task = g_task_new (NULL, request->cancellable, metrics_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, metrics_worker);
}

static void
on_metrics_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  PulseMetricsQuery metrics = { PULSE_KPI_GROUP_NONE, 0, 0, 0 };

  if (!g_str_equal (path, METRICS_PATH))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  "metrics accepts GET only");
      return;
    }

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  if (!read_query (query, &metrics, &error))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      return;
    }

  metrics.now = g_get_real_time ();
  start_query (self, msg, &metrics);
}

/**
 * pulse_server_metrics_install:
 *
 * Adds `/api/v1/metrics` to the server.
 */
void
pulse_server_metrics_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), METRICS_PATH, on_metrics_cb, self,
                           NULL);
}
