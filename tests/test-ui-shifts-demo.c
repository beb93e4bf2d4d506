/* test-ui-shifts-demo.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Shifts page against the embedded simulation, as `pulse --demo`
 * shows it: the week grid, the planning coverage before and after a
 * what-if (twice the forecast, 35 % shrinkage: more agents required in
 * the busiest half hour, and gaps where there were none), and adherence;
 * rendered to tests/screenshots/demo-shifts-*.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-planning.h"
#include "pulse-shift-grid.h"
#include "pulse-shifts-coverage.h"
#include "pulse-shifts-page.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

#define DEMO_WAIT_MS 60000

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *) user_data != NULL;
}

static gboolean
has_shifts (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE
         && g_list_model_get_n_items (pulse_session_get_list (session,
                                                              PULSE_STATE_KIND_SHIFT)) >= 50
         && g_list_model_get_n_items (pulse_session_get_list (session,
                                                              PULSE_STATE_KIND_QUEUE)) >= 40;
}

/* The week's blocks follow the shifts list as it fills: live with 50
 * shifts does not mean this week's are in yet (a faster core made this
 * race fail the assertion that used to follow is_settled at once). */
static gboolean
has_blocks (gpointer grid)
{
  return pulse_shift_grid_get_n_blocks (grid) > 0;
}

static gboolean
is_settled (gpointer coverage)
{
  return pulse_shifts_coverage_is_settled (coverage);
}

/* The most agents any half hour of the week requires, over all queues. */
static int
peak_required (PulseShiftsCoverage *coverage)
{
  PulsePlanning *planning = pulse_shifts_coverage_get_planning (coverage);
  int peak = 0;

  for (guint i = 0; i < pulse_planning_get_n_intervals (planning); i++)
    {
      PulsePlanningCell total;

      pulse_planning_get_total (planning, i, &total);
      peak = MAX (peak, total.required);
    }

  return peak;
}

static void
show (PulseWindow *window,
      const char  *tab,
      const char  *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (pulse_test_ui_find_widget (
    GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  adw_view_stack_set_visible_child_name (stack, tab);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), name);
}

static void
test_demo (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  PulsePlanningWhatIf whatif = { 0, 2.0, 0.35 };
  GAsyncResult *result = NULL;
  PulseShiftsCoverage *coverage;
  PulseShiftsPage *page;
  PulseWindow *window;
  gint64 deadline;
  int before;

  if (pulse_test_ui_skip_without_display ())
    return;

#if defined(__SANITIZE_ADDRESS__)
  /* As ui-demo: the simulation is too slow under ASan to settle. */
  g_test_skip ("the demo's pictures need a build without sanitizers");
  return;
#endif

  g_setenv ("PULSE_DEMO_SIMULATE", "1", TRUE);
  session = pulse_session_new ();
  pulse_session_start_demo_async (session, NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, DEMO_WAIT_MS));
  g_assert_true (pulse_session_start_demo_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (has_shifts, session, DEMO_WAIT_MS));

  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_window_set_visible_page (window, "shifts");
  coverage = PULSE_SHIFTS_COVERAGE (pulse_test_ui_find_widget (GTK_WIDGET (window),
                                                               PULSE_TYPE_SHIFTS_COVERAGE,
                                                               NULL));
  g_assert_true (pulse_test_wait_for (is_settled, coverage, DEMO_WAIT_MS));
  g_assert_true (pulse_test_wait_for (has_blocks, pulse_test_ui_find_widget (
                                        GTK_WIDGET (window), PULSE_TYPE_SHIFT_GRID, NULL),
                                      DEMO_WAIT_MS));
  show (window, "week", "demo-shifts-week");

  /* The simulation writes its weeks of history as it starts: ask again
   * until the forecast has some. */
  page = PULSE_SHIFTS_PAGE (pulse_test_ui_find_widget (GTK_WIDGET (window),
                                                       PULSE_TYPE_SHIFTS_PAGE, NULL));
  deadline = g_get_monotonic_time () + DEMO_WAIT_MS * 1000;
  while (peak_required (coverage) == 0 && g_get_monotonic_time () < deadline)
    {
      pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 30);
      pulse_shifts_page_set_week (page, pulse_shifts_page_get_first_day (page));
      g_assert_true (pulse_test_wait_for (is_settled, coverage, DEMO_WAIT_MS));
    }
  g_assert_cmpint (peak_required (coverage), >, 0);
  show (window, "coverage", "demo-shifts-coverage");

  before = peak_required (coverage);
  pulse_shifts_coverage_set_whatif (coverage, &whatif);
  g_assert_true (pulse_test_wait_for (is_settled, coverage, DEMO_WAIT_MS));
  g_assert_cmpint (peak_required (coverage), >, before);
  show (window, "coverage", "demo-shifts-whatif");
  show (window, "adherence", "demo-shifts-adherence");

  pulse_test_ui_close_window (GTK_WINDOW (window));
  pulse_session_disconnect (session);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/shifts-demo/pages", test_demo);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
