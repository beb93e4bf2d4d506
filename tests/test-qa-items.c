/* test-qa-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QA workflow's codecs: sampling policy, follow-up, settled
 * calibration; and the default fintech scorecard and how it scores.
 */

#include "config.h"

#include "pulse-calibration-session.h"
#include "pulse-followup.h"
#include "pulse-sampling-policy.h"
#include "pulse-scorecard-default.h"
#include "pulse-scorecard-score.h"
#include "pulse-test-util.h"

static const char full_policy[] =
  "{\"version\":3,\"scorecard_id\":\"sc-1\",\"per_agent\":4,\"per_newcomer\":10,"
  "\"probation_days\":60,\"negative_max\":2,\"calibration_share\":0.25,"
  "\"avoid_own_team\":false,\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-ua\"},"
  "{\"id\":\"qa-2\"}]}";

static void
test_policy_round_trip (void)
{
  g_autoptr(GObject) object =
    pulse_test_assert_round_trip (full_policy,
                                  PULSE_TEST_DECODE (pulse_sampling_policy_new_from_json),
                                  (PulseTestEncodeFunc) pulse_sampling_policy_to_json);
  PulseSamplingPolicy *policy = PULSE_SAMPLING_POLICY (object);

  g_assert_cmpuint (pulse_sampling_policy_get_per_agent (policy), ==, 4);
  g_assert_cmpuint (pulse_sampling_policy_get_per_newcomer (policy), ==, 10);
  g_assert_cmpfloat (pulse_sampling_policy_get_calibration_share (policy), ==, 0.25);
  g_assert_false (pulse_sampling_policy_get_avoid_own_team (policy));
  g_assert_cmpuint (pulse_sampling_policy_get_n_reviewers (policy), ==, 2);
  g_assert_cmpstr (pulse_sampling_policy_get_reviewer (policy, 0)->team_id, ==, "team-ua");
  g_assert_null (pulse_sampling_policy_get_reviewer (policy, 1)->team_id);
}

