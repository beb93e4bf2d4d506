/* test-stream.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseStream against a real in-process pulse-server on 127.0.0.1: replay
 * and live events, resuming, a server restart, resync, refused tokens.
 */

#include "config.h"

#include "pulse-client.h"
#include "pulse-event-log.h"
#include "pulse-test-stream.h"
#include "pulse-token-store.h"

static void
test_replay_then_live (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  gint64 before = g_get_real_time ();

  pulse_test_fixture_append (fixture, 3);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_events (rec, 3);
  g_assert_cmpint (pulse_stream_get_state (rec->stream), ==, PULSE_CONNECTION_STATE_LIVE);
  g_assert_null (pulse_stream_get_error (rec->stream));

  pulse_test_fixture_append (fixture, 1);
  pulse_test_fixture_append (fixture, 2);
  pulse_test_recorder_wait_events (rec, 6);
  pulse_test_recorder_assert_seqs (rec, 1, 6);
  pulse_test_assert_event_data (rec);

  g_assert_cmpint (pulse_stream_get_last_seq (rec->stream), ==, 6);
  g_assert_cmpint (pulse_stream_get_last_event_at (rec->stream), >=, before);
  g_assert_cmpint (pulse_stream_get_last_event_at (rec->stream), <=, g_get_real_time ());
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
  pulse_test_fixture_assert_sinces (fixture, "0", NULL);
}

/* Events committed while stopped arrive after the restart, none twice. */
static void
test_stop_start_resumes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);

  pulse_test_fixture_append (fixture, 2);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_events (rec, 2);

  pulse_stream_stop (rec->stream);
  g_assert_cmpint (pulse_stream_get_state (rec->stream), ==, PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_cmpint (pulse_stream_get_last_seq (rec->stream), ==, 2);
  pulse_test_fixture_append (fixture, 3);

  pulse_stream_start (rec->stream, pulse_stream_get_last_seq (rec->stream));
  pulse_test_recorder_wait_events (rec, 5);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 6);

  pulse_test_recorder_assert_seqs (rec, 1, 6);
  pulse_test_assert_event_data (rec);
  pulse_test_fixture_assert_sinces (fixture, "0", "2", NULL);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_DISCONNECTED,
                                     PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
}

/* The server stops (1001), stays away for a few attempts, and comes back
 * on the same port and database: the stream resumes from its last seq. */
static void
test_server_restart (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  guint port = fixture->port;
  const GError *error;

  pulse_test_fixture_append (fixture, 2);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_events (rec, 2);

  g_clear_object (&fixture->server);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_RECONNECTING);
  /* The wait after the 1001, then at least two refused attempts. */
  pulse_test_recorder_wait_waits (rec, 3);
  error = pulse_stream_get_error (rec->stream);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE);
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), >, 0);
  g_assert_cmpint (pulse_stream_get_state (rec->stream), ==, PULSE_CONNECTION_STATE_RECONNECTING);

  pulse_test_fixture_start_server (fixture, port);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 3);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 4);

  pulse_test_recorder_assert_seqs (rec, 1, 4);
  pulse_test_assert_event_data (rec);
  pulse_test_fixture_assert_sinces (fixture, "0", "2", NULL);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_RECONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
}

/* Nothing listens at first: the stream keeps trying, then gets in. */
static void
test_unreachable_then_up (Fixture       *fixture,
                          gconstpointer  data)
{
  guint port = fixture->port;
  g_autoptr(Recorder) rec = NULL;

  g_clear_object (&fixture->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  rec = pulse_test_recorder_new (fixture->url, fixture->token);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_waits (rec, 3);
  g_assert_error (pulse_stream_get_error (rec->stream), PULSE_CLIENT_ERROR,
                  PULSE_CLIENT_ERROR_OFFLINE);
  /* Each wait is within the cap. */
  g_assert_cmpint (rec->last_wait, <=, PULSE_TEST_BACKOFF_CAP * 1000);

  pulse_test_fixture_start_server (fixture, port);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 1);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_RECONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
  pulse_test_fixture_assert_sinces (fixture, "0", NULL);
}

