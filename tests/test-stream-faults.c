/* test-stream-faults.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseStream against servers that misbehave in ways pulse-server never
 * does: a libsoup WebSocket server the test scripts frame by frame (gaps,
 * duplicates, junk, close codes), one that answers the handshake and then
 * says nothing at all, and plain HTTP refusals.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-client.h"
#include "pulse-test-fake-ws.h"
#include "pulse-test-stream.h"

#define EVENT_FRAME "{\"seq\": %" G_GINT64_FORMAT ", \"type\": \"ticket.updated\", " \
                    "\"at\": \"2026-11-20T09:30:00Z\", \"data\": {\"id\": \"t1\"}}"

/* Waits for the @count-th handshake and for the stream to be live on it. */
static void
fake_wait_live (Fake     *fake,
                Recorder *rec,
                guint     count)
{
  pulse_test_wait_count (&fake->conns->len, count);
  g_assert_cmpuint (fake->conns->len, ==, count);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
}

static void
fake_send (Fake       *fake,
           guint       index,
           const char *text)
{
  soup_websocket_connection_send_text (fake->conns->pdata[index], text);
}

static void
fake_send_event (Fake   *fake,
                 guint   index,
                 gint64  seq)
{
  g_autofree char *text = g_strdup_printf (EVENT_FRAME, seq);

  fake_send (fake, index, text);
}

static void
assert_since (Fake       *fake,
              guint       index,
              const char *query)
{
  g_assert_cmpstr (index < fake->sinces->len ? fake->sinces->pdata[index] : NULL, ==, query);
}

/* A gap, then a duplicate: each drops the connection and resumes from
 * the last event applied, which the consumer got exactly once. */
static void
test_seq_gap_reconnects (void)
{
  g_autoptr(Fake) fake = pulse_test_fake_new ();
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fake->url, "pulse_test");

  pulse_stream_start (rec->stream, 0);
  fake_wait_live (fake, rec, 1);
  fake_send_event (fake, 0, 1);
  fake_send_event (fake, 0, 2);
  fake_send_event (fake, 0, 4);
  g_test_expect_message ("pulse-net", G_LOG_LEVEL_MESSAGE,
                         "*event seq 4 after 2; reconnecting from seq 2");
  fake_wait_live (fake, rec, 2);
  g_test_assert_expected_messages ();
  pulse_test_recorder_assert_seqs (rec, 1, 2);
  assert_since (fake, 1, "since=2");

  fake_send_event (fake, 1, 3);
  pulse_test_recorder_wait_events (rec, 3);
  fake_send_event (fake, 1, 3);
  g_test_expect_message ("pulse-net", G_LOG_LEVEL_MESSAGE, "*event seq 3 after 3*");
  fake_wait_live (fake, rec, 3);
  g_test_assert_expected_messages ();
  assert_since (fake, 2, "since=3");

  fake_send_event (fake, 2, 4);
  pulse_test_recorder_wait_events (rec, 4);
  pulse_test_recorder_assert_seqs (rec, 1, 4);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_RECONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_RECONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
}

static void
send_bad_frame (Fake       *fake,
                Recorder   *rec,
                const char *frame,
                const char *logged)
{
  guint index = fake->conns->len - 1;

  g_test_expect_message ("pulse-net", G_LOG_LEVEL_MESSAGE, logged);
  fake_send (fake, index, frame);
  fake_wait_live (fake, rec, index + 2);
  g_test_assert_expected_messages ();
}

/* A frame that is not an event costs the connection, never a crash and
 * never an event; a binary frame is ignored. */
static void
test_bad_frames (void)
{
  g_autoptr(Fake) fake = pulse_test_fake_new ();
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fake->url, "pulse_test");
  const guint8 binary[] = { 0xff, 0x00 };

  pulse_stream_start (rec->stream, 0);
  fake_wait_live (fake, rec, 1);
  send_bad_frame (fake, rec, "not json", "*malformed JSON*reconnecting from seq 0");
  send_bad_frame (fake, rec, "{\"type\": \"ticket.updated\", \"data\": {}}",
                  "*seq: is required*");
  send_bad_frame (fake, rec, "{\"seq\": \"1\", \"type\": \"ticket.updated\"}",
                  "*seq: expected an integer*");
  send_bad_frame (fake, rec, "{\"seq\": 1}", "*type: is required*");
  send_bad_frame (fake, rec, "[1, 2]", "*expected an event object, got an array*");
  send_bad_frame (fake, rec, "{\"type\": \"resync\"}", "*seq: is required*");
  g_assert_cmpuint (rec->events->len, ==, 0);
  for (guint i = 0; i < fake->sinces->len; i++)
    assert_since (fake, i, "since=0");

  soup_websocket_connection_send_binary (fake->conns->pdata[6], binary, sizeof binary);
  fake_send_event (fake, 6, 1);
  pulse_test_recorder_wait_events (rec, 1);
  g_assert_cmpuint (fake->conns->len, ==, 7);
}

/* Short-lived connections make the waits grow; a 1001 (a server going
 * away, likely to restart) brings the next one back to the first step. */
