/* pulse-forecast-interval.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-time-utils.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_FORECAST_INTERVAL (pulse_forecast_interval_get_type ())

/* Staffing is planned per 30 minutes, aligned to :00 and :30 UTC. */
#define PULSE_FORECAST_INTERVAL_USEC (30 * PULSE_USEC_PER_MINUTE)

/* Bounds that no real queue reaches, so a unit mix-up (ms for s) fails. */
#define PULSE_FORECAST_INTERVAL_MAX_ARRIVALS       1000000
#define PULSE_FORECAST_INTERVAL_MAX_HANDLE_SECONDS (24.0 * 60 * 60)
#define PULSE_FORECAST_INTERVAL_MAX_AGENTS         100000
/* An actual count or online figure of an interval that has not started. */
#define PULSE_FORECAST_INTERVAL_UNKNOWN            (-1)

/**
 * PulseForecastIntervalFigures:
 * @forecast_arrivals: contacts forecast, 0…%PULSE_FORECAST_INTERVAL_MAX_ARRIVALS
 * @actual_arrivals: contacts that arrived (so far, in the current interval),
 *   or %PULSE_FORECAST_INTERVAL_UNKNOWN before the interval starts
 * @handle_time_seconds: their mean handle time, above 0 and at most
 *   %PULSE_FORECAST_INTERVAL_MAX_HANDLE_SECONDS
 * @required: agents needed on the line for the service level
 * @required_with_shrinkage: agents to schedule so that @required remain
 *   on the line after shrinkage; @required or more
 * @scheduled: agents the shifts put on the line
 * @online: agents online, or %PULSE_FORECAST_INTERVAL_UNKNOWN before the
 *   interval starts
 * @flags: (nullable): where the figures come from ("no-history", …);
 *   %NULL for none
 *
 * The figures of one interval, for pulse_forecast_interval_new_full().
 * Agent counts lie in 0…%PULSE_FORECAST_INTERVAL_MAX_AGENTS.
 */
typedef struct
{
  double              forecast_arrivals;
  int                 actual_arrivals;
  double              handle_time_seconds;
  int                 required;
  int                 required_with_shrinkage;
  int                 scheduled;
  int                 online;
  const char * const *flags;
} PulseForecastIntervalFigures;

G_DECLARE_FINAL_TYPE (PulseForecastInterval, pulse_forecast_interval,
                      PULSE, FORECAST_INTERVAL, GObject)

PulseForecastInterval *pulse_forecast_interval_new           (const char            *queue_id,
                                                              gint64                 starts_at);
PulseForecastInterval *pulse_forecast_interval_new_from_json (JsonNode              *node,
                                                              GError               **error);
JsonNode              *pulse_forecast_interval_to_json       (PulseForecastInterval *self);
gboolean               pulse_forecast_interval_is_aligned    (gint64                 usec);

PulseForecastInterval *
pulse_forecast_interval_new_full (const char                         *queue_id,
                                  gint64                              starts_at,
                                  const PulseForecastIntervalFigures *figures);

const char *pulse_forecast_interval_get_queue_id                (PulseForecastInterval *self);
gint64      pulse_forecast_interval_get_starts_at               (PulseForecastInterval *self);
gint64      pulse_forecast_interval_get_ends_at                 (PulseForecastInterval *self);
double      pulse_forecast_interval_get_forecast_arrivals       (PulseForecastInterval *self);
int         pulse_forecast_interval_get_actual_arrivals         (PulseForecastInterval *self);
double      pulse_forecast_interval_get_handle_time_seconds     (PulseForecastInterval *self);
int         pulse_forecast_interval_get_required                (PulseForecastInterval *self);
int         pulse_forecast_interval_get_required_with_shrinkage (PulseForecastInterval *self);
int         pulse_forecast_interval_get_scheduled               (PulseForecastInterval *self);
int         pulse_forecast_interval_get_online                  (PulseForecastInterval *self);

const char * const *pulse_forecast_interval_get_flags (PulseForecastInterval *self);
gboolean            pulse_forecast_interval_has_flag  (PulseForecastInterval *self,
                                                       const char            *flag);

G_END_DECLS
