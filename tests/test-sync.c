/* test-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync's life against a real server and a real cache file: the
 * first start, events, a restart, a server out of reach, a resync, a
 * damaged cache and a refused token.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-event-log.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define TEST(path, func) \
  g_test_add ("/pulse/session/sync/" path, SyncFixture, NULL, pulse_test_sync_set_up, func, \
              pulse_test_sync_tear_down)

#define MINUTE PULSE_USEC_PER_MINUTE
#define HOUR   PULSE_USEC_PER_HOUR

/* Three open tickets, two resolved in the last hour (both in every
 * snapshot) and two closed five days ago (in none). */
static void
ingest_state (SyncFixture *fixture)
{
  gint64 now = g_get_real_time ();

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "open", 3, "open", now - 2 * PULSE_TEST_DAY, MINUTE);
  pulse_test_sync_ingest_tickets (fixture, "done", 2, "resolved", now - HOUR, MINUTE);
  pulse_test_sync_ingest_tickets (fixture, "old", 2, "closed", now - 5 * PULSE_TEST_DAY, MINUTE);
}

static guint
n_tickets (PulseSync *sync)
{
  return pulse_state_get_n_items (pulse_sync_get_state_snapshot (sync), PULSE_STATE_KIND_TICKET);
}

static gint64
cache_seq (PulseSync *sync)
{
  g_auto(PulseCacheMeta) meta = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_cache_read_meta (pulse_sync_get_cache (sync), &meta, &error));
  g_assert_no_error (error);
  return meta.seq;
}

static gboolean
history_complete (gpointer data)
{
  return pulse_sync_get_history_complete (data);
}

static gboolean
saw_state (SyncRecorder         *rec,
           PulseConnectionState  state)
{
  for (guint i = 0; i < rec->states->len; i++)
    if (g_array_index (rec->states, PulseConnectionState, i) == state)
      return TRUE;

  return FALSE;
}

/* A sync that went live once and wrote its cache; returns the seq. */
static gint64
run_once (SyncFixture *fixture)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  gint64 seq;

  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  seq = pulse_sync_get_seq (sync);
  pulse_test_sync_close (sync);
  return seq;
}

