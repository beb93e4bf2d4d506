/* pulse-review-form-state-review.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the grades make: the live score from the core computation, the
 * texts that show it and how far grading is, whether the form may be
 * submitted, and the review's wire form to save as a draft or submit.
 * Part of PulseReviewFormState.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-json.h"
#include "pulse-review-form-state-private.h"
#include "pulse-scorecard-score.h"
#include "pulse-time-utils.h"

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
