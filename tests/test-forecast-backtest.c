/* test-forecast-backtest.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forecast error: WAPE, MAPE and bias on hand examples, backtests on a
 * tiny history, and on a synthetic Poisson queue, where the error must
 * come out at the noise floor: no lower (that would mean the held-out
 * week leaked into its own forecast) and no higher.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-forecast.h"
#include "pulse-test-forecast.h"

#define SYNTHETIC_WEEKS    12
#define SYNTHETIC_HELD_OUT 6
#define SYNTHETIC_VOLUME   3000.0

/* F = 2, 0, 5, 3 against A = 1, 0, 4, 6: |F − A| = 1, 0, 1, 3.
 * WAPE = 5/11; MAPE over the three intervals with arrivals
 * = (1/1 + 1/4 + 3/6) / 3 = 7/12; bias = (10 − 11)/11 = −1/11. */
static void
test_measure (void)
{
  static const double forecast[] = { 2, 0, 5, 3 };
  static const double actual[] = { 1, 0, 4, 6 };
  static const double nothing[] = { 0, 0 };
  PulseForecastAccuracy accuracy;

  pulse_forecast_accuracy_measure (forecast, actual, 4, &accuracy);
  g_assert_cmpuint (accuracy.intervals, ==, 4);
  g_assert_cmpuint (accuracy.mape_intervals, ==, 3);
  g_assert_cmpfloat (accuracy.actual, ==, 11.0);
  g_assert_cmpfloat (accuracy.forecast, ==, 10.0);
  g_assert_cmpfloat (accuracy.abs_error, ==, 5.0);
  g_assert_cmpfloat_with_epsilon (accuracy.wape, 5.0 / 11, EPSILON);
  g_assert_cmpfloat_with_epsilon (accuracy.mape, 7.0 / 12, EPSILON);
  g_assert_cmpfloat_with_epsilon (accuracy.bias, -1.0 / 11, EPSILON);

  /* Nothing arrived: WAPE, MAPE and bias have nothing to divide by. */
  pulse_forecast_accuracy_measure (forecast, nothing, 2, &accuracy);
  g_assert_cmpfloat (accuracy.abs_error, ==, 2.0);
  g_assert_true (isnan (accuracy.wape) && isnan (accuracy.mape) && isnan (accuracy.bias));
  pulse_forecast_accuracy_measure (NULL, NULL, 0, &accuracy);
  g_assert_cmpuint (accuracy.intervals, ==, 0);
  g_assert_true (isnan (accuracy.wape));
}

/* Monday 08:00 brings 4, 6 and 8 contacts in weeks 0, 1 and 2, nothing
 * else arrives. Week 1 is forecast from week 0: 4 against 6. Week 2 from
 * weeks 1 and 0, equal weights: 5 against 8. Every other interval is 0
 * against 0. Over both weeks: WAPE = (2 + 3) / 14 = 5/14, bias = −5/14,
 * MAPE over the two intervals with arrivals = (2/6 + 3/8) / 2 = 17/48. */
