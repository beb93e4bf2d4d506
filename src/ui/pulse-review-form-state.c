/* pulse-review-form-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grading form without widgets: one line per criterion of the
 * scorecard version the sample was drawn on and the grades as the
 * reviewer sets them (pulse-review-form-state-review.c scores them and
 * builds the review's wire form).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-review-form-state-private.h"
#include "pulse-utils.h"

static void
clear_line (gpointer data)
{
  PulseReviewFormLine *line = data;

  g_clear_pointer (&line->comment, g_free);
}

static const char *
find_read_only_reason (PulseScorecard    *scorecard,
                       PulseReviewSample *sample,
                       gboolean           can_edit)
{
  if (!can_edit)
    return _("Your role may read reviews but not grade them.");
  if (pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_SUBMITTED)
    return _("This review is submitted; its grades are final.");
  if (scorecard == NULL)
    return _("The scorecard of this sample is not on the server.");
  if (pulse_scorecard_get_version (scorecard) != pulse_review_sample_get_scorecard_version (sample))
    return _("This sample was drawn on another version of its scorecard.");

  return NULL;
}

static void
add_lines (PulseReviewFormState *self)
{
  guint n_sections = pulse_scorecard_get_n_sections (self->scorecard);

  for (guint i = 0; i < n_sections; i++)
    {
      const PulseScorecardSection *section = pulse_scorecard_get_section (self->scorecard, i);

      for (guint j = 0; j < section->criteria->len; j++)
        {
          PulseReviewFormLine line = { 0 };
          const PulseReviewGrade *grade;

          line.criterion = g_ptr_array_index (section->criteria, j);
          line.section = section->name;
          grade = pulse_review_sample_find_grade (self->sample, line.criterion->id);
          line.result = grade != NULL ? (int) grade->result : PULSE_REVIEW_FORM_UNGRADED;
          line.comment = grade != NULL ? g_strdup (grade->comment) : NULL;
          g_array_append_val (self->lines, line);
        }
    }
}

/**
 * pulse_review_form_state_new:
 * @scorecard: (nullable): the scorecard @sample was drawn on, at the
 *   version it names if the caller has it
 * @sample: the sample to grade
 * @can_edit: whether the signed-in role may edit reviews
 *
 * Starts the form from the grades @sample already has (a draft).
 *
 * Returns: (transfer full): the form.
 */
PulseReviewFormState *
pulse_review_form_state_new (PulseScorecard    *scorecard,
                             PulseReviewSample *sample,
                             gboolean           can_edit)
{
  PulseReviewFormState *self;

  g_return_val_if_fail (scorecard == NULL || PULSE_IS_SCORECARD (scorecard), NULL);
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (sample), NULL);

  self = g_new0 (PulseReviewFormState, 1);
  self->scorecard = scorecard != NULL ? g_object_ref (scorecard) : NULL;
  self->sample = g_object_ref (sample);
  self->lines = g_array_new (FALSE, TRUE, sizeof (PulseReviewFormLine));
  g_array_set_clear_func (self->lines, clear_line);
  self->can_edit = can_edit;
  self->read_only_reason = find_read_only_reason (scorecard, sample, can_edit);
  if (scorecard != NULL)
    add_lines (self);

  return self;
}

/**
 * pulse_review_form_state_rebase:
 * @sample: a newer version of the form's sample
 *
 * Keeps the reviewer's unsaved grades over @sample: the next save is
 * based on its version. A sample submitted meanwhile makes the form
 * read-only.
 */
void
pulse_review_form_state_rebase (PulseReviewFormState *self,
                                PulseReviewSample    *sample)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (sample));

  g_set_object (&self->sample, sample);
  self->read_only_reason = find_read_only_reason (self->scorecard, sample, self->can_edit);
}

/**
 * pulse_review_form_state_get_sample:
 *
 * Returns: (transfer none): the sample the form grades.
 */
PulseReviewSample *
pulse_review_form_state_get_sample (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sample;
}

