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

G_DECLARE_FINAL_TYPE (PulseForecastInterval, pulse_forecast_interval,
                      PULSE, FORECAST_INTERVAL, GObject)

PulseForecastInterval *pulse_forecast_interval_new            (const char             *queue_id,
                                                               gint64                  starts_at);
PulseForecastInterval *pulse_forecast_interval_new_from_json  (JsonNode               *node,
                                                               GError                **error);
JsonNode              *pulse_forecast_interval_to_json        (PulseForecastInterval  *self);
gboolean               pulse_forecast_interval_is_aligned     (gint64                  usec);

const char *pulse_forecast_interval_get_queue_id            (PulseForecastInterval *self);
gint64      pulse_forecast_interval_get_starts_at           (PulseForecastInterval *self);
gint64      pulse_forecast_interval_get_ends_at             (PulseForecastInterval *self);
double      pulse_forecast_interval_get_forecast_arrivals   (PulseForecastInterval *self);
double      pulse_forecast_interval_get_handle_time_seconds (PulseForecastInterval *self);
int         pulse_forecast_interval_get_required            (PulseForecastInterval *self);
int         pulse_forecast_interval_get_scheduled           (PulseForecastInterval *self);
int         pulse_forecast_interval_get_online              (PulseForecastInterval *self);

G_END_DECLS
