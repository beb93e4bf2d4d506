/* test-ui-qa.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Quality page's calibration sessions and follow-ups against a real
 * pulse-server on loopback, signed in as team A's lead: the lead sees
 * their team's follow-ups only, marks one done and settles a calibration
 * sample, and the server has both. Then both views against the demo's
 * simulation, rendered to tests/screenshots/qa-*-demo.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-calibration-session.h"
#include "pulse-calibration-view.h"
#include "pulse-followup.h"
#include "pulse-followups-view.h"
#include "pulse-json.h"
#include "pulse-quality-page.h"
#include "pulse-sampling-view.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define DEMO_WAIT_MS 60000

/* Team A is led by lead-a, whose name is the lead token's user. */
static const char directory[] =
  "{\"teams\":[{\"id\":\"team-a\",\"name\":\"Kyiv\",\"lead_id\":\"lead-a\"},"
  "{\"id\":\"team-b\",\"name\":\"Madrid\",\"lead_id\":\"lead-b\"}],"
  "\"queues\":[{\"id\":\"q-1\",\"name\":\"Ukraine · chat\",\"channel\":\"chat\","
  "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"lead-a\",\"name\":\"lead\",\"team_id\":\"team-a\",\"position\":\"lead\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[]},"
  "{\"id\":\"a-1\",\"name\":\"Оксана Мельник\",\"team_id\":\"team-a\","
  "\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"a-2\",\"name\":\"Lucía Gómez\",\"team_id\":\"team-b\",\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]}"
  "]}";

static const char scorecard[] =
  "{\"id\":\"sc-1\",\"name\":\"Chat QA\",\"sections\":[{\"name\":\"S\",\"criteria\":["
  "{\"id\":\"tone\",\"name\":\"Tone: a smile in the voice\",\"weight\":50,\"critical\":false},"
  "{\"id\":\"identity\",\"name\":\"Identity check\",\"weight\":50,\"critical\":true}]}]}";

static void
ticket (PulseTestServer *ts,
        const char      *id,
        const char      *agent)
{
  g_autofree char *body = g_strdup_printf (
    "{\"id\":\"%s\",\"queue_id\":\"q-1\",\"channel\":\"chat\",\"subject\":\"Платіж\","
    "\"customer_id\":\"c-%s\",\"status\":\"resolved\",\"assignee_id\":\"%s\","
    "\"created_at\":\"2026-11-24T10:00:00Z\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"2026-11-24T10:00:00Z\",\"body\":\"?\"},"
    "{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"%s\","
    "\"at\":\"2026-11-24T10:00:30Z\",\"body\":\"!\"}]}", id, id, agent, agent);

  pulse_test_live_ingest (ts, "tickets", body);
}

static void
review (PulseTestServer *ts,
        const char      *id,
        const char      *ticket_id,
        const char      *agent,
        const char      *reviewer,
        const char      *tone,
        const char      *identity,
        const char      *group)
{
  g_autofree char *body = g_strdup_printf (
    "{\"id\":\"%s\",\"ticket_id\":\"%s\",\"message_id\":\"m-2\",\"agent_id\":\"%s\","
    "\"reviewer_id\":\"%s\",\"scorecard_id\":\"sc-1\",\"scorecard_version\":1,"
    "\"reason\":\"%s\",\"status\":\"submitted\",\"grades\":["
    "{\"criterion_id\":\"tone\",\"result\":\"%s\"},"
    "{\"criterion_id\":\"identity\",\"result\":\"%s\"}],\"score\":50%s%s%s,"
    "\"created_at\":\"2026-11-25T06:00:00Z\",\"submitted_at\":\"2026-11-25T09:00:00Z\"}",
    id, ticket_id, agent, reviewer, group ? "calibration" : "random", tone, identity,
    group ? ",\"calibration_group\":\"" : "",
    group ? group : "", group ? "\"" : "");

  pulse_test_live_create (ts, PULSE_ROLE_QA, "reviews", body);
}

/* Follow-ups: a-1's contact rated 1 (team A), a-1's review failing tone
 * (team A), a-2's failing identity (team B). Calibration: a-1's reply of
 * t-3 graded by qa-1 and qa-2, who agree on identity only. */