/* The log was pruned past our seq: one resync, no events, no retry; the
 * consumer restarts from its snapshot's seq and gets live events. */
static void
test_resync_after_prune (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  PulseEventLog *log = pulse_server_get_event_log (fixture->server);
  g_autoptr(GError) error = NULL;

  pulse_test_fixture_append (fixture, 3);
  g_assert_cmpint (pulse_event_log_prune_before (log, g_get_real_time () + G_USEC_PER_SEC,
                                                 &error), ==, 3);
  g_assert_no_error (error);

  pulse_stream_start (rec->stream, 1);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_cmpuint (rec->resyncs->len, ==, 1);
  g_assert_cmpint (g_array_index (rec->resyncs, gint64, 0), ==, 3);
  g_assert_cmpuint (rec->events->len, ==, 0);
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  g_assert_cmpint (pulse_stream_get_last_seq (rec->stream), ==, 1);

  pulse_stream_start (rec->stream, 3);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 1);
  pulse_test_recorder_assert_seqs (rec, 4, 4);
  pulse_test_fixture_assert_sinces (fixture, "1", "3", NULL);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_DISCONNECTED,
                                     PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
}

/* A refused token is final: no wait scheduled, no second handshake in a
 * window 10 times the longest wait. */
static void
assert_refused (Fixture    *fixture,
                const char *token,
                const char *status)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, token);
  const GError *error;

  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_UNAUTHORIZED);
  error = pulse_stream_get_error (rec->stream);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, status));
  /* Final: no wait is scheduled, so no second handshake can follow. */
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  g_assert_cmpuint (fixture->sinces->len, ==, 1);
  g_assert_cmpuint (rec->waits, ==, 0);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_UNAUTHORIZED, -1);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_refused (fixture, "pulse_not-a-token", "401");
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = pulse_token_store_add (pulse_server_get_token_store (fixture->server),
                                                  "Bridge", PULSE_ROLE_INTEGRATION, NULL,
                                                  &error);

  g_assert_no_error (error);
  assert_refused (fixture, token, "403");
}

/* The server rechecks tokens every ping interval (1 s here) and closes a
 * revoked one's stream with 1008: unauthorized, no retry. */
static void
test_revoked_token (Fixture       *fixture,
                    gconstpointer  data)
{
  PulseTokenStore *tokens = pulse_server_get_token_store (fixture->server);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = pulse_token_store_add (tokens, "Olena", PULSE_ROLE_LEAD, &id, &error);
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, token);

  g_assert_no_error (error);
  pulse_stream_start (rec->stream, 0);
  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 1);

  g_assert_true (pulse_token_store_revoke (tokens, id, &error));
  g_test_expect_message ("pulse-server", G_LOG_LEVEL_MESSAGE, "*token was revoked");
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_UNAUTHORIZED);
  g_test_assert_expected_messages ();
  g_assert_error (pulse_stream_get_error (rec->stream), PULSE_CLIENT_ERROR,
                  PULSE_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (pulse_stream_get_error (rec->stream)->message, "1008"));
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  g_assert_cmpuint (fixture->sinces->len, ==, 1);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_UNAUTHORIZED, -1);
}

/* 300 KiB of padding: over libsoup's 128 KiB default incoming limit. */
static void
test_large_event (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  JsonObject *event_data;

  fixture->pad = 300 * 1024;
  pulse_test_fixture_append (fixture, 2);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_events (rec, 2);
  pulse_test_recorder_assert_seqs (rec, 1, 2);
  event_data = json_object_get_object_member (json_node_get_object (rec->events->pdata[1]),
                                              "data");
  g_assert_cmpuint (strlen (json_object_get_string_member (event_data, "pad")), ==, 300 * 1024);
  g_assert_cmpint (pulse_stream_get_state (rec->stream), ==, PULSE_CONNECTION_STATE_LIVE);
}