static void
test_tiny_backtest (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  PulseForecastOptions options;
  PulseForecastAccuracy accuracy;
  g_autoptr(GError) error = NULL;

  pulse_forecast_options_init (&options);
  options.half_life_weeks = INFINITY;
  add (contacts, WHEN (0, 0, 8, 0), 4, NO_HANDLE);
  add (contacts, WHEN (1, 0, 8, 0), 6, NO_HANDLE);
  add (contacts, WHEN (2, 0, 8, 0), 8, NO_HANDLE);

  g_assert_true (pulse_forecast_backtest ((PulseForecastContact *) contacts->data, contacts->len,
                                          WHEN (1, 0, 0, 0), 2, &options, &accuracy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accuracy.weeks, ==, 2);
  g_assert_cmpuint (accuracy.intervals, ==, 2 * PULSE_FORECAST_INTERVALS_PER_WEEK);
  g_assert_cmpuint (accuracy.skipped, ==, 0);
  g_assert_cmpfloat (accuracy.actual, ==, 14.0);
  g_assert_cmpfloat_with_epsilon (accuracy.forecast, 9.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (accuracy.wape, 5.0 / 14, EPSILON);
  g_assert_cmpfloat_with_epsilon (accuracy.bias, -5.0 / 14, EPSILON);
  g_assert_cmpuint (accuracy.mape_intervals, ==, 2);
  g_assert_cmpfloat_with_epsilon (accuracy.mape, 17.0 / 48, EPSILON);

  /* Week 0 has nothing before it: every interval is skipped. */
  g_assert_true (pulse_forecast_backtest ((PulseForecastContact *) contacts->data, contacts->len,
                                          WHEN (0, 0, 0, 0), 1, &options, &accuracy, &error));
  g_assert_cmpuint (accuracy.intervals, ==, 0);
  g_assert_cmpuint (accuracy.skipped, ==, PULSE_FORECAST_INTERVALS_PER_WEEK);
  g_assert_true (isnan (accuracy.wape));
}

static void
test_bad_backtest (void)
{
  static const struct { gint64 first_week; guint n_weeks; guint weeks; const char *message; }
  cases[] = {
    { AS_OF + 1, 1, 6, "first_week: must be on a 30-minute boundary" },
    { -WEEK, 1, 6, "first_week: must be on a 30-minute boundary" },
    { AS_OF, 0, 6, "n_weeks: must be 1…52" },
    { AS_OF, 53, 6, "n_weeks: must be 1…52" },
    { AS_OF, 1, 0, "weeks: must be 1…52" },
  };
  PulseForecastContact bad = { AS_OF - WEEK, 700000 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PulseForecastAccuracy accuracy;
      PulseForecastOptions options;

      pulse_forecast_options_init (&options);
      options.weeks = cases[i].weeks;
      g_assert_false (pulse_forecast_backtest (NULL, 0, cases[i].first_week, cases[i].n_weeks,
                                               &options, &accuracy, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }

  {
    g_autoptr(GError) error = NULL;
    PulseForecastAccuracy accuracy;

    g_assert_false (pulse_forecast_backtest (&bad, 1, AS_OF, 1, NULL, &accuracy, &error));
    g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    g_assert_true (g_str_has_prefix (error->message, "contacts[0].handle_seconds:"));
  }
}

/* The error a perfect method still makes on Poisson arrivals. In an
 * interval with mean λ the actual A has variance λ, and the forecast F,
 * a weighted mean of six independent weeks, λ·Σw²/(Σw)². F − A has
 * variance λ·(1 + Σw²/(Σw)²), and E|F − A| is at most its square root
 * (Jensen), and about 0.8 of it (√(2/π)) for a normal error. So the
 * expected WAPE of an unbiased forecast lies near 0.8·U and below U, with
 * U = Σ √(λ·(1 + Σw²/(Σw)²)) / Σ λ over the intervals of a week. Over 30
 * seeds the WAPE came out at 0.75…0.83·U; the test asks for 0.7…1·U. */
static double
noise_bound (double weekly_total)
{
  PulseForecastOptions options;
  double w1 = 0, w2 = 0, spread = 0;

  pulse_forecast_options_init (&options);
  for (guint k = 0; k < options.weeks; k++)
    {
      double w = exp2 (-(double) k / options.half_life_weeks);

      w1 += w;
      w2 += w * w;
    }
  for (guint i = 0; i < PULSE_FORECAST_INTERVALS_PER_WEEK; i++)
    spread += sqrt (pulse_test_forecast_rate (i, weekly_total) * (1 + w2 / (w1 * w1)));

  return spread / weekly_total;
}

static PulseForecastAccuracy
backtest (GArray  *contacts,
          guint    weeks,
          gboolean trend)
{
  g_autoptr(GError) error = NULL;
  PulseForecastOptions options;
  PulseForecastAccuracy accuracy;

  pulse_forecast_options_init (&options);
  options.weeks = weeks;
  options.trend = trend;
  g_assert_true (pulse_forecast_backtest ((PulseForecastContact *) contacts->data, contacts->len,
                                          WHEN (SYNTHETIC_WEEKS - SYNTHETIC_HELD_OUT, 0, 0, 0),
                                          SYNTHETIC_HELD_OUT, &options, &accuracy, &error));
  g_assert_no_error (error);
  return accuracy;
}

/* 12 weeks of a 3,000-contacts-a-week queue; weeks 6…11 are forecast in
 * turn from the six weeks before each. */
static void
test_synthetic_poisson (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261102);
  g_autoptr(GArray) contacts = contacts_new ();
  PulseForecastAccuracy standard, naive, trended;
  double bound = noise_bound (SYNTHETIC_VOLUME);

  pulse_test_forecast_history (contacts, rand, WHEN (0, 0, 0, 0), SYNTHETIC_WEEKS,
                               SYNTHETIC_VOLUME);
  standard = backtest (contacts, 6, FALSE);
  naive = backtest (contacts, 1, FALSE);
  trended = backtest (contacts, 6, TRUE);
  g_test_message ("%u contacts; noise bound U = %.4f; WAPE %.4f (6 weeks), %.4f (last week "
                  "only), %.4f (6 weeks with trend); MAPE %.4f; bias %+.4f", contacts->len,
                  bound, standard.wape, naive.wape, trended.wape, standard.mape, standard.bias);

  g_assert_cmpuint (standard.intervals, ==, SYNTHETIC_HELD_OUT * PULSE_FORECAST_INTERVALS_PER_WEEK);
  g_assert_cmpuint (standard.skipped, ==, 0);
  g_assert_cmpfloat (standard.wape, <=, bound);
  g_assert_cmpfloat (standard.wape, >=, 0.7 * bound);
  /* Σ A ≈ 18,000: the bias of an unbiased method spreads by about 0.7%
   * (root mean square over 60 seeds; the largest 1.7%). */
  g_assert_cmpfloat (fabs (standard.bias), <, 0.02);
  /* Last week alone: F − A has variance 2λ against 1.19λ, so its WAPE
   * is about √(2/1.19) = 1.3 times as large (1.24…1.27 over 30 seeds). */
  g_assert_cmpfloat (naive.wape, >, 1.15 * standard.wape);
  /* With no trend in the data the trend factor stays near 1 and costs
   * at most a little. */
  g_assert_cmpfloat (trended.wape, <, 1.05 * standard.wape);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/forecast-backtest/measure", test_measure);
  g_test_add_func ("/pulse/core/forecast-backtest/tiny-backtest", test_tiny_backtest);
  g_test_add_func ("/pulse/core/forecast-backtest/bad-backtest", test_bad_backtest);
  g_test_add_func ("/pulse/core/forecast-backtest/synthetic-poisson", test_synthetic_poisson);

  return g_test_run ();
}
