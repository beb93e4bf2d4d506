/* test-ui-scorecards.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Scorecards page against a real in-process server: QA adds a
 * criterion to a scorecard and saves, and the server has version 2 with
 * it (its id made from its name), while the checks keep a nameless
 * criterion from being saved; the scorecard's history lists both
 * versions. A lead reads the scorecard with the editor off. Rendered to
 * tests/screenshots/scorecards-*.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-audit-list.h"
#include "pulse-scorecards-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static const char scorecard[] =
  "{\"id\":\"sc-chat\",\"name\":\"Chat QA\",\"sections\":[{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets the customer\",\"weight\":20,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"A smile in the voice\",\"description\":\"Warm, not scripted\","
  "\"weight\":30,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Identity checked before personal data changes\",\"weight\":50,"
  "\"critical\":true}]}]}";

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
is_live (gpointer session)
{
  return pulse_session_get_connection_state (session) == PULSE_CONNECTION_STATE_LIVE;
}

static PulseSession *
sign_in (PulseTestServer *ts,
         PulseRole        role)
{
  PulseSession *session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, role), NULL,
                               on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, WAIT_MS));
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (is_live, session, WAIT_MS));
  return session;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A click, at once (gtk_widget_activate () clicks after an animation). */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static PulseScorecardsPage *
open_page (PulseWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "scorecards"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_SCORECARDS_PAGE, NULL);
  g_assert_nonnull (page);
  return PULSE_SCORECARDS_PAGE (page);
}

static gboolean
opens (gpointer page)
{
  return pulse_scorecards_page_open (page, "sc-chat");
}

static gboolean
server_has_version_2 (gpointer ts)
{
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "GET", "/api/v1/scorecards/sc-chat",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_HEAD), NULL, NULL);
  return json_object_get_int_member (pulse_test_response_object (r), "version") == 2;
}

static gboolean
history_has_two (gpointer audit)
{
  return pulse_audit_list_get_n_entries (audit) == 2;
}

static void
assert_saved (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) r = NULL;
  g_autoptr(PulseScorecard) saved = NULL;
  g_autoptr(GError) error = NULL;
  const PulseScorecardCriterion *added;

  r = pulse_test_server_request (ts, "GET", "/api/v1/scorecards/sc-chat",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_HEAD), NULL, NULL);
  saved = pulse_scorecard_new_from_json (r->body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pulse_scorecard_get_n_criteria (saved), ==, 4);
  added = pulse_scorecard_find_criterion (saved, "templates-personalised");
  g_assert_nonnull (added);
  g_assert_cmpstr (added->name, ==, "Templates personalised");
  g_assert_cmpfloat (added->weight, ==, 15);
  g_assert_false (added->critical);
  g_assert_cmpstr (pulse_scorecard_get_section (saved, 0)->name, ==, "Tone");
  g_assert_cmpuint (pulse_scorecard_get_section (saved, 0)->criteria->len, ==, 3);
}

static void
test_add_criterion (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  PulseScorecardsPage *page;
  GtkWidget *save;
  GtkWidget *name;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);
  session = sign_in (ts, PULSE_ROLE_QA);
  window = pulse_test_ui_open_window (session, 1280, 800);
  page = open_page (window);
  g_assert_true (pulse_test_wait_for (opens, page, WAIT_MS));
  save = find_labelled (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Save New Version");
  g_assert_false (gtk_widget_get_sensitive (save));

  /* "Add Criterion" under Tone: a nameless criterion may not be saved. */
  click (find_labelled (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Add Criterion"));
  name = find_named (GTK_WIDGET (page), "criterion-name-0-2");
  g_assert_nonnull (name);
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (name), "Templates personalised");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_next_sibling (name)), 15);
  g_assert_true (gtk_widget_get_sensitive (save));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "scorecards-editor");

  click (save);
  g_assert_true (pulse_test_wait_for (server_has_version_2, ts, WAIT_MS));
  assert_saved (ts);
  g_assert_true (pulse_test_wait_for (history_has_two,
                                      pulse_test_ui_find_widget (GTK_WIDGET (page),
                                                                 PULSE_TYPE_AUDIT_LIST, NULL),
                                      WAIT_MS));

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static void
test_lead_reads_only (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  PulseScorecardsPage *page;
  GtkWidget *name;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);
  session = sign_in (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1280, 800);
  page = open_page (window);
  g_assert_true (pulse_test_wait_for (opens, page, WAIT_MS));

  name = find_named (GTK_WIDGET (page), "criterion-name-0-0");
  g_assert_nonnull (name);
  g_assert_false (gtk_widget_is_sensitive (name));
  g_assert_false (gtk_widget_get_sensitive (find_labelled (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                           "Add Section")));
  g_assert_false (gtk_widget_get_sensitive (find_labelled (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                           "Save New Version")));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "scorecards-lead");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/scorecards/add-criterion", test_add_criterion);
  g_test_add_func ("/pulse/ui/scorecards/lead-reads-only", test_lead_reads_only);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
