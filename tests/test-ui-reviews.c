/* test-ui-reviews.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reviews page against a real in-process server. A QA reviewer sees
 * only the samples assigned to them, opens one, reads the conversation
 * with the reply under review highlighted, grades the criteria with the
 * form's keys (1 pass, 2 fail, Ctrl+S draft, Ctrl+Enter submit) and the
 * server stores the submitted review with the score the core makes;
 * the score reaches the agent's QA KPI in the session's KPI view. A lead
 * reads every reviewer's samples but the form is read-only, as the
 * server's roles say (it refuses the lead's edit). Rendered to
 * tests/screenshots/reviews-*.png.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pulse-conversation-view.h"
#include "pulse-entity-list.h"
#include "pulse-reviews-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static const char directory[] =
  "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Kyiv\"}],"
  "\"queues\":[{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\",\"channel\":\"chat\","
  "\"country\":\"UA\",\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a-1\",\"name\":\"Оксана Мельник\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"a-2\",\"name\":\"Тарас Бойко\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]}]}";

/* Greeting 20, empathy 30, and the critical kyc 50. */
static const char scorecard[] =
  "{\"id\":\"sc-chat\",\"name\":\"Chat QA\",\"sections\":[{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets the customer\",\"weight\":20,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"Shows empathy\",\"description\":\"A smile in the voice\","
  "\"weight\":30,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Verifies identity\",\"weight\":50,\"critical\":true}]}]}";

/* @seconds (at most an hour) before now; in the day's first hour, as far
 * into the day in proportion, order kept: the agent's QA score of the day
 * counts the ticket however early the test runs. */
static char *
ago (gint64 seconds)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 midnight = now - now % 86400;
  gint64 at = now - seconds;

  g_assert (seconds <= 3600);
  if (at < midnight)
    at = midnight + (now - midnight) * (3600 - seconds) / 3600;
  return pulse_time_format (at * G_USEC_PER_SEC);
}

/* t-1: the customer asks, a-1 replies (m-2, under review), they thank. */
static void
ingest (PulseTestServer *ts)
{
  g_autofree char *t0 = ago (3600);
  g_autofree char *t1 = ago (3540);
  g_autofree char *t2 = ago (3480);
  g_autofree char *body = g_strdup_printf (
    "{\"items\":[{\"id\":\"t-1\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
    "\"subject\":\"Платіж не пройшов\",\"customer_id\":\"c-1\",\"status\":\"resolved\","
    "\"assignee_id\":\"a-1\",\"created_at\":\"%s\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"Де мої гроші?\"},"
    "{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"a-1\",\"at\":\"%s\","
    "\"body\":\"Вітаю! Платіж повернеться на картку протягом доби.\"},"
    "{\"id\":\"m-3\",\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"Дякую\"}]}]}",
    t0, t0, t1, t2);

  pulse_test_live_ingest (ts, "directory", directory);
  pulse_test_live_ingest (ts, "tickets", body);
}

static void
create_samples (PulseTestServer *ts)
{
  g_autofree char *created = ago (1800);
  g_autofree char *mine = g_strdup_printf (
    "{\"id\":\"r-1\",\"ticket_id\":\"t-1\",\"message_id\":\"m-2\",\"agent_id\":\"a-1\","
    "\"reviewer_id\":\"qa\",\"scorecard_id\":\"sc-chat\",\"scorecard_version\":1,"
    "\"reason\":\"newcomer\",\"status\":\"pending\",\"created_at\":\"%s\"}", created);
  g_autofree char *theirs = g_strdup_printf (
    "{\"id\":\"r-2\",\"ticket_id\":\"t-1\",\"message_id\":\"m-2\",\"agent_id\":\"a-1\","
    "\"reviewer_id\":\"qa-pablo\",\"scorecard_id\":\"sc-chat\",\"scorecard_version\":1,"
    "\"reason\":\"random\",\"status\":\"pending\",\"created_at\":\"%s\"}", created);

  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);
  pulse_test_live_create (ts, PULSE_ROLE_QA, "reviews", mine);
  pulse_test_live_create (ts, PULSE_ROLE_QA, "reviews", theirs);
}

/* Version 2 adds a fourth criterion; the samples stay on version 1. */
static void
move_scorecard_on (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) r = NULL;
  g_autofree char *v1 = g_strdup (scorecard);
  g_autofree char *v2 = NULL;
  char *end = strrchr (v1, ']');

  g_assert_nonnull (end);
  *end = '\0';
  v2 = g_strconcat (v1, ",{\"name\":\"Extra\",\"criteria\":[{\"id\":\"tone\",\"name\":"
                    "\"Tone\",\"weight\":10,\"critical\":false}]}]}", NULL);
  r = pulse_test_server_request (ts, "PUT", "/api/v1/scorecards/sc-chat",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_QA), v2,
                                 "If-Match", "1", NULL);
  g_assert_cmpuint (r->status, ==, 200);
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

