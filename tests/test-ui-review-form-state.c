/* test-ui-review-form-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grading form's pure logic: lines in scorecard order from a draft,
 * the live score as criteria are graded (hand-computed), a failed
 * critical criterion, what may be submitted, the review it saves, and
 * read-only forms.
 */

#include "config.h"

#include "pulse-review-form-state.h"

/* Tone: greeting 20, empathy 30; Compliance: kyc 50, critical. */
static const char scorecard_json[] =
  "{\"id\":\"sc\",\"version\":2,\"name\":\"Chat QA\",\"sections\":["
  "{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets\",\"weight\":20,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"Empathy\",\"weight\":30,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Identity\",\"weight\":50,\"critical\":true}]}]}";

static PulseScorecard *
scorecard (void)
{
  g_autoptr(JsonNode) node = json_from_string (scorecard_json, NULL);

  return pulse_scorecard_new_from_json (node, NULL);
}

/* A sample on version @version in @status, with @grades. */
static PulseReviewSample *
sample (int         version,
        const char *status,
        const char *grades)
{
  gboolean submitted = g_str_equal (status, "submitted");
  g_autofree char *text = g_strdup_printf (
    "{\"id\":\"r-1\",\"version\":4,\"ticket_id\":\"t-1\",\"message_id\":\"m-2\","
    "\"agent_id\":\"a-1\",\"reviewer_id\":\"qa\",\"scorecard_id\":\"sc\","
    "\"scorecard_version\":%d,\"reason\":\"newcomer\",\"status\":\"%s\",\"grades\":[%s]%s,"
    "\"created_at\":\"2026-11-30T10:00:00Z\"}",
    version, status, grades,
    submitted ? ",\"score\":100,\"submitted_at\":\"2026-11-30T11:00:00Z\"" : "");
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;
  PulseReviewSample *result = pulse_review_sample_new_from_json (node, &error);

  g_assert_no_error (error);
  return result;
}

static void
test_lines_from_draft (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) draft =
    sample (2, "draft", "{\"criterion_id\":\"empathy\",\"result\":\"fail\","
                        "\"comment\":\"Too curt\"}");
  g_autoptr(PulseReviewFormState) form = pulse_review_form_state_new (card, draft, TRUE);
  const PulseReviewFormLine *line;
  g_autofree char *progress = NULL;

  g_assert_cmpuint (pulse_review_form_state_get_n_lines (form), ==, 3);
  line = pulse_review_form_state_get_line (form, 0);
  g_assert_cmpstr (line->criterion->id, ==, "greeting");
  g_assert_cmpstr (line->section, ==, "Tone");
  g_assert_cmpint (line->result, ==, PULSE_REVIEW_FORM_UNGRADED);
  line = pulse_review_form_state_get_line (form, 1);
  g_assert_cmpint (line->result, ==, PULSE_CRITERION_RESULT_FAIL);
  g_assert_cmpstr (line->comment, ==, "Too curt");
  g_assert_cmpstr (pulse_review_form_state_get_line (form, 2)->section, ==, "Compliance");
  g_assert_true (pulse_review_form_state_get_editable (form));
  g_assert_false (pulse_review_form_state_get_dirty (form));
  progress = pulse_review_form_state_dup_progress_text (form);
  g_assert_cmpstr (progress, ==, "1 of 3 criteria graded");
  /* Only the failed empathy is graded: 0 of 30. */
  g_assert_cmpfloat (pulse_review_form_state_get_score (form, NULL), ==, 0);
}

/* The score follows each grade: greeting pass → 20/20 = 100; empathy
 * fail → 20/50 = 40; kyc n/a → still 40; kyc pass → 70/100 = 70; kyc
 * fail (critical) → 0. */
