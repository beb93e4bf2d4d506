/* test-ui-smoke.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a real display (Xvfb in CI): the first-run page,
 * every page reached by its action, the indicator, the folded leaflet and
 * dark mode, with nothing logging a critical. Each view is rendered to
 * tests/screenshots/<name>.png in the build tree for a human to look at.
 * Without a display every case is skipped.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pulse-agents-page.h"
#include "pulse-connection-indicator.h"
#include "pulse-coverage-page.h"
#include "pulse-mentors-page.h"
#include "pulse-overview-page.h"
#include "pulse-quality-page.h"
#include "pulse-queues-page.h"
#include "pulse-rules-page.h"
#include "pulse-scorecards-page.h"
#include "pulse-shifts-page.h"
#include "pulse-templates-page.h"
#include "pulse-test-util.h"
#include "pulse-window.h"
#include "test-ui-util.h"

typedef struct
{
  const char *name;
  const char *title;
  GType     (*get_type) (void);
} ExpectedPage;

static const ExpectedPage expected_pages[] = {
  { "overview", "Overview", pulse_overview_page_get_type },
  { "queues", "Queues", pulse_queues_page_get_type },
  { "coverage", "Coverage", pulse_coverage_page_get_type },
  { "agents", "Agents", pulse_agents_page_get_type },
  { "quality", "Quality", pulse_quality_page_get_type },
  { "rules", "Rules", pulse_rules_page_get_type },
  { "templates", "Templates", pulse_templates_page_get_type },
  { "mentors", "Mentors", pulse_mentors_page_get_type },
  { "shifts", "Shifts", pulse_shifts_page_get_type },
  { "scorecards", "Scorecards", pulse_scorecards_page_get_type },
};

static void
test_first_run (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkStack *main_stack;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);

  main_stack = pulse_test_ui_find_stack (GTK_WIDGET (window), "first-run");
  g_assert_nonnull (main_stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "first-run");
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (main_stack, "first-run")));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "first-run");

  /* With no server the pages cannot be reached from the keyboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "first-run");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
assert_page (PulseWindow        *window,
             GtkStack           *page_stack,
             const ExpectedPage *expected)
{
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkStackPage *page;
  GtkWidget *child;
  GtkWidget *title;

  g_test_message ("page %s", expected->name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             expected->name));

  child = gtk_stack_get_visible_child (page_stack);
  page = gtk_stack_get_page (page_stack, child);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack), ==, expected->name);
  /* Each page sits in a bin of its own, built when first shown. */
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (adw_bin_get_child (ADW_BIN (child)),
                                             expected->get_type ()));
  g_assert_cmpstr (gtk_stack_page_get_title (page), ==, expected->title);
  g_assert_cmpstr (pulse_window_get_visible_page (window), ==, expected->name);

  /* The sidebar icon is in the theme (Debian 12's Adwaita has no fallback). */
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, gtk_stack_page_get_icon_name (page)));

  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* The content header shows the page's title. */
  title = pulse_test_ui_find_window_title (GTK_WIDGET (window), expected->title);
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_true (gtk_widget_get_mapped (child));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), expected->name);
}

static void
test_every_page (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last_page = NULL;
  PulseWindow *window;
  GtkStack *main_stack;
  GtkStack *page_stack;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_go_offline (session);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);

  main_stack = pulse_test_ui_find_stack (GTK_WIDGET (window), "first-run");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "console");
  page_stack = pulse_test_ui_find_stack (GTK_WIDGET (window), "overview");
  g_assert_nonnull (page_stack);

  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      const ExpectedPage *before = &expected_pages[(i + 1) % G_N_ELEMENTS (expected_pages)];

      /* Start elsewhere so that the visible child really changes. */
      pulse_window_set_visible_page (window, before->name);
      assert_page (window, page_stack, &expected_pages[i]);
    }

  pulse_test_ui_close_window (GTK_WINDOW (window));

  /* The page in view is remembered for the next start, and closing the
   * window does not overwrite it. */
  settings = g_settings_new (APP_ID);
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "scorecards");
}

static GtkWidget *
page_in (GtkStack   *stack,
         const char *name)
{
  return adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, name)));
}

