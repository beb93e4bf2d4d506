/* pulse-client-get.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseClient's reads: a GET whose answer is parsed as JSON in a worker
 * thread. Part of PulseClient (pulse-client-private.h).
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-client-private.h"
#include "pulse-json.h"

/* A GET in flight: the message, then the body read for the worker. */
typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
} GetJson;

static void
get_json_free (GetJson *get)
{
  g_clear_object (&get->msg);
  g_clear_pointer (&get->body, g_bytes_unref);
  g_free (get);
}

/* In a worker: json-glib parsers are safe per thread, and a snapshot of
 * several megabytes takes tens of milliseconds to parse, which the main
 * loop must not spend. The worker sees only the body. */
static void
get_json_parse_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GetJson *get = task_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  pulse_background_enter ();

  node = pulse_json_parse (g_bytes_get_data (get->body, NULL), g_bytes_get_size (get->body),
                           &error);
  if (node == NULL)
    g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                             "%s", error->message);
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
get_json_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GetJson *get = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                                 "%s", error->message);
      return;
    }

  status = soup_message_get_status (get->msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GUri *uri = soup_message_get_uri (get->msg);

      g_task_return_error (task, pulse_client_error_from_status (status, g_uri_get_path (uri)));
      return;
    }

  if (g_bytes_get_size (body) > PULSE_CLIENT_MAX_BODY_BYTES)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "response larger than %d bytes", PULSE_CLIENT_MAX_BODY_BYTES);
      return;
    }

  get->body = g_steal_pointer (&body);
  pulse_background_run_in_thread (task, get_json_parse_worker);
}

/**
 * pulse_client_get_json_async:
 * @path: an absolute path under the base URL, such as "/api/v1/health"
 *
 * GETs @path and parses the answer as JSON. The request runs on the
 * calling thread's main context, as libsoup wants; the parse runs in a
 * worker thread, so a large snapshot or history page does not hold the
 * main loop. The callback comes back on the calling thread's context.
 */
void
pulse_client_get_json_async (PulseClient         *self,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GetJson *get;

  g_return_if_fail (PULSE_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_client_get_json_async);

  msg = _pulse_client_new_message (self, SOUP_METHOD_GET, path);
  if (msg == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "not a valid URL: %s%s", pulse_client_get_base_url (self), path);
      return;
    }

  soup_message_headers_append (soup_message_get_request_headers (msg), "Accept",
                               "application/json");

  get = g_new0 (GetJson, 1);
  get->msg = g_object_ref (msg);
  g_task_set_task_data (task, get, (GDestroyNotify) get_json_free);
  soup_session_send_and_read_async (pulse_client_get_soup (self), msg, G_PRIORITY_DEFAULT,
                                    cancellable, get_json_read_cb, g_steal_pointer (&task));
}

/**
 * pulse_client_get_json_finish:
 *
 * Returns: (transfer full) (nullable): the parsed body, or %NULL with a
 *   %PULSE_CLIENT_ERROR (or %G_IO_ERROR_CANCELLED).
 */
JsonNode *
pulse_client_get_json_finish (PulseClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
