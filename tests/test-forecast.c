/* test-forecast.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forecast method on small histories, with the answer worked out by
 * hand in the comment above each test. Weeks are counted from Monday
 * 2026-11-02 (week 0); the forecast is made as of Monday of week 6 unless
 * a test says otherwise, so its six weeks of history are weeks 0…5.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-forecast-overrides.h"
#include "pulse-forecast.h"
#include "pulse-test-forecast.h"

static PulseForecastValue
value_at (PulseForecast *forecast,
          gint64         starts_at)
{
  PulseForecastValue value;

  pulse_forecast_get_value (forecast, starts_at, NULL, &value);
  g_assert_cmpint (value.starts_at, ==, starts_at);
  return value;
}

static PulseForecastOptions
half_life (double weeks)
{
  PulseForecastOptions options;

  pulse_forecast_options_init (&options);
  options.half_life_weeks = weeks;
  return options;
}

/* Every interval of weeks 0…5 had 5 contacts of 300 s: every interval
 * of the next three weeks is forecast at 5 contacts of 300 s, from all
 * six weeks (for week 8, k = 3…8 reach back to week 0 again). */
static void
test_constant_history (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 6 * PULSE_FORECAST_INTERVALS_PER_WEEK; i++)
    add (contacts, WHEN (0, 0, 0, 30 * i), 5, 300);
  forecast = forecast_of (contacts, AS_OF, NULL);
  g_assert_cmpint (pulse_forecast_get_history_start (forecast), ==, WHEN (0, 0, 0, 0));
  g_assert_cmpfloat (pulse_forecast_get_trend (forecast), ==, 1.0);

  values = pulse_forecast_get_range (forecast, AS_OF, WHEN (9, 0, 0, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 3 * PULSE_FORECAST_INTERVALS_PER_WEEK);
  for (guint i = 0; i < values->len; i++)
    {
      PulseForecastValue *value = &g_array_index (values, PulseForecastValue, i);

      g_assert_cmpint (value->starts_at, ==, WHEN (6, 0, 0, 30 * i));
      g_assert_cmpfloat_with_epsilon (value->arrivals, 5.0, EPSILON);
      g_assert_cmpfloat_with_epsilon (value->handle_seconds, 300.0, EPSILON);
      g_assert_cmpuint (value->weeks, ==, 6);
      g_assert_cmpint (value->flags, ==, PULSE_FORECAST_FLAG_NONE);
    }
}

/* Tuesday 09:00: 10 contacts in week 4, 4 in week 5, nothing before
 * (history starts on week 4's Tuesday). With a half-life of 1 week the
 * weights are 1 (week 5) and 0.5 (week 4): (1·4 + 0.5·10) / 1.5 = 6.
 * With the default 3 weeks, week 4 weighs 2^(−1/3):
 * (4 + 10·2^(−1/3)) / (1 + 2^(−1/3)) = 6.65496… */
static void
test_weighted_mean (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) fast = NULL;
  g_autoptr(PulseForecast) standard = NULL;
  PulseForecastOptions options = half_life (1.0);
  PulseForecastValue value;
  double w = exp2 (-1.0 / 3);

  add (contacts, WHEN (4, 1, 9, 0), 10, NO_HANDLE);
  add (contacts, WHEN (5, 1, 9, 10), 4, NO_HANDLE);
  fast = forecast_of (contacts, AS_OF, &options);
  standard = forecast_of (contacts, AS_OF, NULL);
  g_assert_cmpint (pulse_forecast_get_history_start (fast), ==, WHEN (4, 1, 0, 0));

  value = value_at (fast, WHEN (6, 1, 9, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 6.0, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 2);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NO_HANDLE);
  g_assert_cmpfloat (value.handle_seconds, ==, 0.0);

  value = value_at (standard, WHEN (6, 1, 9, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, (4 + 10 * w) / (1 + w), EPSILON);
  g_assert_cmpfloat_with_epsilon (value.arrivals, 6.654960, 1e-6);

  /* The neighbouring interval had data weeks but no contact: a real 0. */
  value = value_at (fast, WHEN (6, 1, 9, 30));
  g_assert_cmpfloat (value.arrivals, ==, 0.0);
  g_assert_cmpuint (value.weeks, ==, 2);
  g_assert_false (value.flags & PULSE_FORECAST_FLAG_NO_HISTORY);
}

