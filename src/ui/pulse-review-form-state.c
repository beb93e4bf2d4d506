/* pulse-review-form-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grading form without widgets: one line per criterion of the
 * scorecard version the sample was drawn on, the grades as the reviewer
 * sets them, the live score from the core computation and the review's
 * wire form to save as a draft or submit.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-json.h"
#include "pulse-review-form-state.h"
#include "pulse-scorecard-score.h"
#include "pulse-time-utils.h"
#include "pulse-utils.h"

struct _PulseReviewFormState
{
  PulseScorecard    *scorecard;
  PulseReviewSample *sample;
  GArray            *lines;
  const char        *read_only_reason;
  gboolean           can_edit;
  gboolean           dirty;
};

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

/* The members of @sample that a grading leaves as they are. */
static JsonObject *
copy_kept_members (PulseReviewSample *sample)
{
  static const char * const replaced[] = { "grades", "status", "score", "submitted_at", NULL };
  g_autoptr(JsonNode) node = pulse_review_sample_to_json (sample);
  JsonObject *source = json_node_get_object (node);
  JsonObject *object = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (source);

  /* The codec's node is sealed: its members are copied, in order. */
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (replaced, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (source, l->data)));

  return object;
}

/* The sample's wire form with this form's grades; @ungraded_as_na fills
 * the gaps for a score of what is graded so far. */
static JsonNode *
build_review (PulseReviewFormState *self,
              PulseReviewStatus     status,
              gboolean              ungraded_as_na)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object = copy_kept_members (self->sample);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const PulseReviewFormLine *line = &g_array_index (self->lines, PulseReviewFormLine, i);
      int result = line->result;

      if (result == PULSE_REVIEW_FORM_UNGRADED && !ungraded_as_na)
        continue;
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "criterion_id", line->criterion->id);
      pulse_json_add_enum (builder, "result", PULSE_TYPE_CRITERION_RESULT,
                           result == PULSE_REVIEW_FORM_UNGRADED
                           ? PULSE_CRITERION_RESULT_NOT_APPLICABLE : result);
      pulse_json_add_string (builder, "comment", line->comment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_object_set_member (object, "grades", json_builder_get_root (builder));
  json_object_set_string_member (object, "status",
                                 status == PULSE_REVIEW_STATUS_SUBMITTED ? "submitted" : "draft");
  json_node_take_object (node, object);
  return node;
}

/**
 * pulse_review_form_state_get_score:
 * @critical_failed: (out) (optional): whether a critical criterion failed
 *
 * The score of what is graded so far, as pulse_scorecard_score() makes
 * it: criteria not graded yet count as not applicable.
 *
 * Returns: the score, 0…100, or -1 while nothing scoreable is graded.
 */
double
pulse_review_form_state_get_score (PulseReviewFormState *self,
                                   gboolean             *critical_failed)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseReviewSample) partial = NULL;
  gboolean failed = FALSE;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const PulseReviewFormLine *line = &g_array_index (self->lines, PulseReviewFormLine, i);

      failed |= line->criterion->critical && line->result == PULSE_CRITERION_RESULT_FAIL;
    }
  if (critical_failed != NULL)
    *critical_failed = failed;
  if (self->scorecard == NULL)
    return -1;

  node = build_review (self, PULSE_REVIEW_STATUS_DRAFT, TRUE);
  partial = pulse_review_sample_new_from_json (node, NULL);
  return partial != NULL ? pulse_scorecard_score (self->scorecard, partial, NULL) : -1;
}

/**
 * pulse_review_form_state_can_submit:
 *
 * Returns: whether the form may be submitted: editable, every criterion
 *   graded and something scoreable (not all not applicable).
 */
gboolean
pulse_review_form_state_can_submit (PulseReviewFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->read_only_reason == NULL && self->lines->len > 0 &&
         pulse_review_form_state_get_n_graded (self) == self->lines->len &&
         pulse_review_form_state_get_score (self, NULL) >= 0;
}

/**
 * pulse_review_form_state_dup_score_text:
 *
 * Returns: (transfer full): the live score with one decimal ("82.5"), or
 *   "–" while there is none.
 */
char *
pulse_review_form_state_dup_score_text (PulseReviewFormState *self)
{
  double score;

  g_return_val_if_fail (self != NULL, NULL);

  score = pulse_review_form_state_get_score (self, NULL);
  return score >= 0 ? pulse_format_score (score, 1) : g_strdup ("–");
}

/**
 * pulse_review_form_state_dup_progress_text:
 *
 * Returns: (transfer full): how far grading is ("3 of 5 criteria
 *   graded"), and a failed critical criterion when there is one.
 */
char *
pulse_review_form_state_dup_progress_text (PulseReviewFormState *self)
{
  guint n = pulse_review_form_state_get_n_lines (self);
  gboolean failed = FALSE;
  g_autofree char *graded = NULL;

  pulse_review_form_state_get_score (self, &failed);
  /* Translators: progress of a review, e.g. "3 of 5 criteria graded" */
  graded = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u criterion graded",
                                         "%u of %u criteria graded", n),
                            pulse_review_form_state_get_n_graded (self), n);
  if (!failed)
    return g_steal_pointer (&graded);

  /* Translators: review progress, then why the score is 0 */
  return g_strdup_printf (_("%s · a critical criterion failed"), graded);
}

/**
 * pulse_review_form_state_dup_review:
 * @status: %PULSE_REVIEW_STATUS_DRAFT, or %PULSE_REVIEW_STATUS_SUBMITTED
 *   when pulse_review_form_state_can_submit() holds
 * @now: the time of a submission, µs since the epoch
 *
 * Returns: (transfer full) (nullable): the review's wire form with the
 *   graded lines, at the sample's version; a submission with the score
 *   and when; %NULL for a read-only form or a submission not ready.
 */
JsonNode *
pulse_review_form_state_dup_review (PulseReviewFormState *self,
                                    PulseReviewStatus     status,
                                    gint64                now)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  g_autofree char *at = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->read_only_reason != NULL ||
      (status == PULSE_REVIEW_STATUS_SUBMITTED && !pulse_review_form_state_can_submit (self)))
    return NULL;

  node = build_review (self, status, FALSE);
  if (status != PULSE_REVIEW_STATUS_SUBMITTED)
    return g_steal_pointer (&node);

  object = json_node_get_object (node);
  json_object_set_double_member (object, "score", pulse_review_form_state_get_score (self, NULL));
  at = pulse_time_format (MAX (now, pulse_review_sample_get_created_at (self->sample)));
  json_object_set_string_member (object, "submitted_at", at);
  return g_steal_pointer (&node);
}
