/* pulse-test-events.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/socket.h>

#include "pulse-test-events.h"

#define WAIT_MS 90000  /* generous: ASan with full unwinding is 25 times slower */

const Settings pulse_test_small_queue = { 0, 1024 * 1024 };
const Settings pulse_test_fast_ping = { 1, 0 };

void
pulse_test_fixture_set_up (Fixture       *fixture,
                           gconstpointer  data)
{
  const Settings *settings = data;
  g_autoptr(GError) error = NULL;
  PulseServerConfig config;

  fixture->db = pulse_server_schema_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->server = pulse_server_new (fixture->db);
  fixture->log = g_object_ref (pulse_server_get_event_log (fixture->server));

  pulse_server_config_init_defaults (&config);
  if (settings != NULL && settings->ping_interval_seconds != 0)
    config.ping_interval_seconds = settings->ping_interval_seconds;
  if (settings != NULL && settings->send_queue_bytes != 0)
    config.send_queue_bytes = settings->send_queue_bytes;
  pulse_server_set_config (fixture->server, &config);

  g_assert_true (pulse_server_listen (fixture->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->url = pulse_server_dup_url (fixture->server);
  fixture->token = pulse_token_store_add (pulse_server_get_token_store (fixture->server),
                                          "Ivan", PULSE_ROLE_VIEWER, NULL, &error);
  g_assert_no_error (error);
  fixture->soup = soup_session_new ();
}

void
pulse_test_fixture_tear_down (Fixture       *fixture,
                              gconstpointer  data)
{
  soup_session_abort (fixture->soup);
  g_clear_object (&fixture->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->soup);
  g_clear_object (&fixture->log);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->token, g_free);
}

typedef struct
{
  PulseEventLog *log;
  guint          count;
  gsize          pad;
} AppendJob;

static gboolean
append_func (PulseDb   *db,
             gpointer   user_data,
             GError   **error)
{
  AppendJob *job = user_data;
  g_autofree char *pad = g_strnfill (job->pad, 'a');

  for (guint i = 0; i < job->count; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", "t1");
      pulse_json_add_int (builder, "n", i);
      if (job->pad > 0)
        pulse_json_add_string (builder, "pad", pad);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      if (pulse_event_log_append (job->log, "ticket.updated", node, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * pulse_test_append:
 * @count: events to append in one transaction
 * @pad: bytes of padding in each event's data
 */
void
pulse_test_append (Fixture *fixture,
                   guint    count,
                   gsize    pad)
{
  g_autoptr(GError) error = NULL;
  AppendJob job = { fixture->log, count, pad };

  g_assert_true (pulse_server_commit (fixture->server, append_func, &job, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GBytes   *body;
  gboolean  done;
} Request;

static void
on_request_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Request *request = user_data;

  request->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  request->done = TRUE;
}

static gboolean
request_is_done (gpointer user_data)
{
  return ((Request *) user_data)->done;
}

static void
add_token (SoupMessage *msg,
           const char  *token)
{
  g_autofree char *auth = NULL;

  if (token == NULL)
    return;

  auth = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
}

/**
 * pulse_test_get:
 *
 * A plain GET (no upgrade) that must answer @expected_status with JSON.
 *
 * Returns: (transfer full): the body.
 */
JsonNode *
pulse_test_get (Fixture    *fixture,
                const char *path,
                const char *token,
                guint       expected_status)
{
  g_autofree char *url = g_strconcat (fixture->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Request request = { NULL, FALSE };
  JsonNode *node;

  add_token (msg, token);
  soup_session_send_and_read_async (fixture->soup, msg, G_PRIORITY_DEFAULT, NULL,
                                    on_request_done_cb, &request);
  pulse_test_wait_for (request_is_done, &request, WAIT_MS);

  g_assert_nonnull (request.body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, expected_status);
  node = pulse_json_parse (g_bytes_get_data (request.body, NULL),
                           g_bytes_get_size (request.body), NULL);
  g_assert_nonnull (node);
  g_bytes_unref (request.body);
  return node;
}

void
pulse_test_assert_error (JsonNode   *body,
                         const char *code,
                         const char *message_part)
{
  JsonObject *error = json_object_get_object_member (json_node_get_object (body), "error");
  const char *message;

  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  message = json_object_get_string_member (error, "message");
  g_assert_nonnull (message);
  if (message_part != NULL && strstr (message, message_part) == NULL)
    g_error ("“%s” does not name “%s”", message, message_part);
}

/**
 * pulse_test_assert_events:
 * @frames: (element-type JsonNode): what a client got
 * @offset: where in @frames the events start
 *
 * @frames holds exactly the log's events @first..@last from @offset on,
 * each as pulse_event_log_read_since() gives it: nothing missing, nothing
 * twice, nothing else.
 */
void
pulse_test_assert_events (Fixture   *fixture,
                          GPtrArray *frames,
                          guint      offset,
                          gint64     first,
                          gint64     last)
{
  gint64 seq = first - 1;

  g_assert_cmpuint (frames->len, ==, offset + (last - first + 1));
  while (seq < last)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = pulse_event_log_read_since (fixture->log, seq, 1000, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (events->len, >, 0);
      for (guint i = 0; i < events->len && seq < last; i++)
        {
          JsonNode *got = frames->pdata[offset + (seq - first + 1)];

          seq++;
          g_assert_cmpint (json_object_get_int_member (json_node_get_object (got), "seq"), ==,
                           seq);
          g_assert_true (json_node_equal (got, events->pdata[i]));
        }
    }
}

static void
on_ws_message_cb (SoupWebsocketConnection *conn,
                  int                      type,
                  GBytes                  *message,
                  gpointer                 user_data)
{
  WsClient *client = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  node = pulse_json_parse (g_bytes_get_data (message, NULL), g_bytes_get_size (message), &error);
  g_assert_no_error (error);
  g_ptr_array_add (client->frames, node);
}

static void
on_ws_closed_cb (SoupWebsocketConnection *conn,
                 gpointer                 user_data)
{
  ((WsClient *) user_data)->closed = TRUE;
}

static void
on_ws_connected_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WsClient *client = user_data;

  client->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, NULL);
  client->connected = TRUE;
  if (client->conn == NULL)
    return;

  g_signal_connect (client->conn, "message", G_CALLBACK (on_ws_message_cb), client);
  g_signal_connect (client->conn, "closed", G_CALLBACK (on_ws_closed_cb), client);
}

/**
 * pulse_test_ws_connect:
 * @since: the query value, as sent
 * @token: (nullable): the token, or %NULL for the fixture's viewer; ""
 *   sends none
 *
 * Returns: (transfer full): a client whose connect has started.
 */
WsClient *
pulse_test_ws_connect (Fixture    *fixture,
                       const char *since,
                       const char *token)
{
  g_autofree char *url = g_strdup_printf ("%s/api/v1/events?since=%s", fixture->url, since);
  WsClient *client = g_new0 (WsClient, 1);

  client->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  client->msg = soup_message_new ("GET", url);
  if (token == NULL)
    token = fixture->token;
  if (*token != '\0')
    add_token (client->msg, token);

  soup_session_websocket_connect_async (fixture->soup, client->msg, NULL, NULL,
                                        G_PRIORITY_DEFAULT, NULL, on_ws_connected_cb, client);
  return client;
}

static gboolean
ws_is_connected (gpointer user_data)
{
  return ((WsClient *) user_data)->connected;
}

void
pulse_test_ws_wait_connected (WsClient *client)
{
  pulse_test_wait_for (ws_is_connected, client, WAIT_MS);
}

/**
 * pulse_test_ws_open:
 *
 * Connects and waits for the upgrade, which must succeed.
 *
 * Returns: (transfer full): the open client.
 */
WsClient *
pulse_test_ws_open (Fixture    *fixture,
                    const char *since,
                    const char *token)
{
  WsClient *client = pulse_test_ws_connect (fixture, since, token);

  pulse_test_ws_wait_connected (client);
  g_assert_nonnull (client->conn);
  return client;
}

typedef struct
{
  WsClient *client;
  guint     count;
} FrameWait;

static gboolean
has_frames (gpointer user_data)
{
  FrameWait *wait = user_data;

  return wait->client->frames->len >= wait->count || wait->client->closed;
}

/* Waits for @count frames; the client must still be open then. */
void
pulse_test_ws_wait_frames (WsClient *client,
                           guint     count)
{
  FrameWait wait = { client, count };

  pulse_test_wait_for (has_frames, &wait, WAIT_MS);
  g_assert_false (client->closed);
  g_assert_cmpuint (client->frames->len, ==, count);
}

static gboolean
ws_is_closed (gpointer user_data)
{
  return ((WsClient *) user_data)->closed;
}

void
pulse_test_ws_wait_closed (WsClient *client)
{
  pulse_test_wait_for (ws_is_closed, client, WAIT_MS);
}

void
pulse_test_ws_free (WsClient *client)
{
  if (client->conn != NULL)
    {
      g_signal_handlers_disconnect_by_data (client->conn, client);
      if (soup_websocket_connection_get_state (client->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->conn, 1000, NULL);
    }
  g_clear_object (&client->conn);
  g_clear_object (&client->msg);
  g_clear_pointer (&client->frames, g_ptr_array_unref);
  g_free (client);
}
