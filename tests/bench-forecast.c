/* bench-forecast.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark forecast`: the coverage view's work for a
 * whole contact centre. 40 queues with 12 weeks of history each, 3,000
 * contacts a week (about 1.4 million contacts); time to bin each queue's
 * history, to forecast the next week (336 intervals) of every queue, and
 * to backtest the last 6 weeks of every queue, with the WAPE it finds.
 * It only prints figures: timings are no pass/fail criterion on a shared
 * machine.
 */

#include "config.h"

#include <stdio.h>

#include "pulse-forecast.h"
#include "pulse-test-forecast.h"

#define N_QUEUES  40
#define N_WEEKS   12
#define HELD_OUT  6
#define VOLUME    3000.0

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_week (GArray **queues,
            gint64   as_of)
{
  PulseForecast *forecasts[N_QUEUES];
  gint64 start = g_get_monotonic_time ();
  double built, drawn, arrivals = 0;

  for (guint q = 0; q < N_QUEUES; q++)
    forecasts[q] = pulse_forecast_new ((PulseForecastContact *) queues[q]->data,
                                       queues[q]->len, as_of, NULL, NULL);
  built = ms_since (start);

  start = g_get_monotonic_time ();
  for (guint q = 0; q < N_QUEUES; q++)
    {
      g_autoptr(GArray) week = pulse_forecast_get_range (forecasts[q], as_of, as_of + WEEK,
                                                         NULL, NULL);

      for (guint i = 0; i < week->len; i++)
        arrivals += g_array_index (week, PulseForecastValue, i).arrivals;
    }
  drawn = ms_since (start);

  printf ("forecast a week for %u queues: %.1f ms (binning %.1f ms, 336 × %u intervals "
          "%.1f ms); %.0f arrivals forecast\n", N_QUEUES, built + drawn, built, N_QUEUES,
          drawn, arrivals);
  for (guint q = 0; q < N_QUEUES; q++)
    pulse_forecast_free (forecasts[q]);
}

static void
bench_backtest (GArray **queues)
{
  gint64 start = g_get_monotonic_time ();
  double abs_error = 0, actual = 0, forecast = 0, worst = 0;
  double elapsed;

  for (guint q = 0; q < N_QUEUES; q++)
    {
      PulseForecastAccuracy accuracy;

      pulse_forecast_backtest ((PulseForecastContact *) queues[q]->data, queues[q]->len,
                               WHEN (N_WEEKS - HELD_OUT, 0, 0, 0), HELD_OUT, NULL, &accuracy,
                               NULL);
      abs_error += accuracy.abs_error;
      actual += accuracy.actual;
      forecast += accuracy.forecast;
      worst = MAX (worst, accuracy.wape);
    }
  elapsed = ms_since (start);

  printf ("backtest %u held-out weeks × %u queues: %.1f ms; WAPE %.3f (worst queue %.3f), "
          "bias %+.4f\n", HELD_OUT, N_QUEUES, elapsed, abs_error / actual, worst,
          (forecast - actual) / actual);
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (40);
  GArray *queues[N_QUEUES];
  gint64 start = g_get_monotonic_time ();
  guint total = 0;

  for (guint q = 0; q < N_QUEUES; q++)
    {
      queues[q] = contacts_new ();
      pulse_test_forecast_history (queues[q], rand, WHEN (0, 0, 0, 0), N_WEEKS, VOLUME);
      total += queues[q]->len;
    }
  printf ("built %u synthetic contacts (%u queues × %u weeks) in %.0f ms\n", total, N_QUEUES,
          N_WEEKS, ms_since (start));

  bench_week (queues, WHEN (N_WEEKS, 0, 0, 0));
  bench_backtest (queues);

  for (guint q = 0; q < N_QUEUES; q++)
    g_array_unref (queues[q]);
  return 0;
}
