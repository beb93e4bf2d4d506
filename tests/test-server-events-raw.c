/* test-server-events-raw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/events` against clients libsoup would not be: one that
 * stops reading, one that stops answering pings, one that sends a frame
 * a client must not send. A libsoup client runs beside each and must not
 * notice.
 */

#include "config.h"

#include "pulse-test-events.h"

#define BIG_EVENTS 200
#define BIG_PAD    (64 * 1024)

typedef struct
{
  WsClient *client;
  guint     count;
} Progress;

/* A client that completes the handshake and never reads is dropped once
 * its 1 MiB queue is full (the kernel's buffers take a few MiB first);
 * the client next to it gets all 200 events of 64 KiB without a stall. */
static void
test_slow_client_is_dropped (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RawClient) stalled = pulse_test_raw_open (fixture, 4096);
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);

  for (guint i = 1; i <= BIG_EVENTS; i++)
    {
      pulse_test_append (fixture, 1, BIG_PAD);
      pulse_test_ws_wait_frames (client, i);
    }
  pulse_test_assert_events (fixture, client->frames, 0, 1, BIG_EVENTS);

  /* Its socket was closed: reading now gets what the kernel held, then
   * the end, long before all 13 MiB. */
  pulse_test_raw_wait_eof (stalled);
  g_test_message ("the stalled client got %u events (%" G_GSIZE_FORMAT " bytes) before the "
                  "server hung up", stalled->texts->len, stalled->n_read);
  g_assert_cmpuint (stalled->texts->len, <, BIG_EVENTS);
  g_assert_cmpuint (stalled->n_read, <, BIG_EVENTS * BIG_PAD);
  pulse_test_assert_events (fixture, stalled->texts, 0, 1, stalled->texts->len);
  g_assert_cmpuint (stalled->close_code, ==, 0);

  g_assert_false (client->closed);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, BIG_EVENTS + 1);
}

/* Pings every second. A client that answers only the first ping sees
 * pings 1, 2 and 3 and is dropped at the fourth tick (two unanswered);
 * libsoup's client, which answers every ping, stays. */
static void
test_ping_pong (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);
  g_autoptr(RawClient) raw = pulse_test_raw_open (fixture, 0);

  raw->pongs_left = 1;
  pulse_test_raw_wait_eof (raw);
  g_assert_cmpuint (raw->n_pings, ==, 3);
  g_assert_cmpuint (raw->close_code, ==, 0);
  g_assert_cmpuint (raw->texts->len, ==, 0);

  g_assert_false (client->closed);
  g_assert_cmpint (soup_websocket_connection_get_state (client->conn), ==,
                   SOUP_WEBSOCKET_STATE_OPEN);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 1);
}

static void
test_bad_frames_close_with_1002 (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const struct
  {
    guint    opcode;
    gboolean masked;
  } bad[] = {
    { 0x1, FALSE },     /* a client frame must be masked */
    { 0x3, TRUE },      /* a reserved opcode */
    { 0xb, TRUE },      /* a reserved control opcode */
  };
  g_autoptr(WsClient) client = pulse_test_ws_open (fixture, "0", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(RawClient) raw = pulse_test_raw_open (fixture, 0);

      pulse_test_raw_send (raw, bad[i].opcode, bad[i].masked, "hi");
      pulse_test_raw_wait_eof (raw);
      g_assert_cmpuint (raw->close_code, ==, 1002);
    }

  g_assert_false (client->closed);
  pulse_test_append (fixture, 1, 0);
  pulse_test_ws_wait_frames (client, 1);
}

/* Masked data from a client is read and ignored; a ping is answered with
 * its payload; a close is echoed. */
static void
test_client_frames (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RawClient) raw = pulse_test_raw_open (fixture, 0);

  pulse_test_raw_send (raw, 0x1, TRUE, "{\"hello\":1}");
  pulse_test_raw_send (raw, 0x2, TRUE, "binary");
  pulse_test_append (fixture, 1, 0);
  pulse_test_raw_wait_texts (raw, 1);

  pulse_test_raw_send (raw, 0x9, TRUE, "abc");
  pulse_test_raw_send (raw, 0x8, TRUE, "\x03\xe9");
  pulse_test_raw_wait_eof (raw);

  pulse_test_assert_events (fixture, raw->texts, 0, 1, 1);
  g_assert_cmpuint (raw->n_pongs, ==, 1);
  g_assert_cmpstr (raw->pong, ==, "abc");
  g_assert_cmpuint (raw->close_code, ==, 1001);
}

/* Events pruned while a client is still replaying them: it gets what it
 * had been sent, then a resync, and a normal close. */
static void
test_resync_when_pruned_during_replay (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RawClient) raw = NULL;
  JsonObject *last;
  guint n_events;

  for (guint i = 0; i < BIG_EVENTS; i++)
    pulse_test_append (fixture, 1, BIG_PAD);

  /* The replay stalls once the socket and half the queue are full: the
   * loop then has nothing left to do. */
  raw = pulse_test_raw_open (fixture, 4096);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (pulse_event_log_prune_before (fixture->log, G_MAXINT64, &error), ==,
                   BIG_EVENTS);

  pulse_test_raw_wait_eof (raw);
  g_assert_cmpuint (raw->texts->len, >=, 2);
  n_events = raw->texts->len - 1;
  g_test_message ("%u events replayed before the resync", n_events);
  g_assert_cmpuint (n_events, <, BIG_EVENTS);
  last = json_node_get_object (raw->texts->pdata[n_events]);
  g_assert_cmpstr (json_object_get_string_member (last, "type"), ==, "resync");
  g_assert_cmpint (json_object_get_int_member (last, "seq"), ==, BIG_EVENTS);
  g_assert_cmpuint (raw->close_code, ==, 1000);
  for (guint i = 0; i < n_events; i++)
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (raw->texts->pdata[i]),
                                                 "seq"), ==, i + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, settings, func) \
  g_test_add ("/pulse/server/events/" path, Fixture, settings, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

  ADD ("slow-client-is-dropped", &pulse_test_small_queue, test_slow_client_is_dropped);
  ADD ("resync-when-pruned-during-replay", &pulse_test_small_queue,
       test_resync_when_pruned_during_replay);
  ADD ("ping-pong", &pulse_test_fast_ping, test_ping_pong);
  ADD ("bad-frames-close-with-1002", NULL, test_bad_frames_close_with_1002);
  ADD ("client-frames", NULL, test_client_frames);

  return g_test_run ();
}
