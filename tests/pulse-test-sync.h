/* pulse-test-sync.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the PulseSync tests share: an in-process pulse-server (a token per
 * role) that stops and starts again on its port over the same database,
 * with every request the console's token makes recorded; a temporary
 * folder for a real cache file; data to ingest; and a recorder of what a
 * sync reports.
 */

#pragma once

#include "pulse-sync.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

G_BEGIN_DECLS

#define PULSE_TEST_SYNC_WAIT_MS 60000  /* generous: ASan is many times slower */
#define PULSE_TEST_DAY          (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

typedef struct _SyncFixture SyncFixture;

/* Called for each request of the console's token, once recorded. */
typedef void (*SyncRequestFunc) (SyncFixture *fixture,
                                 const char  *request);

struct _SyncFixture
{
  PulseTestServer *ts;
  guint            port;
  const char      *viewer;       /* the console's token */
  const char      *integration;
  GPtrArray       *requests;     /* "/api/v1/events?since=3", one per request read */
  SyncRequestFunc  on_request;
  gpointer         on_request_data;
  char            *dir;
  char            *cache_path;
};

typedef struct
{
  PulseSync *sync;
  guint      resets;
  GArray    *reset_tickets;      /* guint: tickets in the state at each ::reset */
  GArray    *reset_seqs;         /* gint64: the state's seq at each ::reset */
  gboolean   live_at_reset;      /* is-live was TRUE at some ::reset */
  guint      changes;
  GPtrArray *change_ids;         /* the item's id at each change */
  GArray    *change_seqs;        /* gint64: the sync's seq at each change */
  GArray    *states;             /* PulseConnectionState, one per change */
} SyncRecorder;

void          pulse_test_sync_set_up            (SyncFixture   *fixture,
                                                 gconstpointer  data);
void          pulse_test_sync_tear_down         (SyncFixture   *fixture,
                                                 gconstpointer  data);
void          pulse_test_sync_stop_server       (SyncFixture   *fixture);
void          pulse_test_sync_start_server      (SyncFixture   *fixture);
guint         pulse_test_sync_count             (SyncFixture   *fixture,
                                                 const char    *prefix);
const char   *pulse_test_sync_find              (SyncFixture   *fixture,
                                                 const char    *prefix,
                                                 guint          from);
void          pulse_test_sync_ingest            (SyncFixture   *fixture,
                                                 const char    *endpoint,
                                                 const char    *body);
void          pulse_test_sync_ingest_directory  (SyncFixture   *fixture);
void          pulse_test_sync_ingest_tickets    (SyncFixture   *fixture,
                                                 const char    *prefix,
                                                 guint          count,
                                                 const char    *status,
                                                 gint64         updated_at,
                                                 gint64         step);
char         *pulse_test_sync_ticket_json       (const char    *id,
                                                 const char    *status,
                                                 gint64         created_at,
                                                 gint64         updated_at);
gint64        pulse_test_sync_server_seq        (SyncFixture   *fixture);
PulseState   *pulse_test_sync_server_state      (SyncFixture   *fixture);
void          pulse_test_sync_assert_matches    (SyncFixture   *fixture,
                                                 PulseSync     *sync);
void          pulse_test_sync_ingest_state      (SyncFixture   *fixture);
void          pulse_test_sync_ingest_changes    (SyncFixture   *fixture);

PulseSync    *pulse_test_sync_new               (SyncFixture   *fixture);
void          pulse_test_sync_wait_live         (PulseSync     *sync);
void          pulse_test_sync_wait_seq          (PulseSync     *sync,
                                                 gint64         seq);
void          pulse_test_sync_wait_loaded       (PulseSync     *sync);
void          pulse_test_sync_wait_state        (PulseSync     *sync,
                                                 PulseConnectionState state);
void          pulse_test_sync_flush             (PulseSync     *sync);
void          pulse_test_sync_close             (PulseSync     *sync);
void          pulse_test_sync_drop              (PulseSync     *sync);
gint64        pulse_test_sync_run_once          (SyncFixture   *fixture);
guint         pulse_test_sync_n_tickets         (PulseSync     *sync);
gint64        pulse_test_sync_cache_seq         (PulseSync     *sync);

SyncRecorder *pulse_test_sync_recorder_new      (PulseSync     *sync);
void          pulse_test_sync_recorder_free     (SyncRecorder  *rec);
void          pulse_test_sync_wait_resets       (SyncRecorder  *rec,
                                                 guint          count);

G_END_DECLS
