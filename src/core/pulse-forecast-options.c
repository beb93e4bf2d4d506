/* pulse-forecast-options.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * #PulseForecastOptions: the defaults, their checks, and the history a
 * forecast reads with them.
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-forecast.h"

/**
 * pulse_forecast_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * The defaults: 6 weeks, a half-life of 3 weeks, no trend (with a limit
 * of 1.5 when turned on), and 20 handle times before an interval's own
 * mean is trusted.
 */
void
pulse_forecast_options_init (PulseForecastOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PulseForecastOptions) {
    .weeks = 6,
    .half_life_weeks = 3.0,
    .trend = FALSE,
    .trend_limit = 1.5,
    .min_handle_contacts = 20,
  };
}

/**
 * pulse_forecast_options_check:
 * @options: options to check
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: %TRUE if @options can be used.
 */
gboolean
pulse_forecast_options_check (const PulseForecastOptions  *options,
                              GError                     **error)
{
  const char *message = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  if (options->weeks < 1 || options->weeks > PULSE_FORECAST_MAX_WEEKS)
    message = "weeks: must be 1…52";
  else if (isnan (options->half_life_weeks) || options->half_life_weeks <= 0)
    message = "half_life_weeks: must be above 0 (INFINITY weighs all weeks alike)";
  else if (!isfinite (options->trend_limit) || options->trend_limit < 1)
    message = "trend_limit: must be 1 or more";

  if (message == NULL)
    return TRUE;

  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, message);
  return FALSE;
}

/**
 * pulse_forecast_history_from:
 * @as_of: the time the forecast is made at
 * @options: (nullable): the options, %NULL for the defaults
 *
 * The earliest arrival a forecast made at @as_of reads, so a caller can
 * fetch only what is needed: contacts from this time up to @as_of.
 *
 * Returns: @as_of down to an interval start, less the weeks of history.
 */
gint64
pulse_forecast_history_from (gint64                      as_of,
                             const PulseForecastOptions *options)
{
  PulseForecastOptions defaults;

  g_return_val_if_fail (as_of >= 0, 0);

  if (options == NULL)
    {
      pulse_forecast_options_init (&defaults);
      options = &defaults;
    }

  return as_of - as_of % PULSE_FORECAST_INTERVAL_USEC
         - (gint64) options->weeks * PULSE_FORECAST_WEEK_USEC;
}