/**
 * pulse_review_form_state_get_scorecard:
 *
 * Returns: (transfer none) (nullable): the scorecard the form grades on.
 */
PulseScorecard *
pulse_review_form_state_get_scorecard (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scorecard;
}

void
pulse_review_form_state_free (PulseReviewFormState *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->scorecard);
  g_clear_object (&self->sample);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

guint
pulse_review_form_state_get_n_lines (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

/**
 * pulse_review_form_state_get_line:
 * @index: below pulse_review_form_state_get_n_lines()
 *
 * Returns: (transfer none): the line, in scorecard order.
 */
const PulseReviewFormLine *
pulse_review_form_state_get_line (PulseReviewFormState *self,
                                  guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return &g_array_index (self->lines, PulseReviewFormLine, index);
}

/**
 * pulse_review_form_state_set_result:
 * @result: a #PulseCriterionResult or %PULSE_REVIEW_FORM_UNGRADED
 *
 * Returns: %TRUE if the line changed; a read-only form never does.
 */
gboolean
pulse_review_form_state_set_result (PulseReviewFormState *self,
                                    guint                 index,
                                    int                   result)
{
  PulseReviewFormLine *line;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->lines->len, FALSE);
  g_return_val_if_fail (result >= PULSE_REVIEW_FORM_UNGRADED &&
                        result <= PULSE_CRITERION_RESULT_NOT_APPLICABLE, FALSE);

  line = &g_array_index (self->lines, PulseReviewFormLine, index);
  if (self->read_only_reason != NULL || line->result == result)
    return FALSE;

  line->result = result;
  self->dirty = TRUE;
  return TRUE;
}

/**
 * pulse_review_form_state_set_comment:
 * @comment: (nullable): the comment; blank is none
 *
 * Returns: %TRUE if the line changed; a read-only form never does.
 */
gboolean
pulse_review_form_state_set_comment (PulseReviewFormState *self,
                                     guint                 index,
                                     const char           *comment)
{
  PulseReviewFormLine *line;
  g_autofree char *text = g_strstrip (g_strdup (comment != NULL ? comment : ""));

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->lines->len, FALSE);

  line = &g_array_index (self->lines, PulseReviewFormLine, index);
  if (self->read_only_reason != NULL ||
      !pulse_set_str (&line->comment, text[0] != '\0' ? text : NULL))
    return FALSE;

  self->dirty = TRUE;
  return TRUE;
}

/**
 * pulse_review_form_state_next_ungraded:
 * @after: the line the reviewer is on
 *
 * Returns: the first ungraded line after @after, wrapping round, or the
 *   line after @after (or -1 past the last) when all are graded.
 */
int
pulse_review_form_state_next_ungraded (PulseReviewFormState *self,
                                       guint                 after)
{
  guint n;

  g_return_val_if_fail (self != NULL, -1);

  n = self->lines->len;
  for (guint k = 1; k <= n; k++)
    {
      guint i = (after + k) % n;

      if (g_array_index (self->lines, PulseReviewFormLine, i).result ==
          PULSE_REVIEW_FORM_UNGRADED)
        return i;
    }

  return after + 1 < n ? (int) after + 1 : -1;
}

guint
pulse_review_form_state_get_n_graded (PulseReviewFormState *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->lines->len; i++)
    n += g_array_index (self->lines, PulseReviewFormLine, i).result != PULSE_REVIEW_FORM_UNGRADED;

  return n;
}

gboolean
pulse_review_form_state_get_editable (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->read_only_reason == NULL;
}

/**
 * pulse_review_form_state_get_read_only_reason:
 *
 * Returns: (nullable): why the form may not be changed, for people to
 *   read, or %NULL when it may.
 */
const char *
pulse_review_form_state_get_read_only_reason (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->read_only_reason;
}

/**
 * pulse_review_form_state_get_dirty:
 *
 * Returns: whether a grade or comment changed since the form was made.
 */
gboolean
pulse_review_form_state_get_dirty (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dirty;
}
