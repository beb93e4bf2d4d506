/* test-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync's life against a real server and a real cache file: the
 * first start, events (and a ticket one names that the snapshot left
 * out), a restart, a server out of reach, a refused token.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-cache-batch.h"
#include "pulse-event-log.h"
#include "pulse-sync-private.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define TEST(path, func) \
  g_test_add ("/pulse/session/sync/" path, SyncFixture, NULL, pulse_test_sync_set_up, func, \
              pulse_test_sync_tear_down)

#define MINUTE PULSE_USEC_PER_MINUTE

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

/* The snapshot is in the cache: directory, tickets, seq; and then the
 * history too (the two closed five days ago). */
static void
assert_cache_holds_snapshot (PulseSync *sync,
                             gint64     seq)
{
  PulseCache *cache = pulse_sync_get_cache (sync);
  g_autoptr(JsonNode) done = pulse_cache_get_ticket (cache, "done-0001", NULL);
  PulseCacheCounts counts;

  g_assert_nonnull (done);
  g_assert_true (pulse_cache_get_counts (cache, &counts, NULL));
  g_assert_cmpint (counts.open_tickets, ==, 3);
  g_assert_cmpint (pulse_cache_count_entities (cache, "queue", NULL), ==, 1);
  g_assert_cmpint (pulse_cache_count_entities (cache, "agent", NULL), ==, 1);
  g_assert_cmpint (pulse_test_sync_cache_seq (sync), ==, seq);

  pulse_test_wait_for (history_complete, sync, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_true (pulse_cache_get_counts (cache, &counts, NULL));
  g_assert_cmpint (counts.tickets, ==, 7);
}

static void
test_first_start_takes_snapshot (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  g_autofree char *events = NULL;
  gint64 server_seq;

  pulse_test_sync_ingest_state (fixture);
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
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), ==, 5);
  pulse_test_sync_assert_matches (fixture, sync);

  /* Connecting, then live: never offline on the way. */
  g_assert_cmpuint (rec->states->len, ==, 2);
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 0), ==,
                   PULSE_CONNECTION_STATE_CONNECTING);
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 1), ==,
                   PULSE_CONNECTION_STATE_LIVE);

  assert_cache_holds_snapshot (sync, server_seq);
  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
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

  pulse_test_sync_ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  before = pulse_sync_get_seq (sync);

  pulse_test_sync_ingest_changes (fixture);
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
  g_assert_cmpint (pulse_test_sync_cache_seq (sync), ==, after);
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

static gboolean
busy_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* A main loop that always has default-priority work (a flood on the
 * socket, a slow machine) never runs the drain's idle: the stream's own
 * callback applies the events once they have waited too long. */
static void
test_events_applied_when_idle_starves (SyncFixture   *fixture,
                                       gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  guint busy = 0, source;
  gint64 after;

  pulse_test_sync_ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);

  source = g_idle_add_full (G_PRIORITY_DEFAULT, busy_cb, &busy, NULL);
  pulse_test_sync_ingest_changes (fixture);
  after = pulse_test_sync_server_seq (fixture);
  pulse_test_sync_wait_seq (sync, after);
  g_source_remove (source);
  /* The busy source really ran throughout, so no idle could. */
  g_assert_cmpuint (busy, >, 10);
  pulse_test_sync_assert_matches (fixture, sync);
  pulse_test_sync_close (sync);
}

/* A stand-in for GTK's frame clock: sources at GDK_PRIORITY_REDRAW. */
#define REDRAW_PRIORITY (G_PRIORITY_HIGH_IDLE + 20)

typedef struct
{
  PulseSync *sync;
  guint      frames;
  guint      at_arrival;        /* frames when the first event reached the stream */
  guint      at_first_change;
  guint      changes;
  guint      frames_in_backlog; /* frames drawn with events applied and more waiting */
  gboolean   arrived;
} FrameWatch;