static void
test_live_score (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) pending = sample (2, "pending", "");
  g_autoptr(PulseReviewFormState) form = pulse_review_form_state_new (card, pending, TRUE);
  gboolean failed = TRUE;
  g_autofree char *text = NULL;
  g_autofree char *progress = NULL;

  g_assert_cmpfloat (pulse_review_form_state_get_score (form, &failed), ==, -1);
  g_assert_false (failed);
  text = pulse_review_form_state_dup_score_text (form);
  g_assert_cmpstr (text, ==, "–");
  g_clear_pointer (&text, g_free);

  g_assert_true (pulse_review_form_state_set_result (form, 0, PULSE_CRITERION_RESULT_PASS));
  g_assert_false (pulse_review_form_state_set_result (form, 0, PULSE_CRITERION_RESULT_PASS));
  g_assert_true (pulse_review_form_state_get_dirty (form));
  g_assert_cmpfloat_with_epsilon (pulse_review_form_state_get_score (form, NULL), 100, 1e-9);
  pulse_review_form_state_set_result (form, 1, PULSE_CRITERION_RESULT_FAIL);
  g_assert_cmpfloat_with_epsilon (pulse_review_form_state_get_score (form, NULL), 40, 1e-9);
  g_assert_false (pulse_review_form_state_can_submit (form));
  pulse_review_form_state_set_result (form, 2, PULSE_CRITERION_RESULT_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (pulse_review_form_state_get_score (form, NULL), 40, 1e-9);
  g_assert_true (pulse_review_form_state_can_submit (form));
  pulse_review_form_state_set_result (form, 2, PULSE_CRITERION_RESULT_PASS);
  text = pulse_review_form_state_dup_score_text (form);
  g_assert_cmpstr (text, ==, "70.0");
  pulse_review_form_state_set_result (form, 2, PULSE_CRITERION_RESULT_FAIL);
  g_assert_cmpfloat (pulse_review_form_state_get_score (form, &failed), ==, 0);
  g_assert_true (failed);
  progress = pulse_review_form_state_dup_progress_text (form);
  g_assert_cmpstr (progress, ==, "3 of 3 criteria graded · a critical criterion failed");
}

/* All not applicable: nothing to score, nothing to submit. */
static void
test_all_not_applicable (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) pending = sample (2, "pending", "");
  g_autoptr(PulseReviewFormState) form = pulse_review_form_state_new (card, pending, TRUE);

  for (guint i = 0; i < 3; i++)
    pulse_review_form_state_set_result (form, i, PULSE_CRITERION_RESULT_NOT_APPLICABLE);
  g_assert_cmpfloat (pulse_review_form_state_get_score (form, NULL), ==, -1);
  g_assert_false (pulse_review_form_state_can_submit (form));
  g_assert_null (pulse_review_form_state_dup_review (form, PULSE_REVIEW_STATUS_SUBMITTED, 0));
}

static void
test_next_ungraded (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) pending = sample (2, "pending", "");
  g_autoptr(PulseReviewFormState) form = pulse_review_form_state_new (card, pending, TRUE);

  g_assert_cmpint (pulse_review_form_state_next_ungraded (form, 0), ==, 1);
  pulse_review_form_state_set_result (form, 1, PULSE_CRITERION_RESULT_PASS);
  g_assert_cmpint (pulse_review_form_state_next_ungraded (form, 0), ==, 2);
  /* It wraps round to the first gap. */
  pulse_review_form_state_set_result (form, 2, PULSE_CRITERION_RESULT_PASS);
  g_assert_cmpint (pulse_review_form_state_next_ungraded (form, 2), ==, 0);
  pulse_review_form_state_set_result (form, 0, PULSE_CRITERION_RESULT_PASS);
  g_assert_cmpint (pulse_review_form_state_next_ungraded (form, 0), ==, 1);
  g_assert_cmpint (pulse_review_form_state_next_ungraded (form, 2), ==, -1);
}

/* A draft saves what is graded, with comments trimmed; a submission has
 * every grade, the score and when, at the sample's scorecard version. */
