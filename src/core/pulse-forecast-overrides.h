/* pulse-forecast-overrides.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-forecast.h"

G_BEGIN_DECLS

/* The most overrides one list holds. */
#define PULSE_FORECAST_MAX_OVERRIDES 10000
/* The largest factor a planner may scale arrivals by. */
#define PULSE_FORECAST_MAX_FACTOR    100.0
/* An arrivals or handle time figure the planner leaves to the forecast. */
#define PULSE_FORECAST_KEEP          (-1.0)

PulseForecastOverrides *pulse_forecast_overrides_new         (void);
void                    pulse_forecast_overrides_free        (PulseForecastOverrides  *self);
gboolean                pulse_forecast_overrides_add_factor  (PulseForecastOverrides  *self,
                                                              gint64                   from,
                                                              gint64                   to,
                                                              double                   factor,
                                                              GError                 **error);
gboolean                pulse_forecast_overrides_set_value   (PulseForecastOverrides  *self,
                                                              gint64                   starts_at,
                                                              double                   arrivals,
                                                              double                   handle_s,
                                                              GError                 **error);
guint                   pulse_forecast_overrides_get_n_items (const PulseForecastOverrides *self);
void                    pulse_forecast_overrides_apply       (const PulseForecastOverrides *self,
                                                              PulseForecastValue      *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseForecastOverrides, pulse_forecast_overrides_free)

G_END_DECLS