static gboolean
frame_cb (gpointer user_data)
{
  FrameWatch *watch = user_data;

  watch->frames++;
  if (watch->changes > 0 && !g_queue_is_empty (&watch->sync->inbox))
    watch->frames_in_backlog++;
  return G_SOURCE_CONTINUE;
}

static void
on_frame_watch_event_cb (PulseStream *stream,
                         JsonNode    *event,
                         FrameWatch  *watch)
{
  if (!watch->arrived)
    watch->at_arrival = watch->frames;
  watch->arrived = TRUE;
}

static void
on_frame_watch_changed_cb (PulseSync  *sync,
                           gpointer    change,
                           FrameWatch *watch)
{
  if (watch->changes++ == 0)
    watch->at_first_change = watch->frames;
}

static gboolean
has_changes_watched (gpointer user_data)
{
  return ((FrameWatch *) user_data)->changes > 0;
}

static gboolean
frames_ran (gpointer user_data)
{
  return ((FrameWatch *) user_data)->frames > 0;
}

static void
frame_watch_start (FrameWatch *watch,
                   PulseSync  *sync)
{
  *watch = (FrameWatch) { .sync = sync };
  g_signal_connect (sync->stream, "event", G_CALLBACK (on_frame_watch_event_cb), watch);
  g_signal_connect (sync, "changed", G_CALLBACK (on_frame_watch_changed_cb), watch);
}

static void
frame_watch_stop (FrameWatch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->sync->stream, watch);
  g_signal_handlers_disconnect_by_data (watch->sync, watch);
}

/* Events that reach an empty inbox are applied before a redraw that was
 * already due, so the frame shows them: under the redraw, GTK drew a
 * frame without them first, and the one with them waited a whole frame
 * interval behind it. Here the redraw is due all the time. */
static void
test_fresh_events_before_redraw (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  FrameWatch watch;
  guint frames;

  pulse_test_sync_ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  frame_watch_start (&watch, sync);

  frames = g_idle_add_full (REDRAW_PRIORITY, frame_cb, &watch, NULL);
  pulse_test_sync_ingest_changes (fixture);
  g_assert_true (pulse_test_wait_for (has_changes_watched, &watch, PULSE_TEST_SYNC_WAIT_MS));
  g_assert_true (watch.arrived);
  g_assert_cmpuint (watch.at_first_change, ==, watch.at_arrival);
  /* The stand-in frame clock does run: it was the events' turn first. */
  g_assert_true (pulse_test_wait_for (frames_ran, &watch, PULSE_TEST_SYNC_WAIT_MS));
  g_source_remove (frames);

  frame_watch_stop (&watch);
  pulse_test_sync_wait_seq (sync, pulse_test_sync_server_seq (fixture));
  pulse_test_sync_assert_matches (fixture, sync);
  pulse_test_sync_close (sync);
}

static gboolean
backlog_done (gpointer user_data)
{
  FrameWatch *watch = user_data;

  return pulse_sync_get_seq (watch->sync) >= 2000 && g_queue_is_empty (&watch->sync->inbox);
}

/* A backlog (here 2,000 contacts at once) is not applied in one go
 * above the redraw: after the first slice it goes on below it, and
 * frames are drawn while it lasts. */