static void
test_first_start_takes_snapshot (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  g_autofree char *events = NULL;
  PulseCacheCounts counts;
  gint64 server_seq;

  ingest_state (fixture);
  server_seq = pulse_test_sync_server_seq (fixture);
  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  g_assert_cmpint (pulse_sync_get_state (sync), ==, PULSE_CONNECTION_STATE_DISCONNECTED);

  pulse_sync_start (sync);
  g_assert_cmpint (pulse_sync_get_state (sync), ==, PULSE_CONNECTION_STATE_CONNECTING);

  /* The (empty) cache is shown before anything is asked of the server. */
  pulse_test_sync_wait_resets (rec, 1);
  g_assert_cmpuint (fixture->requests->len, ==, 0);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, 0);
  g_assert_false (pulse_sync_get_cache_rebuilt (sync));

  pulse_test_sync_wait_live (sync);
  g_assert_cmpuint (rec->resets, ==, 2);
  g_assert_false (rec->live_at_reset);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  events = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT, server_seq);
  g_assert_cmpstr (pulse_test_sync_find (fixture, "/api/v1/events", 0), ==, events);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, server_seq);
  g_assert_cmpuint (n_tickets (sync), ==, 5);
  pulse_test_sync_assert_matches (fixture, sync);

  /* Connecting, then live: never offline on the way. */
  g_assert_cmpuint (rec->states->len, ==, 2);
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 0), ==,
                   PULSE_CONNECTION_STATE_CONNECTING);
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 1), ==,
                   PULSE_CONNECTION_STATE_LIVE);

  /* The snapshot is in the cache: directory, tickets, seq; and then the
   * history too (the two closed five days ago). */
  g_assert_true (pulse_cache_get_counts (pulse_sync_get_cache (sync), &counts, NULL));
  g_assert_cmpint (counts.open_tickets, ==, 3);
  g_assert_nonnull (pulse_cache_get_ticket (pulse_sync_get_cache (sync), "done-0001", NULL));
  pulse_test_wait_for (history_complete, sync, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_true (pulse_cache_get_counts (pulse_sync_get_cache (sync), &counts, NULL));
  g_assert_cmpint (counts.tickets, ==, 7);
  g_assert_cmpint (pulse_cache_count_entities (pulse_sync_get_cache (sync), "queue", NULL), ==, 1);
  g_assert_cmpint (pulse_cache_count_entities (pulse_sync_get_cache (sync), "agent", NULL), ==, 1);
  g_assert_cmpint (cache_seq (sync), ==, server_seq);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
ingest_changes (SyncFixture *fixture)
{
  gint64 at = g_get_real_time ();
  g_autofree char *now = pulse_time_format (at);
  g_autofree char *ticket = pulse_test_sync_ticket_json ("t-new", "new", at, at);
  g_autofree char *message = g_strdup_printf (
    "{\"ticket_id\":\"open-0001\",\"message\":{\"id\":\"m-2\",\"author_kind\":\"agent\","
    "\"author_id\":\"agent-7\",\"at\":\"%s\",\"body\":\"Перевіряю.\"}}", now);
  g_autofree char *status = g_strdup_printf (
    "{\"agent_id\":\"agent-7\",\"status\":\"available\",\"at\":\"%s\"}", now);

  pulse_test_sync_ingest (fixture, "tickets", ticket);
  pulse_test_sync_ingest (fixture, "messages", message);
  pulse_test_sync_ingest (fixture, "agent-status", status);
  pulse_test_sync_ingest (fixture, "applications",
                          "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":120}");
}

static gint64
messages_of (JsonNode *ticket)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (ticket),
                                                              "messages"));
}

static void
test_events_update_state_and_cache (SyncFixture   *fixture,
                                    gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  SyncRecorder *rec = pulse_test_sync_recorder_new (sync);
  PulseCache *cache;
  g_autoptr(JsonNode) ticket = NULL;
  g_autoptr(JsonNode) agent = NULL;
  g_autoptr(JsonNode) applications = NULL;
  gint64 before, after;

  ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  before = pulse_sync_get_seq (sync);

  ingest_changes (fixture);
  after = pulse_test_sync_server_seq (fixture);
  g_assert_cmpint (after, ==, before + 4);
  pulse_test_sync_wait_seq (sync, after);
  g_assert_true (pulse_sync_get_is_live (sync));
  g_assert_cmpuint (rec->changes, ==, 4);
  g_assert_cmpuint (rec->resets, ==, 2);
  g_assert_cmpint (messages_of (pulse_state_lookup (pulse_sync_get_state_snapshot (sync),
                                                    PULSE_STATE_KIND_TICKET, "open-0001")), ==, 2);
  pulse_test_sync_assert_matches (fixture, sync);

  /* The cache has each change and the seq they reach. */
  pulse_test_sync_flush (sync);
  cache = pulse_sync_get_cache (sync);
  g_assert_cmpint (cache_seq (sync), ==, after);
  ticket = pulse_cache_get_ticket (cache, "open-0001", NULL);
  g_assert_cmpint (messages_of (ticket), ==, 2);
  g_clear_pointer (&ticket, json_node_unref);
  ticket = pulse_cache_get_ticket (cache, "t-new", NULL);
  g_assert_nonnull (ticket);
  agent = pulse_cache_get_entity (cache, "agent", "agent-7", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (agent), "status"), ==,
                   "available");
  applications = pulse_cache_get_entity (cache, "applications", "2026-11-20/UA", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (applications), "count"), ==,
                   120);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
