/* pulse-forecast-interval.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"

/* Bounds that no real queue reaches, so a unit mix-up (ms for s) fails. */
#define MAX_ARRIVALS            1e6
#define MAX_HANDLE_TIME_SECONDS (24.0 * 60 * 60)
#define MAX_AGENTS              100000

/**
 * PulseForecastInterval:
 *
 * One 30-minute interval of one queue's staffing plan: the contacts
 * forecast to arrive, their mean handle time, the agents required to meet
 * the queue's service level (Erlang C or A), and the agents scheduled and
 * online. Not a collection item: it has no id or version.
 * Wire form: `{"queue_id","starts_at","forecast_arrivals",
 * "handle_time_seconds","required","scheduled","online"}`, with
 * `starts_at` on a :00 or :30 boundary.
 */
struct _PulseForecastInterval
{
  GObject parent_instance;

  char   *queue_id;
  gint64  starts_at;
  double  forecast_arrivals;
  double  handle_time_seconds;
  int     required;
  int     scheduled;
  int     online;
};

G_DEFINE_FINAL_TYPE (PulseForecastInterval, pulse_forecast_interval, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUEUE_ID,
  PROP_STARTS_AT,
  PROP_FORECAST_ARRIVALS,
  PROP_HANDLE_TIME_SECONDS,
  PROP_REQUIRED,
  PROP_SCHEDULED,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_forecast_interval_finalize (GObject *object)
{
  PulseForecastInterval *self = (PulseForecastInterval *)object;

  g_clear_pointer (&self->queue_id, g_free);

  G_OBJECT_CLASS (pulse_forecast_interval_parent_class)->finalize (object);
}

static void
pulse_forecast_interval_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PulseForecastInterval *self = PULSE_FORECAST_INTERVAL (object);

  switch (prop_id)
    {
    case PROP_QUEUE_ID:
      g_value_set_string (value, self->queue_id);
      break;
    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;
    case PROP_FORECAST_ARRIVALS:
      g_value_set_double (value, self->forecast_arrivals);
      break;
    case PROP_HANDLE_TIME_SECONDS:
      g_value_set_double (value, self->handle_time_seconds);
      break;
    case PROP_REQUIRED:
      g_value_set_int (value, self->required);
      break;
    case PROP_SCHEDULED:
      g_value_set_int (value, self->scheduled);
      break;
    case PROP_ONLINE:
      g_value_set_int (value, self->online);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_forecast_interval_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PulseForecastInterval *self = PULSE_FORECAST_INTERVAL (object);

  switch (prop_id)
    {
    case PROP_QUEUE_ID:
      self->queue_id = g_value_dup_string (value);
      break;
    case PROP_STARTS_AT:
      self->starts_at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_forecast_interval_class_init (PulseForecastIntervalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_forecast_interval_finalize;
  object_class->get_property = pulse_forecast_interval_get_property;
  object_class->set_property = pulse_forecast_interval_set_property;

  properties[PROP_QUEUE_ID] = g_param_spec_string ("queue-id", NULL, NULL, NULL, construct);
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_FORECAST_ARRIVALS] =
    g_param_spec_double ("forecast-arrivals", NULL, NULL, 0.0, MAX_ARRIVALS, 0.0, readable);
  properties[PROP_HANDLE_TIME_SECONDS] =
    g_param_spec_double ("handle-time-seconds", NULL, NULL,
                         0.0, MAX_HANDLE_TIME_SECONDS, 0.0, readable);
  properties[PROP_REQUIRED] =
    g_param_spec_int ("required", NULL, NULL, 0, MAX_AGENTS, 0, readable);
  properties[PROP_SCHEDULED] =
    g_param_spec_int ("scheduled", NULL, NULL, 0, MAX_AGENTS, 0, readable);
  properties[PROP_ONLINE] =
    g_param_spec_int ("online", NULL, NULL, 0, MAX_AGENTS, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_forecast_interval_init (PulseForecastInterval *self)
{
}

/**
 * pulse_forecast_interval_new:
 * @queue_id: the queue planned
 * @starts_at: the start, on a 30-minute boundary
 *
 * Returns: (transfer full): a new interval with no forecast yet.
 */
PulseForecastInterval *
pulse_forecast_interval_new (const char *queue_id,
                             gint64      starts_at)
{
  g_return_val_if_fail (queue_id != NULL, NULL);
  g_return_val_if_fail (pulse_forecast_interval_is_aligned (starts_at), NULL);

  return g_object_new (PULSE_TYPE_FORECAST_INTERVAL,
                       "queue-id", queue_id,
                       "starts-at", starts_at,
                       NULL);
}

static void
read_counts (PulseForecastInterval *self,
             PulseJsonReader       *reader)
{
  self->forecast_arrivals = pulse_json_reader_get_double (reader, "forecast_arrivals",
                                                          PULSE_JSON_REQUIRED,
                                                          0.0, MAX_ARRIVALS, 0.0);
  self->handle_time_seconds = pulse_json_reader_get_double (reader, "handle_time_seconds",
                                                            PULSE_JSON_REQUIRED,
                                                            0.0, MAX_HANDLE_TIME_SECONDS, 0.0);
  if (!pulse_json_reader_failed (reader) && self->handle_time_seconds <= 0.0)
    pulse_json_reader_fail (reader, "handle_time_seconds", "must be greater than 0");
  self->required = pulse_json_reader_get_int (reader, "required", PULSE_JSON_REQUIRED,
                                              0, MAX_AGENTS, 0);
  self->scheduled = pulse_json_reader_get_int (reader, "scheduled", PULSE_JSON_REQUIRED,
                                               0, MAX_AGENTS, 0);
  self->online = pulse_json_reader_get_int (reader, "online", PULSE_JSON_REQUIRED,
                                            0, MAX_AGENTS, 0);
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
  pulse_json_add_double (builder, "handle_time_seconds", self->handle_time_seconds);
  pulse_json_add_int (builder, "required", self->required);
  pulse_json_add_int (builder, "scheduled", self->scheduled);
  pulse_json_add_int (builder, "online", self->online);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_forecast_interval_is_aligned:
 * @usec: microseconds since the epoch
 *
 * Intervals are aligned in UTC, so they fall on local :00 and :30 in any
 * zone offset by whole or half hours; a +05:45 zone sees :15 and :45.
 *
 * Returns: %TRUE if @usec is at minute 0 or 30 with zero seconds.
 */
gboolean
pulse_forecast_interval_is_aligned (gint64 usec)
{
  return usec % PULSE_FORECAST_INTERVAL_USEC == 0;
}

const char *
pulse_forecast_interval_get_queue_id (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), NULL);

  return self->queue_id;
}

/**
 * pulse_forecast_interval_get_starts_at:
 *
 * Returns: the start of the interval, in microseconds since the epoch.
 */
gint64
pulse_forecast_interval_get_starts_at (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->starts_at;
}

/**
 * pulse_forecast_interval_get_ends_at:
 *
 * Returns: the end of the interval, 30 minutes after its start.
 */
gint64
pulse_forecast_interval_get_ends_at (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->starts_at + PULSE_FORECAST_INTERVAL_USEC;
}

/**
 * pulse_forecast_interval_get_forecast_arrivals:
 *
 * Returns: the contacts expected during the interval; fractional, since it
 *   is a mean.
 */
double
pulse_forecast_interval_get_forecast_arrivals (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0.0);

  return self->forecast_arrivals;
}

/**
 * pulse_forecast_interval_get_handle_time_seconds:
 *
 * Returns: the mean handle time of a contact, in seconds; always positive.
 */
double
pulse_forecast_interval_get_handle_time_seconds (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0.0);

  return self->handle_time_seconds;
}

/**
 * pulse_forecast_interval_get_required:
 *
 * Returns: the agents needed to meet the queue's service level.
 */
int
pulse_forecast_interval_get_required (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->required;
}

/**
 * pulse_forecast_interval_get_scheduled:
 *
 * Returns: the agents whose shifts cover the interval.
 */
int
pulse_forecast_interval_get_scheduled (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->scheduled;
}

/**
 * pulse_forecast_interval_get_online:
 *
 * Returns: the agents actually online during the interval (so far, for
 *   the current one).
 */
int
pulse_forecast_interval_get_online (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->online;
}
