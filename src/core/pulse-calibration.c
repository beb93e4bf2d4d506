/* pulse-calibration.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calibration: the same reply graded by several QA reviewers, to see
 * whether they read the scorecard alike. Agreement is counted per
 * criterion, not per score: two reviewers who fail different criteria
 * may land on the same score and still disagree twice.
 */

#include "config.h"

#include <math.h>

#include "pulse-calibration.h"

static gboolean
is_graded (PulseReviewSample *sample)
{
  return pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_SUBMITTED
         && pulse_review_sample_get_reviewer_id (sample) != NULL;
}

/**
 * pulse_calibration_compare:
 * @a: one reviewer's grading
 * @b: another's, of the same reply
 * @agreement: (inout): adds the criteria both graded, and those graded
 *   the same
 *
 * A criterion only one of the two graded is not compared. Gradings by
 * the same reviewer, or not submitted, add nothing.
 */
void
pulse_calibration_compare (PulseReviewSample         *a,
                           PulseReviewSample         *b,
                           PulseCalibrationAgreement *agreement)
{
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (a));
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (b));
  g_return_if_fail (agreement != NULL);

  if (!is_graded (a) || !is_graded (b)
      || g_strcmp0 (pulse_review_sample_get_reviewer_id (a),
                    pulse_review_sample_get_reviewer_id (b)) == 0)
    return;

  for (guint i = 0; i < pulse_review_sample_get_n_grades (a); i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_get_grade (a, i);
      const PulseReviewGrade *other = pulse_review_sample_find_grade (b, grade->criterion_id);

      if (other == NULL)
        continue;

      agreement->compared++;
      if (other->result == grade->result)
        agreement->agreed++;
    }
}

/**
 * pulse_calibration_share:
 *
 * Returns: @agreement's share of criteria agreed on, 0…1, or NAN when
 *   nothing was compared.
 */
double
pulse_calibration_share (const PulseCalibrationAgreement *agreement)
{
  g_return_val_if_fail (agreement != NULL, NAN);

  if (agreement->compared == 0)
    return NAN;

  return (double) agreement->agreed / agreement->compared;
}

void
pulse_calibration_group_free (PulseCalibrationGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->group_id);
  g_free (group->ticket_id);
  g_free (group);
}

static PulseCalibrationGroup *
measure_group (const char *group_id,
               GPtrArray  *samples)
{
  PulseCalibrationGroup *group = g_new0 (PulseCalibrationGroup, 1);
  g_autoptr(GHashTable) reviewers = g_hash_table_new (g_str_hash, g_str_equal);

  group->group_id = g_strdup (group_id);
  group->ticket_id = g_strdup (pulse_review_sample_get_ticket_id (samples->pdata[0]));
  for (guint i = 0; i < samples->len; i++)
    {
      if (is_graded (samples->pdata[i]))
        g_hash_table_add (reviewers,
                          (gpointer) pulse_review_sample_get_reviewer_id (samples->pdata[i]));
      for (guint j = i + 1; j < samples->len; j++)
        pulse_calibration_compare (samples->pdata[i], samples->pdata[j], &group->agreement);
    }
  group->n_reviewers = g_hash_table_size (reviewers);

  return group;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const PulseCalibrationGroup *ga = *(PulseCalibrationGroup **) a;
  const PulseCalibrationGroup *gb = *(PulseCalibrationGroup **) b;

  return g_strcmp0 (ga->group_id, gb->group_id);
}

/**
 * pulse_calibration_collect:
 * @reviews: (element-type PulseReviewSample): review samples, any order
 *
 * Gathers the samples by calibration group and measures each group's
 * agreement over every pair of its submitted gradings by different
 * reviewers (three reviewers make three pairs).
 *
 * Returns: (transfer full) (element-type PulseCalibrationGroup): the groups
 *   where at least one criterion was compared, by group id.
 */
GPtrArray *
pulse_calibration_collect (GListModel *reviews)
{
  g_autoptr(GHashTable) groups = NULL;
  GPtrArray *result;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(PulseReviewSample) sample = g_list_model_get_item (reviews, i);
      const char *group_id = pulse_review_sample_get_calibration_group (sample);
      GPtrArray *members;

      if (group_id == NULL)
        continue;
      members = g_hash_table_lookup (groups, group_id);
      if (members == NULL)
        {
          members = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, g_strdup (group_id), members);
        }
      g_ptr_array_add (members, g_object_ref (sample));
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_calibration_group_free);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PulseCalibrationGroup *group = measure_group (key, value);

      if (group->agreement.compared > 0)
        g_ptr_array_add (result, group);
      else
        pulse_calibration_group_free (group);
    }
  g_ptr_array_sort (result, compare_groups);

  return result;
}
