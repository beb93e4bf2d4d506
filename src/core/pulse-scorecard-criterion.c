/* pulse-scorecard-criterion.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-scorecard-criterion.h"

G_DEFINE_BOXED_TYPE (PulseScorecardCriterion, pulse_scorecard_criterion,
                     pulse_scorecard_criterion_copy, pulse_scorecard_criterion_free)

/**
 * pulse_scorecard_criterion_new:
 * @id: the criterion's identifier
 * @name: what the reviewer checks
 * @weight: its share of the score, above 0 and at most 100
 * @critical: whether failing it zeroes the score
 *
 * Returns: (transfer full): a new criterion without a description.
 */
PulseScorecardCriterion *
pulse_scorecard_criterion_new (const char *id,
                               const char *name,
                               double      weight,
                               gboolean    critical)
{
  PulseScorecardCriterion *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (PulseScorecardCriterion, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->weight = weight;
  self->critical = !!critical;

  return self;
}

/**
 * pulse_scorecard_criterion_copy:
 * @self: a criterion
 *
 * Returns: (transfer full): a deep copy of @self.
 */
PulseScorecardCriterion *
pulse_scorecard_criterion_copy (const PulseScorecardCriterion *self)
{
  PulseScorecardCriterion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pulse_scorecard_criterion_new (self->id, self->name, self->weight, self->critical);
  copy->description = g_strdup (self->description);

  return copy;
}

/**
 * pulse_scorecard_criterion_free:
 * @self: (nullable): a criterion
 *
 * Frees @self and its strings.
 */
void
pulse_scorecard_criterion_free (PulseScorecardCriterion *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self);
}

/**
 * pulse_scorecard_criterion_new_from_json:
 * @node: the wire form of a criterion
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the criterion, or %NULL on error.
 */
PulseScorecardCriterion *
pulse_scorecard_criterion_new_from_json (JsonNode  *node,
                                         GError   **error)
{
  PulseJsonReader reader;
  g_autoptr(PulseScorecardCriterion) self = g_new0 (PulseScorecardCriterion, 1);

  if (!pulse_json_reader_init (&reader, node, "a criterion", error))
    return NULL;

  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->description = pulse_json_reader_dup_string (&reader, "description", PULSE_JSON_OPTIONAL,
                                                    PULSE_JSON_MAX_SHORT);
  self->weight = pulse_json_reader_get_double (&reader, "weight", PULSE_JSON_REQUIRED,
                                               0, 100, 0);
  if (self->weight <= 0)
    pulse_json_reader_fail (&reader, "weight", "must be greater than 0");
  self->critical = pulse_json_reader_get_boolean (&reader, "critical", PULSE_JSON_OPTIONAL, FALSE);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_scorecard_criterion_to_json:
 * @self: a criterion
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_scorecard_criterion_to_json (const PulseScorecardCriterion *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "description", self->description);
  pulse_json_add_double (builder, "weight", self->weight);
  pulse_json_add_boolean (builder, "critical", self->critical);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
