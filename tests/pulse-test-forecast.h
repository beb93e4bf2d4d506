/* pulse-test-forecast.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A synthetic queue for the forecast test and benchmark: Poisson arrivals
 * with a daily shape (a late-morning and an afternoon peak, quiet nights)
 * and a weekly one (busy Mondays, quiet weekends), the same every week,
 * and exponential handle times of which a tenth are unknown; and small
 * helpers for hand-made histories, timed by week, day and UTC time of
 * day from a fixed Monday. Header-only, so a test needs no extra meson
 * wiring.
 */

#pragma once

#include <math.h>

#include "pulse-forecast.h"

G_BEGIN_DECLS

/* 2026-11-02T00:00:00Z, a Monday. */
#define PULSE_TEST_FORECAST_MONDAY (G_GINT64_CONSTANT (1793577600) * G_USEC_PER_SEC)

static const double pulse_test_forecast_day_share[7] = { 1.25, 1.15, 1.05, 1.0, 0.9, 0.45, 0.35 };

/* Week @w (0 from PULSE_TEST_FORECAST_MONDAY), day @d (0 = Monday), @h:@m
 * UTC. The tests forecast as of Monday of week 6 unless they say. */
#define WEEK PULSE_FORECAST_WEEK_USEC
#define WHEN(w, d, h, m) (PULSE_TEST_FORECAST_MONDAY + (gint64) (w) * WEEK             \
                          + (gint64) (d) * PULSE_USEC_PER_DAY                           \
                          + (gint64) (h) * PULSE_USEC_PER_HOUR                          \
                          + (gint64) (m) * PULSE_USEC_PER_MINUTE)
#define AS_OF     WHEN (6, 0, 0, 0)
#define EPSILON   1e-9
#define NO_HANDLE PULSE_FORECAST_NO_HANDLE_TIME

/* @n contacts from @at on, a second apart, each with @handle_seconds. */
static inline void
add (GArray *contacts,
     gint64  at,
     guint   n,
     int     handle_seconds)
{
  for (guint i = 0; i < n; i++)
    {
      PulseForecastContact contact = { at + i * G_USEC_PER_SEC, handle_seconds };

      g_array_append_val (contacts, contact);
    }
}

static inline GArray *
contacts_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PulseForecastContact));
}

static inline PulseForecast *
forecast_of (GArray                     *contacts,
             gint64                      as_of,
             const PulseForecastOptions *options)
{
  g_autoptr(GError) error = NULL;
  PulseForecast *forecast;

  forecast = pulse_forecast_new ((PulseForecastContact *) contacts->data, contacts->len,
                                 as_of, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forecast);
  return forecast;
}

/* The unnormalised shape of interval @i of the week (0 = Monday 00:00). */
static inline double
pulse_test_forecast_shape (guint i)
{
  double hour = (i % 48) / 2.0 + 0.25;
  double day = 0.12 + exp (-pow ((hour - 11) / 2.8, 2)) + 0.8 * exp (-pow ((hour - 16) / 2.2, 2));

  return day * pulse_test_forecast_day_share[i / 48];
}

/* The mean arrivals of interval @i of the week for @weekly_total
 * contacts a week. */
static inline double
pulse_test_forecast_rate (guint  i,
                          double weekly_total)
{
  double sum = 0;

  for (guint j = 0; j < PULSE_FORECAST_INTERVALS_PER_WEEK; j++)
    sum += pulse_test_forecast_shape (j);

  return weekly_total * pulse_test_forecast_shape (i) / sum;
}

/* Knuth's method: fine for the means here (below 100). */
static inline guint
pulse_test_poisson (GRand  *rand,
                    double  lambda)
{
  double limit = exp (-lambda);
  double product = g_rand_double (rand);
  guint k = 0;

  while (product > limit)
    {
      product *= g_rand_double (rand);
      k++;
    }

  return k;
}

/* Appends @weeks weeks of contacts from @start (a Monday 00:00 UTC) to
 * @contacts, an array of #PulseForecastContact. */
static inline void
pulse_test_forecast_history (GArray *contacts,
                             GRand  *rand,
                             gint64  start,
                             guint   weeks,
                             double  weekly_total)
{
  double rates[PULSE_FORECAST_INTERVALS_PER_WEEK];

  for (guint i = 0; i < PULSE_FORECAST_INTERVALS_PER_WEEK; i++)
    rates[i] = pulse_test_forecast_rate (i, weekly_total);

  for (guint w = 0; w < weeks; w++)
    for (guint i = 0; i < PULSE_FORECAST_INTERVALS_PER_WEEK; i++)
      {
        gint64 interval = start + w * PULSE_FORECAST_WEEK_USEC
                          + i * PULSE_FORECAST_INTERVAL_USEC;
        guint n = pulse_test_poisson (rand, rates[i]);

        for (guint c = 0; c < n; c++)
          {
            PulseForecastContact contact;

            contact.at = interval + (gint64) (g_rand_double (rand)
                                              * PULSE_FORECAST_INTERVAL_USEC);
            contact.handle_seconds = PULSE_FORECAST_NO_HANDLE_TIME;
            if (g_rand_int_range (rand, 0, 10) != 0)
              contact.handle_seconds = (int) (-log (1 - g_rand_double (rand)) * 300);
            g_array_append_val (contacts, contact);
          }
      }
}

G_END_DECLS
