/* pulse-shift-break.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-shift-break.h"

G_DEFINE_BOXED_TYPE (PulseShiftBreak, pulse_shift_break,
                     pulse_shift_break_copy, pulse_shift_break_free)

/**
 * pulse_shift_break_new:
 * @starts_at: when the break starts, in microseconds since the epoch
 * @ends_at: when it ends, after @starts_at
 *
 * Returns: (transfer full): a new break; free it with
 *   pulse_shift_break_free().
 */
PulseShiftBreak *
pulse_shift_break_new (gint64 starts_at,
                       gint64 ends_at)
{
  PulseShiftBreak *self;

  g_return_val_if_fail (ends_at > starts_at, NULL);

  self = g_new0 (PulseShiftBreak, 1);
  self->starts_at = starts_at;
  self->ends_at = ends_at;

  return self;
}

/**
 * pulse_shift_break_copy:
 *
 * Returns: (transfer full): a copy of @self.
 */
PulseShiftBreak *
pulse_shift_break_copy (const PulseShiftBreak *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
pulse_shift_break_free (PulseShiftBreak *self)
{
  g_free (self);
}

/**
 * pulse_shift_break_init_from_json:
 * @self: the break to fill in, usually an element of a #GArray
 * @node: the wire form `{"starts_at","ends_at"}`
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Only the break itself is checked here; whether it lies inside its
 * shift is the shift's business.
 *
 * Returns: %TRUE on success; on error @self is left unchanged.
 */
gboolean
pulse_shift_break_init_from_json (PulseShiftBreak  *self,
                                  JsonNode         *node,
                                  GError          **error)
{
  PulseJsonReader reader;
  gint64 starts_at;
  gint64 ends_at;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!pulse_json_reader_init (&reader, node, "a break", error))
    return FALSE;

  starts_at = pulse_json_reader_get_time (&reader, "starts_at", PULSE_JSON_REQUIRED);
  ends_at = pulse_json_reader_get_time (&reader, "ends_at", PULSE_JSON_REQUIRED);
  if (!pulse_json_reader_failed (&reader) && ends_at <= starts_at)
    pulse_json_reader_fail (&reader, "ends_at", "must be after starts_at");

  if (!pulse_json_reader_finish (&reader, error))
    return FALSE;

  self->starts_at = starts_at;
  self->ends_at = ends_at;
  return TRUE;
}

/**
 * pulse_shift_break_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_shift_break_to_json (const PulseShiftBreak *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_time (builder, "starts_at", self->starts_at);
  pulse_json_add_time (builder, "ends_at", self->ends_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_shift_break_contains:
 * @usec: an instant, in microseconds since the epoch
 *
 * Returns: %TRUE if @usec falls in [starts_at, ends_at).
 */
gboolean
pulse_shift_break_contains (const PulseShiftBreak *self,
                            gint64                 usec)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return usec >= self->starts_at && usec < self->ends_at;
}
