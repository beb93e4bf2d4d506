/* test-sync-data.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What PulseSync brings in besides the snapshot and the stream: 90 days
 * of history paged into the cache (and resumed, and pruned), and a burst
 * of events that must not hold up the main loop.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-cache-batch.h"
#include "pulse-demo-server.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"
#include "pulse-test-sync.h"
#include "pulse-time-utils.h"

#define TEST(path, func) \
  g_test_add ("/pulse/session/sync/" path, SyncFixture, NULL, pulse_test_sync_set_up, func, \
              pulse_test_sync_tear_down)

#define DAY    PULSE_TEST_DAY

/* Under ASan every allocation unwinds the stack: a fifth of the burst
 * keeps the test in its time. */
#ifdef __SANITIZE_ADDRESS__
#define BURST_BATCHES 1
#else
#define BURST_BATCHES 5
#endif
#define BURST_EVENTS (BURST_BATCHES * 1000)
#define MINUTE PULSE_USEC_PER_MINUTE

static gboolean
history_complete (gpointer data)
{
  return pulse_sync_get_history_complete (data);
}

static gint64
count_cached (PulseSync *sync,
              gint64     from,
              gint64     to)
{
  g_autoptr(GError) error = NULL;
  gint64 n = pulse_cache_count_tickets (pulse_sync_get_cache (sync), from, to, &error);

  g_assert_no_error (error);
  return n;
}

/* A closed ticket from 120 days ago, put straight into the cache file. */
static void
put_ancient_ticket (SyncFixture *fixture)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->port);
  gint64 then = g_get_real_time () - 120 * DAY;
  g_autofree char *json = pulse_test_sync_ticket_json ("t-ancient", "closed", then, then);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (fixture->cache_path, url, &error);
  g_autoptr(PulseCacheBatch) batch = NULL;

  g_assert_no_error (error);
  json_object_set_int_member (json_node_get_object (node), "version", 1);
  batch = pulse_cache_batch_begin (cache, &error);
  g_assert_no_error (error);
  pulse_cache_batch_put_ticket (batch, node, NULL, &error);
  g_assert_no_error (error);
  pulse_cache_batch_commit (batch, &error);
  g_assert_no_error (error);
}

typedef struct
{
  PulseSync *sync;
  gint64     before;
} Pruned;

static gboolean
ancient_pruned (gpointer data)
{
  Pruned *pruned = data;

  return count_cached (pruned->sync, 0, pruned->before) == 0;
}

static void
test_history_paged_into_cache (SyncFixture   *fixture,
                               gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  PulseSync *sync;
  Pruned pruned;

  /* 22 closed over 80 … 17 days ago, one closed 100 days ago (outside
   * the window), two open: 24 tickets in 90 days, 5 pages of 5. */
  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "closed", 22, "closed", now - 80 * DAY, 3 * DAY);
  pulse_test_sync_ingest_tickets (fixture, "older", 1, "closed", now - 100 * DAY, MINUTE);
  pulse_test_sync_ingest_tickets (fixture, "open", 2, "open", now - DAY, MINUTE);
  put_ancient_ticket (fixture);

  sync = pulse_test_sync_new (fixture);
  pulse_sync_set_history_page_size (sync, 5);
  pulse_sync_start (sync);
  pulse_test_wait_for (history_complete, sync, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/tickets?"), ==, 5);
  g_assert_true (g_str_has_suffix (pulse_test_sync_find (fixture, "/api/v1/tickets?", 0),
                                   "&limit=5"));

  /* History is in the cache, not in the state. */
  g_assert_cmpint (count_cached (sync, now - 90 * DAY, now + DAY), ==, 24);
  g_assert_cmpuint (pulse_state_get_n_items (pulse_sync_get_state_snapshot (sync),
                                             PULSE_STATE_KIND_TICKET), ==, 2);
  g_assert_null (pulse_cache_get_ticket (pulse_sync_get_cache (sync), "older-0000", NULL));

  /* Then what left the window goes. */
  pruned = (Pruned) { sync, now - 90 * DAY };
  pulse_test_wait_for (ancient_pruned, &pruned, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpint (count_cached (sync, now - 90 * DAY, now + DAY), ==, 24);
  pulse_test_sync_close (sync);

  /* Complete stays complete: no paging after a restart. */
  sync = pulse_test_sync_new (fixture);
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);
  g_assert_true (pulse_sync_get_history_complete (sync));
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/tickets?"), ==, 5);
  pulse_test_sync_close (sync);
}

