/* test-kpi-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseKpiView fed by real PulseStateChanges: figures worked out by
 * hand, the window and group properties, history handed in. Random
 * changes are in test-kpi-view-random.c, the cache's history in
 * test-kpi-view-history.c.
 */

#include "config.h"

#include "test-kpi-view-util.h"

/* Figures worked out by hand, then kept through changes. */
static void
test_figures (void)
{
  g_autoptr(PulseState) state = figures_state ();
  g_autoptr(PulseKpiView) view = view_new (NULL, PULSE_KPI_GROUP_NONE);
  g_autoptr(PulseKpiSummary) before = NULL;
  g_autoptr(PulseKpiSummary) after = NULL;
  g_autoptr(PulseKpiSummary) ua = NULL;
  g_autoptr(PulseKpiSummary) pl = NULL;
  g_auto(GStrv) keys = NULL;
  JsonObject *object;
  guint changed = 0;

  g_signal_connect (view, "changed", G_CALLBACK (on_changed_cb), &changed);
  pulse_kpi_view_reset (view, state);
  g_assert_false (pulse_kpi_view_get_loaded (view));
  drain ();
  g_assert_true (pulse_kpi_view_get_loaded (view));
  g_assert_cmpuint (changed, ==, 1);

  /* t-3 is before the window, t-4 after it: in the window t-1 (answered
   * in 10 s, target 20) and t-2 (60 s). c-1 came back with t-4 within 7
   * days of t-1. Applications of 2 and 3 November: 40. */
  before = pulse_kpi_view_dup_summary (view, NULL);
  g_assert_cmpint (before->contacts, ==, 2);
  g_assert_cmpint (before->responded, ==, 2);
  g_assert_cmpfloat (before->first_response_median_s, ==, 35.0);
  g_assert_cmpint (before->sl_contacts, ==, 2);
  g_assert_cmpint (before->sl_met, ==, 1);
  g_assert_cmpint (before->fcr_customers, ==, 2);
  g_assert_cmpfloat (before->fcr, ==, 0.5);
  g_assert_cmpint (before->repeat_contacts, ==, 2);
  g_assert_cmpfloat (before->repeat_rate, ==, 0.5);
  g_assert_cmpint (before->applications, ==, 40);
  g_assert_cmpfloat (before->interactions_per_application, ==, 0.05);

  /* t-5 in Poland, answered in 30 s of a 60 s target; 20 more
   * applications on 4 November; t-2 closed and reassigned. */
  apply_both (state, view, "ticket.created",
              ticket_node ("t-5", 1, "q-pl", "c-3", "a-2", "resolved", 3 * DAY, 30));
  apply_both (state, view, "applications.updated",
              test_parse_q ("{'date':'2026-11-04','country':'UA','count':20}"));
  object = test_edit (state, PULSE_STATE_KIND_TICKET, "t-2");
  json_object_set_string_member (object, "status", "closed");
  json_object_set_string_member (object, "assignee_id", "a-1");
  apply_both (state, view, "ticket.updated", test_data (object));
  g_assert_cmpuint (changed, ==, 1);
  drain ();
  g_assert_cmpuint (changed, ==, 2);

  after = pulse_kpi_view_dup_summary (view, NULL);
  g_assert_cmpint (after->contacts, ==, 3);
  g_assert_cmpint (after->sl_contacts, ==, 3);
  g_assert_cmpint (after->sl_met, ==, 2);
  g_assert_cmpint (after->applications, ==, 60);
  g_assert_cmpfloat (after->interactions_per_application, ==, 0.05);
  assert_like_fresh (view, state, NULL);

  /* By country: UA has t-1 and t-2 and 30 applications, PL t-5 and 30. */
  pulse_kpi_view_set_group (view, PULSE_KPI_GROUP_COUNTRY);
  drain ();
  keys = pulse_kpi_view_dup_keys (view);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "PL");
  g_assert_cmpstr (keys[1], ==, "UA");
  ua = pulse_kpi_view_dup_summary (view, "UA");
  pl = pulse_kpi_view_dup_summary (view, "PL");
  g_assert_cmpint (ua->contacts, ==, 2);
  g_assert_cmpint (ua->applications, ==, 30);
  g_assert_cmpint (pl->contacts, ==, 1);
  g_assert_cmpint (pl->applications, ==, 30);
  assert_like_fresh (view, state, NULL);
  g_assert_cmpuint (changed, ==, 3);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Day windows end with the clock's UTC day; a custom range is as given.
 * Each change rebuilds once and says so once. */
