/* bench-entity-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live models at DESIGN.md's top end: 50,000 tickets in the state, a
 * ticket list reset from it, then 10,000 events (header updates,
 * messages, new tickets) applied to the state and followed by the
 * models. Each model's own time per change is measured apart from the
 * state's; figures are printed, never asserted.
 *
 *   meson test -C build --benchmark entity-list
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "pulse-cache-batch.h"
#include "pulse-entity-list.h"
#include "test-kpi-view-util.h"

#define N_TICKETS 50000
#define N_CHANGES 10000
#define N_AGENTS  50
#define N_HISTORY 100000

static const char * const statuses[] = { "open", "pending", "resolved", "closed" };

static JsonNode *
snapshot (GRand *rand)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) directory = test_parse_q (
    "{'queues':[{'id':'q-ua','version':1,'name':'UA chat','channel':'chat','country':'UA',"
    "'language':'uk','sl_target_seconds':20,'sl_goal':0.8},{'id':'q-pl','version':1,"
    "'name':'PL mail','channel':'email','country':'PL','language':'pl',"
    "'sl_target_seconds':60,'sl_goal':0.8}]}");

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", 0);
  json_builder_set_member_name (builder, "queues");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (
    json_node_get_object (directory), "queues")));
  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_AGENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("a-%u", i);
      g_autofree char *team = g_strdup_printf ("team-%u", i % 5);

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", id);
      pulse_json_add_int (builder, "version", 1);
      pulse_json_add_string (builder, "name", id);
      pulse_json_add_string (builder, "team_id", team);
      pulse_json_add_string (builder, "position", "agent");
      pulse_json_add_string (builder, "status", "available");
      pulse_json_add_string (builder, "status_since", "2026-11-01T08:00:00Z");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tickets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_TICKETS; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i);
      g_autofree char *customer = g_strdup_printf ("c-%d", g_rand_int_range (rand, 0, 20000));
      g_autofree char *agent = g_strdup_printf ("a-%d", g_rand_int_range (rand, 0, N_AGENTS));

      json_builder_add_value (builder, ticket_node (id, 1, i % 3 ? "q-ua" : "q-pl", customer, agent,
                                                   statuses[g_rand_int_range (rand, 0, 4)],
                                                   g_rand_int_range (rand, 0, 7 * DAY),
                                                   g_rand_int_range (rand, -1, 300)));
    }
  json_builder_end_array (builder);
  for (guint i = 0; i < 9; i++)
    {
      static const char * const empty[] = { "teams", "channels", "applications", "rules",
                                            "templates", "scorecards", "mentorships", "shifts",
                                            "reviews" };

      json_builder_set_member_name (builder, empty[i]);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One event of the mix a busy contact centre streams: 60% header
 * updates, 30% messages, 10% new tickets. */
static void
next_event (PulseState        *state,
            GRand             *rand,
            guint              n,
            PulseStateChange  *change)
{
  int op = g_rand_int_range (rand, 0, 10);
  g_autofree char *id = g_strdup_printf ("t-%d", g_rand_int_range (rand, 0, N_TICKETS));
  g_autofree char *at = time_at (8 * DAY + n);
  JsonObject *object;

  if (op == 0)
    {
      g_autofree char *new_id = g_strdup_printf ("n-%u", n);

      test_apply (state, "ticket.created",
                  ticket_node (new_id, 1, "q-ua", "c-1", "a-1", "open", 7 * DAY + n, -1), change);
    }
  else if (op < 7)
    {
      object = test_edit (state, PULSE_STATE_KIND_TICKET, id);
      json_object_set_string_member (object, "status", statuses[g_rand_int_range (rand, 0, 4)]);
      json_object_set_string_member (object, "updated_at", at);
      test_apply (state, "ticket.updated", test_data (object), change);
    }
  else
    {
      JsonNode *stored = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, id);
      gint64 version = json_object_get_int_member (json_node_get_object (stored), "version");
      g_autofree char *data = g_strdup_printf (
        "{'ticket_id':'%s','ticket_version':%" G_GINT64_FORMAT ",'ticket_updated_at':'%s',"
        "'message':{'id':'m-%u','author_kind':'agent','author_id':'a-1','at':'%s','body':'x'}}",
        id, version + 1, at, n, at);

      test_apply_q (state, "message.created", data, change);
    }
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The main thread's own CPU time: a wait in poll() or a preemption by
 * the worker (or another process) on a busy machine is not its work. */
static gint64
thread_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Runs the main loop until @view is filled: the main thread's work, in
 * how many iterations, and the longest. */
static void
fill_view (PulseKpiView *view,
           const char   *what)
{
  gint64 total = 0, longest = 0, wall = g_get_monotonic_time ();
  guint iterations = 0;

  while (!pulse_kpi_view_get_loaded (view))
    {
      gint64 start = thread_usec ();
      gint64 spent;

      g_main_context_iteration (NULL, TRUE);
      spent = thread_usec () - start;
      total += spent;
      longest = MAX (longest, spent);
      iterations++;
    }
  g_print ("%s: %.0f ms in all; main thread %.0f ms CPU in %u iterations, "
           "the longest %.1f ms\n", what, (g_get_monotonic_time () - wall) / 1000.0,
           total / 1000.0, iterations, longest / 1000.0);
}