/* Nothing before the as-of time (no contacts, or only later ones): 0
 * arrivals and the no-history flag, never an error. */
static void
test_no_history (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) empty = NULL;
  g_autoptr(PulseForecast) later = NULL;
  g_autoptr(PulseForecast) nothing = NULL;
  g_autoptr(GArray) values = NULL;
  PulseForecastValue value;

  empty = forecast_of (contacts, AS_OF, NULL);
  add (contacts, AS_OF, 3, 100);
  add (contacts, WHEN (7, 2, 10, 0), 3, 100);
  later = forecast_of (contacts, AS_OF, NULL);
  nothing = pulse_forecast_new (NULL, 0, AS_OF, NULL, NULL);

  for (guint i = 0; i < 3; i++)
    {
      PulseForecast *forecast = i == 0 ? empty : i == 1 ? later : nothing;

      g_assert_cmpint (pulse_forecast_get_history_start (forecast), ==, -1);
      value = value_at (forecast, WHEN (7, 2, 10, 0));
      g_assert_cmpfloat (value.arrivals, ==, 0.0);
      g_assert_cmpfloat (value.handle_seconds, ==, 0.0);
      g_assert_cmpuint (value.weeks, ==, 0);
      g_assert_cmpint (value.flags, ==,
                       PULSE_FORECAST_FLAG_NO_HISTORY | PULSE_FORECAST_FLAG_NO_HANDLE);
    }

  values = pulse_forecast_get_range (later, AS_OF, AS_OF + WEEK, NULL, NULL);
  g_assert_cmpuint (values->len, ==, PULSE_FORECAST_INTERVALS_PER_WEEK);
  for (guint i = 0; i < values->len; i++)
    g_assert_true (g_array_index (values, PulseForecastValue, i).flags
                   & PULSE_FORECAST_FLAG_NO_HISTORY);
}

/* A queue opened on Wednesday of week 4. Monday 08:00 of week 6 has one
 * source, week 5 (3 contacts): week 4's Monday is before the history.
 * Thursday 10:00 has two: week 5 (6) and week 4 (2); half-life 1 week:
 * (6 + 0.5·2) / 1.5 = 4.667. */