/* A session signed in to @ts with @role's token, its stream live. */
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

static const char *
sample_id (gpointer item)
{
  return pulse_review_sample_get_id (item);
}

/* Presses @accelerator ("1", "<Control>s") as the form's key bindings
 * have it: the shortcut bound to that trigger, activated on @widget.
 * Returns whether it did something (an action disabled does nothing). */
static gboolean
try_press (GtkWidget  *widget,
           const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("no shortcut %s", accelerator);
}

static void
press (GtkWidget  *widget,
       const char *accelerator)
{
  g_assert_true (try_press (widget, accelerator));
}

typedef struct
{
  PulseSession      *session;
  PulseReviewStatus  status;
  guint              n_grades;
} Stored;

/* The review as the server sent it back to the session (after the
 * outbox delivered the edit) has @status and @n_grades grades. */
static gboolean
is_stored (gpointer user_data)
{
  Stored *wanted = user_data;
  GListModel *reviews = pulse_session_get_list (wanted->session, PULSE_STATE_KIND_REVIEW);
  PulseReviewSample *sample = pulse_entity_list_lookup (PULSE_ENTITY_LIST (reviews), "r-1");
  if (sample == NULL)
    return FALSE;

  return pulse_review_sample_get_status (sample) == wanted->status &&
         pulse_review_sample_get_n_grades (sample) == wanted->n_grades;
}

static PulseReviewsPage *
open_page (PulseWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "reviews"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_REVIEWS_PAGE, NULL);
  g_assert_nonnull (page);
  return PULSE_REVIEWS_PAGE (page);
}

/* The form shows version 1's three criteria, to grade. */
static gboolean
form_has_lines (gpointer form)
{
  PulseReviewFormState *state = pulse_review_form_get_state (form);

  return state != NULL && pulse_review_form_state_get_n_lines (state) == 3;
}

static gboolean
form_is_editable (gpointer form)
{
  PulseReviewFormState *state = pulse_review_form_get_state (form);

  return form_has_lines (form) && pulse_review_form_state_get_editable (state);
}

static gboolean
has_highlighted_row (GtkWidget *root)
{
  if (gtk_widget_has_css_class (root, "message-highlighted"))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_highlighted_row (child))
      return TRUE;

  return FALSE;
}

static void
assert_conversation (PulseReviewForm *form)
{
  GtkWidget *view = pulse_test_ui_find_widget (GTK_WIDGET (form), PULSE_TYPE_CONVERSATION_VIEW,
                                               NULL);

  g_assert_nonnull (view);
  g_assert_cmpstr (pulse_conversation_view_get_highlighted_message_id (
                     PULSE_CONVERSATION_VIEW (view)), ==, "m-2");
  g_assert_nonnull (pulse_conversation_view_get_ticket (PULSE_CONVERSATION_VIEW (view)));
  g_assert_true (has_highlighted_row (view));
}

static double
agent_qa_score (PulseSession *session,
                gint64       *reviews)
{
  PulseKpiView *view = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_AGENT);
  g_autoptr(PulseKpiSummary) summary = pulse_kpi_view_dup_summary (view, "a-1");

  *reviews = summary != NULL ? summary->reviews : 0;
  return summary != NULL ? summary->qa_score : -1;
}

static gboolean
kpi_has_review (gpointer session)
{
  gint64 reviews = 0;

  agent_qa_score (session, &reviews);
  return reviews == 1;
}

/* The first widget under @root of @type with @css_class, or NULL. */
static GtkWidget *
find_styled (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The live score, the form's big figure. */
static const char *
score_text (PulseReviewForm *form)
{
  return gtk_label_get_text (GTK_LABEL (find_styled (GTK_WIDGET (form), GTK_TYPE_LABEL,
                                                     "title-1")));
}

static gboolean
can_submit (PulseReviewForm *form)
{
  return gtk_widget_get_sensitive (find_styled (GTK_WIDGET (form), GTK_TYPE_BUTTON,
                                                "suggested-action"));
}

/* Keys: greeting 1 (pass), empathy 2 (fail), Ctrl+S; kyc 1, Ctrl+Enter.
 * Score: (20 + 50) / (20 + 30 + 50) = 70. */
static void
grade_by_keyboard (PulseSession    *session,
                   PulseWindow     *window,
                   PulseReviewForm *form)
{
  Stored draft = { session, PULSE_REVIEW_STATUS_DRAFT, 2 };
  Stored submitted = { session, PULSE_REVIEW_STATUS_SUBMITTED, 3 };
  PulseReviewFormState *state = pulse_review_form_get_state (form);

  g_assert_cmpint (pulse_review_form_get_current (form), ==, 0);
  g_assert_cmpstr (score_text (form), ==, "–");
  press (GTK_WIDGET (form), "1");
  g_assert_cmpint (pulse_review_form_get_current (form), ==, 1);
  g_assert_cmpstr (score_text (form), ==, "100.0");
  press (GTK_WIDGET (form), "2");
  g_assert_cmpstr (score_text (form), ==, "40.0");
  g_assert_cmpint (pulse_review_form_get_current (form), ==, 2);
  /* Not all graded: Submit waits. */
  g_assert_false (can_submit (form));

  press (GTK_WIDGET (form), "<Control>s");
  g_assert_true (pulse_test_wait_for (is_stored, &draft, WAIT_MS));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "reviews-draft");

  state = pulse_review_form_get_state (form);
  g_assert_cmpuint (pulse_review_form_state_get_n_graded (state), ==, 2);
  press (GTK_WIDGET (form), "1");
  g_assert_cmpstr (score_text (form), ==, "70.0");
  g_assert_true (can_submit (form));
  press (GTK_WIDGET (form), "<Control>Return");
  g_assert_true (pulse_test_wait_for (is_stored, &submitted, WAIT_MS));
}