/* A new window builds the page it shows; the others come after its
 * first frame. */
static void
test_pages_built_later (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PulseWindow *window;
  GtkStack *page_stack;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  g_settings_set_string (settings, "last-page", "agents");
  window = pulse_window_new (GTK_APPLICATION (g_application_get_default ()), session);
  page_stack = pulse_test_ui_find_stack (GTK_WIDGET (window), "overview");
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page_in (page_stack, "agents"),
                                             PULSE_TYPE_AGENTS_PAGE));
  g_assert_null (page_in (page_stack, "overview"));
  g_assert_null (page_in (page_stack, "shifts"));
  g_assert_false (pulse_test_ui_pages_built (window));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pulse_test_wait_for (pulse_test_ui_pages_built, window,
                                      PULSE_TEST_UI_TIMEOUT_MS));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page_in (page_stack, "overview"),
                                             PULSE_TYPE_OVERVIEW_PAGE));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page_in (page_stack, "shifts"),
                                             PULSE_TYPE_SHIFTS_PAGE));
  pulse_test_ui_close_window (GTK_WINDOW (window));
  g_settings_reset (settings, "last-page");
}

static void
test_indicator (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *indicator;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_go_offline (session);

  indicator = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_CONNECTION_INDICATOR,
                                         NULL);
  g_assert_nonnull (indicator);
  g_assert_true (gtk_widget_get_mapped (indicator));
  g_assert_true (gtk_widget_has_css_class (indicator, "offline"));
  g_assert_cmpstr (pulse_connection_indicator_get_label (PULSE_CONNECTION_INDICATOR (indicator)),
                   ==, "Offline");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (indicator), "127.0.0.1"));

  _pulse_session_set_connection_state (session, PULSE_CONNECTION_STATE_RECONNECTING);
  g_assert_true (gtk_widget_has_css_class (indicator, "reconnecting"));
  g_assert_false (gtk_widget_has_css_class (indicator, "offline"));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = NULL;
  PulseWindow *window;
  AdwLeaflet *leaflet;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 500, 800);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "narrow-first-run");

  pulse_test_ui_go_offline (session);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "queues");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  leaflet = ADW_LEAFLET (pulse_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "narrow-queues");

  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "narrow-sidebar");

  pulse_test_ui_close_window (GTK_WINDOW (window));

  /* Closing saves the size for the next start. */
  settings = g_settings_new (APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_dark (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  /* The application follows the setting. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_true (adw_style_manager_get_dark (style_manager));

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "first-run-dark");
  pulse_test_ui_go_offline (session);
  pulse_window_set_visible_page (window, "overview");
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "overview-dark");
  pulse_test_ui_close_window (GTK_WINDOW (window));

  g_settings_reset (settings, "color-scheme");
  g_assert_false (adw_style_manager_get_dark (style_manager));
}

static gboolean
is_offline (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_OFFLINE;
}

/* A failed connection shows a toast; its Details button tells why. */
static void
test_connect_error (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autofree char *url = NULL;
  PulseWindow *window;
  GtkWindow *details;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  url = pulse_test_ui_dup_closed_url ();
  pulse_window_connect (window, url);
  pulse_test_wait_for (is_offline, session, PULSE_TEST_UI_TIMEOUT_MS);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "connect-error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-error-details",
                                             NULL));
  details = pulse_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (details);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (details)), ==,
                   "Could not connect to the server");
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (details)));
  pulse_test_wait_for (pulse_test_ui_is_mapped, details, PULSE_TEST_UI_TIMEOUT_MS);
  pulse_test_ui_close_window (details);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/smoke/first-run", test_first_run);
  g_test_add_func ("/pulse/ui/smoke/every-page", test_every_page);
  g_test_add_func ("/pulse/ui/smoke/pages-built-later", test_pages_built_later);
  g_test_add_func ("/pulse/ui/smoke/indicator", test_indicator);
  g_test_add_func ("/pulse/ui/smoke/narrow", test_narrow);
  g_test_add_func ("/pulse/ui/smoke/dark", test_dark);
  g_test_add_func ("/pulse/ui/smoke/connect-error", test_connect_error);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