static void
fill (PulseTestServer *ts)
{
  pulse_test_live_ingest (ts, "directory", directory);
  ticket (ts, "t-1", "a-1");
  ticket (ts, "t-2", "a-2");
  ticket (ts, "t-3", "a-1");
  pulse_test_live_ingest (ts, "ratings",
                          "{\"ticket_id\":\"t-1\",\"rating\":{\"kind\":\"csat\",\"score\":1,"
                          "\"at\":\"2026-11-24T11:00:00Z\"}}");
  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);
  review (ts, "rv-1", "t-1", "a-1", "qa-2", "fail", "pass", NULL);
  review (ts, "rv-2", "t-2", "a-2", "qa-1", "pass", "fail", NULL);
  review (ts, "rv-c1", "t-3", "a-1", "qa-1", "pass", "pass", "cal-1");
  review (ts, "rv-c2", "t-3", "a-1", "qa-2", "fail", "pass", "cal-1");
}

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
sign_in_as_lead (PulseTestServer *ts)
{
  PulseSession *session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  pulse_session_sign_in_async (session, ts->url, pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                               NULL, on_done_cb, &result);
  g_assert_true (pulse_test_wait_for (is_set, &result, PULSE_TEST_LIVE_WAIT_MS));
  g_assert_true (pulse_session_connect_finish (session, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (pulse_test_wait_for (is_live, session, PULSE_TEST_LIVE_WAIT_MS));
  return session;
}

/* The boxed list of @view, and its rows' names (the item ids). */
static char *
row_names (GtkWidget *view)
{
  GtkWidget *list = pulse_test_ui_find_widget (view, GTK_TYPE_LIST_BOX, NULL);
  GString *names = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", gtk_widget_get_name (row));

  return g_string_free (names, FALSE);
}

typedef struct
{
  GtkWidget  *view;
  const char *expected;
} Rows;

static gboolean
shows_rows (gpointer user_data)
{
  Rows *rows = user_data;
  g_autofree char *names = row_names (rows->view);

  return g_str_equal (names, rows->expected);
}

static void
wait_rows (GtkWidget  *view,
           const char *expected)
{
  Rows rows = { view, expected };

  if (!pulse_test_wait_for (shows_rows, &rows, PULSE_TEST_LIVE_WAIT_MS))
    {
      g_autofree char *names = row_names (view);

      g_assert_cmpstr (names, ==, expected);
    }
}

static AdwPreferencesRow *
first_row (GtkWidget *view)
{
  return ADW_PREFERENCES_ROW (gtk_widget_get_first_child (
    pulse_test_ui_find_widget (view, GTK_TYPE_LIST_BOX, NULL)));
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  PulseTestServer *ts;
  const char      *path;
  const char      *member;
  const char      *value;
} Stored;

static gboolean
is_stored (gpointer user_data)
{
  Stored *stored = user_data;
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (stored->ts, "GET", stored->path,
                                 pulse_test_server_get_token (stored->ts, PULSE_ROLE_HEAD),
                                 NULL, NULL);
  return r->status == 200 &&
         g_strcmp0 (json_object_get_string_member_with_default (pulse_test_response_object (r),
                                                                stored->member, NULL),
                    stored->value) == 0;
}

static void
wait_stored (PulseTestServer *ts,
             const char      *path,
             const char      *member,
             const char      *value)
{
  Stored stored = { ts, path, member, value };

  g_assert_true (pulse_test_wait_for (is_stored, &stored, PULSE_TEST_LIVE_WAIT_MS));
}

static gboolean
subtitle_has (gpointer user_data)
{
  Rows *rows = user_data;
  AdwPreferencesRow *row = first_row (rows->view);

  return row != NULL &&
         strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), rows->expected) != NULL;
}

/* The lead sees team A's two follow-ups, not team B's, newest first, and
 * marks the review's done: the server stamps it, and the row goes. */
static void
check_followups (PulseTestServer *ts,
                 GtkWidget       *page)
{
  GtkWidget *view = pulse_test_ui_find_widget (page, PULSE_TYPE_FOLLOWUPS_VIEW, NULL);
  AdwPreferencesRow *row;

  wait_rows (view, "fu-review-rv-1 fu-rating-t-1");
  row = first_row (view);
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==,
                   "Оксана Мельник — failed: Tone: a smile in the voice");
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (row)))),
                   ==, "Оксана Мельник — rated 1 by the customer");

  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (row), "Mark _Done")));
  wait_stored (ts, "/api/v1/followups/fu-review-rv-1", "done_by", "lead");
  wait_rows (view, "fu-rating-t-1");
}

