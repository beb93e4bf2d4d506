/* test-server-events.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/events` on a real in-process server (127.0.0.1, port 0),
 * read with libsoup's client WebSocket, the one the console uses. Client
 * and server share the main context, so everything is async. The raw
 * socket cases (a client that stops reading, pings, protocol errors) are
 * in test-server-events-raw.c.
 */

#include "config.h"

#include "pulse-test-events.h"

#define BACKLOG 5000
#define EXTRA   1000

static void
test_replay_from_zero_then_live (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;

  pulse_test_append (fixture, 5, 0);
  client = pulse_test_ws_open (fixture, "0", NULL);
  pulse_test_ws_wait_frames (client, 5);
  pulse_test_assert_events (fixture, client->frames, 0, 1, 5);

  /* Live: each commit reaches the client as it happens. */
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 6);
  pulse_test_append (fixture, 2, 0);
  pulse_test_ws_wait_frames (client, 8);
  pulse_test_assert_events (fixture, client->frames, 0, 1, 8);
  g_assert_false (client->closed);
}

static void
test_replay_from_the_middle (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;

  pulse_test_append (fixture, 10, 0);
  client = pulse_test_ws_open (fixture, "4", NULL);
  pulse_test_ws_wait_frames (client, 6);
  pulse_test_assert_events (fixture, client->frames, 0, 5, 10);

  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 7);
  pulse_test_assert_events (fixture, client->frames, 0, 5, 11);
}

static void
test_live_from_the_end (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;

  pulse_test_append (fixture, 3, 0);
  client = pulse_test_ws_open (fixture, "3", NULL);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 1);
  pulse_test_assert_events (fixture, client->frames, 0, 4, 4);
}

typedef struct
{
  Fixture  *fixture;
  WsClient *client;
  guint     written;
  guint     during_replay;
} Writer;

static gboolean
on_writer_cb (gpointer user_data)
{
  Writer *writer = user_data;

  if (writer->client->frames->len < BACKLOG)
    writer->during_replay++;
  pulse_test_append (writer->fixture, 1, 0);
  writer->written++;

  return writer->written < EXTRA ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A writer commits one event per main-loop turn while the client replays
 * a backlog of 5,000: the log is the only source, so the client ends with
 * exactly 1..6000 whatever the interleaving. */
static void
test_concurrent_writer_during_replay (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;
  Writer writer = { fixture, NULL, 0, 0 };

  pulse_test_append (fixture, BACKLOG, 0);
  client = pulse_test_ws_connect (fixture, "0", NULL);
  writer.client = client;
  g_idle_add_full (G_PRIORITY_DEFAULT, on_writer_cb, &writer, NULL);

  pulse_test_ws_wait_frames (client, BACKLOG + EXTRA);
  g_assert_cmpuint (writer.written, ==, EXTRA);
  g_test_message ("%u of %u writes happened while the client replayed", writer.during_replay,
                  EXTRA);
  g_assert_cmpuint (writer.during_replay, >, 0);
  pulse_test_assert_events (fixture, client->frames, 0, 1, BACKLOG + EXTRA);
  g_assert_false (client->closed);
}

/* A backlog twelve times the send queue: the replay is paced by the
 * client's reading, so a client that keeps reading is never dropped. */
static void
test_big_replay_is_paced (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;

  for (guint i = 0; i < 200; i++)
    pulse_test_append (fixture, 1, 64 * 1024);

  client = pulse_test_ws_open (fixture, "0", NULL);
  pulse_test_ws_wait_frames (client, 200);
  pulse_test_assert_events (fixture, client->frames, 0, 1, 200);
  g_assert_false (client->closed);
}

static void
assert_resync (WsClient *client,
               gint64    seq)
{
  JsonObject *object;

  pulse_test_ws_wait_closed (client);
  g_assert_cmpuint (client->frames->len, ==, 1);
  object = json_node_get_object (client->frames->pdata[0]);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "resync");
  g_assert_cmpint (json_object_get_int_member (object, "seq"), ==, seq);
  g_assert_cmpuint (soup_websocket_connection_get_close_code (client->conn), ==, 1000);
}

