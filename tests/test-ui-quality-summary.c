/* test-ui-quality-summary.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Quality page lists, counted by hand: the backlog by reviewer,
 * the day's negative ratings not yet drawn for review, and calibration
 * agreement per criterion against core's overall figure. No display.
 */

#include "config.h"

#include <math.h>

#include "pulse-quality-row.h"
#include "pulse-quality-summary.h"
#include "pulse-review-sample.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

/* 2026-11-20 in UTC. */
#define DAY_FROM "2026-11-20T00:00:00Z"
#define DAY_TO "2026-11-21T00:00:00Z"

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

/* A review sample; @reviewer and @group may be NULL; a submitted one
 * scores 50. */
static void
add_sample (GListStore *store,
            const char *id,
            const char *ticket,
            const char *reviewer,
            const char *status,
            const char *reason,
            const char *created_at,
            const char *group,
            const char *grades)
{
  gboolean submitted = g_strcmp0 (status, "submitted") == 0;
  g_autofree char *reviewer_member = reviewer != NULL
                                     ? g_strdup_printf (",\"reviewer_id\":\"%s\"", reviewer)
                                     : g_strdup ("");
  g_autofree char *group_member = group != NULL
                                  ? g_strdup_printf (",\"calibration_group\":\"%s\"", group)
                                  : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"ticket_id\":\"%s\",\"message_id\":\"m-1\","
    "\"agent_id\":\"a-1\"%s,\"scorecard_id\":\"sc\",\"scorecard_version\":1,"
    "\"reason\":\"%s\",\"status\":\"%s\",\"grades\":[%s]%s%s,\"created_at\":\"%s\"%s}",
    id, ticket, reviewer_member, reason, status, grades != NULL ? grades : "",
    submitted ? ",\"score\":50" : "", group_member, created_at,
    submitted ? ",\"submitted_at\":\"2026-11-20T23:00:00Z\"" : "");
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseReviewSample) sample = pulse_review_sample_new_from_json (node, &error);

  g_assert_no_error (error);
  g_list_store_append (store, sample);
}

static void
test_backlog (void)
{
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) backlog = NULL;
  const PulseQualityBacklog *entry;

  add_sample (reviews, "r-1", "t-1", "qa-1", "pending", "negative-rating",
              "2026-11-20T09:00:00Z", NULL, NULL);
  add_sample (reviews, "r-2", "t-2", "qa-1", "draft", "random", "2026-11-20T07:30:00Z",
              NULL, NULL);
  add_sample (reviews, "r-3", "t-3", "qa-1", "submitted", "random", "2026-11-19T06:00:00Z",
              NULL, NULL);
  add_sample (reviews, "r-4", "t-4", "qa-2", "pending", "newcomer", "2026-11-20T08:00:00Z",
              NULL, NULL);
  add_sample (reviews, "r-5", "t-5", NULL, "pending", "negative-rating",
              "2026-11-20T10:00:00Z", NULL, NULL);
  add_sample (reviews, "r-6", "t-6", NULL, "pending", "random", "2026-11-20T11:00:00Z",
              NULL, NULL);

  /* qa-1: r-1 pending and r-2 draft (r-3 is done), oldest r-2 at 07:30;
   * qa-2: r-4 at 08:00; nobody: r-5 and r-6, oldest 10:00. */
  backlog = pulse_quality_backlog_collect (G_LIST_MODEL (reviews));
  g_assert_cmpuint (backlog->len, ==, 3);

  entry = backlog->pdata[0];
  g_assert_cmpstr (entry->reviewer_id, ==, "qa-1");
  g_assert_cmpuint (entry->pending, ==, 1);
  g_assert_cmpuint (entry->drafts, ==, 1);
  g_assert_cmpuint (entry->negative, ==, 1);
  g_assert_cmpint (entry->oldest_at, ==, at ("2026-11-20T07:30:00Z"));

  entry = backlog->pdata[1];
  g_assert_cmpstr (entry->reviewer_id, ==, "qa-2");
  g_assert_cmpuint (entry->pending, ==, 1);
  g_assert_cmpuint (entry->drafts, ==, 0);
  g_assert_cmpuint (entry->negative, ==, 0);
  g_assert_cmpint (entry->oldest_at, ==, at ("2026-11-20T08:00:00Z"));

  entry = backlog->pdata[2];
  g_assert_null (entry->reviewer_id);
  g_assert_cmpuint (entry->pending, ==, 2);
  g_assert_cmpuint (entry->negative, ==, 1);
  g_assert_cmpint (entry->oldest_at, ==, at ("2026-11-20T10:00:00Z"));
}

