/* test-ui-quality.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Quality page against a real in-process server: a directory with
 * two teams, tickets and ratings through ingest, a scorecard and review
 * samples through the item API as QA. The page shows the period's QA
 * score by team and agent, the backlog by reviewer, today's negative
 * ratings not yet drawn for review, and calibration agreement; new
 * ratings and samples update the rows in place. Rendered to
 * tests/screenshots/quality-live.png.
 */

#include "config.h"

#include <adwaita.h>

#include "pulse-quality-board.h"
#include "pulse-drill-down.h"
#include "pulse-quality-page.h"
#include "pulse-test-live.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"
#include "test-ui-util.h"

#define WAIT_MS PULSE_TEST_LIVE_WAIT_MS

static const char directory[] =
  "{\"teams\":["
  "{\"id\":\"team-ua\",\"name\":\"Kyiv\"},{\"id\":\"team-es\",\"name\":\"Madrid\"}],"
  "\"queues\":["
  "{\"id\":\"q-ua-chat\",\"name\":\"Ukraine · chat\",\"channel\":\"chat\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
  "{\"id\":\"q-es-phone\",\"name\":\"Spain · phone\",\"channel\":\"phone\",\"country\":\"ES\","
  "\"language\":\"es\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a-1\",\"name\":\"Оксана Мельник\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"a-2\",\"name\":\"Lucía Gómez\",\"team_id\":\"team-es\",\"position\":\"agent\","
  "\"status\":\"busy\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"]},"
  "{\"id\":\"a-3\",\"name\":\"Тарас Бойко\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"qa-1\",\"name\":\"Ірина Бондар\",\"team_id\":\"team-ua\",\"position\":\"lead\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[]}]}";

static const char scorecard[] =
  "{\"id\":\"sc-chat\",\"name\":\"Chat QA\",\"sections\":[{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets the customer\",\"weight\":20,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"Shows empathy\",\"weight\":30,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Verifies identity\",\"weight\":50,\"critical\":true}]}]}";

/* `,"name":"value"`, or nothing for a NULL value. */
static char *
member (const char *name,
        const char *value)
{
  return value != NULL ? g_strdup_printf (",\"%s\":\"%s\"", name, value) : g_strdup ("");
}

/* Whole seconds, so what the page shows matches what was sent. */
static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;
}

static char *
ago (gint64 seconds)
{
  return pulse_time_format (now_s () - seconds * G_USEC_PER_SEC);
}

/* Today's UTC midnight plus @offset seconds, or @seconds_ago before now if
 * that is later: a rating given today however early the test runs. */
static gint64
today_usec (gint64 seconds_ago,
            gint64 offset)
{
  gint64 now = now_s ();
  gint64 midnight = now - now % (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC);

  return MAX (midnight + offset * G_USEC_PER_SEC, now - seconds_ago * G_USEC_PER_SEC);
}

static char *
today (gint64 seconds_ago,
       gint64 offset)
{
  return pulse_time_format (today_usec (seconds_ago, offset));
}

/* A ticket created @created_ago seconds ago in @queue, answered by
 * @replier 30 s later, assigned to @assignee (or nobody). */
static char *
ticket (const char *id,
        const char *queue,
        const char *assignee,
        const char *replier,
        const char *status,
        gint64      created_ago)
{
  /* A contact of today's however early the test runs (the drill-down
   * shows the day's); one older than a day (t-5) stays as old. */
  gint64 created_at = created_ago < 24 * 3600 ? today_usec (created_ago, 0)
                                              : now_s () - created_ago * G_USEC_PER_SEC;
  g_autofree char *created = pulse_time_format (created_at);
  g_autofree char *answered = pulse_time_format (MIN (created_at + 30 * G_USEC_PER_SEC,
                                                      now_s ()));
  g_autofree char *assigned = member ("assignee_id", assignee);

  return g_strdup_printf (
    "{\"id\":\"%s\",\"queue_id\":\"%s\",\"channel\":\"chat\",\"subject\":\"Платіж\","
    "\"customer_id\":\"c-%s\",\"status\":\"%s\"%s,\"created_at\":\"%s\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"%s\",\"body\":\"?\"},"
    "{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"%s\",\"at\":\"%s\","
    "\"body\":\"!\"}]}",
    id, queue, id, status, assigned, created, created, replier, answered);
}