static void
test_resync_after_prune (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  pulse_test_append (fixture, 5, 0);

  /* Events 1 and 2 are older than the retention: the log keeps 3..5. */
  sql = g_strdup_printf ("UPDATE event SET at = %" G_GINT64_FORMAT " WHERE seq <= 2",
                         g_get_real_time () - 40 * 24 * G_TIME_SPAN_HOUR);
  g_assert_true (pulse_db_exec (fixture->db, sql, &error));
  g_assert_cmpint (pulse_event_log_prune_before (fixture->log,
                                                 g_get_real_time () - 30 * 24 * G_TIME_SPAN_HOUR,
                                                 &error), ==, 2);
  g_assert_cmpint (pulse_event_log_get_first_seq (fixture->log), ==, 3);

  {
    g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "1", NULL);

    assert_resync (client, 5);
  }
  {
    g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "2", NULL);

    pulse_test_ws_wait_frames (client, 3);
    pulse_test_assert_events (fixture, client->frames, 0, 3, 5);
  }

  /* Everything pruned: only a client that has it all may stay. */
  g_assert_cmpint (pulse_event_log_prune_before (fixture->log, G_MAXINT64, &error), ==, 3);
  {
    g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);

    assert_resync (client, 5);
  }
  {
    g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "5", NULL);

    pulse_test_append (fixture, 1, 0);
    pulse_test_ws_wait_frames (client, 1);
    pulse_test_assert_events (fixture, client->frames, 0, 6, 6);
  }
}

/* A client whose state came from another database, or from before this
 * one was reset, resyncs too. */
static void
test_resync_when_since_is_ahead (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(WsClient) client = NULL;

  pulse_test_append (fixture, 3, 0);
  client = pulse_test_ws_open (fixture, "4", NULL);
  assert_resync (client, 3);
}

static void
test_empty_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsClient) ahead = pulse_test_ws_open (fixture, "1", NULL);
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);

  assert_resync (ahead, 0);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 1);
  pulse_test_assert_events (fixture, client->frames, 0, 1, 1);
}

static void
test_bad_since_is_400 (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *bad[] = {
    "", "?since", "?since=", "?since=abc", "?since=-1", "?since=+1", "?since=1.5",
    "?since=%201", "?since=0x10", "?since=9223372036854775808", "?after=0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/events", bad[i], NULL);
      g_autoptr(JsonNode) body = pulse_test_get (fixture, path, fixture->token, 400);

      pulse_test_assert_error (body, "bad_request", "since");
    }

  /* The biggest seq there can be is fine (and ahead of this log). */
  {
    g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "9223372036854775807", NULL);

    assert_resync (client, 0);
  }
}

static void
test_needs_a_role_that_reads (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ingest = pulse_token_store_add (pulse_server_get_token_store (fixture->server),
                                                   "bridge", PULSE_ROLE_INTEGRATION, NULL,
                                                   &error);
  const char *cases[][2] = {
    { NULL, "unauthorized" },
    { "pulse_AAAA", "unauthorized" },
    { ingest, "forbidden" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint status = i < 2 ? 401 : 403;
      g_autoptr(JsonNode) body = pulse_test_get (fixture, "/api/v1/events?since=0", cases[i][0],
                                                 status);
      g_autoptr(WsClient) client = NULL;

      pulse_test_assert_error (body, cases[i][1], NULL);

      /* The WebSocket client sees the same answer, before any upgrade. */
      client = pulse_test_ws_connect (fixture, "0", cases[i][0] != NULL ? cases[i][0] : "");
      pulse_test_ws_wait_connected (client);
      g_assert_null (client->conn);
      g_assert_cmpuint (soup_message_get_status (client->msg), ==, status);
    }
}

static void
test_plain_get_is_400 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) body = pulse_test_get (fixture, "/api/v1/events?since=0", fixture->token,
                                             400);
  g_autoptr(JsonNode) other = pulse_test_get (fixture, "/api/v1/events/x?since=0",
                                              fixture->token, 404);

  pulse_test_assert_error (body, "bad_request", "WebSocket");
  pulse_test_assert_error (other, "not_found", NULL);
}

static void
test_client_close (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);

  soup_websocket_connection_close (client->conn, 1000, "bye");
  pulse_test_ws_wait_closed (client);

  /* The server echoed the code and hung up: the handshake completed. */
  g_assert_cmpuint (soup_websocket_connection_get_close_code (client->conn), ==, 1000);

  /* And the stream's end left no trace: others still get events. */
  {
    g_autoptr(WsClient) other = pulse_test_ws_open (fixture, "0", NULL);

    pulse_test_append (fixture, 1, 0);
    pulse_test_ws_wait_frames (other, 1);
  }
}