static void
test_backlog_empty (void)
{
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) backlog = NULL;

  add_sample (reviews, "r-1", "t-1", "qa-1", "submitted", "random", "2026-11-20T09:00:00Z",
              NULL, NULL);
  backlog = pulse_quality_backlog_collect (G_LIST_MODEL (reviews));
  g_assert_cmpuint (backlog->len, ==, 0);
}

/* A ticket with an agent reply by @replier and the ratings given, e.g.
 * "{\"kind\":\"csat\",\"score\":1,\"at\":\"…\"}". */
static void
add_ticket (GListStore *store,
            const char *id,
            const char *assignee,
            const char *replier,
            const char *ratings)
{
  g_autofree char *assignee_member = assignee != NULL
                                     ? g_strdup_printf (",\"assignee_id\":\"%s\"", assignee)
                                     : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"queue_id\":\"q-ua\",\"channel\":\"chat\","
    "\"subject\":\"S\",\"customer_id\":\"c-%s\",\"status\":\"resolved\",\"priority\":\"normal\""
    "%s,\"tags\":[],\"created_at\":\"2026-11-19T20:00:00Z\",\"messages\":["
    "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"2026-11-19T20:00:00Z\",\"body\":\"?\"},"
    "{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"%s\","
    "\"at\":\"2026-11-19T20:05:00Z\",\"body\":\"!\"},"
    "{\"id\":\"m-3\",\"author_kind\":\"bot\",\"author_id\":\"bot\","
    "\"at\":\"2026-11-19T20:06:00Z\",\"body\":\"Rate us\"}],"
    "\"ratings\":[%s]}",
    id, id, assignee_member, replier, ratings);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_no_error (error);
  g_list_store_append (store, ticket);
}

#define CSAT(score, at) "{\"kind\":\"csat\",\"score\":" #score ",\"at\":\"" at "\"}"

static void
add_rated_tickets (GListStore *tickets,
                   GListStore *reviews)
{
  /* t-1: 1 at 09:00 with a comment, assigned to a-1. */
  add_ticket (tickets, "t-1", "a-1", "a-9",
              "{\"kind\":\"csat\",\"score\":1,\"at\":\"2026-11-20T09:00:00Z\","
              "\"comment\":\"Nobody answered\"},"
              "{\"kind\":\"nps\",\"score\":0,\"at\":\"2026-11-20T09:00:00Z\"}");
  /* t-2: 2 at 10:00, unassigned: the agent who replied. */
  add_ticket (tickets, "t-2", NULL, "a-2", CSAT (2, "2026-11-20T10:00:00Z"));
  /* t-3: 3 is not negative; t-4: 5 today after a 1 yesterday. */
  add_ticket (tickets, "t-3", "a-1", "a-1", CSAT (3, "2026-11-20T11:00:00Z"));
  add_ticket (tickets, "t-4", "a-1", "a-1",
              CSAT (1, "2026-11-19T21:00:00Z") "," CSAT (5, "2026-11-20T08:00:00Z"));
  /* t-5: a 2 yesterday; t-6: a 1 at the next midnight (outside). */
  add_ticket (tickets, "t-5", "a-1", "a-1", CSAT (2, "2026-11-19T23:59:59Z"));
  add_ticket (tickets, "t-6", "a-1", "a-1", CSAT (1, DAY_TO));
  /* t-7: a 1 today, but a sample of it is being graded already. */
  add_ticket (tickets, "t-7", "a-3", "a-3", CSAT (1, "2026-11-20T12:00:00Z"));
  add_sample (reviews, "r-7", "t-7", "qa-1", "draft", "negative-rating",
              "2026-11-20T12:01:00Z", NULL, NULL);
  /* t-8: a 1 at the first instant of the day, no comment. */
  add_ticket (tickets, "t-8", "a-3", "a-3", CSAT (1, DAY_FROM));
  /* t-9: no rating at all. */
  add_ticket (tickets, "t-9", "a-3", "a-3", "");
}