static void
rate (PulseTestServer *ts,
      const char      *ticket_id,
      int              score,
      const char      *at,
      const char      *comment)
{
  g_autofree char *comment_member = member ("comment", comment);
  g_autofree char *body = g_strdup_printf ("{\"ticket_id\":\"%s\",\"rating\":{\"kind\":\"csat\","
                                           "\"score\":%d,\"at\":\"%s\"%s}}",
                                           ticket_id, score, at, comment_member);

  pulse_test_live_ingest (ts, "ratings", body);
}

static void
ingest_tickets (PulseTestServer *ts)
{
  g_autofree char *t1 = ticket ("t-1", "q-ua-chat", NULL, "a-1", "resolved", 3600);
  g_autofree char *t2 = ticket ("t-2", "q-es-phone", "a-2", "a-2", "resolved", 3600);
  g_autofree char *t3 = ticket ("t-3", "q-ua-chat", "a-1", "a-1", "resolved", 3600);
  g_autofree char *t4 = ticket ("t-4", "q-ua-chat", "a-3", "a-3", "resolved", 3600);
  g_autofree char *t5 = ticket ("t-5", "q-ua-chat", "a-3", "a-3", "open", 30 * 3600);
  g_autofree char *t6 = ticket ("t-6", "q-es-phone", "a-2", "a-2", "resolved", 3600);
  g_autofree char *body = g_strdup_printf ("{\"items\":[%s,%s,%s,%s,%s,%s]}",
                                           t1, t2, t3, t4, t5, t6);
  g_autofree char *at1 = today (120, 1);
  g_autofree char *at2 = today (60, 2);
  g_autofree char *yesterday = NULL;
  gint64 now = now_s ();

  pulse_test_live_ingest (ts, "tickets", body);
  /* t-1 and t-2 are today's negatives; t-3 is one too but has a sample;
   * t-4 is happy; t-5's 1 came yesterday. */
  rate (ts, "t-1", 1, at1, "Чекала дві години, ніхто не відповів");
  rate (ts, "t-2", 2, at2, NULL);
  rate (ts, "t-3", 2, at2, NULL);
  rate (ts, "t-4", 5, at2, NULL);
  yesterday = pulse_time_format (now - now % (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
                                 - PULSE_USEC_PER_HOUR);
  rate (ts, "t-5", 1, yesterday, NULL);
}

/* A sample of @ticket's reply by @agent, drawn @created_ago seconds ago.
 * A submitted one has @score and @grades. */
static void
review (PulseTestServer *ts,
        const char      *id,
        const char      *ticket_id,
        const char      *agent,
        const char      *reviewer,
        const char      *status,
        const char      *reason,
        gint64           created_ago,
        const char      *group,
        int              score,
        const char      *grades)
{
  gboolean submitted = g_strcmp0 (status, "submitted") == 0;
  g_autofree char *created = ago (created_ago);
  g_autofree char *submitted_at = ago (created_ago / 2);
  g_autofree char *reviewer_member = member ("reviewer_id", reviewer);
  g_autofree char *group_member = member ("calibration_group", group);
  g_autofree char *score_member = submitted
                                  ? g_strdup_printf (",\"score\":%d,\"submitted_at\":\"%s\"",
                                                     score, submitted_at)
                                  : g_strdup ("");
  g_autofree char *body = g_strdup_printf (
    "{\"id\":\"%s\",\"ticket_id\":\"%s\",\"message_id\":\"m-2\",\"agent_id\":\"%s\"%s,"
    "\"scorecard_id\":\"sc-chat\",\"scorecard_version\":1,\"reason\":\"%s\",\"status\":\"%s\","
    "\"grades\":[%s]%s%s,\"created_at\":\"%s\"}",
    id, ticket_id, agent, reviewer_member, reason, status, grades != NULL ? grades : "",
    score_member, group_member, created);

  pulse_test_live_create (ts, PULSE_ROLE_QA, "reviews", body);
}

#define G(c, r) "{\"criterion_id\":\"" c "\",\"result\":\"" r "\"}"

static void
create_reviews (PulseTestServer *ts)
{
  pulse_test_live_create (ts, PULSE_ROLE_QA, "scorecards", scorecard);

  /* The backlog: qa-1 has a pending sample of t-3 (its negative rating)
   * and a draft; qa-2 one pending since 5 h; one nobody has taken. */
  review (ts, "r-1", "t-3", "a-1", "qa-1", "pending", "negative-rating", 3 * 3600, NULL, 0,
          NULL);
  review (ts, "r-2", "t-4", "a-3", "qa-1", "draft", "random", 3600, NULL, 0,
          G ("greeting", "pass"));
  review (ts, "r-3", "t-9", "a-2", "qa-2", "pending", "newcomer", 5 * 3600, NULL, 0, NULL);
  review (ts, "r-4", "t-10", "a-2", NULL, "pending", "random", 1800, NULL, 0, NULL);

  /* Graded: a-1 90, a-3 70, a-2 60. */
  review (ts, "r-5", "t-11", "a-1", "qa-1", "submitted", "random", 2 * 3600, NULL, 90, NULL);
  review (ts, "r-6", "t-12", "a-3", "qa-2", "submitted", "random", 2 * 3600, NULL, 70, NULL);
  review (ts, "r-7", "t-13", "a-2", "qa-1", "submitted", "random", 2 * 3600, NULL, 60, NULL);

  /* Calibration of a-2's reply by three reviewers (scores 50, 100, 0):
   *   greeting P P F: 1 of 3 pairs; empathy F P –: 0 of 1; kyc P P P: 3 of 3.
   * Overall 4 of 7. */
  review (ts, "c-1", "t-14", "a-2", "qa-1", "submitted", "calibration", 4 * 3600, "cal-1", 50,
          G ("greeting", "pass") "," G ("empathy", "fail") "," G ("kyc", "pass"));
  review (ts, "c-2", "t-14", "a-2", "qa-2", "submitted", "calibration", 4 * 3600, "cal-1", 100,
          G ("greeting", "pass") "," G ("empathy", "pass") "," G ("kyc", "pass"));
  review (ts, "c-3", "t-14", "a-2", "qa-3", "submitted", "calibration", 4 * 3600, "cal-1", 0,
          G ("greeting", "fail") "," G ("kyc", "pass"));
}

static PulseQualityRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(PulseQualityRow) row = g_list_model_get_item (model, position);

  return row;
}

