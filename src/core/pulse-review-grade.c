/* pulse-review-grade.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-review-grade.h"

G_DEFINE_BOXED_TYPE (PulseReviewGrade, pulse_review_grade,
                     pulse_review_grade_copy, pulse_review_grade_free)

/**
 * pulse_review_grade_new:
 * @criterion_id: the criterion graded
 * @result: the verdict
 * @comment: (nullable): feedback for the agent
 *
 * Returns: (transfer full): a new grade.
 */
PulseReviewGrade *
pulse_review_grade_new (const char           *criterion_id,
                        PulseCriterionResult  result,
                        const char           *comment)
{
  PulseReviewGrade *self;

  g_return_val_if_fail (criterion_id != NULL, NULL);

  self = g_new0 (PulseReviewGrade, 1);
  self->criterion_id = g_strdup (criterion_id);
  self->result = result;
  self->comment = g_strdup (comment);

  return self;
}

/**
 * pulse_review_grade_copy:
 * @self: a grade
 *
 * Returns: (transfer full): a deep copy of @self.
 */
PulseReviewGrade *
pulse_review_grade_copy (const PulseReviewGrade *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return pulse_review_grade_new (self->criterion_id, self->result, self->comment);
}

/**
 * pulse_review_grade_free:
 * @self: (nullable): a grade
 *
 * Frees @self and its strings.
 */
void
pulse_review_grade_free (PulseReviewGrade *self)
{
  if (self == NULL)
    return;

  g_free (self->criterion_id);
  g_free (self->comment);
  g_free (self);
}

/**
 * pulse_review_grade_new_from_json:
 * @node: the wire form of a grade
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the grade, or %NULL on error.
 */
PulseReviewGrade *
pulse_review_grade_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *criterion_id = NULL;
  g_autofree char *comment = NULL;
  int result;

  if (!pulse_json_reader_init (&reader, node, "a grade", error))
    return NULL;

  criterion_id = pulse_json_reader_dup_string (&reader, "criterion_id", PULSE_JSON_REQUIRED,
                                               PULSE_JSON_MAX_ID);
  result = pulse_json_reader_get_enum (&reader, "result", PULSE_TYPE_CRITERION_RESULT,
                                       PULSE_JSON_REQUIRED, PULSE_CRITERION_RESULT_PASS);
  comment = pulse_json_reader_dup_string (&reader, "comment", PULSE_JSON_OPTIONAL,
                                          PULSE_JSON_MAX_SHORT);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return pulse_review_grade_new (criterion_id, result, comment);
}

/**
 * pulse_review_grade_to_json:
 * @self: a grade
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_review_grade_to_json (const PulseReviewGrade *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "criterion_id", self->criterion_id);
  pulse_json_add_enum (builder, "result", PULSE_TYPE_CRITERION_RESULT, self->result);
  pulse_json_add_string (builder, "comment", self->comment);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