static void
assert_submitted (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) r = NULL;
  JsonObject *object;

  r = pulse_test_server_request (ts, "GET", "/api/v1/reviews/r-1",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_HEAD), NULL, NULL);
  object = pulse_test_response_object (r);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "score"), 70, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "scorecard_version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "reviewer_id"), ==, "qa");
}

static gboolean
is_empty (gpointer model)
{
  return g_list_model_get_n_items (model) == 0;
}

static void
test_grade (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  PulseReviewsPage *page;
  PulseReviewForm *form;
  gint64 reviews = 0;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  ingest (ts);
  create_samples (ts);
  move_scorecard_on (ts);
  session = sign_in (ts, PULSE_ROLE_QA);
  window = pulse_test_ui_open_window (session, 1280, 800);
  page = open_page (window);

  /* Only qa's own sample; qa-pablo's is not in this queue. */
  pulse_test_live_wait_ids (pulse_reviews_page_get_queue (page), sample_id, "r-1", NULL);
  g_assert_true (pulse_reviews_page_open (page, "r-1"));
  form = pulse_reviews_page_get_form (page);
  /* The session has version 2; the form fetches the drawn version 1. */
  g_assert_true (pulse_test_wait_for (form_is_editable, form, WAIT_MS));
  assert_conversation (form);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "reviews-queue");

  grade_by_keyboard (session, window, form);
  assert_submitted (ts);

  /* Submitted: the queue's default filter (to grade) lets it go, and the
   * agent's QA score is the review's. */
  g_assert_true (pulse_test_wait_for (is_empty, pulse_reviews_page_get_queue (page), WAIT_MS));
  g_assert_true (pulse_test_wait_for (kpi_has_review, session, WAIT_MS));
  g_assert_cmpfloat_with_epsilon (agent_qa_score (session, &reviews), 70, 1e-9);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

/* A lead reads everyone's samples; the form is read-only, its keys do
 * nothing, and the server refuses a lead's edit of a review. */
static void
test_lead_reads_only (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  g_autoptr(PulseTestResponse) refused = NULL;
  PulseWindow *window;
  PulseReviewsPage *page;
  PulseReviewForm *form;
  PulseReviewFormState *state;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  ingest (ts);
  create_samples (ts);
  session = sign_in (ts, PULSE_ROLE_LEAD);
  window = pulse_test_ui_open_window (session, 1280, 800);
  page = open_page (window);

  pulse_test_live_wait_ids (pulse_reviews_page_get_queue (page), sample_id, "r-1", "r-2", NULL);
  g_assert_true (pulse_reviews_page_open (page, "r-2"));
  form = pulse_reviews_page_get_form (page);
  g_assert_true (pulse_test_wait_for (form_has_lines, form, WAIT_MS));
  state = pulse_review_form_get_state (form);
  g_assert_false (pulse_review_form_state_get_editable (state));
  g_assert_cmpstr (pulse_review_form_state_get_read_only_reason (state), ==,
                   "Your role may read reviews but not grade them.");
  try_press (GTK_WIDGET (form), "1");
  try_press (GTK_WIDGET (form), "<Control>s");
  g_assert_cmpuint (pulse_review_form_state_get_n_graded (state), ==, 0);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "reviews-lead");

  refused = pulse_test_server_request (ts, "PUT", "/api/v1/reviews/r-2",
                                       pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                                       "{}", "If-Match", "1", NULL);
  g_assert_cmpuint (refused->status, ==, 403);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/reviews/grade", test_grade);
  g_test_add_func ("/pulse/ui/reviews/lead-reads-only", test_lead_reads_only);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
