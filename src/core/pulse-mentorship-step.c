/* pulse-mentorship-step.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-mentorship-step.h"

G_DEFINE_BOXED_TYPE (PulseMentorshipStep, pulse_mentorship_step,
                     pulse_mentorship_step_copy, pulse_mentorship_step_free)

/**
 * pulse_mentorship_step_new:
 * @channel: the channel that opens
 * @opens_at: when, in microseconds since the epoch
 *
 * Returns: (transfer full): a new plan step.
 */
PulseMentorshipStep *
pulse_mentorship_step_new (PulseChannelKind channel,
                           gint64           opens_at)
{
  PulseMentorshipStep *self = g_new0 (PulseMentorshipStep, 1);

  self->channel = channel;
  self->opens_at = opens_at;

  return self;
}

/**
 * pulse_mentorship_step_copy:
 * @self: a plan step
 *
 * Returns: (transfer full): a copy of @self.
 */
PulseMentorshipStep *
pulse_mentorship_step_copy (const PulseMentorshipStep *self)
{
  PulseMentorshipStep *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pulse_mentorship_step_new (self->channel, self->opens_at);
  copy->signed_off_at = self->signed_off_at;
  copy->signed_off_by = g_strdup (self->signed_off_by);
  return copy;
}

/**
 * pulse_mentorship_step_free:
 * @self: (nullable): a plan step
 *
 * Frees @self.
 */
void
pulse_mentorship_step_free (PulseMentorshipStep *self)
{
  if (self == NULL)
    return;

  g_free (self->signed_off_by);
  g_free (self);
}

/**
 * pulse_mentorship_step_new_from_json:
 * @node: the wire form of a plan step
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the step, or %NULL on error.
 */
PulseMentorshipStep *
pulse_mentorship_step_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  PulseJsonReader reader;
  PulseMentorshipStep *step;
  g_autofree char *signed_off_by = NULL;
  gint64 opens_at;
  gint64 signed_off_at;
  int channel;

  if (!pulse_json_reader_init (&reader, node, "a plan step", error))
    return NULL;

  channel = pulse_json_reader_get_enum (&reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                        PULSE_JSON_REQUIRED, PULSE_CHANNEL_KIND_EMAIL);
  opens_at = pulse_json_reader_get_time (&reader, "opens_at", PULSE_JSON_REQUIRED);
  signed_off_at = pulse_json_reader_get_time (&reader, "signed_off_at", PULSE_JSON_OPTIONAL);
  signed_off_by = pulse_json_reader_dup_string (&reader, "signed_off_by", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_NAME);
  if (signed_off_by != NULL && signed_off_at == 0)
    pulse_json_reader_fail (&reader, "signed_off_by", "needs signed_off_at");

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  step = pulse_mentorship_step_new (channel, opens_at);
  step->signed_off_at = signed_off_at;
  step->signed_off_by = g_steal_pointer (&signed_off_by);
  return step;
}

/**
 * pulse_mentorship_step_to_json:
 * @self: a plan step
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_mentorship_step_to_json (const PulseMentorshipStep *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, self->channel);
  pulse_json_add_time (builder, "opens_at", self->opens_at);
  pulse_json_add_time (builder, "signed_off_at", self->signed_off_at);
  pulse_json_add_string (builder, "signed_off_by", self->signed_off_by);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