static void
test_window (void)
{
  g_autoptr(PulseState) state = figures_state ();
  g_autoptr(PulseKpiView) view = pulse_kpi_view_new (NULL);
  gint64 now = AT (3 * DAY + 5 * HOUR);
  static const struct { PulseKpiWindow window; gint64 from_day; } cases[] = {
    { PULSE_KPI_WINDOW_7_DAYS, -3 },
    { PULSE_KPI_WINDOW_30_DAYS, -26 },
    { PULSE_KPI_WINDOW_90_DAYS, -86 },
    { PULSE_KPI_WINDOW_TODAY, 3 },
  };
  guint changed = 0, moved = 0;

  pulse_kpi_view_set_now (view, now);
  drain ();
  g_signal_connect (view, "changed", G_CALLBACK (on_changed_cb), &changed);
  pulse_kpi_view_reset (view, state);
  g_signal_connect (view, "notify::from", G_CALLBACK (on_notify_cb), &moved);
  drain ();
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (pulse_kpi_view_get_window (view), ==, PULSE_KPI_WINDOW_TODAY);
  g_assert_cmpint (pulse_kpi_view_get_from (view), ==, AT (3 * DAY));
  g_assert_cmpint (pulse_kpi_view_get_to (view), ==, AT (4 * DAY));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_object_set (view, "window", cases[i].window, NULL);
      drain ();
      g_assert_cmpuint (changed, ==, i + 2);
      g_assert_cmpuint (moved, ==, i + 1);
      g_assert_cmpint (pulse_kpi_view_get_from (view), ==, AT (cases[i].from_day * DAY));
      g_assert_cmpint (pulse_kpi_view_get_to (view), ==, AT (4 * DAY));
      assert_like_fresh (view, state, NULL);
    }

  /* The same window again: nothing. Later the same day: the figures'
   * clock moves, the window does not. */
  pulse_kpi_view_set_window (view, PULSE_KPI_WINDOW_TODAY);
  drain ();
  g_assert_cmpuint (changed, ==, 5);
  pulse_kpi_view_set_now (view, now + 10 * HOUR * G_USEC_PER_SEC);
  drain ();
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (moved, ==, 4);

  pulse_kpi_view_set_window (view, PULSE_KPI_WINDOW_7_DAYS);
  pulse_kpi_view_set_now (view, now + DAY * G_USEC_PER_SEC);
  drain ();
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpint (pulse_kpi_view_get_from (view), ==, AT (-2 * DAY));
  g_assert_cmpint (pulse_kpi_view_get_to (view), ==, AT (5 * DAY));
  assert_like_fresh (view, state, NULL);

  pulse_kpi_view_set_range (view, FROM, TO);
  drain ();
  g_assert_cmpint (pulse_kpi_view_get_window (view), ==, PULSE_KPI_WINDOW_CUSTOM);
  g_assert_cmpint (pulse_kpi_view_get_from (view), ==, FROM);
  g_assert_cmpint (pulse_kpi_view_get_to (view), ==, TO);
  g_assert_cmpuint (changed, ==, 8);
  assert_like_fresh (view, state, NULL);
}

/* A change applied while the state's tickets are still coming in counts
 * at once, and the fill does not put the old version back: t-1 moves
 * from a-1 to a-2 before the first slice. */
