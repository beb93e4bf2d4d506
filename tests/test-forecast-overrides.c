/* test-forecast-overrides.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planner overrides on top of a forecast. The history is 5 contacts of
 * 300 s on Monday 08:00…12:00 of weeks 0…5, so the plain forecast of
 * those intervals in week 6 is 5 contacts of 300 s.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-forecast-overrides.h"
#include "pulse-forecast.h"
#include "pulse-test-forecast.h"

#define KEEP PULSE_FORECAST_KEEP

static PulseForecast *
monday_forecast (void)
{
  g_autoptr(GArray) contacts = contacts_new ();

  for (guint w = 0; w < 6; w++)
    for (guint i = 0; i <= 8; i++)
      add (contacts, WHEN (w, 0, 8, 30 * i), 5, 300);

  return forecast_of (contacts, AS_OF, NULL);
}

static void
add_factor (PulseForecastOverrides *overrides,
            gint64                  from,
            gint64                  to,
            double                  factor)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_forecast_overrides_add_factor (overrides, from, to, factor, &error));
  g_assert_no_error (error);
}

static void
set_value (PulseForecastOverrides *overrides,
           gint64                  starts_at,
           double                  arrivals,
           double                  handle_s)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_forecast_overrides_set_value (overrides, starts_at, arrivals, handle_s,
                                                     &error));
  g_assert_no_error (error);
}

/* ×1.5 over [08:00, 10:00) and ×2 over [09:00, 12:00) overlap at 09:00
 * and 09:30: 5 · 1.5 · 2 = 15. 09:30 is set to 42, which wins over both
 * factors; 11:00 keeps its scaled 10 arrivals with a set 600 s. 12:00,
 * at the end of the second range, is not scaled. */
static void
test_factors_and_values (void)
{
  static const struct { int minutes; double arrivals; double handle_s; int flags; } expected[] = {
    { 0, 7.5, 300, PULSE_FORECAST_FLAG_SCALED },
    { 30, 7.5, 300, PULSE_FORECAST_FLAG_SCALED },
    { 60, 15, 300, PULSE_FORECAST_FLAG_SCALED },
    { 90, 42, 300, PULSE_FORECAST_FLAG_SCALED | PULSE_FORECAST_FLAG_SET_ARRIVALS },
    { 120, 10, 300, PULSE_FORECAST_FLAG_SCALED },
    { 150, 10, 300, PULSE_FORECAST_FLAG_SCALED },
    { 180, 10, 600, PULSE_FORECAST_FLAG_SCALED | PULSE_FORECAST_FLAG_SET_HANDLE },
    { 210, 10, 300, PULSE_FORECAST_FLAG_SCALED },
    { 240, 5, 300, PULSE_FORECAST_FLAG_NONE },
  };
  g_autoptr(PulseForecast) forecast = monday_forecast ();
  g_autoptr(PulseForecastOverrides) overrides = pulse_forecast_overrides_new ();
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;

  add_factor (overrides, WHEN (6, 0, 8, 0), WHEN (6, 0, 10, 0), 1.5);
  add_factor (overrides, WHEN (6, 0, 9, 0), WHEN (6, 0, 12, 0), 2.0);
  set_value (overrides, WHEN (6, 0, 9, 30), 40, KEEP);
  set_value (overrides, WHEN (6, 0, 9, 30), 42, KEEP);
  set_value (overrides, WHEN (6, 0, 11, 0), KEEP, 600);
  g_assert_cmpuint (pulse_forecast_overrides_get_n_items (overrides), ==, 4);

  values = pulse_forecast_get_range (forecast, WHEN (6, 0, 8, 0), WHEN (6, 0, 12, 30),
                                     overrides, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < values->len; i++)
    {
      PulseForecastValue *value = &g_array_index (values, PulseForecastValue, i);
      PulseForecastValue single;

      g_test_message ("08:00 + %d min", expected[i].minutes);
      g_assert_cmpint (value->starts_at, ==, WHEN (6, 0, 8, expected[i].minutes));
      g_assert_cmpfloat_with_epsilon (value->arrivals, expected[i].arrivals, EPSILON);
      g_assert_cmpfloat_with_epsilon (value->handle_seconds, expected[i].handle_s, EPSILON);
      g_assert_cmpint (value->flags, ==, expected[i].flags);

      pulse_forecast_get_value (forecast, value->starts_at, overrides, &single);
      g_assert_cmpfloat (single.arrivals, ==, value->arrivals);
      g_assert_cmpfloat (single.handle_seconds, ==, value->handle_seconds);
      g_assert_cmpint (single.flags, ==, value->flags);
    }
}

