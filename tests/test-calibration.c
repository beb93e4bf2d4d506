/* test-calibration.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviewer agreement on calibration samples, counted by hand: per
 * criterion both graded, over every pair of reviewers.
 */

#include "config.h"

#include <math.h>

#include "pulse-calibration.h"
#include "pulse-test-util.h"

static PulseReviewSample *
sample (const char *id,
        const char *group,
        const char *reviewer,
        const char *status,
        const char *grades)
{
  g_autofree char *group_member = group != NULL
                                  ? g_strdup_printf (",\"calibration_group\":\"%s\"", group)
                                  : g_strdup ("");
  gboolean submitted = g_strcmp0 (status, "submitted") == 0;
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":1,\"ticket_id\":\"t-1\",\"message_id\":\"m-1\","
    "\"agent_id\":\"agent-7\",\"reviewer_id\":\"%s\",\"scorecard_id\":\"sc\","
    "\"scorecard_version\":1,\"reason\":\"calibration\",\"status\":\"%s\",\"grades\":[%s]%s%s,"
    "\"created_at\":\"2026-11-20T09:30:00Z\"%s}",
    id, reviewer, status, grades, submitted ? ",\"score\":50" : "", group_member,
    submitted ? ",\"submitted_at\":\"2026-11-21T09:30:00Z\"" : "");
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseReviewSample *result = pulse_review_sample_new_from_json (node, &error);

  g_assert_no_error (error);
  return result;
}

#define G(c, r) "{\"criterion_id\":\"" c "\",\"result\":\"" r "\"}"

static void
test_pair (void)
{
  g_autoptr(PulseReviewSample) a = sample ("r1", "cal-1", "qa-1", "submitted",
                                           G ("greeting", "pass") "," G ("kyc", "fail") ","
                                           G ("fees", "not-applicable") "," G ("tone", "pass"));
  g_autoptr(PulseReviewSample) b = sample ("r2", "cal-1", "qa-2", "submitted",
                                           G ("greeting", "pass") "," G ("kyc", "pass") ","
                                           G ("fees", "not-applicable"));
  g_autoptr(PulseReviewSample) same = sample ("r3", "cal-1", "qa-1", "submitted",
                                              G ("greeting", "fail"));
  g_autoptr(PulseReviewSample) draft = sample ("r4", "cal-1", "qa-3", "draft",
                                               G ("greeting", "pass"));
  PulseCalibrationAgreement agreement = { 0, 0 };

  /* greeting, kyc and fees both graded; tone only by qa-1. Agreed on
   * greeting and on fees not applying: 2 of 3. */
  pulse_calibration_compare (a, b, &agreement);
  g_assert_cmpuint (agreement.compared, ==, 3);
  g_assert_cmpuint (agreement.agreed, ==, 2);
  g_assert_cmpfloat_with_epsilon (pulse_calibration_share (&agreement), 2.0 / 3.0, 1e-12);

  /* The same reviewer twice, or a draft: nothing to compare. */
  pulse_calibration_compare (a, same, &agreement);
  pulse_calibration_compare (draft, b, &agreement);
  g_assert_cmpuint (agreement.compared, ==, 3);

  agreement = (PulseCalibrationAgreement) { 0, 0 };
  g_assert_true (isnan (pulse_calibration_share (&agreement)));
}

static void
test_collect (void)
{
  g_autoptr(GListStore) reviews = g_list_store_new (PULSE_TYPE_REVIEW_SAMPLE);
  g_autoptr(GPtrArray) groups = NULL;
  PulseReviewSample *items[] = {
    sample ("r1", "cal-1", "qa-1", "submitted",
            G ("greeting", "pass") "," G ("kyc", "fail") "," G ("fees", "not-applicable") ","
            G ("tone", "pass")),
    sample ("r2", "cal-1", "qa-2", "submitted",
            G ("greeting", "pass") "," G ("kyc", "pass") "," G ("fees", "not-applicable")),
    sample ("r3", "cal-1", "qa-3", "submitted",
            G ("greeting", "pass") "," G ("kyc", "fail") "," G ("tone", "fail")),
    /* Only one grading submitted so far: not measured yet. */
    sample ("r4", "cal-2", "qa-1", "submitted", G ("greeting", "pass")),
    sample ("r5", "cal-2", "qa-2", "draft", G ("greeting", "pass")),
    sample ("r6", "cal-0", "qa-2", "submitted", G ("greeting", "fail") "," G ("kyc", "pass")),
    sample ("r7", "cal-0", "qa-3", "submitted", G ("greeting", "fail") "," G ("kyc", "pass")),
    /* An ordinary sample. */
    sample ("r8", NULL, "qa-1", "submitted", G ("greeting", "pass")),
  };
  PulseCalibrationGroup *group;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_list_store_append (reviews, items[i]);
      g_object_unref (items[i]);
    }

  groups = pulse_calibration_collect (G_LIST_MODEL (reviews));
  g_assert_cmpuint (groups->len, ==, 2);

  group = groups->pdata[0];
  g_assert_cmpstr (group->group_id, ==, "cal-0");
  g_assert_cmpstr (group->ticket_id, ==, "t-1");
  g_assert_cmpuint (group->n_reviewers, ==, 2);
  g_assert_cmpuint (group->agreement.compared, ==, 2);
  g_assert_cmpuint (group->agreement.agreed, ==, 2);

  /* Three pairs: qa-1/qa-2 agree on 2 of 3 (greeting, fees), qa-1/qa-3
   * on 2 of 3 (greeting, kyc; not tone), qa-2/qa-3 on 1 of 2 (greeting;
   * not kyc): 5 of 8. */
  group = groups->pdata[1];
  g_assert_cmpstr (group->group_id, ==, "cal-1");
  g_assert_cmpuint (group->n_reviewers, ==, 3);
  g_assert_cmpuint (group->agreement.compared, ==, 8);
  g_assert_cmpuint (group->agreement.agreed, ==, 5);
  g_assert_cmpfloat_with_epsilon (pulse_calibration_share (&group->agreement), 0.625, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/calibration/pair", test_pair);
  g_test_add_func ("/pulse/core/calibration/collect", test_collect);

  return g_test_run ();
}
