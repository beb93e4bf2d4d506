/* pulse-forecast-interval.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-forecast-interval-private.h"

/**
 * PulseForecastInterval:
 *
 * One 30-minute interval of one queue's staffing plan: the contacts
 * forecast to arrive, their mean handle time, the agents required to meet
 * the queue's service level (Erlang C or A), and the agents scheduled and
 * online. Not a collection item: it has no id or version.
 * Wire form: `{"queue_id","starts_at","forecast_arrivals",
 * "actual_arrivals"?,"handle_time_seconds","required",
 * "required_with_shrinkage"?,"scheduled","online","flags"?:[word…]}`,
 * with `starts_at` on a :00 or :30 boundary. `online` is null and
 * `actual_arrivals` null or absent before the interval starts;
 * `required_with_shrinkage` reads as `required` when absent, `flags` as
 * none. Writers always write every member. The codec is in
 * pulse-forecast-interval-json.c.
 */
G_DEFINE_FINAL_TYPE (PulseForecastInterval, pulse_forecast_interval, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUEUE_ID,
  PROP_STARTS_AT,
  PROP_FORECAST_ARRIVALS,
  PROP_ACTUAL_ARRIVALS,
  PROP_HANDLE_TIME_SECONDS,
  PROP_REQUIRED,
  PROP_REQUIRED_WITH_SHRINKAGE,
  PROP_SCHEDULED,
  PROP_ONLINE,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_forecast_interval_finalize (GObject *object)
{
  PulseForecastInterval *self = (PulseForecastInterval *)object;

  g_clear_pointer (&self->queue_id, g_free);
  g_clear_pointer (&self->flags, g_strfreev);

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
    case PROP_ACTUAL_ARRIVALS:
      g_value_set_int (value, self->actual_arrivals);
      break;
    case PROP_HANDLE_TIME_SECONDS:
      g_value_set_double (value, self->handle_time_seconds);
      break;
    case PROP_REQUIRED:
      g_value_set_int (value, self->required);
      break;
    case PROP_REQUIRED_WITH_SHRINKAGE:
      g_value_set_int (value, self->required_with_shrinkage);
      break;
    case PROP_SCHEDULED:
      g_value_set_int (value, self->scheduled);
      break;
    case PROP_ONLINE:
      g_value_set_int (value, self->online);
      break;
    case PROP_FLAGS:
      g_value_set_boxed (value, self->flags);
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
  properties[PROP_ACTUAL_ARRIVALS] =
    g_param_spec_int ("actual-arrivals", NULL, NULL, UNKNOWN, MAX_ARRIVALS, UNKNOWN, readable);
  properties[PROP_HANDLE_TIME_SECONDS] =
    g_param_spec_double ("handle-time-seconds", NULL, NULL,
                         0.0, MAX_HANDLE_TIME_SECONDS, 0.0, readable);
  properties[PROP_REQUIRED] =
    g_param_spec_int ("required", NULL, NULL, 0, MAX_AGENTS, 0, readable);
  properties[PROP_REQUIRED_WITH_SHRINKAGE] =
    g_param_spec_int ("required-with-shrinkage", NULL, NULL, 0, MAX_AGENTS, 0, readable);
  properties[PROP_SCHEDULED] =
    g_param_spec_int ("scheduled", NULL, NULL, 0, MAX_AGENTS, 0, readable);
  properties[PROP_ONLINE] =
    g_param_spec_int ("online", NULL, NULL, UNKNOWN, MAX_AGENTS, UNKNOWN, readable);
  properties[PROP_FLAGS] = g_param_spec_boxed ("flags", NULL, NULL, G_TYPE_STRV, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_forecast_interval_init (PulseForecastInterval *self)
{
  self->actual_arrivals = UNKNOWN;
  self->online = UNKNOWN;
  self->flags = g_new0 (char *, 1);
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

static gboolean
figures_are_valid (const PulseForecastIntervalFigures *f)
{
  return f->forecast_arrivals >= 0 && f->forecast_arrivals <= MAX_ARRIVALS
         && f->actual_arrivals >= UNKNOWN && f->actual_arrivals <= MAX_ARRIVALS
         && f->handle_time_seconds > 0 && f->handle_time_seconds <= MAX_HANDLE_TIME_SECONDS
         && f->required >= 0 && f->required <= MAX_AGENTS
         && f->required_with_shrinkage >= f->required
         && f->required_with_shrinkage <= MAX_AGENTS
         && f->scheduled >= 0 && f->scheduled <= MAX_AGENTS
         && f->online >= UNKNOWN && f->online <= MAX_AGENTS
         && (f->flags == NULL || g_strv_length ((GStrv) f->flags) <= MAX_FLAGS);
}

/**
 * pulse_forecast_interval_new_full:
 * @queue_id: the queue planned
 * @starts_at: the start, on a 30-minute boundary
 * @figures: the interval's figures, within the bounds of
 *   #PulseForecastIntervalFigures; copied
 *
 * Returns: (transfer full): a new interval with @figures.
 */
PulseForecastInterval *
pulse_forecast_interval_new_full (const char                         *queue_id,
                                  gint64                              starts_at,
                                  const PulseForecastIntervalFigures *figures)
{
  PulseForecastInterval *self;

  g_return_val_if_fail (figures != NULL && figures_are_valid (figures), NULL);

  self = pulse_forecast_interval_new (queue_id, starts_at);
  if (self == NULL)
    return NULL;

  self->forecast_arrivals = figures->forecast_arrivals;
  self->actual_arrivals = figures->actual_arrivals;
  self->handle_time_seconds = figures->handle_time_seconds;
  self->required = figures->required;
  self->required_with_shrinkage = figures->required_with_shrinkage;
  self->scheduled = figures->scheduled;
  self->online = figures->online;
  if (figures->flags != NULL)
    {
      g_strfreev (self->flags);
      self->flags = g_strdupv ((GStrv) figures->flags);
    }

  return self;
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
 * pulse_forecast_interval_get_actual_arrivals:
 *
 * Returns: the contacts that arrived during the interval (so far, for the
 *   current one), or %PULSE_FORECAST_INTERVAL_UNKNOWN before it starts.
 */
int
pulse_forecast_interval_get_actual_arrivals (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), UNKNOWN);

  return self->actual_arrivals;
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
 * pulse_forecast_interval_get_required_with_shrinkage:
 *
 * Returns: the agents to schedule so that pulse_forecast_interval_get_required()
 *   remain on the line after shrinkage.
 */
int
pulse_forecast_interval_get_required_with_shrinkage (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), 0);

  return self->required_with_shrinkage;
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
 *   the current one), or %PULSE_FORECAST_INTERVAL_UNKNOWN before it starts.
 */
int
pulse_forecast_interval_get_online (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), UNKNOWN);

  return self->online;
}

/**
 * pulse_forecast_interval_get_flags:
 *
 * Returns: (transfer none): the words saying where the figures come from,
 *   in the order written; never %NULL.
 */
const char * const *
pulse_forecast_interval_get_flags (PulseForecastInterval *self)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), NULL);

  return (const char * const *) self->flags;
}

/**
 * pulse_forecast_interval_has_flag:
 * @flag: a flag word, such as "no-history"
 *
 * Returns: %TRUE if @self carries @flag.
 */
gboolean
pulse_forecast_interval_has_flag (PulseForecastInterval *self,
                                  const char            *flag)
{
  g_return_val_if_fail (PULSE_IS_FORECAST_INTERVAL (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->flags, flag);
}
