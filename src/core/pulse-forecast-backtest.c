/* pulse-forecast-backtest.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How good a #PulseForecast is: each held-out week is forecast from the
 * weeks before it alone, as it would have been on its Monday morning,
 * and compared with what arrived, interval by interval.
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-forecast.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC
#define WEEK     PULSE_FORECAST_WEEK_USEC
#define PER_WEEK PULSE_FORECAST_INTERVALS_PER_WEEK

/**
 * pulse_forecast_accuracy_measure:
 * @forecast: (array length=n): forecast arrivals per interval
 * @actual: (array length=n): actual arrivals of the same intervals
 * @n: the number of intervals
 * @accuracy: (out caller-allocates): the errors
 *
 * WAPE (Σ|F − A| / ΣA), MAPE over the intervals with arrivals, and the
 * relative bias (ΣF − ΣA) / ΣA. A figure with nothing to divide by is
 * NAN.
 */
void
pulse_forecast_accuracy_measure (const double          *forecast,
                                 const double          *actual,
                                 gsize                  n,
                                 PulseForecastAccuracy *accuracy)
{
  double mape_sum = 0;

  g_return_if_fail (n == 0 || (forecast != NULL && actual != NULL));
  g_return_if_fail (n <= G_MAXUINT);
  g_return_if_fail (accuracy != NULL);

  *accuracy = (PulseForecastAccuracy) { .intervals = (guint) n };
  for (gsize i = 0; i < n; i++)
    {
      double error = fabs (forecast[i] - actual[i]);

      accuracy->actual += actual[i];
      accuracy->forecast += forecast[i];
      accuracy->abs_error += error;
      if (actual[i] > 0)
        {
          mape_sum += error / actual[i];
          accuracy->mape_intervals++;
        }
    }

  accuracy->wape = accuracy->actual > 0 ? accuracy->abs_error / accuracy->actual : NAN;
  accuracy->bias = accuracy->actual > 0
                   ? (accuracy->forecast - accuracy->actual) / accuracy->actual : NAN;
  accuracy->mape = accuracy->mape_intervals > 0 ? mape_sum / accuracy->mape_intervals : NAN;
}

/* Arrivals per interval of the held-out weeks, from @start. */
static double *
count_actuals (const PulseForecastContact *contacts,
               gsize                       n_contacts,
               gint64                      start,
               guint                       n_weeks)
{
  double *actual = g_new0 (double, (gsize) n_weeks * PER_WEEK);
  gint64 end = start + (gint64) n_weeks * WEEK;

  for (gsize i = 0; i < n_contacts; i++)
    if (contacts[i].at >= start && contacts[i].at < end)
      actual[(contacts[i].at - start) / INTERVAL] += 1;

  return actual;
}

static gboolean
check_weeks (gint64   first_week,
             guint    n_weeks,
             GError **error)
{
  const char *message = NULL;

  if (first_week < 0 || first_week > PULSE_FORECAST_MAX_TIME - 60 * WEEK
      || !pulse_forecast_interval_is_aligned (first_week))
    message = "first_week: must be on a 30-minute boundary, between 1970 and 9999";
  else if (n_weeks < 1 || n_weeks > PULSE_FORECAST_MAX_WEEKS)
    message = "n_weeks: must be 1…52";

  if (message == NULL)
    return TRUE;

  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, message);
  return FALSE;
}

/**
 * pulse_forecast_backtest:
 * @contacts: (array length=n_contacts) (nullable): all contacts of one
 *   queue: the held-out weeks and the history before them
 * @n_contacts: the number of @contacts
 * @first_week: the start of the first held-out week, on an interval
 *   boundary (a Monday 00:00 UTC reads best)
 * @n_weeks: the held-out weeks, 1…52, one after the other
 * @options: (nullable): how to forecast, %NULL for the defaults
 * @accuracy: (out caller-allocates): the errors over all held-out weeks
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * Forecasts each held-out week W as of its start, from the contacts
 * before W only, and compares each of its 336 intervals with the actual
 * arrivals. Intervals without any history (a queue younger than W's
 * sources) are left out and counted in @accuracy's `skipped`.
 *
 * Returns: %TRUE on success, %FALSE with @error set on bad input.
 */
gboolean
pulse_forecast_backtest (const PulseForecastContact  *contacts,
                         gsize                        n_contacts,
                         gint64                       first_week,
                         guint                        n_weeks,
                         const PulseForecastOptions  *options,
                         PulseForecastAccuracy       *accuracy,
                         GError                     **error)
{
  g_autofree double *actual = NULL;
  g_autofree double *forecast = NULL;
  g_autofree double *kept_actual = NULL;
  guint n_kept = 0;
  guint skipped = 0;

  g_return_val_if_fail (contacts != NULL || n_contacts == 0, FALSE);
  g_return_val_if_fail (accuracy != NULL, FALSE);

  if (!check_weeks (first_week, n_weeks, error))
    return FALSE;

  actual = count_actuals (contacts, n_contacts, first_week, n_weeks);
  forecast = g_new0 (double, (gsize) n_weeks * PER_WEEK);
  kept_actual = g_new0 (double, (gsize) n_weeks * PER_WEEK);
  for (guint w = 0; w < n_weeks; w++)
    {
      gint64 as_of = first_week + (gint64) w * WEEK;
      g_autoptr(PulseForecast) history = NULL;

      history = pulse_forecast_new (contacts, n_contacts, as_of, options, error);
      if (history == NULL)
        return FALSE;

      for (guint i = 0; i < PER_WEEK; i++)
        {
          PulseForecastValue value;

          pulse_forecast_get_value (history, as_of + (gint64) i * INTERVAL, NULL, &value);
          if (value.flags & PULSE_FORECAST_FLAG_NO_HISTORY)
            {
              skipped++;
              continue;
            }
          forecast[n_kept] = value.arrivals;
          kept_actual[n_kept] = actual[w * PER_WEEK + i];
          n_kept++;
        }
    }

  pulse_forecast_accuracy_measure (forecast, kept_actual, n_kept, accuracy);
  accuracy->weeks = n_weeks;
  accuracy->skipped = skipped;
  return TRUE;
}
