/* test-scorecard-score.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-scorecard-score.h"
#include "pulse-test-util.h"

/* Weights 10 + 15.5 + 40 (critical) + 34.5 = 100. */
static const char scorecard_json[] =
  "{\"id\":\"sc-chat\",\"version\":3,\"name\":\"Chat QA\",\"sections\":["
  "{\"name\":\"Tone\",\"criteria\":["
  "{\"id\":\"greeting\",\"name\":\"Greets\",\"weight\":10,\"critical\":false},"
  "{\"id\":\"empathy\",\"name\":\"Empathy\",\"weight\":15.5,\"critical\":false}]},"
  "{\"name\":\"Compliance\",\"criteria\":["
  "{\"id\":\"kyc\",\"name\":\"Verifies identity\",\"weight\":40,\"critical\":true},"
  "{\"id\":\"fees\",\"name\":\"Discloses fees\",\"weight\":34.5,\"critical\":false}]},"
  "{\"name\":\"Notes\",\"criteria\":[]}]}";

static PulseScorecard *
make_scorecard (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (scorecard_json);
  g_autoptr(GError) error = NULL;
  PulseScorecard *scorecard = pulse_scorecard_new_from_json (node, &error);

  g_assert_no_error (error);
  return scorecard;
}

/* @results: one letter per criterion in order (greeting, empathy, kyc,
 * fees): p pass, f fail, n not applicable, - no grade. */
static PulseReviewSample *
make_sample (const char *scorecard_id,
             const char *results,
             const char *extra_grade)
{
  static const char * const ids[] = { "greeting", "empathy", "kyc", "fees" };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PulseReviewSample *sample;
  gboolean first = TRUE;

  g_string_append_printf (json,
                          "{\"id\":\"rv\",\"version\":1,\"ticket_id\":\"t\",\"message_id\":\"m\","
                          "\"agent_id\":\"a\",\"scorecard_id\":\"%s\",\"scorecard_version\":3,"
                          "\"reason\":\"random\",\"status\":\"draft\","
                          "\"created_at\":\"2026-11-20T09:30:00Z\",\"grades\":[",
                          scorecard_id);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *result = results[i] == 'p' ? "pass"
                           : results[i] == 'f' ? "fail" : "not-applicable";

      if (results[i] == '-')
        continue;
      g_string_append_printf (json, "%s{\"criterion_id\":\"%s\",\"result\":\"%s\"}",
                              first ? "" : ",", ids[i], result);
      first = FALSE;
    }
  if (extra_grade != NULL)
    g_string_append_printf (json, ",{\"criterion_id\":\"%s\",\"result\":\"pass\"}", extra_grade);
  g_string_append (json, "]}");

  node = pulse_test_parse (json->str);
  sample = pulse_review_sample_new_from_json (node, &error);
  g_assert_no_error (error);
  return sample;
}

static double
score (const char *results)
{
  g_autoptr(PulseScorecard) scorecard = make_scorecard ();
  g_autoptr(PulseReviewSample) sample = make_sample ("sc-chat", results, NULL);
  g_autoptr(GError) error = NULL;
  double value = pulse_scorecard_score (scorecard, sample, &error);

  g_assert_no_error (error);
  return value;
}

/* By hand: all pass 100; greeting failed (100 − 10) / 100 = 90; greeting
 * failed and fees not applicable (15.5 + 40) / (10 + 15.5 + 40) = 84.7328;
 * KYC (critical) failed 0 whatever passed; KYC not applicable and the rest
 * passed 60 / 60 = 100; only empathy passed, fees failed 15.5 / 50 = 31. */
static void
test_weighted (void)
{
  g_assert_cmpfloat (score ("pppp"), ==, 100.0);
  g_assert_cmpfloat_with_epsilon (score ("fppp"), 90.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (score ("fppn"), 100.0 * 55.5 / 65.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (score ("fppn"), 84.7328244, 1e-6);
  g_assert_cmpfloat (score ("ppfp"), ==, 0.0);
  g_assert_cmpfloat (score ("nnfn"), ==, 0.0);
  g_assert_cmpfloat (score ("ppnp"), ==, 100.0);
  g_assert_cmpfloat_with_epsilon (score ("npnf"), 31.0, 1e-12);
}

static void
assert_score_error (const char *scorecard_id,
                    const char *results,
                    const char *extra_grade,
                    const char *message_part)
{
  g_autoptr(PulseScorecard) scorecard = make_scorecard ();
  g_autoptr(PulseReviewSample) sample = make_sample (scorecard_id, results, extra_grade);
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (pulse_scorecard_score (scorecard, sample, &error), ==, -1.0);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_errors (void)
{
  assert_score_error ("sc-chat", "ppp-", NULL, "grades: criterion “fees” is not graded");
  assert_score_error ("sc-chat", "pppp", "tone", "grades[4].criterion_id: “tone”");
  assert_score_error ("sc-email", "pppp", NULL, "scorecard_id:");
  assert_score_error ("sc-chat", "nnnn", NULL, "nothing to score");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/scorecard-score/weighted", test_weighted);
  g_test_add_func ("/pulse/core/scorecard-score/errors", test_errors);

  return g_test_run ();
}
