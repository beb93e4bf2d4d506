/* test-ui-demo.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page against the embedded demo — `pulse-server --simulate` as a
 * child, as `pulse --demo` runs it — at 1280×800 and 800 px wide, light
 * and dark, rendered to tests/screenshots/demo-<page>[-narrow][-dark].png
 * for a person to look at. The demo must be live with a moving
 * operation (queues, agents, contacts) before any picture is taken.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-coverage-page.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

#define DEMO_WAIT_MS 60000

static const char * const pages[] = {
  "overview", "queues", "coverage", "agents", "quality", "reviews",
  "rules", "templates", "mentors", "shifts", "scorecards",
};

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *) user_data != NULL;
}

/* Live, and the simulation has written its queues, agents and the
 * first contacts of the day. */
static gboolean
is_moving (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE
         && g_list_model_get_n_items (pulse_session_get_list (session,
                                                              PULSE_STATE_KIND_QUEUE)) >= 40
         && g_list_model_get_n_items (pulse_session_get_list (session,
                                                              PULSE_STATE_KIND_AGENT)) >= 50
         && g_list_model_get_n_items (pulse_session_get_list (session,
                                                              PULSE_STATE_KIND_TICKET)) >= 100;
}

/* The coverage page fetches its week from the server first. */
static gboolean
coverage_is_shown (gpointer window)
{
  GtkWidget *page = pulse_test_ui_find_widget (window, PULSE_TYPE_COVERAGE_PAGE, NULL);
  GtkStack *stack = page != NULL ? pulse_test_ui_find_stack (page, "coverage") : NULL;

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "coverage") == 0;
}

static void
shoot_every_page (PulseWindow *window,
                  const char  *suffix)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *name = g_strdup_printf ("demo-%s%s%s", pages[i], suffix,
                                                   dark ? "-dark" : "");

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                     pages[i]));
          pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
          g_assert_cmpstr (pulse_window_get_visible_page (window), ==, pages[i]);
          if (g_str_equal (pages[i], "coverage"))
            {
              g_assert_true (pulse_test_wait_for (coverage_is_shown, window, DEMO_WAIT_MS));
              pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 4);
            }
          pulse_test_ui_save_screenshot (GTK_WIDGET (window), name);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_every_page (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  PulseWindow *window;
  AdwLeaflet *leaflet;

  if (pulse_test_ui_skip_without_display ())
    return;

#if defined(__SANITIZE_ADDRESS__)
  /* Pictures of the demo at its real pace: under ASan the simulating
   * server runs some fifty times slower and its backfill never lets the
   * pages settle. The simulator and every page have sanitized tests of
   * their own (sim-model, sim-server, ui-live, ui-agents …). */
  g_test_skip ("the demo's pictures need a build without sanitizers");
  return;
#endif

  /* The test environment keeps demo children empty; this test wants the
   * simulation, as `pulse --demo` has it. */
  g_setenv ("PULSE_DEMO_SIMULATE", "1", TRUE);
  session = pulse_session_new ();
  pulse_session_start_demo_async (session, NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, DEMO_WAIT_MS));
  g_assert_true (pulse_session_start_demo_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (is_moving, session, DEMO_WAIT_MS));

  window = pulse_test_ui_open_window (session, 1280, 800);
  leaflet = ADW_LEAFLET (pulse_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  shoot_every_page (window, "");
  pulse_test_ui_close_window (GTK_WINDOW (window));

  /* 800 px wide: the sidebar folds away and the page has the whole
   * width, scrolling sideways where a table is wider. */
  window = pulse_test_ui_open_window (session, 800, 800);
  leaflet = ADW_LEAFLET (pulse_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_true (pulse_test_wait_for (is_folded, leaflet, DEMO_WAIT_MS));
  shoot_every_page (window, "-narrow");
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

  g_test_add_func ("/pulse/ui/demo/every-page", test_every_page);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