static void
test_policy_defaults (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse ("{\"version\":0}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseSamplingPolicy) policy = pulse_sampling_policy_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_null (pulse_sampling_policy_get_scorecard_id (policy));
  g_assert_cmpuint (pulse_sampling_policy_get_per_agent (policy), ==, 3);
  g_assert_cmpuint (pulse_sampling_policy_get_per_newcomer (policy), ==, 8);
  g_assert_cmpuint (pulse_sampling_policy_get_probation_days (policy), ==, 90);
  g_assert_cmpint (pulse_sampling_policy_get_negative_max (policy), ==, 2);
  g_assert_cmpfloat (pulse_sampling_policy_get_calibration_share (policy), ==, 0.1);
  g_assert_true (pulse_sampling_policy_get_avoid_own_team (policy));
  g_assert_cmpuint (pulse_sampling_policy_get_n_reviewers (policy), ==, 0);
}

static void
test_policy_bad (void)
{
  static const PulseTestBadInput cases[] = {
    { "{}", "version" },
    { "{\"version\":1,\"per_agent\":101}", "per_agent" },
    { "{\"version\":1,\"per_newcomer\":-1}", "per_newcomer" },
    { "{\"version\":1,\"probation_days\":400}", "probation_days" },
    { "{\"version\":1,\"negative_max\":5}", "negative_max" },
    { "{\"version\":1,\"calibration_share\":1.5}", "calibration_share" },
    { "{\"version\":1,\"avoid_own_team\":\"yes\"}", "avoid_own_team" },
    { "{\"version\":1,\"reviewers\":[{\"team_id\":\"t\"}]}", "reviewers[0].id" },
    { "{\"version\":1,\"reviewers\":[{\"id\":\"q\"},{\"id\":\"q\"}]}",
      "reviewers[1].id: duplicate “q”" },
    { "{\"version\":1,\"scorecard_id\":7}", "scorecard_id" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases),
                                PULSE_TEST_DECODE (pulse_sampling_policy_new_from_json));
}

static const char full_followup[] =
  "{\"id\":\"fu-1\",\"version\":2,\"agent_id\":\"a-1\",\"team_id\":\"team-ua\","
  "\"ticket_id\":\"t-1\",\"review_id\":\"rv-1\",\"reason\":\"failed-criterion\","
  "\"criteria\":[\"identity-check\",\"tone\"],\"status\":\"done\","
  "\"created_at\":\"2026-11-24T10:00:00Z\",\"done_at\":\"2026-11-24T15:30:00Z\","
  "\"done_by\":\"Olena Koval\",\"note\":\"Talked it through\"}";

static void
test_followup_round_trip (void)
{
  g_autoptr(GObject) object =
    pulse_test_assert_round_trip (full_followup, PULSE_TEST_DECODE (pulse_followup_new_from_json),
                                  (PulseTestEncodeFunc) pulse_followup_to_json);
  PulseFollowup *followup = PULSE_FOLLOWUP (object);
  g_autoptr(GObject) rated = NULL;

  g_assert_cmpint (pulse_followup_get_status (followup), ==, PULSE_FOLLOWUP_STATUS_DONE);
  g_assert_cmpstr (pulse_followup_get_criteria (followup)[1], ==, "tone");
  g_assert_cmpstr (pulse_followup_get_done_by (followup), ==, "Olena Koval");

  rated = pulse_test_assert_round_trip ("{\"id\":\"fu-2\",\"version\":1,\"agent_id\":\"a-1\","
                                        "\"ticket_id\":\"t-2\",\"reason\":\"low-rating\","
                                        "\"rating\":1,\"status\":\"open\","
                                        "\"created_at\":\"2026-11-24T10:00:00Z\"}",
                                        PULSE_TEST_DECODE (pulse_followup_new_from_json),
                                        (PulseTestEncodeFunc) pulse_followup_to_json);
  g_assert_cmpint (pulse_followup_get_rating (PULSE_FOLLOWUP (rated)), ==, 1);
  g_assert_null (pulse_followup_get_criteria (PULSE_FOLLOWUP (rated)));
}

#define FU_HEAD "{\"id\":\"fu\",\"version\":1,\"agent_id\":\"a\",\"ticket_id\":\"t\","

static void
test_followup_bad (void)
{
  static const PulseTestBadInput cases[] = {
    { "{\"id\":\"fu\",\"version\":1,\"ticket_id\":\"t\",\"reason\":\"low-rating\",\"rating\":1,"
      "\"status\":\"open\",\"created_at\":\"2026-11-24T10:00:00Z\"}", "agent_id" },
    { FU_HEAD "\"reason\":\"bored\",\"status\":\"open\",\"created_at\":\"2026-11-24T10:00:00Z\"}",
      "reason: unknown value" },
    { FU_HEAD "\"reason\":\"low-rating\",\"status\":\"open\","
      "\"created_at\":\"2026-11-24T10:00:00Z\"}", "rating: is required" },
    { FU_HEAD "\"reason\":\"low-rating\",\"rating\":6,\"status\":\"open\","
      "\"created_at\":\"2026-11-24T10:00:00Z\"}", "rating" },
    { FU_HEAD "\"reason\":\"failed-criterion\",\"status\":\"done\","
      "\"created_at\":\"2026-11-24T10:00:00Z\"}", "done_at: is required" },
    { FU_HEAD "\"reason\":\"failed-criterion\",\"status\":\"open\","
      "\"created_at\":\"2026-11-24T10:00:00Z\",\"done_at\":\"2026-11-24T11:00:00Z\"}",
      "done_at: must be absent" },
    { FU_HEAD "\"reason\":\"failed-criterion\",\"status\":\"done\","
      "\"created_at\":\"2026-11-24T10:00:00Z\",\"done_at\":\"2026-11-24T09:00:00Z\"}",
      "done_at: is before created_at" },
    { FU_HEAD "\"reason\":\"failed-criterion\",\"status\":\"closed\","
      "\"created_at\":\"2026-11-24T10:00:00Z\"}", "status" },
    { FU_HEAD "\"reason\":\"failed-criterion\",\"status\":\"open\"}", "created_at" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases),
                                PULSE_TEST_DECODE (pulse_followup_new_from_json));
}

static const char full_calibration[] =
  "{\"id\":\"cal-1\",\"version\":1,\"ticket_id\":\"t-1\",\"scorecard_id\":\"sc-1\","
  "\"scorecard_version\":2,\"reviews\":[\"rv-1\",\"rv-2\"],\"grades\":["
  "{\"criterion_id\":\"tone\",\"result\":\"pass\"},"
  "{\"criterion_id\":\"identity-check\",\"result\":\"fail\",\"comment\":\"No check\"}],"
  "\"score\":0,\"settled_by\":\"Head\",\"settled_at\":\"2026-11-25T09:00:00Z\","
  "\"note\":\"Identity first\"}";

static void
test_calibration_round_trip (void)
{
  g_autoptr(GObject) object =
    pulse_test_assert_round_trip (full_calibration,
                                  PULSE_TEST_DECODE (pulse_calibration_session_new_from_json),
                                  (PulseTestEncodeFunc) pulse_calibration_session_to_json);
  PulseCalibrationSession *session = PULSE_CALIBRATION_SESSION (object);

  g_assert_cmpuint (pulse_calibration_session_get_n_grades (session), ==, 2);
  g_assert_cmpint (pulse_calibration_session_find_grade (session, "identity-check")->result, ==,
                   PULSE_CRITERION_RESULT_FAIL);
  g_assert_null (pulse_calibration_session_find_grade (session, "greeting"));
  g_assert_cmpstr (pulse_calibration_session_get_reviews (session)[1], ==, "rv-2");
  g_assert_cmpfloat (pulse_calibration_session_get_score (session), ==, 0);
}

#define CAL_HEAD "{\"id\":\"c\",\"version\":1,\"ticket_id\":\"t\",\"scorecard_id\":\"s\"," \
  "\"scorecard_version\":1,"

static void
test_calibration_bad (void)
{
  static const PulseTestBadInput cases[] = {
    { CAL_HEAD "\"grades\":[],\"settled_by\":\"h\",\"settled_at\":\"2026-11-25T09:00:00Z\"}",
      "reviews" },
    { CAL_HEAD "\"reviews\":[\"a\"],\"grades\":[{\"criterion_id\":\"x\",\"result\":\"pass\"},"
      "{\"criterion_id\":\"x\",\"result\":\"fail\"}],\"settled_by\":\"h\","
      "\"settled_at\":\"2026-11-25T09:00:00Z\"}", "grades[1].criterion_id: duplicate" },
    { CAL_HEAD "\"reviews\":[\"a\"],\"grades\":[],\"score\":101,\"settled_by\":\"h\","
      "\"settled_at\":\"2026-11-25T09:00:00Z\"}", "score" },
    { CAL_HEAD "\"reviews\":[\"a\"],\"grades\":[],\"settled_at\":\"2026-11-25T09:00:00Z\"}",
      "settled_by" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases),
                                PULSE_TEST_DECODE (pulse_calibration_session_new_from_json));
}

/* Grades every criterion of the default scorecard pass, except @failed
 * (fail) and @skipped (not applicable). */
static double
score_default (const char *failed,
               const char *skipped)
{
  g_autoptr(PulseScorecard) scorecard = pulse_scorecard_new_default ();
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseReviewSample) sample = NULL;
  g_autoptr(GError) error = NULL;
  double score;

  g_string_append (json, "{\"id\":\"rv\",\"version\":1,\"ticket_id\":\"t\",\"message_id\":\"m\","
                   "\"agent_id\":\"a\",\"scorecard_id\":\"" PULSE_SCORECARD_DEFAULT_ID "\","
                   "\"scorecard_version\":1,\"reason\":\"random\",\"status\":\"draft\","
                   "\"created_at\":\"2026-11-20T09:30:00Z\",\"grades\":[");
  for (guint s = 0; s < pulse_scorecard_get_n_sections (scorecard); s++)
    {
      const PulseScorecardSection *section = pulse_scorecard_get_section (scorecard, s);

      for (guint c = 0; c < section->criteria->len; c++)
        {
          const PulseScorecardCriterion *criterion = g_ptr_array_index (section->criteria, c);
          const char *result = g_strcmp0 (criterion->id, failed) == 0 ? "fail"
                               : g_strcmp0 (criterion->id, skipped) == 0 ? "not-applicable"
                               : "pass";

          g_string_append_printf (json, "%s{\"criterion_id\":\"%s\",\"result\":\"%s\"}",
                                  json->str[json->len - 1] == '[' ? "" : ",",
                                  criterion->id, result);
        }
    }
  g_string_append (json, "]}");

  node = pulse_test_parse (json->str);
  sample = pulse_review_sample_new_from_json (node, &error);
  g_assert_no_error (error);
  score = pulse_scorecard_score (scorecard, sample, &error);
  g_assert_no_error (error);
  return score;
}