#define WAIT_ROWS(model, ...) \
  pulse_test_live_wait_ids (model, (PulseTestLiveGetId) pulse_quality_row_get_id, __VA_ARGS__)

static gboolean
drill_has_contacts (gpointer drill)
{
  return pulse_drill_down_get_contacts (drill) != NULL;
}

/* The negative ratings export as shown, and one opens its conversation
 * among today's low-rated contacts. */
static void
assert_exports_and_opens (GtkWidget *page)
{
  g_autoptr(GBytes) csv = pulse_quality_page_dup_csv (PULSE_QUALITY_PAGE (page),
                                                      PULSE_QUALITY_LIST_NEGATIVE);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  GtkColumnView *view = GTK_COLUMN_VIEW (pulse_test_live_nth_widget (page, GTK_TYPE_COLUMN_VIEW,
                                                                      0));
  PulseDrillDown *drill;

  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFTime,Score,Agent,Queue,Comment"));
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  g_signal_emit_by_name (view, "activate", 0);
  drill = PULSE_DRILL_DOWN (pulse_test_ui_find_toplevel (PULSE_TYPE_DRILL_DOWN));
  g_assert_nonnull (drill);
  g_assert_true (pulse_test_wait_for (drill_has_contacts, drill, PULSE_TEST_LIVE_WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (pulse_drill_down_get_contacts (drill)), >=, 2);
  pulse_test_ui_close_window (GTK_WINDOW (drill));
}

/* The tables in page order: negative ratings, teams, agents. */
enum { NEGATIVE_TABLE, TEAMS_TABLE, AGENTS_TABLE };
/* The boxed lists: the backlog, then calibration. */
enum { BACKLOG_LIST, CRITERIA_LIST };

static GListModel *
table (GtkWidget *page,
       guint      index)
{
  GtkWidget *view = pulse_test_live_nth_widget (page, GTK_TYPE_COLUMN_VIEW, index);

  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

static void
assert_boxed (GtkWidget  *page,
              guint       list,
              int         index,
              const char *title,
              const char *subtitle,
              const char *figure)
{
  AdwActionRow *row = pulse_test_live_boxed_row (page, list, index);

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
  g_assert_cmpstr (pulse_test_live_row_label (row, "heading"), ==, figure);
}

static void
assert_score_row (GListModel *model,
                  guint       position,
                  const char *id,
                  const char *score,
                  gint64      reviews)
{
  PulseQualityRow *row = row_at (model, position);

  g_assert_cmpstr (pulse_quality_row_get_id (row), ==, id);
  g_assert_cmpstr (pulse_quality_row_get_value_text (row), ==, score);
  g_assert_cmpint (pulse_quality_row_get_count (row), ==, reviews);
}

/* Today's negatives, newest first: t-2 (2, no comment) then t-1, whose
 * agent is the one who replied; t-3 has a sample, t-5 was yesterday. */
static void
assert_negatives (GListModel *negative)
{
  PulseQualityRow *row;

  WAIT_ROWS (negative, "t-2", "t-1", NULL);
  row = row_at (negative, 0);
  g_assert_cmpstr (pulse_quality_row_get_title (row), ==, "Lucía Gómez");
  g_assert_cmpstr (pulse_quality_row_get_subtitle (row), ==, "Spain · phone");
  g_assert_cmpstr (pulse_quality_row_get_value_text (row), ==, "2 of 5");
  g_assert_null (pulse_quality_row_get_detail (row));
  row = row_at (negative, 1);
  g_assert_cmpstr (pulse_quality_row_get_title (row), ==, "Оксана Мельник");
  g_assert_cmpstr (pulse_quality_row_get_subtitle (row), ==, "Ukraine · chat");
  g_assert_cmpstr (pulse_quality_row_get_value_text (row), ==, "1 of 5");
  g_assert_cmpstr (pulse_quality_row_get_detail (row), ==,
                   "Чекала дві години, ніхто не відповів");
}

/* By team, the lowest first: Madrid (a-2: 60, 50, 100, 0 → 52.5), Kyiv
 * (a-1 90, a-3 70 → 80.0). By agent: a-2, a-3, a-1, and qa-1 with no
 * review last. */
static void
assert_scores (GtkWidget *page)
{
  GListModel *teams = table (page, TEAMS_TABLE);
  GListModel *agents = table (page, AGENTS_TABLE);

  WAIT_ROWS (teams, "team-es", "team-ua", NULL);
  assert_score_row (teams, 0, "team-es", "52.5", 4);
  assert_score_row (teams, 1, "team-ua", "80.0", 2);
  WAIT_ROWS (agents, "a-2", "a-3", "a-1", "qa-1", NULL);
  assert_score_row (agents, 0, "a-2", "52.5", 4);
  g_assert_cmpstr (pulse_quality_row_get_subtitle (row_at (agents, 0)), ==, "Madrid");
  assert_score_row (agents, 1, "a-3", "70.0", 1);
  assert_score_row (agents, 2, "a-1", "90.0", 1);
  assert_score_row (agents, 3, "qa-1", "–", 0);
}

/* The backlog, the oldest sample first: qa-2 (5 h, not in the directory:
 * its id), qa-1 (3 h), then the sample nobody took. Calibration, the
 * least agreed first. The tiles were counted in the same refresh. */
static void
assert_boxed_lists (GtkWidget *page)
{
  AdwActionRow *row;

  assert_boxed (page, BACKLOG_LIST, 0, "qa-2", "1 not started", "1");
  assert_boxed (page, BACKLOG_LIST, 1, "Ірина Бондар",
                "1 not started · 1 draft · 1 for a negative rating", "2");
  assert_boxed (page, BACKLOG_LIST, 2, "Not assigned", "1 not started", "1");
  g_assert_null (pulse_test_live_boxed_row (page, BACKLOG_LIST, 3));
  row = pulse_test_live_boxed_row (page, BACKLOG_LIST, 0);
  g_assert_cmpstr (pulse_test_live_row_label (row, "caption"), ==, "oldest 5 h");

  assert_boxed (page, CRITERIA_LIST, 0, "Shows empathy", "Chat QA", "0 %");
  assert_boxed (page, CRITERIA_LIST, 1, "Greets the customer", "Chat QA", "33 %");
  assert_boxed (page, CRITERIA_LIST, 2, "Verifies identity", "Chat QA", "100 %");
  row = pulse_test_live_boxed_row (page, CRITERIA_LIST, 1);
  g_assert_cmpstr (pulse_test_live_row_label (row, "caption"), ==, "1 of 3 pairs agreed");
}

/* The top of the page, and its bottom: the agents. */
static void
save_screenshots (PulseWindow *window,
                  GtkWidget   *page)
{
  GtkWidget *agents = pulse_test_live_nth_widget (page, GTK_TYPE_COLUMN_VIEW, AGENTS_TABLE);
  GtkWidget *scrolled = gtk_widget_get_ancestor (agents, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "quality-live");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "quality-live-agents");
}

/* A new 1 on t-6 comes first; the rows before stay the same objects.
 * Then a sample of t-1 is drawn for qa-2: t-1 leaves the negatives and
 * joins qa-2's backlog, whose row is updated, not replaced. */
static void
assert_updates (PulseTestServer *ts,
                GtkWidget       *page)
{
  GListModel *negative = table (page, NEGATIVE_TABLE);
  g_autoptr(PulseQualityRow) first = g_list_model_get_item (negative, 0);
  g_autoptr(PulseQualityRow) second = g_list_model_get_item (negative, 1);
  AdwActionRow *backlog_row = pulse_test_live_boxed_row (page, BACKLOG_LIST, 0);
  g_autofree char *at = today (0, 3);

  rate (ts, "t-6", 1, at, "Грубо");
  WAIT_ROWS (negative, "t-6", "t-2", "t-1", NULL);
  g_assert_true (row_at (negative, 1) == first);
  g_assert_true (row_at (negative, 2) == second);
  pulse_test_live_wait_tile (page, "Negative ratings", "3");

  review (ts, "r-8", "t-1", "a-1", "qa-2", "pending", "negative-rating", 0, NULL, 0, NULL);
  WAIT_ROWS (negative, "t-6", "t-2", NULL);
  g_assert_true (row_at (negative, 1) == first);
  pulse_test_live_wait_tile (page, "To grade", "5");
  assert_boxed (page, BACKLOG_LIST, 0, "qa-2", "2 not started · 1 for a negative rating", "2");
  g_assert_true (pulse_test_live_boxed_row (page, BACKLOG_LIST, 0) == backlog_row);

  /* Two ratings back to back, within the second the negatives are
   * looked for at most: the later is not lost. t-5 gets today's 1, t-2's
   * new 5 (later than its 2 of the morning) takes it out. */
  g_clear_pointer (&at, g_free);
  at = today (0, 4);
  rate (ts, "t-5", 1, at, NULL);
  rate (ts, "t-2", 5, at, NULL);
  WAIT_ROWS (negative, "t-5", "t-6", NULL);
  pulse_test_live_wait_tile (page, "Negative ratings", "2");
}

static void
test_quality (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  pulse_test_live_ingest (ts, "directory", directory);
  ingest_tickets (ts);
  create_reviews (ts);
  session = pulse_test_live_sign_in (ts);
  /* A week, so a test run just after midnight counts the same reviews. */
  pulse_session_set_kpi_window (session, PULSE_KPI_WINDOW_7_DAYS);
  window = pulse_test_ui_open_window (session, 1280, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "quality"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_QUALITY_PAGE, NULL);
  g_assert_nonnull (page);

  /* QA: six submitted, (90 + 70 + 60 + 50 + 100 + 0) / 6 = 61.67.
   * Calibration 4 of 7 = 57 %; 4 samples to grade; 2 negatives. Of the
   * five rated contacts of the week only t-4 gave a 4–5. */
  pulse_test_live_wait_tile (page, "QA score", "61.7");
  pulse_test_live_wait_tile (page, "To grade", "4");
  pulse_test_live_wait_tile (page, "Negative ratings", "2");
  pulse_test_live_wait_tile (page, "Calibration", "57 %");
  pulse_test_live_wait_tile (page, "CSAT", "20 %");

  assert_negatives (table (page, NEGATIVE_TABLE));
  assert_scores (page);
  assert_boxed_lists (page);
  save_screenshots (window, page);
  assert_exports_and_opens (page);
  assert_updates (ts, page);

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

static gboolean
shows_content (gpointer stack)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "quality") == 0;
}

