/* test-review-sample.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-review-sample.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_review_sample_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_review_sample_to_json)

static const char full_sample[] =
  "{\"id\":\"rv-1\",\"version\":2,\"ticket_id\":\"t-100\",\"message_id\":\"m-3\","
  "\"agent_id\":\"agent-7\",\"reviewer_id\":\"qa-2\",\"scorecard_id\":\"sc-chat\","
  "\"scorecard_version\":3,\"reason\":\"negative-rating\",\"status\":\"submitted\","
  "\"grades\":[{\"criterion_id\":\"greeting\",\"result\":\"pass\",\"comment\":\"Warm\"},"
  "{\"criterion_id\":\"kyc\",\"result\":\"fail\",\"comment\":\"Asked for the card number\"},"
  "{\"criterion_id\":\"fees\",\"result\":\"not-applicable\"}],"
  "\"score\":62.5,\"calibration_group\":\"cal-9\",\"created_at\":\"2026-11-20T09:30:00Z\","
  "\"submitted_at\":\"2026-11-21T14:05:30Z\"}";

static const char minimal_sample[] =
  "{\"id\":\"rv\",\"version\":0,\"ticket_id\":\"t\",\"message_id\":\"m\",\"agent_id\":\"a\","
  "\"scorecard_id\":\"s\",\"scorecard_version\":1,\"reason\":\"random\",\"status\":\"pending\","
  "\"grades\":[],\"created_at\":\"2026-11-20T09:30:00Z\"}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_sample, DECODE, ENCODE);
  PulseReviewSample *sample = PULSE_REVIEW_SAMPLE (object);
  const PulseReviewGrade *grade;

  g_assert_cmpstr (pulse_review_sample_get_id (sample), ==, "rv-1");
  g_assert_cmpint (pulse_review_sample_get_version (sample), ==, 2);
  g_assert_cmpstr (pulse_review_sample_get_ticket_id (sample), ==, "t-100");
  g_assert_cmpstr (pulse_review_sample_get_message_id (sample), ==, "m-3");
  g_assert_cmpstr (pulse_review_sample_get_agent_id (sample), ==, "agent-7");
  g_assert_cmpstr (pulse_review_sample_get_reviewer_id (sample), ==, "qa-2");
  g_assert_cmpstr (pulse_review_sample_get_scorecard_id (sample), ==, "sc-chat");
  g_assert_cmpint (pulse_review_sample_get_scorecard_version (sample), ==, 3);
  g_assert_cmpint (pulse_review_sample_get_reason (sample), ==,
                   PULSE_SAMPLE_REASON_NEGATIVE_RATING);
  g_assert_cmpint (pulse_review_sample_get_status (sample), ==, PULSE_REVIEW_STATUS_SUBMITTED);
  g_assert_cmpfloat (pulse_review_sample_get_score (sample), ==, 62.5);
  g_assert_cmpstr (pulse_review_sample_get_calibration_group (sample), ==, "cal-9");
  g_assert_cmpint (pulse_review_sample_get_created_at (sample), ==,
                   parse_time ("2026-11-20T09:30:00Z"));
  g_assert_cmpint (pulse_review_sample_get_submitted_at (sample), ==,
                   parse_time ("2026-11-21T14:05:30Z"));

  g_assert_cmpuint (pulse_review_sample_get_n_grades (sample), ==, 3);
  grade = pulse_review_sample_get_grade (sample, 2);
  g_assert_cmpstr (grade->criterion_id, ==, "fees");
  g_assert_cmpint (grade->result, ==, PULSE_CRITERION_RESULT_NOT_APPLICABLE);
  g_assert_null (grade->comment);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_sample, DECODE, ENCODE);
  PulseReviewSample *sample = PULSE_REVIEW_SAMPLE (object);

  g_assert_null (pulse_review_sample_get_reviewer_id (sample));
  g_assert_null (pulse_review_sample_get_calibration_group (sample));
  g_assert_cmpfloat (pulse_review_sample_get_score (sample), ==, -1);
  g_assert_cmpint (pulse_review_sample_get_submitted_at (sample), ==, 0);
  g_assert_cmpuint (pulse_review_sample_get_n_grades (sample), ==, 0);
}

/* A draft may carry a score and grades, but no submission time. */
static void
test_draft_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (
    "{\"id\":\"rv\",\"version\":1,\"ticket_id\":\"t\",\"message_id\":\"m\",\"agent_id\":\"a\","
    "\"reviewer_id\":\"qa-1\",\"scorecard_id\":\"s\",\"scorecard_version\":2,"
    "\"reason\":\"calibration\",\"status\":\"draft\","
    "\"grades\":[{\"criterion_id\":\"c\",\"result\":\"pass\"}],\"score\":0,"
    "\"calibration_group\":\"cal-1\",\"created_at\":\"2026-11-20T09:30:00.250000Z\"}",
    DECODE, ENCODE);

  g_assert_cmpfloat (pulse_review_sample_get_score (PULSE_REVIEW_SAMPLE (object)), ==, 0);
}