static void
test_backlog_below_redraw (SyncFixture   *fixture,
                           gconstpointer  data)
{
  PulseSync *sync = pulse_test_sync_new (fixture);
  gint64 now = g_get_real_time ();
  FrameWatch watch;
  guint frames;

  pulse_test_sync_ingest_directory (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  frame_watch_start (&watch, sync);

  frames = g_timeout_add_full (REDRAW_PRIORITY, 16, frame_cb, &watch, NULL);
  pulse_test_sync_ingest_tickets (fixture, "burst", 2000, "open", now - 3 * MINUTE, 0);
  g_assert_true (pulse_test_wait_for (backlog_done, &watch, PULSE_TEST_SYNC_WAIT_MS));
  g_source_remove (frames);

  g_assert_cmpuint (watch.changes, ==, 2000);
  g_assert_cmpuint (watch.frames_in_backlog, >, 0);

  frame_watch_stop (&watch);
  pulse_test_sync_assert_matches (fixture, sync);
  pulse_test_sync_close (sync);
}

static gboolean
has_ticket (gpointer data)
{
  return pulse_state_lookup (pulse_sync_get_state_snapshot (data), PULSE_STATE_KIND_TICKET,
                             "t-old") != NULL;
}

static void
test_missing_ticket_fetched (SyncFixture   *fixture,
                             gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  g_autofree char *old = pulse_test_sync_ticket_json ("t-old", "closed", now - 4 * PULSE_TEST_DAY,
                                                      now - 3 * PULSE_TEST_DAY);
  g_autofree char *at = pulse_time_format (now);
  g_autofree char *message = g_strdup_printf (
    "{\"ticket_id\":\"t-old\",\"message\":{\"id\":\"m-2\",\"author_kind\":\"customer\","
    "\"at\":\"%s\",\"body\":\"Знову не працює.\"}}", at);
  g_autoptr(JsonNode) cached = NULL;
  PulseSync *sync = pulse_test_sync_new (fixture);
  SyncRecorder *rec = pulse_test_sync_recorder_new (sync);
  PulseState *state;

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest (fixture, "tickets", old);
  pulse_test_sync_ingest_tickets (fixture, "open", 1, "open", now - PULSE_TEST_DAY, MINUTE);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_assert_false (has_ticket (sync));

  /* A customer writes again on a ticket closed three days ago. */
  pulse_test_sync_ingest (fixture, "messages", message);
  pulse_test_wait_for (has_ticket, sync, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/tickets/t-old"), ==, 1);
  state = pulse_sync_get_state_snapshot (sync);
  g_assert_cmpint (messages_of (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-old")), ==,
                   2);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, pulse_test_sync_server_seq (fixture));
  g_assert_cmpuint (rec->changes, ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_flush (sync);
  cached = pulse_cache_get_ticket (pulse_sync_get_cache (sync), "t-old", NULL);
  g_assert_nonnull (cached);
  g_assert_cmpint (messages_of (cached), ==, 2);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

typedef struct
{
  SyncFixture *fixture;
  gint         requests_when_loaded;
} LoadedWatch;

static void
on_loading_cb (PulseSync   *sync,
               GParamSpec  *pspec,
               LoadedWatch *watch)
{
  if (!pulse_sync_get_loading (sync) && watch->requests_when_loaded < 0)
    watch->requests_when_loaded = watch->fixture->requests->len;
}

static void
test_restart_resumes_from_cached_seq (SyncFixture   *fixture,
                                      gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  g_autofree char *events = NULL;
  LoadedWatch watch = { fixture, -1 };
  gint64 cached;
  guint mark;

  pulse_test_sync_ingest_state (fixture);
  cached = pulse_test_sync_run_once (fixture);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);

  /* Missed while the console was closed: the stream replays them. */
  pulse_test_sync_ingest_changes (fixture);
  mark = fixture->requests->len;

  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  g_signal_connect (sync, "notify::loading", G_CALLBACK (on_loading_cb), &watch);
  pulse_sync_start (sync);
  /* First the open tickets; the two closed in the last day follow from
   * the cache, before the network (at the cached seq). */
  pulse_test_sync_wait_resets (rec, 1);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), ==, cached);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, 3);
  g_assert_false (rec->live_at_reset);
  g_assert_cmpuint (fixture->requests->len, ==, mark);

  pulse_test_sync_wait_live (sync);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, cached + 4);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  events = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT, cached);
  g_assert_cmpstr (pulse_test_sync_find (fixture, "/api/v1/events", mark), ==, events);
  g_assert_cmpuint (rec->resets, ==, 1);
  g_assert_cmpuint (rec->changes, ==, 2 + 4);
  g_assert_true (g_str_has_prefix (rec->change_ids->pdata[0], "done-"));
  g_assert_true (g_str_has_prefix (rec->change_ids->pdata[1], "done-"));
  g_assert_cmpint (g_array_index (rec->change_seqs, gint64, 1), ==, cached);
  g_assert_cmpint (g_array_index (rec->change_seqs, gint64, 2), ==, cached + 1);
  /* Nothing asked of the server until the cached state was whole. */
  g_assert_cmpint (watch.requests_when_loaded, ==, mark);
  g_signal_handlers_disconnect_by_data (sync, &watch);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static gboolean