static void
test_new_queue (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  PulseForecastOptions options = half_life (1.0);
  PulseForecastValue value;

  add (contacts, WHEN (4, 2, 14, 7), 1, NO_HANDLE);
  add (contacts, WHEN (4, 3, 10, 0), 2, NO_HANDLE);
  add (contacts, WHEN (5, 0, 8, 0), 3, NO_HANDLE);
  add (contacts, WHEN (5, 3, 10, 5), 6, NO_HANDLE);
  forecast = forecast_of (contacts, AS_OF, &options);
  g_assert_cmpint (pulse_forecast_get_history_start (forecast), ==, WHEN (4, 2, 0, 0));

  value = value_at (forecast, WHEN (6, 0, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 3.0, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 1);

  value = value_at (forecast, WHEN (6, 3, 10, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 7.0 / 1.5, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 2);

  /* Tuesday 10:00 has only week 5, where nothing came: 0 from 1 week. */
  value = value_at (forecast, WHEN (6, 1, 10, 0));
  g_assert_cmpfloat (value.arrivals, ==, 0.0);
  g_assert_cmpuint (value.weeks, ==, 1);
}

/* Weeks 0…5 each bring 2, 4, 6, 0 (paused: no contact all week), 8 and
 * 10 contacts on Monday 08:00. Week 3 is left out rather than read as 0;
 * equal weights: (2 + 4 + 6 + 8 + 10) / 5 = 6 from 5 weeks. */
static void
test_empty_week_left_out (void)
{
  static const guint counts[] = { 2, 4, 6, 0, 8, 10 };
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  PulseForecastOptions options = half_life (INFINITY);
  PulseForecastValue value;

  for (guint w = 0; w < G_N_ELEMENTS (counts); w++)
    add (contacts, WHEN (w, 0, 8, 0), counts[w], NO_HANDLE);
  forecast = forecast_of (contacts, AS_OF, &options);

  value = value_at (forecast, WHEN (6, 0, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 6.0, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 5);
}

/* Monday 08:00 UTC maps to Monday 08:00 UTC of every earlier week, also
 * across the EU's end of summer time on 25 October 2026 (Kyiv read
 * 11:00 before it and 10:00 after). Forecast as of Monday 2 November:
 * in each of the six weeks, 2 contacts fall in [08:00, 08:30) (at 08:00:00
 * and 08:29:59), none of the ones a second either side nor on Sunday. */
static void
test_utc_weekday_mapping (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  PulseForecastValue value;

  for (int w = -6; w < 0; w++)
    {
      add (contacts, WHEN (w, 0, 7, 59) + 59 * G_USEC_PER_SEC, 1, NO_HANDLE);
      add (contacts, WHEN (w, 0, 8, 0), 1, NO_HANDLE);
      add (contacts, WHEN (w, 0, 8, 29) + 59 * G_USEC_PER_SEC, 1, NO_HANDLE);
      add (contacts, WHEN (w, 0, 8, 30), 1, NO_HANDLE);
      add (contacts, WHEN (w, 6, 8, 0), 5, NO_HANDLE);
      add (contacts, WHEN (w, 1, 8, 0), 3, NO_HANDLE);
    }
  forecast = forecast_of (contacts, WHEN (0, 0, 0, 0), NULL);

  value = value_at (forecast, WHEN (0, 0, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 2.0, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 6);
  value = value_at (forecast, WHEN (0, 0, 7, 30));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 1.0, EPSILON);
  value = value_at (forecast, WHEN (0, 6, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 5.0, EPSILON);
  value = value_at (forecast, WHEN (0, 1, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 3.0, EPSILON);
}

/* As of Wednesday 12:10 of week 6, the interval in progress (12:00) is
 * not history: its 7 contacts are ignored. Wednesday 11:30 of week 7
 * reads week 6 first (4 contacts at 11:30, weight 1) and week 5 (1,
 * weight 0.5): 4.5 / 1.5 = 3. Wednesday 12:00 of week 7 cannot read week
 * 6, so it starts at week 5 (9 contacts, weight 1) then week 4 (3, 0.5):
 * 10.5 / 1.5 = 7. */
static void
test_horizon_and_cut (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  PulseForecastOptions options = half_life (1.0);
  PulseForecastValue value;

  add (contacts, WHEN (4, 2, 12, 0), 3, NO_HANDLE);
  add (contacts, WHEN (5, 2, 11, 30), 1, NO_HANDLE);
  add (contacts, WHEN (5, 2, 12, 0), 9, NO_HANDLE);
  add (contacts, WHEN (6, 2, 11, 30), 4, NO_HANDLE);
  add (contacts, WHEN (6, 2, 12, 1), 7, NO_HANDLE);
  forecast = forecast_of (contacts, WHEN (6, 2, 12, 10), &options);
  g_assert_cmpint (pulse_forecast_get_as_of (forecast), ==, WHEN (6, 2, 12, 10));
  g_assert_cmpint (pulse_forecast_history_from (WHEN (6, 2, 12, 10), &options), ==,
                   WHEN (0, 2, 12, 0));

  value = value_at (forecast, WHEN (7, 2, 11, 30));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 3.0, EPSILON);
  value = value_at (forecast, WHEN (7, 2, 12, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 7.0, EPSILON);
  g_assert_cmpuint (value.weeks, ==, 2);
}

/* Tuesday 10:00: 5 contacts a week with a handle time (100 s in weeks
 * 0…2, 200 s in 3…5) and one without. Half-life 1: weeks 5, 4, 3 weigh
 * 1 + 0.5 + 0.25 = 1.75, weeks 2, 1, 0 weigh 0.21875, so the handle time
 * is (1.75·200 + 0.21875·100) / 1.96875 = 1700/9 = 188.9 s from 30
 * handle times. Wednesday 15:00: 2 contacts of 1000 s a week, 12 < 20,
 * so the queue's mean: (1500 + 3000 + 12000) / 42 = 2750/7 = 392.9 s. */
static void
test_handle_time (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) forecast = NULL;
  g_autoptr(PulseForecast) trusting = NULL;
  PulseForecastOptions options = half_life (1.0);
  PulseForecastValue value;

  for (guint w = 0; w < 6; w++)
    {
      add (contacts, WHEN (w, 1, 10, 0), 5, w < 3 ? 100 : 200);
      add (contacts, WHEN (w, 1, 10, 20), 1, NO_HANDLE);
      add (contacts, WHEN (w, 2, 15, 0), 2, 1000);
    }
  forecast = forecast_of (contacts, AS_OF, &options);

  value = value_at (forecast, WHEN (6, 1, 10, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 6.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (value.handle_seconds, 1700.0 / 9, EPSILON);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NONE);

  value = value_at (forecast, WHEN (6, 2, 15, 0));
  g_assert_cmpfloat_with_epsilon (value.handle_seconds, 2750.0 / 7, EPSILON);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_HANDLE_FALLBACK);

  /* An interval with no contacts gets the queue's mean too. */
  value = value_at (forecast, WHEN (6, 4, 3, 0));
  g_assert_cmpfloat (value.arrivals, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (value.handle_seconds, 2750.0 / 7, EPSILON);

  /* Trusting 12 handle times, Wednesday keeps its own 1000 s. */
  options.min_handle_contacts = 12;
  trusting = forecast_of (contacts, AS_OF, &options);
  value = value_at (trusting, WHEN (6, 2, 15, 0));
  g_assert_cmpfloat_with_epsilon (value.handle_seconds, 1000.0, EPSILON);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NONE);
}

/* Monday 08:00 brings 100 contacts a week in weeks 0…3 and 150 in weeks
 * 4…5 (a step up). Equal weights: the level is 700/6 = 116.7, so without
 * the trend the forecast is 116.7; the trend is 150 / (700/6) = 9/7 and
 * brings it to 150, exact for a step. A limit of 1.2 stops it at 140. */
static void
test_trend (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(PulseForecast) flat = NULL;
  g_autoptr(PulseForecast) trended = NULL;
  g_autoptr(PulseForecast) limited = NULL;
  g_autoptr(PulseForecast) young = NULL;
  PulseForecastOptions options = half_life (INFINITY);
  PulseForecastValue value;

  for (guint w = 0; w < 6; w++)
    add (contacts, WHEN (w, 0, 8, 0), w < 4 ? 100 : 150, NO_HANDLE);
  flat = forecast_of (contacts, AS_OF, &options);
  options.trend = TRUE;
  trended = forecast_of (contacts, AS_OF, &options);
  options.trend_limit = 1.2;
  limited = forecast_of (contacts, AS_OF, &options);

  g_assert_cmpfloat_with_epsilon (value_at (flat, WHEN (6, 0, 8, 0)).arrivals, 700.0 / 6,
                                  EPSILON);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_get_trend (trended), 9.0 / 7, EPSILON);
  value = value_at (trended, WHEN (6, 0, 8, 0));
  g_assert_cmpfloat_with_epsilon (value.arrivals, 150.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (value.trend, 9.0 / 7, EPSILON);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_get_trend (limited), 1.2, EPSILON);
  g_assert_cmpfloat_with_epsilon (value_at (limited, WHEN (6, 0, 8, 0)).arrivals, 140.0,
                                  EPSILON);

  /* Two weeks of history have nothing older to compare with: no trend. */
  young = forecast_of (contacts, WHEN (2, 0, 0, 0), &options);
  g_assert_cmpfloat (pulse_forecast_get_trend (young), ==, 1.0);
}

static void
test_bad_input (void)
{
  static const struct { guint weeks; double half_life; double limit; const char *message; }
  bad_options[] = {
    { 0, 3, 1.5, "weeks: must be 1…52" },
    { 53, 3, 1.5, "weeks: must be 1…52" },
    { 6, 0, 1.5, "half_life_weeks: must be above 0" },
    { 6, -1, 1.5, "half_life_weeks: must be above 0" },
    { 6, NAN, 1.5, "half_life_weeks: must be above 0" },
    { 6, 3, 0.9, "trend_limit: must be 1 or more" },
    { 6, 3, INFINITY, "trend_limit: must be 1 or more" },
  };
  static const struct { PulseForecastContact contact; gint64 as_of; const char *message; }
  bad_data[] = {
    { { -1, 10 }, AS_OF, "contacts[1].at: must be between 1970 and 9999" },
    { { AS_OF, -2 }, AS_OF, "contacts[1].handle_seconds: must be 0…604800, or -1" },
    { { AS_OF, 604801 }, AS_OF, "contacts[1].handle_seconds: must be 0…604800" },
    { { G_MAXINT64, 10 }, AS_OF, "contacts[1].at: must be between 1970 and 9999" },
    { { AS_OF, 10 }, -5, "as_of: must be between 1970 and 9999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_options); i++)
    {
      g_autoptr(GError) error = NULL;
      PulseForecastOptions options = half_life (bad_options[i].half_life);

      options.weeks = bad_options[i].weeks;
      options.trend_limit = bad_options[i].limit;
      g_assert_null (pulse_forecast_new (NULL, 0, AS_OF, &options, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, bad_options[i].message));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_data); i++)
    {
      PulseForecastContact contacts[2] = { { AS_OF - WEEK, 60 }, bad_data[i].contact };
      g_autoptr(GError) error = NULL;

      g_assert_null (pulse_forecast_new (contacts, 2, bad_data[i].as_of, NULL, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, bad_data[i].message));
    }
}

static void
test_bad_range (void)
{
  static const struct { gint64 from; gint64 to; const char *message; } cases[] = {
    { -1, AS_OF, "from: must be between 1970 and 9999" },
    { AS_OF, AS_OF, "to: must be after from" },
    { AS_OF, AS_OF - 1, "to: must be after from" },
    { AS_OF, AS_OF + 8 * WEEK + 1, "to: the range is longer than 8 weeks" },
    { G_MAXINT64 - 1, G_MAXINT64, "from: must be between 1970 and 9999" },
  };
  g_autoptr(PulseForecast) forecast = pulse_forecast_new (NULL, 0, AS_OF, NULL, NULL);
  g_autoptr(GArray) partial = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pulse_forecast_get_range (forecast, cases[i].from, cases[i].to, NULL,
                                               &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* Unaligned ends: from 08:10 to 09:01 covers 08:00, 08:30 and 09:00. */
  partial = pulse_forecast_get_range (forecast, WHEN (6, 0, 8, 10), WHEN (6, 0, 9, 1), NULL,
                                      NULL);
  g_assert_cmpuint (partial->len, ==, 3);
  g_assert_cmpint (g_array_index (partial, PulseForecastValue, 0).starts_at, ==,
                   WHEN (6, 0, 8, 0));
  g_assert_cmpint (g_array_index (partial, PulseForecastValue, 2).starts_at, ==,
                   WHEN (6, 0, 9, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/forecast/constant-history", test_constant_history);
  g_test_add_func ("/pulse/core/forecast/weighted-mean", test_weighted_mean);
  g_test_add_func ("/pulse/core/forecast/no-history", test_no_history);
  g_test_add_func ("/pulse/core/forecast/new-queue", test_new_queue);
  g_test_add_func ("/pulse/core/forecast/empty-week-left-out", test_empty_week_left_out);
  g_test_add_func ("/pulse/core/forecast/utc-weekday-mapping", test_utc_weekday_mapping);
  g_test_add_func ("/pulse/core/forecast/horizon-and-cut", test_horizon_and_cut);
  g_test_add_func ("/pulse/core/forecast/handle-time", test_handle_time);
  g_test_add_func ("/pulse/core/forecast/trend", test_trend);
  g_test_add_func ("/pulse/core/forecast/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/forecast/bad-range", test_bad_range);

  return g_test_run ();
}