typedef struct
{
  PulseStream *stream;
  gint64       since;
} Idle;

/* Pongs kept the connection heard from for four intervals, well past the
 * three of silence after which it would be dropped. */
static gboolean
heard_for_four_intervals (gpointer user_data)
{
  Idle *idle = user_data;

  return pulse_stream_get_heard_at (idle->stream) - idle->since >= 4 * G_USEC_PER_SEC;
}

/* An idle but healthy connection is not taken for dead: our pings get
 * pongs. Four ping intervals pass with no event. */
static void
test_idle_stays_live (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  Idle idle = { NULL, 0 };

  pulse_stream_set_ping_interval (rec->stream, 1);
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
  idle.stream = rec->stream;
  idle.since = g_get_monotonic_time ();
  g_assert_true (pulse_test_wait_for (heard_for_four_intervals, &idle, 20000));

  pulse_test_fixture_append (fixture, 1);
  pulse_test_recorder_wait_events (rec, 1);
  pulse_test_fixture_assert_sinces (fixture, "0", NULL);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
}

/* The consumer may stop the stream, or drop it, from its event handler. */
static void
test_stop_in_handler (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fixture->url, fixture->token);
  g_autoptr(Recorder) dropper = pulse_test_recorder_new (fixture->url, fixture->token);

  pulse_test_fixture_append (fixture, 3);
  rec->stop_after = 1;
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_cmpuint (rec->events->len, ==, 1);

  rec->stop_after = 0;
  pulse_stream_start (rec->stream, pulse_stream_get_last_seq (rec->stream));
  pulse_test_recorder_wait_events (rec, 3);
  pulse_test_recorder_assert_seqs (rec, 1, 3);

  dropper->stop_after = 2;
  dropper->drop_after = TRUE;
  pulse_stream_start (dropper->stream, 0);
  pulse_test_recorder_wait_events (dropper, 2);
  g_assert_null (dropper->stream);
}

/* Dropping a stream mid-handshake cancels it; nothing runs afterwards. */
static void
test_dispose_while_connecting (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PulseClient) client = pulse_client_new (fixture->url, fixture->token);
  PulseStream *stream = pulse_stream_new (client);

  pulse_stream_start (stream, 0);
  g_assert_cmpint (pulse_stream_get_state (stream), ==, PULSE_CONNECTION_STATE_CONNECTING);
  g_object_unref (stream);

  /* The cancelled client must ignore whatever the server answers (under
   * ASan a callback on the freed stream would be caught). A second
   * stream's whole handshake on the same loop outlasts that answer. */
  {
    g_autoptr(Recorder) after = pulse_test_recorder_new (fixture->url, fixture->token);

    pulse_stream_start (after->stream, 0);
    pulse_test_recorder_wait_state (after, PULSE_CONNECTION_STATE_LIVE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add ("/pulse/net/stream/" name, Fixture, GUINT_TO_POINTER (data), \
              pulse_test_fixture_set_up, func, pulse_test_fixture_tear_down)

  ADD ("replay-then-live", 0, test_replay_then_live);
  ADD ("stop-start-resumes", 0, test_stop_start_resumes);
  ADD ("server-restart", 0, test_server_restart);
  ADD ("unreachable-then-up", 0, test_unreachable_then_up);
  ADD ("resync-after-prune", 0, test_resync_after_prune);
  ADD ("unauthorized", 0, test_unauthorized);
  ADD ("forbidden", 0, test_forbidden);
  ADD ("revoked-token", 1, test_revoked_token);
  ADD ("large-event", 0, test_large_event);
  ADD ("idle-stays-live", 1, test_idle_stays_live);
  ADD ("stop-in-handler", 0, test_stop_in_handler);
  ADD ("dispose-while-connecting", 0, test_dispose_while_connecting);

#undef ADD

  return g_test_run ();
}