static gboolean
has_dialog (gpointer user_data)
{
  return pulse_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The calibration sample, 1 of 2 criteria agreed; the lead settles it
 * with the reviewers' majority (tone: pass on a tie, identity: pass). */
static void
check_calibration (PulseTestServer *ts,
                   GtkWidget       *page)
{
  GtkWidget *view = pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW, NULL);
  Rows settled = { view, "settled by lead, score 100" };
  AdwPreferencesRow *row;
  AdwMessageDialog *dialog;

  wait_rows (view, "cal-1");
  row = first_row (view);
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==,
                   "Оксана Мельник · ticket t-3");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "50 % agreement · not settled");

  /* A button clicks a moment after it is activated. */
  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (row), "_Settle…")));
  g_assert_true (pulse_test_wait_for (has_dialog, NULL, PULSE_TEST_LIVE_WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (pulse_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (dialog), "qa-settle-dialog");
  adw_message_dialog_response (dialog, "settle");
  gtk_window_destroy (GTK_WINDOW (dialog));

  wait_stored (ts, "/api/v1/calibrations/cal-1", "settled_by", "lead");
  g_assert_true (pulse_test_wait_for (subtitle_has, &settled, PULSE_TEST_LIVE_WAIT_MS));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first_row (view)), TRUE);
}

/* Scrolls the page to @widget's top (only what is in view is drawn),
 * then renders @widget to tests/screenshots/@name.png. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment;
  graphene_point_t top;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, top.y);
  pulse_test_ui_wait_for_frames (widget, 3);
  pulse_test_ui_save_screenshot (widget, name);
}

static void
test_lead (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  fill (ts);
  session = sign_in_as_lead (ts);
  window = pulse_test_ui_open_window (session, 1280, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "quality"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_QUALITY_PAGE, NULL);
  g_assert_nonnull (page);

  check_followups (ts, page);
  check_calibration (ts, page);
  shoot (pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW, NULL),
         "qa-calibration-live");
  shoot (pulse_test_ui_find_widget (page, PULSE_TYPE_FOLLOWUPS_VIEW, NULL), "qa-followups-live");
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The action row titled @title under @root whose suffix reads @value
 * (any value when NULL), or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title,
                 const char *value)
{
  if (ADW_IS_ACTION_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    {
      return value == NULL || has_label (root, value) ? root : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title, value);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
sampling_loaded (gpointer view)
{
  return pulse_sampling_view_get_loaded (view) && pulse_sampling_view_get_gradings (view) > 0;
}

typedef struct
{
  PulseTestServer *ts;
  guint            n_reviews;
} ReviewCount;

static gboolean
server_has_reviews (gpointer user_data)
{
  ReviewCount *count = user_data;
  g_autoptr(PulseTestResponse) r = NULL;
  JsonArray *reviews;

  r = pulse_test_server_request (count->ts, "GET", "/api/v1/reviews",
                                 pulse_test_server_get_token (count->ts, PULSE_ROLE_HEAD), NULL,
                                 NULL);
  reviews = json_object_get_array_member (pulse_test_response_object (r), "reviews");
  return json_array_get_length (reviews) == count->n_reviews;
}

/* The sampling policy and its week's work, for a QA reviewer, who draws
 * the last complete week from the page: a-1 and a-2 each replied once a
 * week ago, so two samples, both for the one reviewer. */
