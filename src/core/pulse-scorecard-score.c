/* pulse-scorecard-score.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QA score of a graded sample (DESIGN.md, Definitions): weighted
 * criteria, and a failed critical criterion scores 0. #PulseReviewSample
 * only stores a score; this is where the server makes it on submission.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-scorecard-score.h"

static gboolean
check_grades (PulseScorecard     *scorecard,
              PulseReviewSample  *sample,
              GError            **error)
{
  guint n = pulse_review_sample_get_n_grades (sample);

  if (g_strcmp0 (pulse_review_sample_get_scorecard_id (sample),
                 pulse_scorecard_get_id (scorecard)) != 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "scorecard_id: the sample is graded on “%s”, not on “%s”",
                   pulse_review_sample_get_scorecard_id (sample),
                   pulse_scorecard_get_id (scorecard));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_get_grade (sample, i);

      if (pulse_scorecard_find_criterion (scorecard, grade->criterion_id) == NULL)
        {
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "grades[%u].criterion_id: “%s” is not on the scorecard",
                       i, grade->criterion_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* Adds the weights of one section's graded criteria. */
static gboolean
add_section (const PulseScorecardSection  *section,
             PulseReviewSample            *sample,
             double                       *earned,
             double                       *possible,
             gboolean                     *critical_failed,
             GError                      **error)
{
  for (guint i = 0; i < section->criteria->len; i++)
    {
      const PulseScorecardCriterion *criterion = g_ptr_array_index (section->criteria, i);
      const PulseReviewGrade *grade = pulse_review_sample_find_grade (sample, criterion->id);

      if (grade == NULL)
        {
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "grades: criterion “%s” is not graded", criterion->id);
          return FALSE;
        }
      if (grade->result == PULSE_CRITERION_RESULT_NOT_APPLICABLE)
        continue;

      *possible += criterion->weight;
      if (grade->result == PULSE_CRITERION_RESULT_PASS)
        *earned += criterion->weight;
      else if (criterion->critical)
        *critical_failed = TRUE;
    }

  return TRUE;
}

/**
 * pulse_scorecard_score:
 * @scorecard: the scorecard @sample was drawn against (the caller picks
 *   the version; the criteria are checked, not the version number)
 * @sample: a sample with a grade for every criterion
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming the
 *   field at fault
 *
 * Scores @sample: 100 × the weight of the passed criteria over the weight
 * of the passed and failed ones; not-applicable criteria count neither
 * way. A failed critical criterion makes the score 0 whatever else
 * passed.
 *
 * Fails when the sample is on another scorecard, when a grade names a
 * criterion the scorecard lacks, when a criterion has no grade, and when
 * every criterion is not applicable (there is nothing to score; the
 * review should be skipped rather than scored 0 or 100).
 *
 * Returns: the score, 0…100, or -1 on error.
 */
double
pulse_scorecard_score (PulseScorecard     *scorecard,
                       PulseReviewSample  *sample,
                       GError            **error)
{
  double earned = 0;
  double possible = 0;
  gboolean critical_failed = FALSE;
  guint n_sections;

  g_return_val_if_fail (PULSE_IS_SCORECARD (scorecard), -1);
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (sample), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_grades (scorecard, sample, error))
    return -1;

  n_sections = pulse_scorecard_get_n_sections (scorecard);
  for (guint i = 0; i < n_sections; i++)
    if (!add_section (pulse_scorecard_get_section (scorecard, i), sample,
                      &earned, &possible, &critical_failed, error))
      return -1;

  if (critical_failed)
    return 0;
  if (possible <= 0)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "grades: every criterion is not applicable; there is nothing to score");
      return -1;
    }

  return 100.0 * earned / possible;
}
