/* pulse-forecast-interval-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseForecastInterval; the wire form is described with
 * the type in pulse-forecast-interval.c.
 */

#include "config.h"

#include "pulse-forecast-interval-private.h"
#include "pulse-json.h"

/* A required member that may be null: null is UNKNOWN. */
static int
read_nullable_count (PulseJsonReader *reader,
                     const char      *member,
                     PulseJsonFlags   flags,
                     int              max)
{
  if (!pulse_json_reader_failed (reader) && !pulse_json_reader_has (reader, member)
      && json_object_has_member (reader->object, member))
    return UNKNOWN;

  return pulse_json_reader_get_int (reader, member, flags, 0, max, UNKNOWN);
}

static void
read_counts (PulseForecastInterval *self,
             PulseJsonReader       *reader)
{
  GStrv flags;

  self->forecast_arrivals = pulse_json_reader_get_double (reader, "forecast_arrivals",
                                                          PULSE_JSON_REQUIRED,
                                                          0.0, MAX_ARRIVALS, 0.0);
  self->handle_time_seconds = pulse_json_reader_get_double (reader, "handle_time_seconds",
                                                            PULSE_JSON_REQUIRED,
                                                            0.0, MAX_HANDLE_TIME_SECONDS, 0.0);
  if (!pulse_json_reader_failed (reader) && self->handle_time_seconds <= 0.0)
    pulse_json_reader_fail (reader, "handle_time_seconds", "must be greater than 0");
  self->actual_arrivals = read_nullable_count (reader, "actual_arrivals", PULSE_JSON_OPTIONAL,
                                               MAX_ARRIVALS);
  self->required = pulse_json_reader_get_int (reader, "required", PULSE_JSON_REQUIRED,
                                              0, MAX_AGENTS, 0);
  self->required_with_shrinkage = pulse_json_reader_get_int (reader, "required_with_shrinkage",
                                                             PULSE_JSON_OPTIONAL, 0, MAX_AGENTS,
                                                             self->required);
  if (!pulse_json_reader_failed (reader) && self->required_with_shrinkage < self->required)
    pulse_json_reader_fail (reader, "required_with_shrinkage", "must not be below required");
  self->scheduled = pulse_json_reader_get_int (reader, "scheduled", PULSE_JSON_REQUIRED,
                                               0, MAX_AGENTS, 0);
  self->online = read_nullable_count (reader, "online", PULSE_JSON_REQUIRED, MAX_AGENTS);
  flags = pulse_json_reader_dup_strv (reader, "flags", PULSE_JSON_OPTIONAL, MAX_FLAGS,
                                      PULSE_JSON_MAX_ID);
  if (flags == NULL)
    return;

  g_strfreev (self->flags);
  self->flags = flags;
  for (guint i = 0; flags[i] != NULL; i++)
    {
      if (flags[i][0] == '\0')
        {
          g_autofree char *path = g_strdup_printf ("flags[%u]", i);

          pulse_json_reader_fail (reader, path, "must not be empty");
          return;
        }
    }
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           int          value)
{
  json_builder_set_member_name (builder, member);
  if (value == UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/**
 * pulse_forecast_interval_new_from_json:
 * @node: the wire form of an interval
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the interval, or %NULL on error.
 */
PulseForecastInterval *
pulse_forecast_interval_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(PulseForecastInterval) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a forecast interval", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_FORECAST_INTERVAL, NULL);
  self->queue_id = pulse_json_reader_dup_string (&reader, "queue_id", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  self->starts_at = pulse_json_reader_get_time (&reader, "starts_at", PULSE_JSON_REQUIRED);
  if (!pulse_json_reader_failed (&reader) && !pulse_forecast_interval_is_aligned (self->starts_at))
    pulse_json_reader_fail (&reader, "starts_at", "must be on a 30-minute boundary (:00 or :30)");
  read_counts (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_forecast_interval_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_forecast_interval_to_json (PulseForecastInterval *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "queue_id", self->queue_id);
  pulse_json_add_time (builder, "starts_at", self->starts_at);
  pulse_json_add_double (builder, "forecast_arrivals", self->forecast_arrivals);
  add_count (builder, "actual_arrivals", self->actual_arrivals);
  pulse_json_add_double (builder, "handle_time_seconds", self->handle_time_seconds);
  pulse_json_add_int (builder, "required", self->required);
  pulse_json_add_int (builder, "required_with_shrinkage", self->required_with_shrinkage);
  pulse_json_add_int (builder, "scheduled", self->scheduled);
  add_count (builder, "online", self->online);
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; self->flags[i] != NULL; i++)
    json_builder_add_string_value (builder, self->flags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
