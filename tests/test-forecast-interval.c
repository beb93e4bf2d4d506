/* test-forecast-interval.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_forecast_interval_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_forecast_interval_to_json)

static const char full_interval[] =
  "{\"queue_id\":\"q-ua-chat\",\"starts_at\":\"2026-11-20T09:30:00Z\","
  "\"forecast_arrivals\":42.5,\"actual_arrivals\":45,\"handle_time_seconds\":310.5,"
  "\"required\":12,\"required_with_shrinkage\":18,\"scheduled\":11,\"online\":10,"
  "\"flags\":[\"handle-fallback\"]}";

/* A quiet night ahead: nothing forecast, no one needed, nothing known yet. */
static const char minimal_interval[] =
  "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":0.0,"
  "\"actual_arrivals\":null,\"handle_time_seconds\":1.0,\"required\":0,"
  "\"required_with_shrinkage\":0,\"scheduled\":0,\"online\":null,\"flags\":[]}";

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
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 45);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 310.5);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 12);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (interval), ==, 18);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 11);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 10);
  g_assert_true (pulse_forecast_interval_has_flag (interval, "handle-fallback"));
  g_assert_false (pulse_forecast_interval_has_flag (interval, "no-history"));
  g_assert_cmpuint (g_strv_length ((GStrv) pulse_forecast_interval_get_flags (interval)), ==, 1);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_interval, DECODE, ENCODE);
  PulseForecastInterval *interval = PULSE_FORECAST_INTERVAL (object);

  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0.0);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
  g_assert_cmpstr (pulse_forecast_interval_get_flags (interval)[0], ==, NULL);
}

/* What an older writer leaves out: actual arrivals unknown, no shrinkage
 * (as many to schedule as required), no flags. */
static void
test_optional_members (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":3,"
    "\"handle_time_seconds\":300,\"required\":2,\"scheduled\":3,\"online\":2}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (interval), ==, 2);
  g_assert_cmpstr (pulse_forecast_interval_get_flags (interval)[0], ==, NULL);
}

/* A flag this reader does not know is kept: a newer server may add one. */
static void
test_unknown_flag_kept (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":3,"
    "\"handle_time_seconds\":300,\"required\":2,\"scheduled\":3,\"online\":2,"
    "\"flags\":[\"weather\",\"no-history\"]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_true (pulse_forecast_interval_has_flag (interval, "weather"));
  g_assert_true (pulse_forecast_interval_has_flag (interval, "no-history"));
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
    { "online", "-1", "online: -1 is outside" },
    { "online", "1.5", "online: expected an integer" },
    { "online", "\"10\"", "online: expected an integer, got a string" },
    { "actual_arrivals", "-1", "actual_arrivals: -1 is outside 0…1000000" },
    { "actual_arrivals", "1000001", "actual_arrivals: 1000001 is outside" },
    { "actual_arrivals", "4.5", "actual_arrivals: expected an integer" },
    { "required_with_shrinkage", "11", "required_with_shrinkage: must not be below required" },
    { "required_with_shrinkage", "100001", "required_with_shrinkage: 100001 is outside" },
    { "required_with_shrinkage", "true", "required_with_shrinkage: expected an integer" },
    { "flags", "\"no-history\"", "flags: expected an array" },
    { "flags", "[1]", "flags[0]: expected a string" },
    { "flags", "[\"\"]", "flags[0]: must not be empty" },
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

/* null is "not known yet"; leaving the member out is an error, since a
 * writer that forgets it would read as a future interval. */
static void
test_online_null (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":3,"
    "\"handle_time_seconds\":300,\"required\":2,\"scheduled\":3,\"online\":null}");
  g_autoptr(JsonNode) missing = pulse_test_parse (
    "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-21T03:00:00Z\",\"forecast_arrivals\":3,"
    "\"handle_time_seconds\":300,\"required\":2,\"scheduled\":3}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_from_json (node, &error);
  g_autoptr(PulseForecastInterval) refused = NULL;
  gboolean previous;

  g_assert_no_error (error);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);

  refused = pulse_forecast_interval_new_from_json (missing, &error);
  g_assert_null (refused);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "online: is required"));
  g_clear_error (&error);

  /* Strict readers accept the null member too: it was read. */
  previous = pulse_json_set_strict (TRUE);
  g_clear_object (&interval);
  interval = pulse_forecast_interval_new_from_json (node, &error);
  pulse_json_set_strict (previous);
  g_assert_no_error (error);
}

static void
test_new_full (void)
{
  static const char * const flags[] = { "no-handle", "handle-clamped", NULL };
  gint64 start = parse_time ("2026-11-20T10:00:00Z");
  PulseForecastIntervalFigures figures = {
    .forecast_arrivals = 4.0, .actual_arrivals = 5, .handle_time_seconds = 450.0,
    .required = 3, .required_with_shrinkage = 5, .scheduled = 2, .online = 1, .flags = flags,
  };
  g_autoptr(PulseForecastInterval) interval = pulse_forecast_interval_new_full ("q", start,
                                                                                &figures);
  g_autoptr(JsonNode) node = pulse_forecast_interval_to_json (interval);
  g_autofree char *text = pulse_json_to_string (node);

  g_assert_cmpstr (text, ==,
                   "{\"queue_id\":\"q\",\"starts_at\":\"2026-11-20T10:00:00Z\","
                   "\"forecast_arrivals\":4.0,\"actual_arrivals\":5,"
                   "\"handle_time_seconds\":450.0,\"required\":3,"
                   "\"required_with_shrinkage\":5,\"scheduled\":2,\"online\":1,"
                   "\"flags\":[\"no-handle\",\"handle-clamped\"]}");
  g_assert_true (pulse_forecast_interval_get_flags (interval) != (const char * const *) flags);
}

/* Figures out of bounds are a programming error, refused with a critical. */
static void
test_new_full_bad_figures (void)
{
  PulseForecastIntervalFigures figures = {
    .forecast_arrivals = 4.0, .actual_arrivals = -1, .handle_time_seconds = 0.0,
    .required = 3, .required_with_shrinkage = 5, .scheduled = 2, .online = -1,
  };
  PulseForecastInterval *interval;

  g_test_expect_message ("pulse-core", G_LOG_LEVEL_CRITICAL, "*figures_are_valid*");
  interval = pulse_forecast_interval_new_full ("q", 0, &figures);
  g_test_assert_expected_messages ();
  g_assert_null (interval);

  figures.handle_time_seconds = 300.0;
  figures.required_with_shrinkage = 2;
  g_test_expect_message ("pulse-core", G_LOG_LEVEL_CRITICAL, "*figures_are_valid*");
  interval = pulse_forecast_interval_new_full ("q", 0, &figures);
  g_test_assert_expected_messages ();
  g_assert_null (interval);
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
  g_test_add_func ("/pulse/core/forecast-interval/new-full", test_new_full);
  g_test_add_func ("/pulse/core/forecast-interval/new-full-bad-figures",
                   test_new_full_bad_figures);
  g_test_add_func ("/pulse/core/forecast-interval/optional-members", test_optional_members);
  g_test_add_func ("/pulse/core/forecast-interval/unknown-flag-kept", test_unknown_flag_kept);
  g_test_add_func ("/pulse/core/forecast-interval/online-null", test_online_null);

  return g_test_run ();
}