/* Signed in to a server with nothing: the page says so. */
static void
test_empty (void)
{
  g_autoptr(PulseTestServer) ts = NULL;
  g_autoptr(PulseSession) session = NULL;
  PulseWindow *window;
  GtkWidget *page;
  GtkStack *stack;

  if (pulse_test_ui_skip_without_display ())
    return;

  ts = pulse_test_server_new ();
  session = pulse_test_live_sign_in (ts);
  window = pulse_test_ui_open_window (session, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "quality"));
  page = pulse_test_ui_find_widget (GTK_WIDGET (window), PULSE_TYPE_QUALITY_PAGE, NULL);
  stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A directory alone: the tables, with nothing to read or grade. */
  pulse_test_live_ingest (ts, "directory", directory);
  g_assert_true (pulse_test_wait_for (shows_content, stack, WAIT_MS));
  pulse_test_live_wait_tile (page, "To grade", "0");
  pulse_test_live_wait_tile (page, "QA score", "–");
  pulse_test_live_wait_tile (page, "Negative ratings", "0");
  g_assert_null (pulse_test_live_boxed_row (page, BACKLOG_LIST, 0));
  g_assert_null (pulse_test_live_boxed_row (page, CRITERIA_LIST, 0));
  WAIT_ROWS (table (page, TEAMS_TABLE), "team-ua", "team-es", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (table (page, NEGATIVE_TABLE)), ==, 0);
  pulse_test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  pulse_test_ui_save_screenshot (GTK_WIDGET (window), "quality-empty");

  pulse_test_ui_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  pulse_test_ui_init ();

  g_test_add_func ("/pulse/ui/quality/live", test_quality);
  g_test_add_func ("/pulse/ui/quality/empty", test_empty);

  ret = g_test_run ();
  pulse_test_ui_shutdown ();
  return ret;
}
