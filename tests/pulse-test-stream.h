/* pulse-test-stream.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the PulseStream tests share: a stream with short reconnect waits
 * whose events, states, resyncs and waits are recorded, and helpers that
 * iterate the main context until the recording shows what a test expects.
 */

#pragma once

#include "pulse-server.h"
#include "pulse-stream.h"
#include "pulse-test-util.h"

G_BEGIN_DECLS

#define PULSE_TEST_STREAM_WAIT_MS 60000  /* generous: ASan is many times slower */
#define PULSE_TEST_BACKOFF_BASE   5      /* ms */
#define PULSE_TEST_BACKOFF_CAP    50     /* ms */

typedef struct
{
  PulseClient *client;
  PulseStream *stream;
  GPtrArray   *events;      /* JsonNode, one per ::event */
  GArray      *states;      /* PulseConnectionState, one per change */
  GArray      *resyncs;     /* gint64, one per ::resync */
  guint        waits;       /* reconnect waits scheduled */
  gint64       last_wait;   /* the last wait's length, µs */
  guint        stop_after;  /* stop the stream once this many events came; 0: never */
  gboolean     drop_after;  /* …and drop our reference to it too */
} Recorder;

Recorder *pulse_test_recorder_new          (const char           *url,
                                            const char           *token);
void      pulse_test_recorder_free         (Recorder             *rec);
void      pulse_test_recorder_wait_events  (Recorder             *rec,
                                            guint                 count);
void      pulse_test_recorder_wait_state   (Recorder             *rec,
                                            PulseConnectionState  state);
void      pulse_test_recorder_wait_waits   (Recorder             *rec,
                                            guint                 count);
void      pulse_test_recorder_assert_seqs  (Recorder             *rec,
                                            gint64                first,
                                            gint64                last);
void      pulse_test_recorder_assert_states (Recorder            *rec,
                                             ...);
gboolean  pulse_test_recorder_saw_state    (Recorder             *rec,
                                            PulseConnectionState  state);
gint64    pulse_test_event_seq             (JsonNode             *event);

/* A real pulse-server on 127.0.0.1 over an in-memory database that
 * outlives it, so a test can stop and restart it on the same port. */
typedef struct
{
  PulseDb     *db;
  PulseServer *server;
  guint        ping_interval;   /* the server's, 0 for its default */
  guint        port;
  char        *url;
  char        *token;           /* a viewer's */
  GPtrArray   *sinces;          /* the `since` of each /events request */
  gsize        pad;             /* bytes of padding in appended events */
} Fixture;

void      pulse_test_fixture_set_up        (Fixture              *fixture,
                                            gconstpointer         data);
void      pulse_test_fixture_tear_down     (Fixture              *fixture,
                                            gconstpointer         data);
void      pulse_test_fixture_start_server  (Fixture              *fixture,
                                            guint                 port);
void      pulse_test_fixture_append        (Fixture              *fixture,
                                            guint                 count);
void      pulse_test_fixture_assert_sinces (Fixture              *fixture,
                                            ...) G_GNUC_NULL_TERMINATED;
void      pulse_test_assert_event_data     (Recorder             *rec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, pulse_test_recorder_free)

G_END_DECLS
