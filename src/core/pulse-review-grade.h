/* pulse-review-grade.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_REVIEW_GRADE (pulse_review_grade_get_type ())

typedef struct _PulseReviewGrade PulseReviewGrade;

/**
 * PulseReviewGrade:
 * @criterion_id: the scorecard criterion graded
 * @result: the reviewer's verdict
 * @comment: (nullable): feedback for the agent
 *
 * A reviewer's verdict on one criterion. Wire form:
 * `{"criterion_id","result","comment"?}`.
 */
struct _PulseReviewGrade
{
  char                 *criterion_id;
  PulseCriterionResult  result;
  char                 *comment;
};

GType             pulse_review_grade_get_type       (void) G_GNUC_CONST;
PulseReviewGrade *pulse_review_grade_new            (const char              *criterion_id,
                                                     PulseCriterionResult     result,
                                                     const char              *comment);
PulseReviewGrade *pulse_review_grade_copy           (const PulseReviewGrade  *self);
void              pulse_review_grade_free           (PulseReviewGrade        *self);
PulseReviewGrade *pulse_review_grade_new_from_json  (JsonNode                *node,
                                                     GError                 **error);
JsonNode         *pulse_review_grade_to_json        (const PulseReviewGrade  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseReviewGrade, pulse_review_grade_free)

G_END_DECLS