static void
test_shutdown_sends_1001 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WsClient) first = pulse_test_ws_open (fixture, "0", NULL);
  g_autoptr(WsClient) second = pulse_test_ws_open (fixture, "0", NULL);

  pulse_test_append (fixture, 2, 0);
  pulse_test_ws_wait_frames (first, 2);
  pulse_test_ws_wait_frames (second, 2);

  g_clear_object (&fixture->server);
  pulse_test_ws_wait_closed (first);
  pulse_test_ws_wait_closed (second);
  g_assert_cmpuint (soup_websocket_connection_get_close_code (first->conn), ==, 1001);
  g_assert_cmpuint (soup_websocket_connection_get_close_code (second->conn), ==, 1001);
}

/* A revoked token stops reading within a ping interval, while a stream
 * opened with another token goes on. */
static void
test_revoked_token_closes_its_stream (Fixture       *fixture,
                                      gconstpointer  data)
{
  PulseTokenStore *tokens = pulse_server_get_token_store (fixture->server);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other = pulse_token_store_add (tokens, "Olena", PULSE_ROLE_LEAD, &id, &error);
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", other);
  g_autoptr(WsClient) bystander = pulse_test_ws_open (fixture, "0", NULL);

  g_assert_no_error (error);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 1);

  g_assert_true (pulse_token_store_revoke (tokens, id, &error));
  g_test_expect_message ("pulse-server", G_LOG_LEVEL_MESSAGE, "*token was revoked");
  pulse_test_ws_wait_closed (client);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (soup_websocket_connection_get_close_code (client->conn), ==, 1008);

  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (bystander, 2);
}

static gboolean
first_seq_is_three (gpointer user_data)
{
  return pulse_event_log_get_first_seq (user_data) == 3;
}

/* The first prune runs on the first main-loop turn, with the settings
 * given after pulse_server_new(). */
static void
test_retention_prunes_at_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_server_schema_open (":memory:", &error);
  g_autoptr(PulseEventLog) log = pulse_event_log_new (db);
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(JsonNode) node = pulse_test_parse ("{}");
  g_autofree char *sql = NULL;
  PulseServerConfig config;

  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (pulse_event_log_append (log, "agent.status", node, &error), ==, i + 1);

  /* Days ago: 1 → 8, 2 → 7 (and a bit), 3 → 6, 4 → now. */
  sql = g_strdup_printf ("UPDATE event SET at = %" G_GINT64_FORMAT " - (9 - seq) * %"
                         G_GINT64_FORMAT " WHERE seq <= 3",
                         g_get_real_time () - 60 * G_TIME_SPAN_SECOND, G_TIME_SPAN_DAY);
  g_assert_true (pulse_db_exec (db, sql, &error));
  g_assert_no_error (error);

  server = pulse_server_new (db);
  pulse_server_config_init_defaults (&config);
  config.retention_days = 7;
  pulse_server_set_config (server, &config);

  pulse_test_wait_for (first_seq_is_three, log, 5000);
  g_assert_cmpint (pulse_event_log_get_last_seq (log), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, settings, func) \
  g_test_add ("/pulse/server/events/" path, Fixture, settings, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

  ADD ("replay-from-zero-then-live", NULL, test_replay_from_zero_then_live);
  ADD ("replay-from-the-middle", NULL, test_replay_from_the_middle);
  ADD ("live-from-the-end", NULL, test_live_from_the_end);
  ADD ("concurrent-writer-during-replay", NULL, test_concurrent_writer_during_replay);
  ADD ("big-replay-is-paced", &pulse_test_small_queue, test_big_replay_is_paced);
  ADD ("resync-after-prune", NULL, test_resync_after_prune);
  ADD ("resync-when-since-is-ahead", NULL, test_resync_when_since_is_ahead);
  ADD ("empty-log", NULL, test_empty_log);
  ADD ("bad-since-is-400", NULL, test_bad_since_is_400);
  ADD ("needs-a-role-that-reads", NULL, test_needs_a_role_that_reads);
  ADD ("plain-get-is-400", NULL, test_plain_get_is_400);
  ADD ("client-close", NULL, test_client_close);
  ADD ("shutdown-sends-1001", NULL, test_shutdown_sends_1001);
  ADD ("revoked-token-closes-its-stream", &pulse_test_fast_ping,
       test_revoked_token_closes_its_stream);
  g_test_add_func ("/pulse/server/events/retention-prunes-at-start",
                   test_retention_prunes_at_start);

  return g_test_run ();
}