static void
test_negative (void)
{
  g_autoptr(GListStore) tickets = g_list_store_new (PULSE_TYPE_TICKET);
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) negatives = NULL;
  const PulseQualityNegative *negative;

  add_rated_tickets (tickets, reviews);

  negatives = pulse_quality_negative_collect (G_LIST_MODEL (tickets), G_LIST_MODEL (reviews),
                                              at (DAY_FROM), at (DAY_TO));
  g_assert_cmpuint (negatives->len, ==, 3);

  negative = negatives->pdata[0];
  g_assert_cmpstr (negative->ticket_id, ==, "t-2");
  g_assert_cmpstr (negative->agent_id, ==, "a-2");
  g_assert_cmpstr (negative->queue_id, ==, "q-ua");
  g_assert_cmpint (negative->score, ==, 2);
  g_assert_null (negative->comment);
  g_assert_cmpint (negative->rated_at, ==, at ("2026-11-20T10:00:00Z"));

  negative = negatives->pdata[1];
  g_assert_cmpstr (negative->ticket_id, ==, "t-1");
  g_assert_cmpstr (negative->agent_id, ==, "a-1");
  g_assert_cmpint (negative->score, ==, 1);
  g_assert_cmpstr (negative->comment, ==, "Nobody answered");

  negative = negatives->pdata[2];
  g_assert_cmpstr (negative->ticket_id, ==, "t-8");
  g_assert_cmpint (negative->rated_at, ==, at (DAY_FROM));
}

#define G(c, r) "{\"criterion_id\":\"" c "\",\"result\":\"" r "\"}"

static const PulseQualityCriterion *
find_criterion (GPtrArray  *criteria,
                const char *id)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      const PulseQualityCriterion *criterion = criteria->pdata[i];

      if (g_strcmp0 (criterion->criterion_id, id) == 0)
        return criterion;
    }

  return NULL;
}

static void
add_calibrations (GListStore *reviews)
{
  /* cal-1, three reviewers: pairs (1,2) (1,3) (2,3).
   *   greeting: P P F → agreed in (1,2) only: 1 of 3
   *   empathy:  F P – → compared in (1,2) only, disagreed: 0 of 1
   *   kyc:      P P P → 3 of 3
   * A draft by qa-4 and a second grading by qa-1 count for nothing. */
  add_sample (reviews, "c-1", "t-1", "qa-1", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-1",
              G ("greeting", "pass") "," G ("empathy", "fail") "," G ("kyc", "pass"));
  add_sample (reviews, "c-2", "t-1", "qa-2", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-1",
              G ("greeting", "pass") "," G ("empathy", "pass") "," G ("kyc", "pass"));
  add_sample (reviews, "c-3", "t-1", "qa-3", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-1", G ("greeting", "fail") "," G ("kyc", "pass"));
  add_sample (reviews, "c-4", "t-1", "qa-4", "draft", "calibration", "2026-11-20T09:00:00Z",
              "cal-1", G ("greeting", "pass"));
  /* cal-2, two reviewers: fees n/a by both, kyc pass against fail.
   *   fees: 1 of 1; kyc: 0 of 1 (so kyc overall 3 of 4). */
  add_sample (reviews, "c-5", "t-2", "qa-1", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-2",
              G ("fees", "not-applicable") "," G ("kyc", "pass"));
  add_sample (reviews, "c-6", "t-2", "qa-2", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-2",
              G ("fees", "not-applicable") "," G ("kyc", "fail"));
  /* cal-3: one reviewer only, compares nothing. Not in a group: nothing. */
  add_sample (reviews, "c-7", "t-3", "qa-1", "submitted", "calibration",
              "2026-11-20T09:00:00Z", "cal-3", G ("kyc", "pass"));
  add_sample (reviews, "c-8", "t-3", "qa-2", "submitted", "random",
              "2026-11-20T09:00:00Z", NULL, G ("kyc", "fail"));
}

static void
test_criteria (void)
{
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) criteria = NULL;
  PulseCalibrationAgreement overall = { 99, 99 };
  const PulseQualityCriterion *criterion;
  guint n_groups = 99;

  add_calibrations (reviews);
  criteria = pulse_quality_criteria_collect (G_LIST_MODEL (reviews), &overall, &n_groups);
  g_assert_cmpuint (criteria->len, ==, 4);

  /* Least agreed first: empathy 0 %, greeting 33 %, kyc 75 %, fees 100 %. */
  criterion = criteria->pdata[0];
  g_assert_cmpstr (criterion->criterion_id, ==, "empathy");
  g_assert_cmpstr (criterion->scorecard_id, ==, "sc");
  g_assert_cmpuint (criterion->agreement.compared, ==, 1);
  g_assert_cmpuint (criterion->agreement.agreed, ==, 0);
  g_assert_cmpstr (((PulseQualityCriterion *) criteria->pdata[1])->criterion_id, ==,
                   "greeting");
  g_assert_cmpstr (((PulseQualityCriterion *) criteria->pdata[2])->criterion_id, ==, "kyc");
  g_assert_cmpstr (((PulseQualityCriterion *) criteria->pdata[3])->criterion_id, ==, "fees");

  criterion = find_criterion (criteria, "greeting");
  g_assert_cmpuint (criterion->agreement.compared, ==, 3);
  g_assert_cmpuint (criterion->agreement.agreed, ==, 1);
  criterion = find_criterion (criteria, "kyc");
  g_assert_cmpuint (criterion->agreement.compared, ==, 4);
  g_assert_cmpuint (criterion->agreement.agreed, ==, 3);
  criterion = find_criterion (criteria, "fees");
  g_assert_cmpuint (criterion->agreement.compared, ==, 1);
  g_assert_cmpuint (criterion->agreement.agreed, ==, 1);

  /* Overall, as core counts it: 1+0+3+1 = 5 of 3+1+4+1 = 9, over the two
   * groups where something was compared; the criteria add up to it. */
  g_assert_cmpuint (overall.compared, ==, 9);
  g_assert_cmpuint (overall.agreed, ==, 5);
  g_assert_cmpuint (n_groups, ==, 2);
}