has_changes (gpointer data)
{
  SyncRecorder *rec = data;

  return rec->changes > 0;
}

/* Closed while the day's closed tickets are being read (valgrind and
 * ASan see what that leaves), and again once they are being put. */
static void
test_close_while_loading (SyncFixture   *fixture,
                          gconstpointer  data)
{
  pulse_test_sync_ingest_state (fixture);
  pulse_test_sync_run_once (fixture);

  for (guint round = 0; round < 2; round++)
    {
      PulseSync *sync = pulse_test_sync_new (fixture);
      SyncRecorder *rec = pulse_test_sync_recorder_new (sync);
      g_autoptr(PulseState) state = NULL;

      pulse_sync_start (sync);
      pulse_test_sync_wait_resets (rec, 1);
      g_assert_true (pulse_sync_get_loading (sync));
      if (round == 1)
        pulse_test_wait_for (has_changes, rec, PULSE_TEST_SYNC_WAIT_MS);
      state = g_object_ref (pulse_sync_get_state_snapshot (sync));
      pulse_test_sync_recorder_free (rec);
      pulse_test_sync_close (sync);
      /* The state outlives its sync, with what was put in it. */
      g_assert_cmpuint (pulse_state_get_n_items (state, PULSE_STATE_KIND_TICKET), >=,
                        3 + round);
    }
}

static void
test_unreachable_then_live (SyncFixture   *fixture,
                            gconstpointer  data)
{
  PulseSync *sync;
  SyncRecorder *rec;
  gint64 cached;

  pulse_test_sync_ingest_state (fixture);
  cached = pulse_test_sync_run_once (fixture);
  pulse_test_sync_stop_server (fixture);

  /* The cached state at once; offline, as the server was never reached. */
  sync = pulse_test_sync_new (fixture);
  rec = pulse_test_sync_recorder_new (sync);
  pulse_sync_start (sync);
  pulse_test_sync_wait_resets (rec, 1);
  g_assert_true (pulse_sync_get_loading (sync));
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), ==, 3);
  pulse_test_sync_wait_loaded (sync);
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), ==, 5);
  g_assert_cmpint (pulse_sync_get_seq (sync), ==, cached);
  g_assert_false (pulse_sync_get_is_live (sync));
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_OFFLINE);
  g_assert_false (pulse_sync_get_is_live (sync));
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), ==, 5);
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

  pulse_test_sync_ingest_state (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_array_set_size (rec->states, 0);

  pulse_test_sync_stop_server (fixture);
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_OFFLINE);
  g_assert_false (pulse_sync_get_is_live (sync));
  g_assert_cmpint (g_array_index (rec->states, PulseConnectionState, 0), ==,
                   PULSE_CONNECTION_STATE_RECONNECTING);
  g_assert_cmpuint (pulse_test_sync_n_tickets (sync), ==, 5);

  pulse_test_sync_start_server (fixture);
  pulse_test_sync_wait_live (sync);
  g_assert_true (saw_state (rec, PULSE_CONNECTION_STATE_OFFLINE));
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/snapshot"), ==, 1);
  pulse_test_sync_assert_matches (fixture, sync);

  pulse_test_sync_recorder_free (rec);
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

/* Something answers, but not Pulse: 404 for the snapshot. */
/* A sync of the fixture's cache following @server, which listens on
 * loopback from now on: a server that is not pulse-server. */