static void
materialize (PulseEntityList *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

/* The view of a cache of N_HISTORY tickets beside the 50,000 of the
 * state: the worker reads and decodes, the main loop adds. */
static void
bench_history (PulseState *state,
               GRand      *rand)
{
  g_autofree char *dir = g_dir_make_tmp ("pulse-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autoptr(PulseCache) cache = pulse_cache_open (path, "http://127.0.0.1:1", NULL);
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, NULL);
  g_autoptr(PulseKpiView) view = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  for (guint i = 0; i < N_HISTORY; i++)
    {
      g_autofree char *id = g_strdup_printf ("h-%u", i);
      g_autofree char *customer = g_strdup_printf ("c-%u", i % 20000);
      g_autoptr(JsonNode) node = ticket_node (id, 1, i % 2 ? "q-ua" : "q-pl", customer, "a-2",
                                              "closed", g_rand_int_range (rand, 0, 7 * DAY), 30);

      pulse_cache_batch_put_ticket (batch, node, NULL, NULL);
    }
  pulse_cache_batch_commit (batch, NULL);

  view = view_new (cache, PULSE_KPI_GROUP_TEAM);
  pulse_kpi_view_set_now (view, AT (8 * DAY));
  pulse_kpi_view_reset (view, state);
  fill_view (view, "KPI view filled with 50,000 state and 100,000 cached tickets");
  g_print ("  history tickets in: %u\n", pulse_kpi_view_get_history_tickets (view));

  g_clear_object (&view);
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (50000);
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(PulseState) state = NULL;
  g_autoptr(PulseEntityList) lazy = pulse_entity_list_new (PULSE_STATE_KIND_TICKET);
  g_autoptr(PulseEntityList) shown = pulse_entity_list_new (PULSE_STATE_KIND_TICKET);
  g_autoptr(PulseEntityList) batched = pulse_entity_list_new (PULSE_STATE_KIND_TICKET);
  g_autoptr(PulseKpiView) view = view_new (NULL, PULSE_KPI_GROUP_AGENT);
  gint64 t_lazy = 0, t_shown = 0, t_batched = 0, t_view = 0, t_state = 0, start;
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);

  g_test_init (&argc, &argv, NULL);
  pulse_kpi_view_set_now (view, AT (8 * DAY));

  start = g_get_monotonic_time ();
  doc = snapshot (rand);
  state = pulse_state_new_from_snapshot (doc, NULL);
  g_print ("state of %u tickets read: %.0f ms\n",
           pulse_state_get_n_items (state, PULSE_STATE_KIND_TICKET), ms_since (start));

  start = g_get_monotonic_time ();
  pulse_entity_list_reset (lazy, state);
  g_print ("ticket list reset (nothing decoded): %.0f ms\n", ms_since (start));
  start = g_get_monotonic_time ();
  materialize (lazy);
  g_print ("every ticket decoded (a sorted or filtered view): %.0f ms\n", ms_since (start));
  g_clear_object (&lazy);
  lazy = pulse_entity_list_new (PULSE_STATE_KIND_TICKET);
  pulse_entity_list_reset (lazy, state);
  pulse_entity_list_reset (shown, state);
  materialize (shown);
  pulse_entity_list_reset (batched, state);
  materialize (batched);

  start = g_get_monotonic_time ();
  pulse_kpi_view_reset (view, state);
  g_print ("KPI view reset (lookups; tickets to come): %.1f ms\n", ms_since (start));
  fill_view (view, "KPI view filled with 50,000 state tickets (7 days by agent)");

  pulse_entity_list_begin_batch (batched);
  for (guint n = 0; n < N_CHANGES; n++)
    {
      g_auto(PulseStateChange) change = { 0 };

      start = g_get_monotonic_time ();
      next_event (state, rand, n, &change);
      t_state += g_get_monotonic_time () - start;
      start = g_get_monotonic_time ();
      pulse_entity_list_apply (lazy, &change);
      t_lazy += g_get_monotonic_time () - start;
      start = g_get_monotonic_time ();
      pulse_entity_list_apply (shown, &change);
      t_shown += g_get_monotonic_time () - start;
      start = g_get_monotonic_time ();
      pulse_entity_list_apply (batched, &change);
      if (n % 100 == 99)
        {
          pulse_entity_list_end_batch (batched);
          pulse_entity_list_begin_batch (batched);
        }
      t_batched += g_get_monotonic_time () - start;
      start = g_get_monotonic_time ();
      pulse_kpi_view_apply (view, &change);
      t_view += g_get_monotonic_time () - start;
    }
  pulse_entity_list_end_batch (batched);

  g_print ("%u changes, us per change:\n", N_CHANGES);
  g_print ("  state (event decoded and applied, for scale)  %6.1f\n", (double) t_state / N_CHANGES);
  g_print ("  ticket list, nothing decoded                   %6.1f\n", (double) t_lazy / N_CHANGES);
  g_print ("  ticket list, every ticket decoded              %6.1f\n",
           (double) t_shown / N_CHANGES);
  g_print ("  ... in batches of 100                            %6.1f\n",
           (double) t_batched / N_CHANGES);
  g_print ("  KPI view (7 days by agent)                     %6.1f\n", (double) t_view / N_CHANGES);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("h-%u", i);
      g_autoptr(JsonNode) node = ticket_node (id, 1, "q-ua", "c-9", "a-2", "closed",
                                              g_rand_int_range (rand, 0, 7 * DAY), 30);

      g_ptr_array_add (history, pulse_ticket_new_from_json (node, NULL));
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < history->len; i++)
    pulse_kpi_view_add_history_ticket (view, history->pdata[i]);
  g_print ("a decoded history ticket added on the main thread: %.2f us\n",
           (g_get_monotonic_time () - start) / (double) history->len);

  start = g_get_monotonic_time ();
  pulse_kpi_view_set_group (view, PULSE_KPI_GROUP_QUEUE);
  g_print ("KPI view regrouped: %.1f ms, then\n", ms_since (start));
  fill_view (view, "  filled again");

  bench_history (state, rand);
  return 0;
}
