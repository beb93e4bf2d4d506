/* test-kpi-view-history.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseKpiView reading its window's history from a real PulseCache file
 * in a temporary directory, a page per main-loop iteration.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-cache-batch.h"
#include "test-kpi-view-util.h"

typedef struct
{
  char       *dir;
  PulseCache *cache;
  GPtrArray  *tickets;  /* what the cache holds, decoded */
  PulseState *state;
  guint       ticks;    /* iterations of the main loop, counted by an idle */
  GArray     *chunks;   /* the tick of each chunk */
} History;

static gboolean
tick_cb (gpointer user_data)
{
  ((History *) user_data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
on_history_tickets_cb (PulseKpiView *view,
                       GParamSpec   *pspec,
                       History      *history)
{
  g_array_append_val (history->chunks, history->ticks);
}

/* 600 tickets an hour apart from 2 days before the window, h-0 … h-599;
 * the state holds t-1 and a newer h-100. */
static void
history_setup (History *history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autofree char *path = NULL;
  g_autofree char *t1 = ticket_q ("t-1", "q-ua", "c-1", "a-1", HOUR, 10);
  g_autoptr(JsonNode) h100 = NULL;
  g_autofree char *h100_q = NULL;
  g_autofree char *tickets = NULL;

  history->dir = g_dir_make_tmp ("pulse-kpi-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (history->dir, "cache.db", NULL);
  history->cache = pulse_cache_open (path, "http://127.0.0.1:1", &error);
  g_assert_no_error (error);
  history->tickets = g_ptr_array_new_with_free_func (g_object_unref);
  history->chunks = g_array_new (FALSE, FALSE, sizeof (guint));

  batch = pulse_cache_batch_begin (history->cache, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("h-%u", i);
      g_autofree char *customer = g_strdup_printf ("c-%u", i % 25);
      g_autoptr(JsonNode) node = ticket_node (id, 1, i % 2 ? "q-ua" : "q-pl", customer,
                                              i % 3 ? "a-1" : "a-2", "resolved",
                                              -2 * DAY + i * HOUR,
                                              i % 7 != 0 ? (int) (10 + i % 50) : -1);

      g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (history->tickets, pulse_ticket_new_from_json (node, NULL));
    }
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_assert_no_error (error);

  h100 = ticket_node ("h-100", 2, "q-ua", "c-0", "a-3", "closed", -2 * DAY + 100 * HOUR, 3);
  h100_q = pulse_json_to_string (h100);
  tickets = g_strjoin (",", t1, h100_q, NULL);
  g_strdelimit (tickets, "\"", '\'');
  history->state = test_state_new (DIRECTORY, "tickets", tickets, NULL);
}

static void
history_teardown (History *history)
{
  g_autoptr(GDir) dir = g_dir_open (history->dir, 0, NULL);
  const char *name;

  g_clear_object (&history->cache);
  g_clear_object (&history->state);
  g_ptr_array_unref (history->tickets);
  g_array_unref (history->chunks);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (history->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (history->dir), ==, 0);
  g_free (history->dir);
}

static gboolean
history_started (gpointer view)
{
  return pulse_kpi_view_get_history_tickets (view) > 0;
}

static gboolean
no_feeds (gpointer user_data)
{
  return _pulse_kpi_view_get_n_feeds () == 0;
}

/* The window and its follow-up week, [0, 14 days), hold h-48 … h-383:
 * 336 tickets, 9 pages of 40, h-100 taken from the state instead. One
 * page per main-loop iteration: the test's idle runs between any two. */
static void
test_history (void)
{
  History history = { 0 };
  g_autoptr(PulseKpiView) view = NULL;
  guint tick_id;

  history_setup (&history);
  view = view_new (history.cache, PULSE_KPI_GROUP_AGENT);
  pulse_kpi_view_set_history_chunk (view, 40);
  g_assert_false (pulse_kpi_view_get_loaded (view));
  g_signal_connect (view, "notify::history-tickets", G_CALLBACK (on_history_tickets_cb),
                    &history);
  tick_id = g_idle_add (tick_cb, &history);

  pulse_kpi_view_reset (view, history.state);
  g_assert_false (pulse_kpi_view_get_loaded (view));
  pulse_test_wait_for (view_is_loaded, view, 20000);

  g_assert_cmpuint (pulse_kpi_view_get_history_tickets (view), ==, 335);
  g_assert_cmpuint (history.chunks->len, ==, 9);
  for (guint i = 1; i < history.chunks->len; i++)
    g_assert_cmpuint (g_array_index (history.chunks, guint, i), >,
                      g_array_index (history.chunks, guint, i - 1));
  assert_like_fresh (view, history.state, history.tickets);

  g_source_remove (tick_id);
  pulse_test_wait_for (no_feeds, NULL, 10000);
  g_clear_object (&view);
  history_teardown (&history);
}

/* A new window while the history comes in: the old feed stops, and the
 * new window's history is read whole, h-216 … h-551. */
static void
test_history_restart (void)
{
  History history = { 0 };
  g_autoptr(PulseKpiView) view = NULL;

  history_setup (&history);
  view = view_new (history.cache, PULSE_KPI_GROUP_TEAM);
  pulse_kpi_view_set_history_chunk (view, 40);
  pulse_kpi_view_reset (view, history.state);
  pulse_test_wait_for (history_started, view, 20000);
  g_assert_false (pulse_kpi_view_get_loaded (view));

  pulse_kpi_view_set_range (view, AT (7 * DAY), AT (14 * DAY));
  g_assert_cmpuint (pulse_kpi_view_get_history_tickets (view), ==, 0);
  pulse_test_wait_for (view_is_loaded, view, 20000);
  g_assert_cmpuint (pulse_kpi_view_get_history_tickets (view), ==, 336);
  assert_like_fresh (view, history.state, history.tickets);

  /* A view dropped while it reads: its feed ends and is freed. */
  pulse_kpi_view_reset (view, history.state);
  pulse_test_wait_for (history_started, view, 20000);
  g_clear_object (&view);
  pulse_test_wait_for (no_feeds, NULL, 10000);
  history_teardown (&history);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/kpi-view-history/feed", test_history);
  g_test_add_func ("/pulse/session/kpi-view-history/restart", test_history_restart);

  return g_test_run ();
}