/* Both figures kept takes an interval's values out again; a factor of 0
 * closes the queue (a holiday). */
static void
test_remove_and_close (void)
{
  g_autoptr(PulseForecast) forecast = monday_forecast ();
  g_autoptr(PulseForecastOverrides) overrides = pulse_forecast_overrides_new ();
  PulseForecastValue value;

  set_value (overrides, WHEN (6, 0, 9, 0), 42, 120);
  set_value (overrides, WHEN (6, 0, 9, 0), KEEP, KEEP);
  set_value (overrides, WHEN (6, 0, 9, 30), KEEP, KEEP);
  g_assert_cmpuint (pulse_forecast_overrides_get_n_items (overrides), ==, 0);
  pulse_forecast_get_value (forecast, WHEN (6, 0, 9, 0), overrides, &value);
  g_assert_cmpfloat_with_epsilon (value.arrivals, 5.0, EPSILON);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NONE);

  add_factor (overrides, WHEN (6, 0, 0, 0), WHEN (7, 0, 0, 0), 0.0);
  pulse_forecast_get_value (forecast, WHEN (6, 0, 9, 0), overrides, &value);
  g_assert_cmpfloat (value.arrivals, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (value.handle_seconds, 300.0, EPSILON);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_SCALED);
}

/* Without history the planner's figures are all there is; the flags
 * still say there was no history, but no longer that handle time is
 * unknown once it is set. */
static void
test_no_history (void)
{
  g_autoptr(PulseForecast) forecast = pulse_forecast_new (NULL, 0, AS_OF, NULL, NULL);
  g_autoptr(PulseForecastOverrides) overrides = pulse_forecast_overrides_new ();
  PulseForecastValue value;

  add_factor (overrides, WHEN (6, 0, 0, 0), WHEN (7, 0, 0, 0), 3.0);
  set_value (overrides, WHEN (6, 0, 9, 0), 12, KEEP);
  set_value (overrides, WHEN (6, 0, 9, 30), 20, 240);

  pulse_forecast_get_value (forecast, WHEN (6, 0, 8, 30), overrides, &value);
  g_assert_cmpfloat (value.arrivals, ==, 0.0);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NO_HISTORY
                   | PULSE_FORECAST_FLAG_NO_HANDLE | PULSE_FORECAST_FLAG_SCALED);

  pulse_forecast_get_value (forecast, WHEN (6, 0, 9, 0), overrides, &value);
  g_assert_cmpfloat (value.arrivals, ==, 12.0);
  g_assert_cmpfloat (value.handle_seconds, ==, 0.0);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NO_HISTORY | PULSE_FORECAST_FLAG_NO_HANDLE
                   | PULSE_FORECAST_FLAG_SCALED | PULSE_FORECAST_FLAG_SET_ARRIVALS);

  pulse_forecast_get_value (forecast, WHEN (6, 0, 9, 30), overrides, &value);
  g_assert_cmpfloat (value.arrivals, ==, 20.0);
  g_assert_cmpfloat (value.handle_seconds, ==, 240.0);
  g_assert_cmpint (value.flags, ==, PULSE_FORECAST_FLAG_NO_HISTORY | PULSE_FORECAST_FLAG_SCALED
                   | PULSE_FORECAST_FLAG_SET_ARRIVALS | PULSE_FORECAST_FLAG_SET_HANDLE);
}