static void
test_criteria_empty (void)
{
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) criteria = NULL;
  PulseCalibrationAgreement overall = { 99, 99 };
  guint n_groups = 99;

  criteria = pulse_quality_criteria_collect (G_LIST_MODEL (reviews), &overall, &n_groups);
  g_assert_cmpuint (criteria->len, ==, 0);
  g_assert_cmpuint (overall.compared, ==, 0);
  g_assert_cmpuint (overall.agreed, ==, 0);
  g_assert_cmpuint (n_groups, ==, 0);
  g_assert_true (isnan (pulse_calibration_share (&overall)));
}

static void
test_format_age (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { -5, "0 min" }, { 0, "0 min" }, { 59 * 60 + 59, "59 min" }, { 3600, "1 h" },
    { 47 * 3600 + 3599, "47 h" }, { 48 * 3600, "2 d" }, { 10 * 86400 + 7200, "10 d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pulse_quality_format_age (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The properties notified since the last call, sorted, space-separated. */
static char *
take_names (GPtrArray *names)
{
  char *joined;

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);
  g_ptr_array_set_size (names, 0);
  return joined;
}

/* A row notifies only what changed, so a list redraws one cell. */
static void
test_row_update (void)
{
  g_autoptr(PulseQualityRow) row = pulse_quality_row_new ("a-1");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *changed = NULL;
  PulseQualityRowData data = {
    .title = "Оксана", .value = 90, .value_text = "90.0", .count = 1, .count_text = "1",
    .extra = G_MAXDOUBLE,
  };

  g_signal_connect (row, "notify", G_CALLBACK (on_notify_cb), names);
  pulse_quality_row_update (row, &data);
  first = take_names (names);
  g_assert_cmpstr (first, ==, "count count-text title value value-text");
  g_assert_cmpstr (pulse_quality_row_get_id (row), ==, "a-1");
  g_assert_cmpfloat (pulse_quality_row_get_value (row), ==, 90);

  pulse_quality_row_update (row, &data);
  again = take_names (names);
  g_assert_cmpstr (again, ==, "");

  data.count = 2;
  data.count_text = "2";
  data.subtitle = "Kyiv";
  pulse_quality_row_update (row, &data);
  changed = take_names (names);
  g_assert_cmpstr (changed, ==, "count count-text subtitle");
  g_assert_cmpstr (pulse_quality_row_get_count_text (row), ==, "2");
  g_assert_cmpstr (pulse_quality_row_get_title (row), ==, "Оксана");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/quality-summary/backlog", test_backlog);
  g_test_add_func ("/pulse/ui/quality-summary/backlog-empty", test_backlog_empty);
  g_test_add_func ("/pulse/ui/quality-summary/negative", test_negative);
  g_test_add_func ("/pulse/ui/quality-summary/criteria", test_criteria);
  g_test_add_func ("/pulse/ui/quality-summary/criteria-empty", test_criteria_empty);
  g_test_add_func ("/pulse/ui/quality-summary/format-age", test_format_age);
  g_test_add_func ("/pulse/ui/quality-summary/row-update", test_row_update);

  return g_test_run ();
}
