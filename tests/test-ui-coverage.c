/* test-ui-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Coverage page on a real display against a real in-process server:
 * the heatmap holds the server's intervals, switching queue fetches
 * again, and an unreachable server shows the error state with Retry. The
 * page is rendered to tests/screenshots/coverage*.png in the build tree,
 * with a week of realistic data. Without a display every case is skipped.
 */

#include "config.h"

#include "pulse-coverage-page.h"
#include "pulse-coverage-page-state.h"
#include "pulse-coverage-report.h"
#include "pulse-test-coverage-session.h"
#include "test-ui-util.h"

typedef struct
{
  PulseCoveragePage *page;
  guint              n_fetches;
} Shown;

static gboolean
page_is_shown (gpointer user_data)
{
  Shown *shown = user_data;
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (shown->page)));

  return pulse_coverage_page_get_n_fetches (shown->page) > shown->n_fetches
         && !pulse_coverage_page_get_loading (shown->page)
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static const char *
page_state (PulseCoveragePage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (page))));
}

/* Shows the page and waits for an answer (a fetch after @n_fetches). */
static PulseCoveragePage *
show_page (PulseWindow *window)
{
  Shown shown = { NULL, 0 };

  pulse_window_set_visible_page (window, "coverage");
  shown.page = PULSE_COVERAGE_PAGE (pulse_test_ui_find_widget (GTK_WIDGET (window),
                                                               PULSE_TYPE_COVERAGE_PAGE, NULL));
  g_assert_nonnull (shown.page);
  g_assert_true (pulse_test_wait_for (page_is_shown, &shown, COV_TIMEOUT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  return shown.page;
}

static void
locate (gint64  usec,
        guint  *row,
        guint  *column)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) first = pulse_coverage_page_day_start (tz, g_get_real_time ());

  g_assert_true (pulse_coverage_page_locate (first, usec, row, column));
}