static void
test_saved_review (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) pending = sample (2, "pending", "");
  g_autoptr(PulseReviewFormState) form = pulse_review_form_state_new (card, pending, TRUE);
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(JsonNode) submitted = NULL;
  g_autoptr(PulseReviewSample) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  pulse_review_form_state_set_result (form, 1, PULSE_CRITERION_RESULT_FAIL);
  g_assert_true (pulse_review_form_state_set_comment (form, 1, "  Too curt \n"));
  g_assert_false (pulse_review_form_state_set_comment (form, 1, "Too curt"));
  draft = pulse_review_form_state_dup_review (form, PULSE_REVIEW_STATUS_DRAFT, 0);
  text = json_to_string (draft, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"id\":\"r-1\",\"version\":4,\"ticket_id\":\"t-1\",\"message_id\":\"m-2\","
                   "\"agent_id\":\"a-1\",\"reviewer_id\":\"qa\",\"scorecard_id\":\"sc\","
                   "\"scorecard_version\":2,\"reason\":\"newcomer\","
                   "\"created_at\":\"2026-11-30T10:00:00Z\",\"grades\":[{\"criterion_id\":"
                   "\"empathy\",\"result\":\"fail\",\"comment\":\"Too curt\"}],"
                   "\"status\":\"draft\"}");
  g_assert_null (pulse_review_form_state_dup_review (form, PULSE_REVIEW_STATUS_SUBMITTED, 0));

  pulse_review_form_state_set_result (form, 0, PULSE_CRITERION_RESULT_PASS);
  pulse_review_form_state_set_result (form, 2, PULSE_CRITERION_RESULT_PASS);
  /* Before created_at: submitted_at is made no earlier. */
  submitted = pulse_review_form_state_dup_review (form, PULSE_REVIEW_STATUS_SUBMITTED, 0);
  decoded = pulse_review_sample_new_from_json (submitted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pulse_review_sample_get_status (decoded), ==, PULSE_REVIEW_STATUS_SUBMITTED);
  g_assert_cmpfloat_with_epsilon (pulse_review_sample_get_score (decoded), 70, 1e-9);
  g_assert_cmpint (pulse_review_sample_get_submitted_at (decoded), ==,
                   pulse_review_sample_get_created_at (decoded));
  g_assert_cmpuint (pulse_review_sample_get_n_grades (decoded), ==, 3);
  g_assert_cmpint (pulse_review_sample_get_scorecard_version (decoded), ==, 2);
}

static void
test_read_only (void)
{
  g_autoptr(PulseScorecard) card = scorecard ();
  g_autoptr(PulseReviewSample) pending = sample (2, "pending", "");
  g_autoptr(PulseReviewSample) old = sample (1, "pending", "");
  g_autoptr(PulseReviewSample) done =
    sample (2, "submitted", "{\"criterion_id\":\"greeting\",\"result\":\"pass\"},"
                            "{\"criterion_id\":\"empathy\",\"result\":\"pass\"},"
                            "{\"criterion_id\":\"kyc\",\"result\":\"pass\"}");
  g_autoptr(PulseReviewFormState) lead = pulse_review_form_state_new (card, pending, FALSE);
  g_autoptr(PulseReviewFormState) moved = pulse_review_form_state_new (card, old, TRUE);
  g_autoptr(PulseReviewFormState) final = pulse_review_form_state_new (card, done, TRUE);
  g_autoptr(PulseReviewFormState) lost = pulse_review_form_state_new (NULL, pending, TRUE);

  g_assert_cmpstr (pulse_review_form_state_get_read_only_reason (lead), ==,
                   "Your role may read reviews but not grade them.");
  g_assert_false (pulse_review_form_state_set_result (lead, 0, PULSE_CRITERION_RESULT_PASS));
  g_assert_false (pulse_review_form_state_set_comment (lead, 0, "x"));
  g_assert_null (pulse_review_form_state_dup_review (lead, PULSE_REVIEW_STATUS_DRAFT, 0));
  g_assert_cmpstr (pulse_review_form_state_get_read_only_reason (moved), ==,
                   "This sample was drawn on another version of its scorecard.");
  g_assert_cmpstr (pulse_review_form_state_get_read_only_reason (final), ==,
                   "This review is submitted; its grades are final.");
  g_assert_cmpfloat_with_epsilon (pulse_review_form_state_get_score (final, NULL), 100, 1e-9);
  g_assert_false (pulse_review_form_state_can_submit (final));
  g_assert_cmpuint (pulse_review_form_state_get_n_lines (lost), ==, 0);
  g_assert_false (pulse_review_form_state_can_submit (lost));
  g_assert_cmpstr (pulse_review_form_state_get_read_only_reason (lost), ==,
                   "The scorecard of this sample is not on the server.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/review-form-state/lines-from-draft", test_lines_from_draft);
  g_test_add_func ("/pulse/ui/review-form-state/live-score", test_live_score);
  g_test_add_func ("/pulse/ui/review-form-state/all-not-applicable", test_all_not_applicable);
  g_test_add_func ("/pulse/ui/review-form-state/next-ungraded", test_next_ungraded);
  g_test_add_func ("/pulse/ui/review-form-state/saved-review", test_saved_review);
  g_test_add_func ("/pulse/ui/review-form-state/read-only", test_read_only);

  return g_test_run ();
}