/* Nine criteria in three sections, weights 100 in all; correct answer and
 * the three compliance points critical. By hand: tone (10) failed 90;
 * tone failed and debtor rules (5) not applicable 85 / 95; a personalised
 * template failed 90; problem not solved 80; any critical failed 0. */
static void
test_default_scorecard (void)
{
  static const char * const critical[] = {
    "correct-answer", "debtor-contact-rules", "identity-check", "fraud-handling",
  };
  g_autoptr(PulseScorecard) scorecard = pulse_scorecard_new_default ();
  double total = 0;

  g_assert_cmpstr (pulse_scorecard_get_id (scorecard), ==, PULSE_SCORECARD_DEFAULT_ID);
  g_assert_cmpuint (pulse_scorecard_get_n_sections (scorecard), ==, 3);
  g_assert_cmpuint (pulse_scorecard_get_n_criteria (scorecard), ==, 9);
  g_assert_cmpstr (pulse_scorecard_get_section (scorecard, 2)->name, ==, "Compliance");
  for (guint s = 0; s < 3; s++)
    {
      const PulseScorecardSection *section = pulse_scorecard_get_section (scorecard, s);

      for (guint c = 0; c < section->criteria->len; c++)
        {
          const PulseScorecardCriterion *criterion = g_ptr_array_index (section->criteria, c);

          total += criterion->weight;
          g_assert_nonnull (criterion->description);
          g_assert_cmpint (criterion->critical, ==,
                           g_strv_contains (critical, criterion->id));
        }
    }
  g_assert_cmpfloat (total, ==, 100);
  g_assert_nonnull (pulse_scorecard_find_criterion (scorecard, "no-channel-change"));
  g_assert_nonnull (pulse_scorecard_find_criterion (scorecard, "clear-instructions"));

  g_assert_cmpfloat (score_default (NULL, NULL), ==, 100);
  g_assert_cmpfloat_with_epsilon (score_default ("tone", NULL), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_default ("tone", "debtor-contact-rules"),
                                  100.0 * 85 / 95, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_default ("personalised", NULL), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_default ("problem-solved", NULL), 80, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (critical); i++)
    g_assert_cmpfloat (score_default (critical[i], NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/sampling-policy/round-trip", test_policy_round_trip);
  g_test_add_func ("/pulse/core/sampling-policy/defaults", test_policy_defaults);
  g_test_add_func ("/pulse/core/sampling-policy/bad-input", test_policy_bad);
  g_test_add_func ("/pulse/core/followup/round-trip", test_followup_round_trip);
  g_test_add_func ("/pulse/core/followup/bad-input", test_followup_bad);
  g_test_add_func ("/pulse/core/calibration-session/round-trip", test_calibration_round_trip);
  g_test_add_func ("/pulse/core/calibration-session/bad-input", test_calibration_bad);
  g_test_add_func ("/pulse/core/scorecard-default/score", test_default_scorecard);

  return g_test_run ();
}
