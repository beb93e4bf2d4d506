/* pulse-review-form-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-review-sample.h"
#include "pulse-scorecard.h"

G_BEGIN_DECLS

/* A criterion the reviewer has not graded yet. */
#define PULSE_REVIEW_FORM_UNGRADED (-1)

/**
 * PulseReviewFormLine:
 * @criterion: (transfer none): the criterion, owned by the form's scorecard
 * @section: (transfer none): the heading of its section
 * @result: a #PulseCriterionResult, or %PULSE_REVIEW_FORM_UNGRADED
 * @comment: (nullable): feedback for the agent
 *
 * One row of the grading form.
 */
typedef struct
{
  const PulseScorecardCriterion *criterion;
  const char                    *section;
  int                            result;
  char                          *comment;
} PulseReviewFormLine;

typedef struct _PulseReviewFormState PulseReviewFormState;

PulseReviewFormState      *pulse_review_form_state_new           (PulseScorecard       *scorecard,
                                                                  PulseReviewSample    *sample,
                                                                  gboolean              can_edit);
void                       pulse_review_form_state_free          (PulseReviewFormState *self);
void                       pulse_review_form_state_rebase        (PulseReviewFormState *self,
                                                                  PulseReviewSample    *sample);
PulseReviewSample         *pulse_review_form_state_get_sample    (PulseReviewFormState *self);
PulseScorecard            *pulse_review_form_state_get_scorecard (PulseReviewFormState *self);
guint                      pulse_review_form_state_get_n_lines   (PulseReviewFormState *self);
const PulseReviewFormLine *pulse_review_form_state_get_line      (PulseReviewFormState *self,
                                                                  guint                 index);
gboolean                   pulse_review_form_state_set_result    (PulseReviewFormState *self,
                                                                  guint                 index,
                                                                  int                   result);
gboolean                   pulse_review_form_state_set_comment   (PulseReviewFormState *self,
                                                                  guint                 index,
                                                                  const char           *comment);
int                        pulse_review_form_state_next_ungraded (PulseReviewFormState *self,
                                                                  guint                 after);
guint                      pulse_review_form_state_get_n_graded  (PulseReviewFormState *self);
gboolean                   pulse_review_form_state_get_editable  (PulseReviewFormState *self);
const char                *pulse_review_form_state_get_read_only_reason
                                                                 (PulseReviewFormState *self);
gboolean                   pulse_review_form_state_get_dirty     (PulseReviewFormState *self);
double                     pulse_review_form_state_get_score     (PulseReviewFormState *self,
                                                                  gboolean             *critical_failed);
gboolean                   pulse_review_form_state_can_submit    (PulseReviewFormState *self);
char                      *pulse_review_form_state_dup_score_text
                                                                 (PulseReviewFormState *self);
char                      *pulse_review_form_state_dup_progress_text
                                                                 (PulseReviewFormState *self);
JsonNode                  *pulse_review_form_state_dup_review    (PulseReviewFormState *self,
                                                                  PulseReviewStatus     status,
                                                                  gint64                now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseReviewFormState, pulse_review_form_state_free)

G_END_DECLS