static void
test_going_away_reconnects_soon (void)
{
  g_autoptr(Fake) fake = pulse_test_fake_new ();
  g_autoptr(Recorder) rec = pulse_test_recorder_new (fake->url, "pulse_test");

  pulse_stream_set_backoff (rec->stream, PULSE_TEST_BACKOFF_BASE, 60000);
  pulse_stream_start (rec->stream, 0);
  fake_wait_live (fake, rec, 1);
  fake_send_event (fake, 0, 1);
  pulse_test_recorder_wait_events (rec, 1);

  for (guint i = 0; i < 6; i++)
    {
      soup_websocket_connection_close (fake->conns->pdata[i], SOUP_WEBSOCKET_CLOSE_SERVER_ERROR,
                                       NULL);
      fake_wait_live (fake, rec, i + 2);
      g_assert_cmpuint (rec->waits, ==, i + 1);
      g_assert_cmpint (rec->last_wait, <=, (gint64) (PULSE_TEST_BACKOFF_BASE << i) * 1000);
    }

  /* The seventh wait could be up to 320 ms; after 1001 it is at most 5. */
  soup_websocket_connection_close (fake->conns->pdata[6], SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  fake_wait_live (fake, rec, 8);
  g_assert_cmpuint (rec->waits, ==, 7);
  g_assert_cmpint (rec->last_wait, <=, PULSE_TEST_BACKOFF_BASE * 1000);
  assert_since (fake, 7, "since=1");
  pulse_test_recorder_assert_seqs (rec, 1, 1);
}

/* A peer that upgrades and then goes quiet (no frame, no pong) is dropped
 * after three ping intervals, not before, and replaced. */
static void
test_dead_connection (void)
{
  g_autoptr(Silent) silent = pulse_test_silent_new ();
  g_autoptr(Recorder) rec = pulse_test_recorder_new (silent->url, "pulse_test");
  gint64 live_at;
  gint64 dead_after;

  pulse_stream_set_ping_interval (rec->stream, 1);
  g_test_expect_message ("pulse-net", G_LOG_LEVEL_MESSAGE, "*nothing heard for 3 s*");
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
  live_at = g_get_monotonic_time ();

  pulse_test_wait_count (&silent->upgraded, 2);
  dead_after = g_get_monotonic_time () - live_at;
  g_test_assert_expected_messages ();
  g_assert_cmpint (dead_after, >=, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (dead_after, <, 10 * G_USEC_PER_SEC);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_LIVE);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE,
                                     PULSE_CONNECTION_STATE_RECONNECTING,
                                     PULSE_CONNECTION_STATE_LIVE, -1);
  pulse_stream_stop (rec->stream);
}

/* Another 4xx (here 404: a server without the endpoint) is final. */
static void
test_not_found_is_incompatible (void)
{
  g_autoptr(Fake) fake = pulse_test_fake_new ();
  g_autofree char *url = g_strconcat (fake->url, "/nowhere", NULL);
  g_autoptr(Recorder) rec = pulse_test_recorder_new (url, "pulse_test");

  g_test_expect_message ("pulse-net", G_LOG_LEVEL_MESSAGE, "*not retrying*404*");
  pulse_stream_start (rec->stream, 0);
  pulse_test_recorder_wait_state (rec, PULSE_CONNECTION_STATE_INCOMPATIBLE);
  g_test_assert_expected_messages ();
  g_assert_error (pulse_stream_get_error (rec->stream), PULSE_CLIENT_ERROR,
                  PULSE_CLIENT_ERROR_NOT_FOUND);
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  g_assert_cmpuint (rec->waits, ==, 0);
  pulse_test_recorder_assert_states (rec, PULSE_CONNECTION_STATE_CONNECTING,
                                     PULSE_CONNECTION_STATE_INCOMPATIBLE, -1);
}

/* A 5xx may pass: keep trying, with the status as the reason. */
static void
test_server_error_retries (void)
{
  g_autoptr(Fake) fake = pulse_test_fake_new ();
  g_autofree char *url = g_strconcat (fake->url, "/busy", NULL);
  g_autoptr(Recorder) rec = pulse_test_recorder_new (url, "pulse_test");
  const GError *error;

  pulse_stream_start (rec->stream, 0);
  pulse_test_wait_count (&fake->refusals, 3);
  pulse_test_recorder_wait_waits (rec, 3);
  error = pulse_stream_get_error (rec->stream);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "503"));
  g_assert_cmpint (pulse_stream_get_state (rec->stream), ==,
                   PULSE_CONNECTION_STATE_RECONNECTING);

  pulse_stream_stop (rec->stream);
  g_assert_cmpint (pulse_stream_get_retry_at (rec->stream), ==, 0);
  g_assert_null (pulse_stream_get_error (rec->stream));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/net/stream/seq-gap-reconnects", test_seq_gap_reconnects);
  g_test_add_func ("/pulse/net/stream/bad-frames", test_bad_frames);
  g_test_add_func ("/pulse/net/stream/going-away-reconnects-soon",
                   test_going_away_reconnects_soon);
  g_test_add_func ("/pulse/net/stream/dead-connection", test_dead_connection);
  g_test_add_func ("/pulse/net/stream/not-found-is-incompatible",
                   test_not_found_is_incompatible);
  g_test_add_func ("/pulse/net/stream/server-error-retries", test_server_error_retries);

  return g_test_run ();
}