static void
test_unknown_fields_ignored (void)
{
  g_autofree char *json = pulse_test_mutate (minimal_sample, "queue", "{\"id\":[1]}");
  g_autofree char *with_grade = pulse_test_mutate (
    json, "grades", "[{\"criterion_id\":\"c\",\"result\":\"fail\",\"weight\":3}]");
  g_autoptr(JsonNode) node = pulse_test_parse (with_grade);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseReviewSample) sample = pulse_review_sample_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_review_sample_find_grade (sample, "c")->result, ==,
                   PULSE_CRITERION_RESULT_FAIL);
}

static void
test_bad_ids (void)
{
  static const char *members[] = {
    "id", "ticket_id", "message_id", "agent_id", "scorecard_id", "reviewer_id",
    "calibration_group",
  };
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      gboolean required = i < 5;
      g_autofree char *missing = g_strdup_printf ("%s: is required", members[i]);
      g_autofree char *wrong = g_strdup_printf ("%s: expected a string, got a number", members[i]);
      g_autofree char *empty = g_strdup_printf ("%s: must not be empty", members[i]);
      g_autofree char *too_long = g_strdup_printf ("%s: longer than 128 bytes", members[i]);
      const PulseTestMutation mutations[] = {
        { members[i], "42", wrong },
        { members[i], long_id, too_long },
        { members[i], "\"\"", empty },
        { members[i], NULL, missing },
      };

      pulse_test_assert_bad_mutations (full_sample, mutations,
                                       required ? G_N_ELEMENTS (mutations) : 2, DECODE);
    }
}

