/* pulse-client-send.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mutation call of #PulseClient: one request with a JSON body, whose
 * answer is handed back whatever its status, so the outbox can tell an
 * acknowledgement from a conflict, a refusal and a reason to retry.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "pulse-client-private.h"
#include "pulse-json.h"

/* Longer waits than a day are not a server's advice but a mistake. */
#define MAX_RETRY_AFTER_SECONDS (24 * 60 * 60)

typedef struct
{
  SoupMessage *msg;
  guint        status;
  JsonNode    *answer;
  guint        retry_after;
  gboolean     replayed;
} Send;

static void
send_free (Send *send)
{
  g_clear_object (&send->msg);
  g_clear_pointer (&send->answer, json_node_unref);
  g_free (send);
}

/* `Retry-After` is delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns 0 when there is none or it cannot be read. */
static guint
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;
  char *end = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;

  if (g_ascii_isdigit (value[0]))
    {
      errno = 0;
      seconds = g_ascii_strtoull (value, &end, 10);
      if (errno != 0 || *end != '\0')
        return 0;
      return (guint) MIN (seconds, MAX_RETRY_AFTER_SECONDS);
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (when, now);
  if (span <= 0)
    return 0;
  return (guint) MIN ((span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND,
                      MAX_RETRY_AFTER_SECONDS);
}

/* Any answer that is JSON is kept; a proxy's HTML error page or an empty
 * body is no answer, and not an error: the status says enough. */
static JsonNode *
parse_answer (GBytes *body)
{
  gsize size = body != NULL ? g_bytes_get_size (body) : 0;

  if (size == 0 || size > PULSE_CLIENT_MAX_BODY_BYTES)
    return NULL;

  return pulse_json_parse (g_bytes_get_data (body, NULL), size, NULL);
}

static void
send_json_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

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

  headers = soup_message_get_response_headers (send->msg);
  send->status = soup_message_get_status (send->msg);
  send->answer = parse_answer (body);
  send->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
  send->replayed = g_strcmp0 (soup_message_headers_get_one (headers, "Idempotent-Replayed"),
                              "true") == 0;
  g_task_return_boolean (task, TRUE);
}

/* libsoup 3.2 sends a message again on a new connection when a kept-alive
 * one closed under it, but with the body stream it already read: an empty
 * body, which the server refuses (400) or, with the same Idempotency-Key,
 * takes for another request (422). Each new attempt gets the body again. */
static void
on_restarted_cb (SoupMessage *msg,
                 gpointer     user_data)
{
  soup_message_set_request_body_from_bytes (msg, "application/json", user_data);
}

static void
set_body (SoupMessage *msg,
          JsonNode    *body)
{
  char *text = pulse_json_to_string (body);
  GBytes *bytes = g_bytes_new_take (text, strlen (text));

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  g_signal_connect_data (msg, "restarted", G_CALLBACK (on_restarted_cb), bytes,
                         (GClosureNotify) (void (*) (void)) g_bytes_unref, 0);
}

/**
 * pulse_client_send_json_async:
 * @method: "POST", "PUT", "PATCH" or "DELETE"
 * @path: an absolute path under the base URL, such as "/api/v1/rules"
 * @body: (nullable): the request body, sent as application/json
 * @if_match: (nullable): the version the change is based on, sent as
 *   `If-Match`
 * @idempotency_key: (nullable): sent as `Idempotency-Key`; the same key
 *   with the same request is answered from the server's memory
 *
 * Sends one change. Unlike pulse_client_get_json_async(), every HTTP
 * status is a result, not an error: the caller decides what a 412 or a
 * 429 means for it.
 */
void
pulse_client_send_json_async (PulseClient         *self,
                              const char          *method,
                              const char          *path,
                              JsonNode            *body,
                              const char          *if_match,
                              const char          *idempotency_key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessageHeaders *headers;
  Send *send;

  g_return_if_fail (PULSE_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_client_send_json_async);

  send = g_new0 (Send, 1);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);
  send->msg = _pulse_client_new_message (self, method, path);
  if (send->msg == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "not a valid request: %s %s%s", method,
                               pulse_client_get_base_url (self), path);
      return;
    }

  headers = soup_message_get_request_headers (send->msg);
  soup_message_headers_append (headers, "Accept", "application/json");
  if (if_match != NULL)
    soup_message_headers_append (headers, "If-Match", if_match);
  if (idempotency_key != NULL)
    soup_message_headers_append (headers, "Idempotency-Key", idempotency_key);
  if (body != NULL)
    set_body (send->msg, body);

  soup_session_send_and_read_async (pulse_client_get_soup (self), send->msg, G_PRIORITY_DEFAULT,
                                    cancellable, send_json_read_cb, g_steal_pointer (&task));
}

/**
 * pulse_client_send_json_finish:
 * @status: (out) (optional): the HTTP status
 * @answer: (out) (optional) (transfer full) (nullable): the answer's
 *   JSON, or %NULL when the body was empty or not JSON
 * @retry_after: (out) (optional): the answer's `Retry-After` in seconds
 *   (either form), 0 if none
 * @replayed: (out) (optional): whether the server answered from its
 *   idempotency memory (`Idempotent-Replayed: true`)
 *
 * Returns: %TRUE if the server answered, whatever the status; %FALSE
 *   with %PULSE_CLIENT_ERROR_OFFLINE when it could not be reached (or
 *   the answer was cut off), %G_IO_ERROR_CANCELLED, or
 *   %PULSE_CLIENT_ERROR_PROTOCOL for a request that is not a valid URL.
 */
gboolean
pulse_client_send_json_finish (PulseClient   *self,
                               GAsyncResult  *result,
                               guint         *status,
                               JsonNode     **answer,
                               guint         *retry_after,
                               gboolean      *replayed,
                               GError       **error)
{
  Send *send;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  send = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = send->status;
  if (answer != NULL)
    *answer = send->answer != NULL ? json_node_ref (send->answer) : NULL;
  if (retry_after != NULL)
    *retry_after = send->retry_after;
  if (replayed != NULL)
    *replayed = send->replayed;
  return TRUE;
}