test_restart_resumes_from_cached_seq (SyncFixture   *fixture,
                                      gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  g_autofree char *events = NULL;
  gint64 cached;
  guint mark;

  ingest_state (fixture);
  cached = run_once (fixture);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);

  /* Missed while the console was closed: the stream replays them. */
  ingest_changes (fixture);
  mark = fixture->requests->len;

  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_resets (rec, 1);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), ==, cached);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, 5);
  g_assert_false (rec->live_at_reset);
  g_assert_cmpuint (fixture->requests->len, ==, mark);

  pulse_test_sync_wait_live (sync);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, cached + 4);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  events = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT, cached);
  g_assert_cmpstr (pulse_test_sync_find (fixture, "/api/v1/events", mark), ==, events);
  g_assert_cmpuint (rec->resets, ==, 1);
  g_assert_cmpuint (rec->changes, ==, 4);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
test_unreachable_then_live (SyncFixture   *fixture,
                            gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  gint64 cached;

  ingest_state (fixture);
  cached = run_once (fixture);
  pulse_test_sync_stop_server (fixture);

  /* The cached state at once; offline, as the server was never reached. */
  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_resets (rec, 1);
  g_assert_cmpuint (n_tickets (sync), ==, 5);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, cached);
  g_assert_false (pulse_sync_get_is_live (sync));
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_OFFLINE);
  g_assert_false (pulse_sync_get_is_live (sync));
  g_assert_cmpuint (n_tickets (sync), ==, 5);
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 0), ==,
                   PULSE_CONNECTION_STATE_CONNECTING);

  /* It keeps trying: the server comes up, the stream goes on from the
   * cached seq. */
  pulse_test_sync_start_server (fixture);
  pulse_test_sync_wait_live (sync);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  g_assert_cmpuint (rec->resets, ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

/* Live, the connection lost: reconnecting, offline after the delay, and
 * live again when the server is back. */
static void
test_lost_connection_goes_offline (SyncFixture   *fixture,
                                   gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  SyncRecorder *rec = pulse_test_sync_recorder_new (sync);

  ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_array_set_size (rec->states, 0);

  pulse_test_sync_stop_server (fixture);
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_OFFLINE);
  g_assert_false (pulse_sync_get_is_live (sync));
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 0), ==,
                   PULSE_CONNECTION_STATE_RECONNECTING);
  g_assert_cmpuint (n_tickets (sync), ==, 5);

  pulse_test_sync_start_server (fixture);
  pulse_test_sync_wait_live (sync);
  g_assert_true (saw_state (rec, PULSE_CONNECTION_STATE_OFFLINE));
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
test_resync_after_prune (SyncFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  PulseSync *sync;
  SyncRecorder *rec;
  gint64 cached, now = g_get_real_time ();

  ingest_state (fixture);
  cached = run_once (fixture);

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
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, 5);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 1), ==, 7);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, pulse_test_sync_server_seq (fixture));
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_flush (sync);
  g_assert_cmpint (cache_seq (sync), ==, pulse_sync_get_seq (sync));

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

  ingest_state (fixture);
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

static void
test_refused_token_is_unauthorized (SyncFixture   *fixture,
                                    gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
  g_autoptr(PulseClient) client = pulse_client_new (url, "pulse_not-a-token");
  PulseSync *sync = pulse_sync_new (client, fixture->cache_path);

  pulse_sync_start (sync);
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_UNAUTHORIZED);
  g_assert_false (pulse_sync_get_is_live (sync));
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, 0);
  pulse_test_sync_close (sync);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("first-start-takes-snapshot", test_first_start_takes_snapshot);
  TEST ("events-update-state-and-cache", test_events_update_state_and_cache);
  TEST ("restart-resumes-from-cached-seq", test_restart_resumes_from_cached_seq);
  TEST ("unreachable-then-live", test_unreachable_then_live);
  TEST ("lost-connection-goes-offline", test_lost_connection_goes_offline);
  TEST ("resync-after-prune", test_resync_after_prune);
  TEST ("corrupt-cache-rebuilt", test_corrupt_cache_rebuilt);
  TEST ("refused-token-is-unauthorized", test_refused_token_is_unauthorized);

  return g_test_run ();
}
