/* pulse-scorecard-section.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-scorecard-section.h"

G_DEFINE_BOXED_TYPE (PulseScorecardSection, pulse_scorecard_section,
                     pulse_scorecard_section_copy, pulse_scorecard_section_free)

/**
 * pulse_scorecard_section_new:
 * @name: the section's heading
 *
 * Returns: (transfer full): a new section with no criteria.
 */
PulseScorecardSection *
pulse_scorecard_section_new (const char *name)
{
  PulseScorecardSection *self = g_new0 (PulseScorecardSection, 1);

  self->name = g_strdup (name);
  self->criteria =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_scorecard_criterion_free);

  return self;
}

/**
 * pulse_scorecard_section_copy:
 * @self: a section
 *
 * Returns: (transfer full): a deep copy of @self and its criteria.
 */
PulseScorecardSection *
pulse_scorecard_section_copy (const PulseScorecardSection *self)
{
  PulseScorecardSection *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pulse_scorecard_section_new (self->name);
  for (guint i = 0; i < self->criteria->len; i++)
    g_ptr_array_add (copy->criteria,
                     pulse_scorecard_criterion_copy (g_ptr_array_index (self->criteria, i)));

  return copy;
}

/**
 * pulse_scorecard_section_free:
 * @self: (nullable): a section
 *
 * Frees @self and its criteria.
 */
void
pulse_scorecard_section_free (PulseScorecardSection *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_free (self);
}

/**
 * pulse_scorecard_section_new_from_json:
 * @node: the wire form of a section
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("criteria[1].weight: …")
 *
 * Criterion ids are checked for uniqueness by the scorecard, which sees
 * every section.
 *
 * Returns: (transfer full) (nullable): the section, or %NULL on error.
 */
PulseScorecardSection *
pulse_scorecard_section_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  PulseScorecardSection *self;

  if (!pulse_json_reader_init (&reader, node, "a section", error))
    return NULL;

  name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_NAME);
  criteria = pulse_json_list_read (&reader, "criteria", PULSE_JSON_OPTIONAL,
                                   PULSE_JSON_LIST_DECODE (pulse_scorecard_criterion_new_from_json),
                                   (GDestroyNotify) pulse_scorecard_criterion_free);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  self = g_new0 (PulseScorecardSection, 1);
  self->name = g_steal_pointer (&name);
  self->criteria = g_steal_pointer (&criteria);

  return self;
}

/**
 * pulse_scorecard_section_to_json:
 * @self: a section
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_scorecard_section_to_json (const PulseScorecardSection *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_list_write (builder, "criteria", self->criteria,
                         PULSE_JSON_LIST_ENCODE (pulse_scorecard_criterion_to_json));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
