/* test-ui-dialogs.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences, about, shortcuts and connect windows open from their
 * actions, render, and close without a critical; the connect dialog's
 * button follows the address. Skipped without a display.
 */

#include "config.h"

#include "pulse-connect-dialog.h"
#include "pulse-preferences-window.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

/* Opens a window through an action, checks it is shown, screenshots it
 * (each named preferences page in turn, for the preferences window), and
 * closes it. */
static void
open_and_close (GtkWidget  *window,
                const char *action_name,
                GType       type,
                const char *screenshot,
                ...)
{
  GtkWindow *opened;
  const char *page_name;
  va_list pages;

  g_test_message ("%s", action_name);
  g_assert_true (gtk_widget_activate_action (window, action_name, NULL));

  opened = pulse_test_ui_find_toplevel (type);
  g_assert_nonnull (opened);
  pulse_test_wait_for (pulse_test_ui_is_mapped, opened, PULSE_TEST_UI_TIMEOUT_MS);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (opened), 3);
  g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));
  pulse_test_ui_save_screenshot (GTK_WIDGET (opened), screenshot);

  va_start (pages, screenshot);
  while ((page_name = va_arg (pages, const char *)) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", screenshot, page_name);

      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (opened), page_name);
      pulse_test_ui_wait_for_frames (GTK_WIDGET (opened), 2);
      pulse_test_ui_save_screenshot (GTK_WIDGET (opened), name);
    }
  va_end (pages);

  pulse_test_ui_close_window (opened);
}

static void
test_open_and_close (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_go_offline (session);

  open_and_close (GTK_WIDGET (window), "app.preferences", PULSE_TYPE_PREFERENCES_WINDOW,
                  "preferences", "general", "connection", "alerts", NULL);
  open_and_close (GTK_WIDGET (window), "app.about", ADW_TYPE_ABOUT_WINDOW, "about", NULL);
  open_and_close (GTK_WIDGET (window), "win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW,
                  "shortcuts", NULL);
  open_and_close (GTK_WIDGET (window), "app.connect", PULSE_TYPE_CONNECT_DIALOG,
                  "connect-dialog", NULL);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static GtkWidget *
find_suggested_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "suggested-action"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_suggested_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_connect_dialog (void)
{
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *dialog;
  GtkWidget *url_row;
  GtkWidget *connect_button;

  if (pulse_test_ui_skip_without_display ())
    return;

  session = pulse_session_new ();
  window = pulse_test_ui_open_window (session, 1280, 800);
  pulse_test_ui_go_offline (session);

  pulse_window_show_connect_dialog (window);
  dialog = GTK_WIDGET (pulse_test_ui_find_toplevel (PULSE_TYPE_CONNECT_DIALOG));
  g_assert_nonnull (dialog);
  pulse_test_wait_for (pulse_test_ui_is_mapped, dialog, PULSE_TEST_UI_TIMEOUT_MS);

  url_row = pulse_test_ui_find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);
  connect_button = find_suggested_button (dialog);
  g_assert_nonnull (url_row);
  g_assert_nonnull (connect_button);

  /* The current (loopback) server is offered again. */
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (url_row)),
                                   "http://127.0.0.1:"));
  g_assert_true (gtk_widget_get_sensitive (connect_button));

  gtk_editable_set_text (GTK_EDITABLE (url_row), "http://pulse.example.com");
  g_assert_false (gtk_widget_get_sensitive (connect_button));
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  pulse_test_ui_wait_for_frames (dialog, 3);
  pulse_test_ui_save_screenshot (dialog, "connect-dialog-insecure");

  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://pulse.example.com");
  pulse_test_wait_for (is_sensitive, connect_button, PULSE_TEST_UI_TIMEOUT_MS);
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (url_row), "");
  g_assert_false (gtk_widget_get_sensitive (connect_button));
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));

  /* Escape cancels. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  pulse_test_wait_for (pulse_test_ui_is_unmapped, dialog, PULSE_TEST_UI_TIMEOUT_MS);
  g_object_unref (dialog);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/dialogs/open-and-close", test_open_and_close);
  g_test_add_func ("/pulse/ui/dialogs/connect-dialog", test_connect_dialog);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
