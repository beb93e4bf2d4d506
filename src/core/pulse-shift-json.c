/* pulse-shift-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseShift (its wire form is described there): decoding
 * with every field checked, a shift of at most %PULSE_SHIFT_MAX_DAYS with
 * its breaks inside it, in order; and encoding. Part of PulseShift
 * (pulse-shift-private.h).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-shift-private.h"
#include "pulse-time-utils.h"

/* Far more than any real shift, small enough to keep a bad payload cheap. */
#define MAX_BREAKS 64

static void
read_breaks (PulseShift      *self,
             PulseJsonReader *reader)
{
  JsonArray *array;
  guint n;

  array = pulse_json_reader_get_array (reader, "breaks", PULSE_JSON_OPTIONAL, MAX_BREAKS);
  n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      PulseShiftBreak item;
      GError *error = NULL;

      if (!pulse_shift_break_init_from_json (&item, json_array_get_element (array, i), &error))
        {
          g_autofree char *path = g_strdup_printf ("breaks[%u]", i);

          pulse_json_reader_take_error (reader, path, error);
          return;
        }

      g_array_append_val (self->breaks, item);
    }
}

static void
check_breaks (PulseShift      *self,
              PulseJsonReader *reader)
{
  for (guint i = 0; i < self->breaks->len; i++)
    {
      const PulseShiftBreak *item = &g_array_index (self->breaks, PulseShiftBreak, i);
      g_autofree char *path = g_strdup_printf ("breaks[%u]", i);

      if (item->starts_at < self->starts_at || item->ends_at > self->ends_at)
        {
          pulse_json_reader_fail (reader, path, "must lie inside the shift");
          return;
        }
      if (i > 0 && item->starts_at < g_array_index (self->breaks, PulseShiftBreak, i - 1).ends_at)
        {
          pulse_json_reader_fail (reader, path, "must start after breaks[%u] ends", i - 1);
          return;
        }
    }
}

static void
check_shift (PulseShift      *self,
             PulseJsonReader *reader)
{
  if (pulse_json_reader_failed (reader))
    return;

  if (self->ends_at <= self->starts_at)
    pulse_json_reader_fail (reader, "ends_at", "must be after starts_at");
  else if (self->ends_at - self->starts_at > PULSE_SHIFT_MAX_DAYS * PULSE_USEC_PER_DAY)
    pulse_json_reader_fail (reader, "ends_at", "must be at most %d days after starts_at",
                            PULSE_SHIFT_MAX_DAYS);
  else
    check_breaks (self, reader);
}

/**
 * pulse_shift_new_from_json:
 * @node: the wire form of a shift
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("breaks[1].ends_at: must be after starts_at")
 *
 * Returns: (transfer full) (nullable): the shift, or %NULL on error.
 */
PulseShift *
pulse_shift_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PulseShift) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a shift", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_SHIFT, NULL);
  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->agent_id = pulse_json_reader_dup_string (&reader, "agent_id", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  self->kind = pulse_json_reader_get_enum (&reader, "kind", PULSE_TYPE_SHIFT_KIND,
                                           PULSE_JSON_REQUIRED, PULSE_SHIFT_KIND_WORK);
  self->starts_at = pulse_json_reader_get_time (&reader, "starts_at", PULSE_JSON_REQUIRED);
  self->ends_at = pulse_json_reader_get_time (&reader, "ends_at", PULSE_JSON_REQUIRED);
  read_breaks (self, &reader);
  self->note = pulse_json_reader_dup_string (&reader, "note", PULSE_JSON_OPTIONAL,
                                             PULSE_JSON_MAX_SHORT);
  check_shift (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_shift_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_shift_to_json (PulseShift *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_SHIFT (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "agent_id", self->agent_id);
  pulse_json_add_enum (builder, "kind", PULSE_TYPE_SHIFT_KIND, self->kind);
  pulse_json_add_time (builder, "starts_at", self->starts_at);
  pulse_json_add_time (builder, "ends_at", self->ends_at);
  json_builder_set_member_name (builder, "breaks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->breaks->len; i++)
    json_builder_add_value (builder,
                            pulse_shift_break_to_json (&g_array_index (self->breaks,
                                                                       PulseShiftBreak, i)));
  json_builder_end_array (builder);
  pulse_json_add_string (builder, "note", self->note);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