typedef struct
{
  PulseSync *sync;
  char      *stopped_at;   /* the page request the sync was stopped during */
} Interrupt;

/* Stops the sync as its second page is asked for: the first is stored. */
static void
stop_at_second_page (SyncFixture *fixture,
                     const char  *request)
{
  Interrupt *interrupt = fixture->on_request_data;

  if (interrupt->stopped_at != NULL || pulse_test_sync_count (fixture, "/api/v1/tickets?") < 2)
    return;

  interrupt->stopped_at = g_strdup (request);
  pulse_sync_stop (interrupt->sync);
}

static gboolean
is_stopped (gpointer data)
{
  return ((Interrupt *) data)->stopped_at != NULL;
}

static void
test_history_resumes_from_cursor (SyncFixture   *fixture,
                                  gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  Interrupt interrupt = { NULL, NULL };
  guint mark;

  pulse_test_sync_ingest_directory (fixture);
  pulse_test_sync_ingest_tickets (fixture, "closed", 11, "closed", now - 60 * DAY, DAY);

  interrupt.sync = pulse_test_sync_new (fixture);
  pulse_sync_set_history_page_size (interrupt.sync, 3);
  fixture->on_request = stop_at_second_page;
  fixture->on_request_data = &interrupt;
  pulse_sync_start (interrupt.sync);
  pulse_test_wait_for (is_stopped, &interrupt, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_nonnull (strstr (interrupt.stopped_at, "&cursor="));
  g_assert_false (pulse_sync_get_history_complete (interrupt.sync));
  pulse_test_sync_close (interrupt.sync);
  fixture->on_request = NULL;

  /* The next run asks for the page it did not get, and goes on. */
  mark = fixture->requests->len;
  interrupt.sync = pulse_test_sync_new (fixture);
  pulse_sync_set_history_page_size (interrupt.sync, 3);
  pulse_sync_start (interrupt.sync);
  pulse_test_wait_for (history_complete, interrupt.sync, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpstr (pulse_test_sync_find (fixture, "/api/v1/tickets?", mark), ==,
                   interrupt.stopped_at);
  g_assert_cmpuint (pulse_test_sync_count (fixture, "/api/v1/tickets?"), ==, 2 + 3);
  g_assert_cmpint (count_cached (interrupt.sync, now - 90 * DAY, now + DAY), ==, 11);
  pulse_test_sync_close (interrupt.sync);
  g_free (interrupt.stopped_at);
}

/* A pulse-server child (so the main loop measured is the console's
 * alone) with a head's token, which may both ingest and read. */
typedef struct
{
  PulseDemoServer *server;
  SoupSession     *soup;
  GAsyncResult    *result;
  GBytes          *body;
  gboolean         done;
} Child;

static void
on_started_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ((Child *) user_data)->result = g_object_ref (result);
}

static gboolean
child_started (gpointer data)
{
  return ((Child *) data)->result != NULL;
}

static void
child_start (Child *child)
{
  g_autofree char *program = pulse_demo_server_find_program ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (program);
  pulse_demo_server_start_async (program, NULL, on_started_cb, child);
  pulse_test_wait_for (child_started, child, PULSE_TEST_SYNC_WAIT_MS);
  child->server = pulse_demo_server_start_finish (child->result, &error);
  g_assert_no_error (error);
  g_clear_object (&child->result);
  child->soup = soup_session_new ();
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Child *child = user_data;

  child->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  child->done = TRUE;
}

static gboolean
child_answered (gpointer data)
{
  return ((Child *) data)->done;
}

/* Waits for the answer, the main loop running meanwhile. */
static JsonNode *
child_request (Child      *child,
               const char *method,
               const char *path,
               const char *body)
{
  g_autofree char *url = g_strconcat (pulse_demo_server_get_url (child->server), path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", pulse_demo_server_get_token (child->server),
                                       NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      bytes = g_bytes_new (body, strlen (body));
      pulse_test_set_json_body (msg, bytes);
    }
  child->done = FALSE;
  soup_session_send_and_read_async (child->soup, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb,
                                    child);
  pulse_test_wait_for (child_answered, child, PULSE_TEST_SYNC_WAIT_MS);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  node = pulse_json_parse (g_bytes_get_data (child->body, NULL), g_bytes_get_size (child->body),
                           &error);
  g_assert_no_error (error);
  g_clear_pointer (&child->body, g_bytes_unref);
  return node;
}

/* A snapshot of the child, as a state. */
static PulseState *
child_state (Child *child)
{
  g_autoptr(JsonNode) snapshot = child_request (child, "GET", "/api/v1/snapshot", NULL);
  g_autoptr(GError) error = NULL;
  PulseState *state = pulse_state_new_from_snapshot (snapshot, &error);

  g_assert_no_error (error);
  return state;
}

static void
child_stop (Child *child)
{
  soup_session_abort (child->soup);
  g_clear_object (&child->soup);
  pulse_demo_server_stop (child->server);
  g_clear_object (&child->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  over_frame;   /* gaps longer than a 60 Hz frame */
} Gap;

static gboolean
on_tick_cb (gpointer data)
{
  Gap *gap = data;
  gint64 now = g_get_monotonic_time ();

  if (gap->last != 0)
    {
      gap->longest = MAX (gap->longest, now - gap->last);
      gap->over_frame += now - gap->last > 16667;
    }
  gap->last = now;
  return G_SOURCE_CONTINUE;
}

/* BURST_EVENTS tickets in batches of 1,000, each ticket one event. */
static gint64
ingest_burst (Child *child)
{
  gint64 now = g_get_real_time (), seq = 0;

  for (guint batch = 0; batch < BURST_BATCHES; batch++)
    {
      g_autoptr(GString) body = g_string_new ("{\"items\":[");
      g_autoptr(JsonNode) answer = NULL;

      for (guint i = batch * 1000; i < (batch + 1) * 1000; i++)
        {
          g_autofree char *id = g_strdup_printf ("burst-%04u", i);
          g_autofree char *ticket = pulse_test_sync_ticket_json (id, "open", now + i, now + i);

          g_string_append_printf (body, "%s%s", i > batch * 1000 ? "," : "", ticket);
        }
      g_string_append (body, "]}");
      answer = child_request (child, "POST", "/api/v1/ingest/tickets", body->str);
      seq = json_object_get_int_member (json_node_get_object (answer), "seq");
    }

  return seq;
}

/* The next start shows the burst from the cache, before any network. */
static void
restart_from_cache (SyncFixture *fixture,
                    PulseClient *client,
                    PulseState  *server,
                    gint64       seq)
{
  PulseSync *sync = pulse_sync_new (client, fixture->cache_path);
  SyncRecorder *rec = pulse_test_sync_recorder_new (sync);
  gint64 started = g_get_monotonic_time ();

  pulse_sync_start (sync);
  pulse_test_sync_wait_resets (rec, 1);
  g_test_message ("%d open tickets read from the cache in %.0f ms", BURST_EVENTS,
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpuint (g_array_index (rec->reset_tickets, guint, 0), ==, BURST_EVENTS);
  g_assert_cmpint (g_array_index (rec->reset_seqs, gint64, 0), ==, seq);
  pulse_test_sync_wait_live (sync);
  g_assert_cmpuint (rec->resets, ==, 1);
  g_assert_true (pulse_state_equal (pulse_sync_get_state_snapshot (sync), server,
                                    g_get_real_time ()));
  pulse_test_sync_recorder_free (rec);
  pulse_test_sync_close (sync);
}

static void
test_burst_keeps_main_loop_free (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  Child child = { NULL };
  g_autoptr(PulseClient) client = NULL;
  g_autoptr(PulseState) server = NULL;
  PulseSync *sync;
  Gap gap = { 0, 0, 0 };
  gint64 target, started;
  guint tick;

  child_start (&child);
  client = pulse_client_new (pulse_demo_server_get_url (child.server),
                             pulse_demo_server_get_token (child.server));
  sync = pulse_sync_new (client, fixture->cache_path);
  json_node_unref (child_request (&child, "POST", "/api/v1/ingest/directory",
    "{\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine chat\",\"channel\":\"chat\","
    "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}]}"));
  pulse_sync_start (sync);
  pulse_test_sync_wait_live (sync);

  tick = g_timeout_add (1, on_tick_cb, &gap);
  started = g_get_monotonic_time ();
  target = ingest_burst (&child);
  pulse_test_sync_wait_seq (sync, target);
  g_test_message ("%d events applied in %.0f ms; longest main-loop gap %.1f ms, "
                  "%u gaps over 16.7 ms (wall clock: includes time the machine gave others)",
                  BURST_EVENTS, (g_get_monotonic_time () - started) / 1000.0,
                  gap.longest / 1000.0, gap.over_frame);
  g_source_remove (tick);

  /* Every event is in the state, and the state is the server's. */
  g_assert_cmpuint (pulse_state_get_n_items (pulse_sync_get_state_snapshot (sync),
                                             PULSE_STATE_KIND_TICKET), ==, BURST_EVENTS);
  server = child_state (&child);
  g_assert_true (pulse_state_equal (pulse_sync_get_state_snapshot (sync), server,
                                    g_get_real_time ()));
  /* Not a figure to hold a loaded machine to, but a main loop blocked
   * for seconds would be a bug: SQLite, or all events in one go. Under
   * ASan every allocation unwinds the stack, and the figure means little. */
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpint (gap.longest, <, 2 * G_USEC_PER_SEC);
#endif

  pulse_test_sync_flush (sync);
  g_assert_cmpint (count_cached (sync, 0, G_MAXINT64), ==, BURST_EVENTS);
  pulse_test_sync_close (sync);

  restart_from_cache (fixture, client, server, target);
  child_stop (&child);
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static PulseSyncOp *
ticket_op (const char *status,
           gint64      version,
           gint64      now)
{
  gint64 hour = G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  g_autofree char *text = pulse_test_sync_ticket_json ("t-1", status, now - hour,
                                                       now - 60 * G_USEC_PER_SEC);
  g_autoptr(GString) versioned = g_string_new (text);
  g_autofree char *replacement = g_strdup_printf ("{\"version\":%" G_GINT64_FORMAT ",", version);
  PulseSyncOp *op = g_new0 (PulseSyncOp, 1);
  GError *error = NULL;

  g_string_replace (versioned, "{", replacement, 1);
  op->kind = PULSE_STATE_KIND_TICKET;
  op->action = PULSE_STATE_ACTION_UPDATED;
  op->id = g_strdup ("t-1");
  op->item = pulse_json_parse (versioned->str, -1, &error);
  g_assert_no_error (error);
  return op;
}

/* One write job holding several versions of a ticket stores only the
 * last: the ticket at v3, and no mark for the v2 that was closed, since
 * v3 is open again. The same closed version alone is marked. */
static void
test_ops_coalesce_tickets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pulse-test-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, "https://pulse.example.com", &error);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_sync_op_free);
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(JsonNode) stored = NULL;
  gint64 now = g_get_real_time ();

  g_assert_no_error (error);
  g_ptr_array_add (ops, ticket_op ("closed", 2, now));
  g_ptr_array_add (ops, ticket_op ("open", 3, now));
  g_assert_true (_pulse_sync_store_write_ops (cache, ops, 10, 0, now, &error));
  g_assert_no_error (error);
  stored = pulse_cache_get_ticket (cache, "t-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stored), "version"), ==, 3);
  marks = pulse_cache_list_entities (cache, PULSE_SYNC_KIND_RECENT, &error);
  g_assert_cmpuint (marks->len, ==, 0);

  g_ptr_array_set_size (ops, 0);
  g_ptr_array_add (ops, ticket_op ("closed", 4, now));
  g_assert_true (_pulse_sync_store_write_ops (cache, ops, 11, 0, now, &error));
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = pulse_cache_list_entities (cache, PULSE_SYNC_KIND_RECENT, &error);
  g_assert_cmpuint (marks->len, ==, 1);

  g_clear_object (&cache);
  remove_files (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("history-paged-into-cache", test_history_paged_into_cache);
  TEST ("history-resumes-from-cursor", test_history_resumes_from_cursor);
  TEST ("burst-keeps-main-loop-free", test_burst_keeps_main_loop_free);
  g_test_add_func ("/pulse/session/sync/ops-coalesce-tickets", test_ops_coalesce_tickets);

  return g_test_run ();
}
