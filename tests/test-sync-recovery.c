/* test-sync-recovery.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync finding its way back: a log that no longer reaches the
 * cached seq, a cache that parted from the server, changes lost with the
 * process, and a damaged cache file.
 */

#include "config.h"

#include "pulse-cache-batch.h"
#include "pulse-event-log.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define TEST(path, func) \
  g_test_add ("/pulse/session/sync/" path, SyncFixture, NULL, pulse_test_sync_set_up, func, \
              pulse_test_sync_tear_down)

#define MINUTE PULSE_USEC_PER_MINUTE

static void
test_resync_after_prune (SyncFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  PulseSync *sync;
  SyncRecorder *rec;
  gint64 cached, now = g_get_real_time ();

  pulse_test_sync_ingest_state (fixture);
  cached = pulse_test_sync_run_once (fixture);

  /* Two new contacts and one resolved while away; then the log forgets. */
  pulse_test_sync_ingest_tickets (fixture, "later", 2, "open", now, MINUTE);
  resolved = pulse_test_sync_ticket_json ("open-0000", "resolved", now - 2 * PULSE_TEST_DAY,
                                          now);
  pulse_test_sync_ingest (fixture, "tickets", resolved);
  pulse_event_log_prune_before (pulse_server_get_event_log (fixture->ts->server),
                                g_get_real_time () + G_USEC_PER_SEC, &error);
  g_assert_no_error (error);

  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);

  /* The cached state, then the snapshot's whole: nothing empty between. */
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 2);
  g_assert_cmpuint (rec->resets, ==, 2);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), ==, cached);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, 3);
  g_assert_cmpuint (rec->changes, ==, 2);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 1), ==, 7);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, pulse_test_sync_server_seq (fixture));
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_flush (sync);
  g_assert_cmpint (pulse_test_sync_cache_seq (sync), ==, pulse_sync_get_seq (sync));

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

/* The cache says the queue is at version 7; the server's next change
 * brings it to 2. Our copy has parted from the server's: snapshot. */
static void
test_conflict_takes_snapshot (SyncFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
  g_autoptr(PulseCache) cache = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(JsonNode) queue = NULL;
  g_autoptr(GError) error = NULL;
  PulseSync *sync;
  SyncRecorder *rec;

  pulse_test_sync_ingest_state (fixture);
  pulse_test_sync_run_once (fixture);
  cache = pulse_cache_open (fixture->cache_path, url, &error);
  g_assert_no_error (error);
  queue = pulse_cache_get_entity (cache, "queue", "q-ua-chat", &error);
  g_assert_no_error (error);
  json_object_set_int_member (json_node_get_object (queue), "version", 7);
  batch = pulse_cache_batch_begin (cache, &error);
  pulse_cache_batch_put_entity (batch, "queue", "q-ua-chat", 7, queue, NULL, &error);
  pulse_cache_batch_commit (batch, &error);
  g_assert_no_error (error);
  g_clear_object (&cache);

  pulse_test_sync_ingest (fixture, "directory",
    "{\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine chat (day)\",\"channel\":\"chat\","
    "\"country\":\"UA\",\"language\":\"uk\",\"team_id\":\"team-ua\",\"sl_target_seconds\":20,"
    "\"sl_goal\":0.8}]}");

  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 2);
  g_assert_cmpuint (rec->resets, ==, 2);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

/* Dropped without a stop (a crash, as far as the cache can tell): what
 * was not flushed is lost, what was is the state at some seq, and the
 * next start replays the rest from there. */
static void
test_unflushed_changes_replayed (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  SyncRecorder *rec;
  gint64 server_seq;

  pulse_test_sync_ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  pulse_test_sync_flush (sync);
  pulse_test_sync_ingest_changes (fixture);
  server_seq = pulse_test_sync_server_seq (fixture);
  pulse_test_sync_wait_seq (sync, server_seq);
  pulse_test_sync_drop (sync);

  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_resets (rec, 1);
  g_test_message ("cached seq %" G_GINT64_FORMAT ", server seq %" G_GINT64_FORMAT,
                  g_array_index (rec->reset_seqs, gint64, 0), server_seq);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), <=, server_seq);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), >=, server_seq - 4);
  pulse_test_sync_wait_live (sync);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, server_seq);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
test_corrupt_cache_rebuilt (SyncFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');
  PulseSync *sync;
  PulseCacheCounts counts;

  pulse_test_sync_ingest_state (fixture);
  g_file_set_contents (fixture->cache_path, garbage, -1, &error);
  g_assert_no_error (error);

  sync = pulse_test_sync_new (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_assert_true (pulse_sync_get_cache_rebuilt (sync));
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_flush (sync);
  g_assert_true (pulse_cache_get_counts (pulse_sync_get_cache (sync), &counts, NULL));
  g_assert_cmpint (counts.open_tickets, ==, 3);
  pulse_test_sync_close (sync);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("resync-after-prune", test_resync_after_prune);
  TEST ("conflict-takes-snapshot", test_conflict_takes_snapshot);
  TEST ("unflushed-changes-replayed", test_unflushed_changes_replayed);
  TEST ("corrupt-cache-rebuilt", test_corrupt_cache_rebuilt);

  return g_test_run ();
}