static void
test_fill_keeps_changes (void)
{
  g_autoptr(PulseState) state = figures_state ();
  g_autoptr(PulseKpiView) view = view_new (NULL, PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) a2 = NULL;
  g_auto(GStrv) keys = NULL;
  JsonObject *object;

  pulse_kpi_view_reset (view, state);
  object = test_edit (state, PULSE_STATE_KIND_TICKET, "t-1");
  json_object_set_string_member (object, "assignee_id", "a-2");
  apply_both (state, view, "ticket.updated", test_data (object));
  g_assert_false (pulse_kpi_view_get_loaded (view));
  drain ();

  g_assert_true (pulse_kpi_view_get_loaded (view));
  keys = pulse_kpi_view_dup_keys (view);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, "a-2");
  a2 = pulse_kpi_view_dup_summary (view, "a-2");
  g_assert_cmpint (a2->contacts, ==, 2);
  assert_like_fresh (view, state, NULL);
}

/* A view never reset counts nothing; history needs a state first. */
static void
test_empty (void)
{
  g_autoptr(PulseKpiView) view = view_new (NULL, PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) total = pulse_kpi_view_dup_summary (view, NULL);
  g_auto(GStrv) keys = pulse_kpi_view_dup_keys (view);
  g_autoptr(JsonNode) json = pulse_kpi_view_to_json (view);

  g_assert_cmpint (total->contacts, ==, 0);
  g_assert_true (isnan (total->csat));
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "group"), ==,
                   "agent");
}

/* History handed in: counted unless the state holds the ticket or it
 * cannot count in the window. */
static void
test_add_history (void)
{
  g_autoptr(PulseState) state = figures_state ();
  g_autoptr(PulseKpiView) view = view_new (NULL, PULSE_KPI_GROUP_NONE);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseTicket) old = NULL;
  g_autoptr(PulseTicket) shadow = NULL;
  g_autoptr(PulseTicket) early = NULL;
  g_autoptr(PulseKpiSummary) summary = NULL;
  guint changed = 0;

  pulse_kpi_view_reset (view, state);
  drain ();
  g_signal_connect (view, "changed", G_CALLBACK (on_changed_cb), &changed);

  node = ticket_node ("h-1", 1, "q-ua", "c-9", "a-1", "closed", 4 * DAY, 5);
  old = pulse_ticket_new_from_json (node, NULL);
  g_clear_pointer (&node, json_node_unref);
  node = ticket_node ("t-1", 1, "q-ua", "c-1", "a-1", "closed", 5 * DAY, 500);
  shadow = pulse_ticket_new_from_json (node, NULL);
  g_clear_pointer (&node, json_node_unref);
  node = ticket_node ("h-2", 1, "q-ua", "c-9", "a-1", "closed", -5 * DAY, 5);
  early = pulse_ticket_new_from_json (node, NULL);

  pulse_kpi_view_add_history_ticket (view, old);
  pulse_kpi_view_add_history_ticket (view, shadow);
  pulse_kpi_view_add_history_ticket (view, early);
  drain ();
  g_assert_cmpuint (changed, ==, 1);

  /* t-1 (10 s), t-2 (60 s) and h-1 (5 s): three contacts, median 10 s. */
  summary = pulse_kpi_view_dup_summary (view, NULL);
  g_assert_cmpint (summary->contacts, ==, 3);
  g_assert_cmpfloat (summary->first_response_median_s, ==, 10.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/kpi-view/figures", test_figures);
  g_test_add_func ("/pulse/session/kpi-view/window", test_window);
  g_test_add_func ("/pulse/session/kpi-view/fill-keeps-changes", test_fill_keeps_changes);
  g_test_add_func ("/pulse/session/kpi-view/empty", test_empty);
  g_test_add_func ("/pulse/session/kpi-view/add-history", test_add_history);

  return g_test_run ();
}