static PulseSync *
sync_for_server (SyncFixture *fixture,
                 SoupServer  *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(PulseClient) client = NULL;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_foreach (uris, (GFunc) g_uri_unref, NULL);
  client = pulse_client_new (url, fixture->viewer);
  return pulse_sync_new (client, fixture->cache_path);
}

static void
test_foreign_server_is_incompatible (SyncFixture   *fixture,
                                     gconstpointer  data)
{
  g_autoptr(SoupServer) foreign = soup_server_new (NULL, NULL);
  PulseSync *sync = sync_for_server (fixture, foreign);

  pulse_sync_start (sync);
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_INCOMPATIBLE);
  g_assert_false (pulse_sync_get_is_live (sync));
  pulse_test_sync_close (sync);
}

/* A server whose every snapshot is @body. */
typedef struct
{
  const char *body;
  guint       served;
} BadSnapshots;

static void
bad_snapshot_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  BadSnapshots *bad = user_data;

  bad->served++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, bad->body,
                                    strlen (bad->body));
}

/* Starts a sync on a server serving @bad until it is incompatible; the
 * caller closes it. */
static PulseSync *
sync_until_incompatible (SyncFixture  *fixture,
                         SoupServer   *server,
                         BadSnapshots *bad)
{
  PulseSync *sync;

  soup_server_add_handler (server, "/api/v1/snapshot", bad_snapshot_cb, bad, NULL);
  sync = sync_for_server (fixture, server);
  pulse_sync_start (sync);
  pulse_test_sync_wait_state (sync, PULSE_CONNECTION_STATE_INCOMPATIBLE);
  return sync;
}

/* A snapshot that cannot be read may be an answer cut on its way: tried
 * again, and only the third in a row makes the server incompatible. */
static void
garbled_snapshots_then_incompatible (SyncFixture   *fixture,
                                     gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  BadSnapshots cut = { "{\"seq\":12,\"queues\":[{\"id\":\"q-1\",\"na", 0 };
  PulseSync *sync = sync_until_incompatible (fixture, server, &cut);

  g_assert_cmpuint (cut.served, ==, 3);
  pulse_test_sync_close (sync);
}

/* JSON that is no state: each retry waits longer than the one before
 * (the backoff starts again only on a state it could read), and the
 * third in a row makes the server incompatible. */
static void
not_a_state_backs_off (SyncFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  BadSnapshots not_state = { "{\"seq\":\"twelve\",\"queues\":[]}", 0 };
  PulseSync *sync = sync_until_incompatible (fixture, server, &not_state);

  g_assert_cmpuint (not_state.served, ==, 3);
  g_assert_cmpuint (sync->backoff.attempt, ==, 2);
  pulse_test_sync_close (sync);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("first-start-takes-snapshot", test_first_start_takes_snapshot);
  TEST ("events-update-state-and-cache", test_events_update_state_and_cache);
  TEST ("events-applied-when-idle-starves", test_events_applied_when_idle_starves);
  TEST ("fresh-events-before-redraw", test_fresh_events_before_redraw);
  TEST ("backlog-below-redraw", test_backlog_below_redraw);
  TEST ("missing-ticket-fetched", test_missing_ticket_fetched);
  TEST ("restart-resumes-from-cached-seq", test_restart_resumes_from_cached_seq);
  TEST ("close-while-loading", test_close_while_loading);
  TEST ("unreachable-then-live", test_unreachable_then_live);
  TEST ("lost-connection-goes-offline", test_lost_connection_goes_offline);
  TEST ("refused-token-is-unauthorized", test_refused_token_is_unauthorized);
  TEST ("foreign-server-is-incompatible", test_foreign_server_is_incompatible);
  TEST ("garbled-snapshots-then-incompatible", garbled_snapshots_then_incompatible);
  TEST ("not-a-state-backs-off", not_a_state_backs_off);

  return g_test_run ();
}