static void
test_bad_input (void)
{
  g_autofree char *long_text = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 't');
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  const PulseTestMutation mutations[] = {
    { "version", NULL, "version: is required" },
    { "version", "\"2\"", "version: expected an integer, got a string" },
    { "version", "-1", "version: -1 is outside" },
    { "scorecard_version", NULL, "scorecard_version: is required" },
    { "scorecard_version", "\"3\"", "scorecard_version: expected an integer, got a string" },
    { "scorecard_version", "2.5", "scorecard_version: expected an integer, got a number" },
    { "scorecard_version", "0", "scorecard_version: 0 is outside 1…" },
    { "reason", NULL, "reason: is required" },
    { "reason", "\"angry\"", "reason: unknown value “angry”" },
    { "reason", "1", "reason: expected a string, got a number" },
    { "status", NULL, "status: is required" },
    { "status", "\"done\"", "status: unknown value “done”" },
    { "status", "true", "status: expected a string, got a boolean" },
    { "status", "\"draft\"", "submitted_at: must be absent unless status is submitted" },
    { "status", "\"pending\"", "submitted_at: must be absent unless status is submitted" },
    { "grades", "{}", "grades: expected an array, got an object" },
    { "grades", "[1]", "grades[0]: expected a grade object, got a number" },
    { "grades.0.criterion_id", NULL, "grades[0].criterion_id: is required" },
    { "grades.0.criterion_id", "5", "grades[0].criterion_id: expected a string, got a number" },
    { "grades.0.criterion_id", "\"\"", "grades[0].criterion_id: must not be empty" },
    { "grades.0.criterion_id", long_id, "grades[0].criterion_id: longer than 128 bytes" },
    { "grades.2.criterion_id", "\"greeting\"", "grades[2].criterion_id: duplicate “greeting”" },
    { "grades.1.result", NULL, "grades[1].result: is required" },
    { "grades.1.result", "\"maybe\"", "grades[1].result: unknown value “maybe”" },
    { "grades.1.result", "false", "grades[1].result: expected a string, got a boolean" },
    { "grades.0.comment", "5", "grades[0].comment: expected a string, got a number" },
    { "grades.0.comment", long_text, "grades[0].comment: longer than 1024 bytes" },
    { "score", NULL, "score: is required when status is submitted" },
    { "score", "null", "score: is required when status is submitted" },
    { "score", "\"62.5\"", "score: expected a number, got a string" },
    { "score", "-0.5", "score: -0.5 is outside 0…100" },
    { "score", "100.1", "score: 100.1 is outside 0…100" },
    { "created_at", NULL, "created_at: is required" },
    { "created_at", "5", "created_at: expected an RFC 3339 time string, got a number" },
    { "created_at", "\"2026-11-20 09:30\"", "created_at: is not an RFC 3339 time" },
    { "created_at", "\"2026-11-20T09:30:00\"", "created_at: is not an RFC 3339 time" },
    { "created_at", "\"2026-11-31T09:30:00Z\"", "created_at: is not an RFC 3339 time" },
    { "submitted_at", NULL, "submitted_at: is required when status is submitted" },
    { "submitted_at", "true", "submitted_at: expected an RFC 3339 time string, got a boolean" },
    { "submitted_at", "\"yesterday\"", "submitted_at: is not an RFC 3339 time" },
    { "submitted_at", "\"2026-11-20T09:29:59Z\"", "submitted_at: is before created_at" },
  };
  const PulseTestMutation from_minimal[] = {
    { "status", "\"submitted\"", "score: is required when status is submitted" },
    { "submitted_at", "\"2026-11-21T10:00:00Z\"",
      "submitted_at: must be absent unless status is submitted" },
  };

  pulse_test_assert_bad_mutations (full_sample, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_bad_mutations (minimal_sample, from_minimal, G_N_ELEMENTS (from_minimal),
                                   DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_find_grade (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (full_sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseReviewSample) sample = pulse_review_sample_new_from_json (node, &error);
  const PulseReviewGrade *grade;

  g_assert_no_error (error);
  grade = pulse_review_sample_find_grade (sample, "kyc");
  g_assert_nonnull (grade);
  g_assert_true (grade == pulse_review_sample_get_grade (sample, 1));
  g_assert_cmpint (grade->result, ==, PULSE_CRITERION_RESULT_FAIL);
  g_assert_cmpstr (grade->comment, ==, "Asked for the card number");
  g_assert_null (pulse_review_sample_find_grade (sample, "tone"));
}

/* A sampler builds a new sample from construct properties. */
static void
test_construct (void)
{
  g_autoptr(PulseReviewSample) sample = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_sample);

  sample = g_object_new (PULSE_TYPE_REVIEW_SAMPLE,
                         "id", "rv", "ticket-id", "t", "message-id", "m", "agent-id", "a",
                         "scorecard-id", "s", "scorecard-version", (gint64) 1,
                         "reason", PULSE_SAMPLE_REASON_RANDOM,
                         "created-at", parse_time ("2026-11-20T09:30:00Z"),
                         NULL);
  g_assert_cmpint (pulse_review_sample_get_status (sample), ==, PULSE_REVIEW_STATUS_PENDING);
  node = pulse_review_sample_to_json (sample);
  g_assert_true (json_node_equal (node, expected));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify_on_change_only (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (minimal_sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseReviewSample) sample = pulse_review_sample_new_from_json (node, &error);
  guint count = 0;

  g_assert_no_error (error);
  g_signal_connect (sample, "notify", G_CALLBACK (on_notify_cb), &count);
  pulse_review_sample_set_reviewer_id (sample, "qa-1");
  pulse_review_sample_set_reviewer_id (sample, "qa-1");
  pulse_review_sample_set_version (sample, 5);
  pulse_review_sample_set_version (sample, 5);
  g_object_set (sample, "reviewer-id", NULL, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_null (pulse_review_sample_get_reviewer_id (sample));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/review-sample/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/review-sample/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/review-sample/draft-round-trip", test_draft_round_trip);
  g_test_add_func ("/pulse/core/review-sample/unknown-fields-ignored",
                   test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/review-sample/bad-ids", test_bad_ids);
  g_test_add_func ("/pulse/core/review-sample/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/review-sample/find-grade", test_find_grade);
  g_test_add_func ("/pulse/core/review-sample/construct", test_construct);
  g_test_add_func ("/pulse/core/review-sample/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