static void
test_bad_overrides (void)
{
  static const struct { gint64 from; gint64 to; double factor; const char *message; }
  factors[] = {
    { -1, AS_OF, 1.0, "from: must be between 1970 and 9999" },
    { AS_OF, AS_OF, 1.0, "to: must be after from" },
    { AS_OF, AS_OF - 1, 1.0, "to: must be after from" },
    { AS_OF, AS_OF + WEEK, -0.5, "factor: must be 0…100" },
    { AS_OF, AS_OF + WEEK, 100.5, "factor: must be 0…100" },
    { AS_OF, AS_OF + WEEK, NAN, "factor: must be 0…100" },
    { AS_OF, AS_OF + WEEK, INFINITY, "factor: must be 0…100" },
  };
  static const struct { gint64 starts_at; double arrivals; double handle_s; const char *message; }
  values[] = {
    { AS_OF + 60, 1, KEEP, "starts_at: must be on a 30-minute boundary" },
    { -PULSE_FORECAST_INTERVAL_USEC, 1, KEEP, "starts_at: must be on a 30-minute boundary" },
    { AS_OF, -2, KEEP, "arrivals: must be 0…1000000, or -1 to keep the forecast" },
    { AS_OF, 1000001, KEEP, "arrivals: must be 0…1000000" },
    { AS_OF, NAN, KEEP, "arrivals: must be 0…1000000" },
    { AS_OF, KEEP, 0, "handle_seconds: must be above 0 and at most 86400" },
    { AS_OF, KEEP, -3, "handle_seconds: must be above 0 and at most 86400" },
    { AS_OF, 5, 86401, "handle_seconds: must be above 0 and at most 86400" },
  };
  g_autoptr(PulseForecastOverrides) overrides = pulse_forecast_overrides_new ();

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pulse_forecast_overrides_add_factor (overrides, factors[i].from,
                                                           factors[i].to, factors[i].factor,
                                                           &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, factors[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pulse_forecast_overrides_set_value (overrides, values[i].starts_at,
                                                          values[i].arrivals,
                                                          values[i].handle_s, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, values[i].message));
    }
  g_assert_cmpuint (pulse_forecast_overrides_get_n_items (overrides), ==, 0);
}

/* The bounds themselves are accepted, up to the size of the list. */
static void
test_bounds_and_size (void)
{
  g_autoptr(PulseForecastOverrides) overrides = pulse_forecast_overrides_new ();
  g_autoptr(GError) full = NULL;

  set_value (overrides, AS_OF, 1000000, 86400);
  set_value (overrides, AS_OF + PULSE_FORECAST_INTERVAL_USEC, 0, KEEP);
  add_factor (overrides, 0, AS_OF, 100);
  for (guint i = 3; i < PULSE_FORECAST_MAX_OVERRIDES; i++)
    add_factor (overrides, AS_OF, AS_OF + WEEK, 1.0);
  g_assert_false (pulse_forecast_overrides_add_factor (overrides, AS_OF, AS_OF + WEEK, 1.0,
                                                       &full));
  g_assert_error (full, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (full->message, ==, "overrides: more than 10000");
  g_clear_error (&full);
  g_assert_false (pulse_forecast_overrides_set_value (overrides, AS_OF + WEEK, 1, KEEP, &full));
  g_assert_cmpstr (full->message, ==, "overrides: more than 10000");
  /* Replacing a value set before needs no room. */
  set_value (overrides, AS_OF, 7, KEEP);
  g_assert_cmpuint (pulse_forecast_overrides_get_n_items (overrides), ==,
                    PULSE_FORECAST_MAX_OVERRIDES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/forecast-overrides/factors-and-values", test_factors_and_values);
  g_test_add_func ("/pulse/core/forecast-overrides/remove-and-close", test_remove_and_close);
  g_test_add_func ("/pulse/core/forecast-overrides/no-history", test_no_history);
  g_test_add_func ("/pulse/core/forecast-overrides/bad-overrides", test_bad_overrides);
  g_test_add_func ("/pulse/core/forecast-overrides/bounds-and-size", test_bounds_and_size);

  return g_test_run ();
}