static PulseCoverageReport *
server_coverage (PulseTestServer *ts,
                 gint64           from,
                 const char      *queue)
{
  g_autofree char *a = pulse_time_format (from);
  g_autofree char *b = pulse_time_format (from + COV_HOUR);
  g_autofree char *path = g_strdup_printf ("/api/v1/coverage?from=%s&to=%s%s%s", a, b,
                                           queue != NULL ? "&queue=" : "",
                                           queue != NULL ? queue : "");
  g_autoptr(PulseTestResponse) r = NULL;
  g_autoptr(GError) error = NULL;
  PulseCoverageReport *report;

  r = pulse_test_server_request (ts, "GET", path,
                                 pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  report = pulse_coverage_report_new_from_json (r->body, &error);
  g_assert_no_error (error);
  return report;
}

/* The cell of @target holds the server's figures for it. */
static void
assert_cell (PulseCoveragePage     *page,
             gint64                 target,
             PulseForecastInterval *expected,
             int                    gap)
{
  PulseHeatmap *heatmap = pulse_coverage_page_get_heatmap (page);
  g_autofree char *required = NULL;
  g_autofree char *scheduled = NULL;
  g_autofree char *mark = g_strdup_printf ("−%d", -gap);
  const char *tooltip;
  guint row, column;

  locate (target, &row, &column);
  g_assert_cmpfloat (pulse_heatmap_get_cell_value (heatmap, row, column), ==, gap);
  g_assert_cmpint (pulse_coverage_page_gap (expected), ==, gap);
  g_assert_cmpstr (pulse_heatmap_get_cell_mark (heatmap, row, column), ==, mark);

  tooltip = pulse_heatmap_get_cell_tooltip (heatmap, row, column);
  required = g_strdup_printf ("Required: %d on the line, %d to schedule",
                              pulse_forecast_interval_get_required (expected),
                              pulse_forecast_interval_get_required_with_shrinkage (expected));
  scheduled = g_strdup_printf ("Scheduled: %d\n", pulse_forecast_interval_get_scheduled (expected));
  g_assert_nonnull (strstr (tooltip, required));
  g_assert_nonnull (strstr (tooltip, scheduled));
  g_assert_nonnull (strstr (tooltip, "Forecast: 100.0 contacts, 3.0 min each"));
  g_assert_nonnull (strstr (tooltip, "Online: not yet started"));
}

static void
test_heatmap (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(PulseCoverageReport) all = NULL;
  g_autoptr(PulseCoverageReport) one = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  PulseCoveragePage *page;
  PulseWindow *window;
  GtkDropDown *dropdown;
  Shown shown;
  gint64 target;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  target = cov_day_after_tomorrow_at_ten ();
  cov_ingest (ts, "directory", cov_directory);
  cov_ingest_history (ts, "q-a", target);
  cov_add_shift (ts, "s-1", "a1", target, target + 30 * COV_MINUTE);
  cov_add_shift (ts, "s-2", "a2", target, target + COV_HOUR);
  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 900);
  cov_sign_in (session, ts, PULSE_ROLE_PLANNER);
  page = show_page (window);
  g_assert_cmpstr (page_state (page), ==, "coverage");

  /* All queues: a1 and a2 serve both phone queues and count in each, so
   * 4 scheduled against the 20 Phone A needs: short by 16. */
  all = server_coverage (ts, target, NULL);
  totals = pulse_coverage_report_dup_totals (all);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (totals->pdata[0]), ==, 4);
  assert_cell (page, target, totals->pdata[0], -16);

  /* Phone A alone: a fetch of its own, 2 against 20. */
  dropdown = GTK_DROP_DOWN (pulse_test_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                       NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  shown = (Shown) { page, pulse_coverage_page_get_n_fetches (page) };
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (pulse_test_wait_for (page_is_shown, &shown, COV_TIMEOUT_MS));
  one = server_coverage (ts, target, "q-a");
  assert_cell (page, target,
               pulse_coverage_report_get_queue (one, 0)->intervals->pdata[0], -18);
  g_assert_cmpuint (pulse_coverage_page_get_n_fetches (page), ==, shown.n_fetches + 1);

  pulse_session_disconnect (session);
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

/* Calls per half hour on a weekday: quiet mornings, a midday peak. */
static guint
calls_at (guint half_hour,
          guint weekday)
{
  static const guint day[] = { 2, 4, 6, 8, 10, 12, 14, 16, 18, 18, 16, 14, 14, 16, 18, 16,
                               12, 10, 8, 6, 5, 4, 3, 2, 2, 2, 1, 1 };
  guint n = day[MIN (half_hour, G_N_ELEMENTS (day) - 1)];

  return weekday >= 5 ? n / 2 : n;
}

/* Last week's contacts of @queue_id from 07:00 to 21:00 UTC each day, so
 * the next seven days are forecast from them. */
static void
ingest_week (PulseTestServer *ts,
             const char      *queue_id,
             gint64           today)
{
  guint number = 0;

  for (guint d = 0; d < 7; d++)
    {
      g_autoptr(GString) batch = g_string_new ("{\"items\":[");
      gint64 day = today + d * COV_DAY - COV_WEEK;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (day / G_USEC_PER_SEC);
      guint weekday = g_date_time_get_day_of_week (when) - 1;

      for (guint h = 0; h < 28; h++)
        for (guint c = 0; c < calls_at (h, weekday); c++)
          {
            g_autofree char *at = pulse_time_format (day + 7 * COV_HOUR + h * 30 * COV_MINUTE
                                                     + c * 60 * G_USEC_PER_SEC);

            g_string_append_printf (batch, "%s{\"id\":\"t-%s-%u\",\"queue_id\":\"%s\","
                                    "\"channel\":\"phone\",\"subject\":\"Call\","
                                    "\"customer_id\":\"c-%u\",\"status\":\"closed\","
                                    "\"created_at\":\"%s\",\"handle_seconds\":240}",
                                    batch->len > 10 ? "," : "", queue_id, number, queue_id,
                                    number, at);
            number++;
          }
      g_string_append (batch, "]}");
      cov_ingest (ts, "tickets", batch->str);
    }
}

/* Eight more phone agents on Phone B's team-less queues. */
static void
ingest_more_agents (PulseTestServer *ts)
{
  g_autoptr(GString) body = g_string_new ("{\"agents\":[");

  for (guint i = 4; i < 12; i++)
    g_string_append_printf (body, "%s{\"id\":\"a%u\",\"name\":\"Agent %u\","
                            "\"position\":\"agent\",\"status\":\"offline\","
                            "\"status_since\":\"2026-11-01T00:00:00Z\","
                            "\"channels\":[\"phone\"],\"languages\":[\"uk\"]}",
                            i == 4 ? "" : ",", i, i);
  g_string_append (body, "]}");
  cov_ingest (ts, "directory", body->str);
}

/* Early (07–15) and late (13–21) shifts; fewer people at the weekend. */
static void
add_week_of_shifts (PulseTestServer *ts,
                    gint64           today)
{
  for (guint d = 0; d < 7; d++)
    {
      gint64 day = today + d * COV_DAY;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (day / G_USEC_PER_SEC);
      guint n = g_date_time_get_day_of_week (when) >= 6 ? 4 : 10;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("s-%u-%u", d, i);
          g_autofree char *agent = g_strdup_printf ("a%u", i < 2 ? i + 1 : i + 2);
          gint64 start = day + (i % 2 == 0 ? 7 : 13) * COV_HOUR + (i % 3) * 30 * COV_MINUTE;

          cov_add_shift (ts, id, agent, start, start + 8 * COV_HOUR);
        }
    }
}

/* A week of realistic data, light and dark, for a human to look at. */
static void
test_screenshot (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = NULL;
  gint64 now = g_get_real_time ();
  gint64 today = now - now % COV_DAY;
  PulseCoveragePage *page;
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  cov_ingest (ts, "directory", cov_directory);
  ingest_more_agents (ts);
  ingest_week (ts, "q-a", today);
  add_week_of_shifts (ts, today);
  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 900);
  cov_sign_in (session, ts, PULSE_ROLE_PLANNER);
  page = show_page (window);
  g_assert_cmpstr (page_state (page), ==, "coverage");
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "coverage");

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "color-scheme", "dark");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "coverage-dark");
  g_settings_reset (settings, "color-scheme");

  pulse_session_disconnect (session);
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
test_unreachable (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseCoveragePage *page;
  PulseWindow *window;
  GtkWidget *retry;
  Shown shown;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 900);
  pulse_test_ui_go_offline (session);
  page = show_page (window);
  g_assert_cmpstr (page_state (page), ==, "error");
  retry = pulse_test_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_mapped (retry));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "coverage-error");

  /* Retry asks again, and fails again. */
  shown = (Shown) { page, pulse_coverage_page_get_n_fetches (page) };
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (pulse_test_wait_for (page_is_shown, &shown, COV_TIMEOUT_MS));
  g_assert_cmpstr (page_state (page), ==, "error");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/coverage/heatmap", test_heatmap);
  g_test_add_func ("/pulse/ui/coverage/unreachable", test_unreachable);
  g_test_add_func ("/pulse/ui/coverage/screenshot", test_screenshot);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
