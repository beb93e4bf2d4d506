/* test-forecast-interval.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_forecast_interval_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_forecast_interval_to_json)

static const char full_interval[] =
  "{\"queue_id\":\"q-ua-chat\",\"starts_at\":\"2026-11-20T09:30:00Z\","
  "\"forecast_arrivals\":42.5,\"handle_time_seconds\":310.5,"
  "\"required\":12,\"scheduled\":11,\"online\":10}";

/* A quiet night: nothing forecast, no one needed. */
static const char minimal_interval[] =
  "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":0.0,"
  "\"handle_time_seconds\":1.0,\"required\":0,\"scheduled\":0,\"online\":0}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_interval, DECODE, ENCODE);
  PulseForecastInterval *interval = PULSE_FORECAST_INTERVAL (object);

  g_assert_cmpstr (pulse_forecast_interval_get_queue_id (interval), ==, "q-ua-chat");
  g_assert_cmpint (pulse_forecast_interval_get_starts_at (interval), ==,
                   parse_time ("2026-11-20T09:30:00Z"));
  g_assert_cmpint (pulse_forecast_interval_get_ends_at (interval), ==,
                   parse_time ("2026-11-20T10:00:00Z"));
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 42.5);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 310.5);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 12);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 11);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 10);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_interval, DECODE, ENCODE);
  PulseForecastInterval *interval = PULSE_FORECAST_INTERVAL (object);

  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0.0);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 0);
}

/* Whole numbers are accepted for the two means. */
static void
test_integer_means (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":12,"
    "\"handle_time_seconds\":300,\"required\":3,\"scheduled\":3,\"online\":2}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 12.0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 300.0);
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-20T09:00:00Z\",\"forecast_arrivals\":1.5,"
    "\"handle_time_seconds\":200,\"required\":1,\"scheduled\":2,\"online\":2,"
    "\"shrinkage\":0.3,\"model\":{\"name\":\"erlang-c\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  const PulseTestMutation mutations[] = {
    { "queue_id", NULL, "queue_id: is required" },
    { "queue_id", "\"\"", "queue_id: must not be empty" },
    { "queue_id", "1", "queue_id: expected a string, got a number" },
    { "queue_id", long_id, "queue_id: longer than 128 bytes" },
    { "starts_at", NULL, "starts_at: is required" },
    { "starts_at", "\"2026-11-20 09:30\"", "starts_at: is not an RFC 3339 time" },
    { "starts_at", "true", "starts_at: expected an RFC 3339 time string, got a boolean" },
    { "starts_at", "\"2026-11-20T09:15:00Z\"", "starts_at: must be on a 30-minute boundary" },
    { "starts_at", "\"2026-11-20T09:45:00Z\"", "starts_at: must be on a 30-minute boundary" },
    { "starts_at", "\"2026-11-20T09:30:01Z\"", "starts_at: must be on a 30-minute boundary" },
    { "starts_at", "\"2026-11-20T09:30:00.5Z\"", "starts_at: must be on a 30-minute boundary" },
    { "starts_at", "\"2026-11-20T09:29:59.999999Z\"",
      "starts_at: must be on a 30-minute boundary" },
    { "forecast_arrivals", NULL, "forecast_arrivals: is required" },
    { "forecast_arrivals", "-0.5", "forecast_arrivals: -0.5 is outside" },
    { "forecast_arrivals", "1e7", "forecast_arrivals: 1e+07 is outside" },
    { "forecast_arrivals", "\"42\"", "forecast_arrivals: expected a number, got a string" },
    { "handle_time_seconds", NULL, "handle_time_seconds: is required" },
    { "handle_time_seconds", "0", "handle_time_seconds: must be greater than 0" },
    { "handle_time_seconds", "0.0", "handle_time_seconds: must be greater than 0" },
    { "handle_time_seconds", "-1", "handle_time_seconds: -1 is outside" },
    { "handle_time_seconds", "86401", "handle_time_seconds: 86401 is outside" },
    { "handle_time_seconds", "[]", "handle_time_seconds: expected a number, got an array" },
    { "required", NULL, "required: is required" },
    { "required", "-1", "required: -1 is outside 0…100000" },
    { "required", "100001", "required: 100001 is outside 0…100000" },
    { "required", "11.5", "required: expected an integer" },
    { "scheduled", NULL, "scheduled: is required" },
    { "scheduled", "-1", "scheduled: -1 is outside" },
    { "scheduled", "\"11\"", "scheduled: expected an integer, got a string" },
    { "online", NULL, "online: is required" },
    { "online", "-3", "online: -3 is outside" },
    { "online", "null", "online: is required" },
    { "online", "1.5", "online: expected an integer" },
  };

  pulse_test_assert_bad_mutations (full_interval, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

/* Alignment is to UTC :00 and :30, whatever offset the time is written in. */
static void
test_alignment (void)
{
  static const char *aligned[] = {
    "2026-11-20T00:00:00Z",
    "2026-11-20T09:30:00Z",
    "2026-11-20T23:30:00Z",
    "2026-11-20T11:30:00+02:00",
    "2026-11-20T15:15:00+05:45",
  };
  static const char *unaligned[] = {
    "2026-11-20T09:01:00Z",
    "2026-11-20T09:59:59Z",
    "2026-11-20T09:30:00+05:45",
  };

  for (guint i = 0; i < G_N_ELEMENTS (aligned); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"queue_id\":\"q\",\"starts_at\":\"%s\",\"forecast_arrivals\":1,"
        "\"handle_time_seconds\":60,\"required\":1,\"scheduled\":1,\"online\":1}", aligned[i]);
      g_autoptr(JsonNode) node = pulse_test_parse (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseForecastInterval) interval = NULL;

      interval = pulse_forecast_interval_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_true (pulse_forecast_interval_is_aligned (parse_time (aligned[i])));
    }

  for (guint i = 0; i < G_N_ELEMENTS (unaligned); i++)
    g_assert_false (pulse_forecast_interval_is_aligned (parse_time (unaligned[i])));

  g_assert_true (pulse_forecast_interval_is_aligned (0));
  g_assert_true (pulse_forecast_interval_is_aligned (PULSE_FORECAST_INTERVAL_USEC));
  g_assert_false (pulse_forecast_interval_is_aligned (PULSE_FORECAST_INTERVAL_USEC + 1));
  g_assert_false (pulse_forecast_interval_is_aligned (PULSE_FORECAST_INTERVAL_USEC - 1));
}

static void
test_new (void)
{
  gint64 start = parse_time ("2026-11-20T09:30:00Z");
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new ("q", start);

  g_assert_cmpstr (pulse_forecast_interval_get_queue_id (interval), ==, "q");
  g_assert_cmpint (pulse_forecast_interval_get_starts_at (interval), ==, start);
  g_assert_cmpint (pulse_forecast_interval_get_ends_at (interval), ==,
                   start + 30 * PULSE_USEC_PER_MINUTE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/forecast-interval/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/forecast-interval/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/forecast-interval/integer-means", test_integer_means);
  g_test_add_func ("/pulse/core/forecast-interval/unknown-fields-ignored",
                   test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/forecast-interval/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/forecast-interval/alignment", test_alignment);
  g_test_add_func ("/pulse/core/forecast-interval/new", test_new);

  return g_test_run ();
}