static void
test_sampling (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(PulseTestResponse) policy = NULL;
  g_autofree char *week_ago = pulse_time_format (g_get_real_time ()
                                                 - 7 * G_TIME_SPAN_DAY);
  ReviewCount count = { NULL, 2 };
  PulseWindow *window;
  GtkWidget *view;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  count.ts = ts;
  pulse_test_live_ingest (ts, "directory", directory);
  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *body = g_strdup_printf (
        "{\"id\":\"w-%u\",\"queue_id\":\"q-1\",\"channel\":\"chat\",\"subject\":\"s\","
        "\"customer_id\":\"c-w%u\",\"status\":\"resolved\",\"assignee_id\":\"a-%u\","
        "\"created_at\":\"%s\",\"messages\":[{\"id\":\"m-1\",\"author_kind\":\"customer\","
        "\"at\":\"%s\",\"body\":\"?\"},{\"id\":\"m-2\",\"author_kind\":\"agent\","
        "\"author_id\":\"a-%u\",\"at\":\"%s\",\"body\":\"!\"}]}",
        i, i, i, week_ago, week_ago, i, week_ago);

      pulse_test_live_ingest (ts, "tickets", body);
    }
  policy = pulse_test_server_request (ts, "PUT", "/api/v1/sampling-policy",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_QA),
                                      "{\"scorecard_id\":\"sc-1\",\"per_agent\":2,"
                                      "\"calibration_share\":0,\"avoid_own_team\":false,"
                                      "\"reviewers\":[{\"id\":\"qa-olha\"}]}",
                                      "If-Match", "0", NULL);
  g_assert_cmpuint (policy->status, ==, 200);

  session = pulse_test_live_sign_in_as (ts, PULSE_ROLE_QA);
  window = pulse_test_ui_open_window (session, 1280, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "quality"));
  view = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_SAMPLING_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (pulse_test_wait_for (sampling_loaded, view, PULSE_TEST_LIVE_WAIT_MS));
  /* A week's expected work: two agents of position agent, two each. */
  g_assert_cmpint (pulse_sampling_view_get_gradings (PULSE_SAMPLING_VIEW (view)), ==, 4);
  g_assert_nonnull (find_row_titled (view, "Replies drawn per agent a week", "2"));
  g_assert_nonnull (find_row_titled (view, "qa-olha", NULL));
  shoot (view, "qa-sampling-live");

  g_signal_emit_by_name (pulse_test_ui_find_widget (view, GTK_TYPE_BUTTON, NULL), "clicked");
  g_assert_true (pulse_test_wait_for (server_has_reviews, &count, PULSE_TEST_LIVE_WAIT_MS));
  pulse_test_ui_close_window (GTK_WINDOW (window));
}

/* The simulation has made follow-ups (contacts rated 1–2 come at once)
 * and the page shows them; with QA_DEMO_CALIBRATION set, also graded
 * calibration samples, which the backfill writes some minutes later (the
 * pictures in the report were taken so). */
static gboolean
shows_qa (gpointer page)
{
  return first_row (pulse_test_ui_find_widget (page, PULSE_TYPE_FOLLOWUPS_VIEW, NULL)) != NULL
         && (g_getenv ("QA_DEMO_CALIBRATION") == NULL ||
             first_row (pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW,
                                                   NULL)) != NULL);
}

static void
test_demo (void)
{
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("the demo's pictures need a build without sanitizers");
  return;
#endif

  session = pulse_session_new ();
  if (g_getenv ("QA_DEMO_URL") != NULL)
    {
      /* A `pulse-server --simulate` of one's own, further on in its backfill. */
      pulse_session_sign_in_async (session, g_getenv ("QA_DEMO_URL"), g_getenv ("QA_DEMO_TOKEN"),
                                   NULL, on_done_cb, &result);
      g_assert_true (pulse_test_wait_for (is_set, &result, DEMO_WAIT_MS));
      g_assert_true (pulse_session_connect_finish (session, result, &error));
    }
  else
    {
      g_setenv ("PULSE_DEMO_SIMULATE", "1", TRUE);
      pulse_session_start_demo_async (session, NULL, on_done_cb, &result);
      g_assert_true (pulse_test_wait_for (is_set, &result, DEMO_WAIT_MS));
      g_assert_true (pulse_session_start_demo_finish (session, result, &error));
    }
  g_assert_no_error (error);
  g_object_unref (result);

  window = pulse_test_ui_open_window (session, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "quality"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_QUALITY_PAGE, NULL);
  g_assert_true (pulse_test_wait_for (shows_qa, page,
                                     g_getenv ("QA_DEMO_CALIBRATION") ? 10 * DEMO_WAIT_MS
                                                                     : DEMO_WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 6);
  /* Early in the demo's backfill no sample has two gradings yet. */
  if (first_row (pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW, NULL)) != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first_row (
        pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW, NULL))), TRUE);
      shoot (pulse_test_ui_find_widget (page, PULSE_TYPE_CALIBRATION_VIEW, NULL),
             "qa-calibration-demo");
    }
  shoot (pulse_test_ui_find_widget (page, PULSE_TYPE_FOLLOWUPS_VIEW, NULL), "qa-followups-demo");
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

  g_test_add_func ("/pulse/ui/qa/lead", test_lead);
  g_test_add_func ("/pulse/ui/qa/sampling", test_sampling);
  g_test_add_func ("/pulse/ui/qa/demo", test_demo);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
