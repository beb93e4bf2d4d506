/* test-coverage-report.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console's reader of GET /api/v1/coverage: the range, the queues and
 * their intervals, the per-interval totals over queues, and answers that
 * do not hold together refused by the field at fault.
 */

#include "config.h"

#include "pulse-coverage-report.h"
#include "pulse-error.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_coverage_report_new_from_json)

#define IV(q, t, fa, aa, ht, r, rs, s, o) \
  "{\"queue_id\":\"" q "\",\"starts_at\":\"" t "\",\"forecast_arrivals\":" fa "," \
  "\"actual_arrivals\":" aa ",\"handle_time_seconds\":" ht ",\"required\":" r "," \
  "\"required_with_shrinkage\":" rs ",\"scheduled\":" s ",\"online\":" o ",\"flags\":[]}"

/* Two queues over one hour; the first interval has started. */
static const char answer[] =
  "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T11:00:00Z\","
  "\"as_of\":\"2026-11-16T10:10:00Z\",\"shrinkage\":0.3,\"queues\":["
  "{\"queue_id\":\"q-es-chat\",\"name\":\"Spain · chat\",\"channel\":\"chat\","
  "\"model\":\"erlang-c\",\"sl_target_seconds\":20,\"sl_goal\":0.8,\"concurrency\":2,"
  "\"agents\":4,\"intervals\":["
  IV ("q-es-chat", "2026-11-16T10:00:00Z", "6.0", "2", "600.0", "2", "3", "4", "3") ","
  IV ("q-es-chat", "2026-11-16T10:30:00Z", "0.0", "null", "600.0", "0", "0", "1", "null")
  "]},"
  "{\"queue_id\":\"q-ua-phone\",\"name\":\"Ukraine · phone\",\"channel\":\"phone\","
  "\"model\":\"erlang-c\",\"sl_target_seconds\":20,\"sl_goal\":0.8,\"concurrency\":1,"
  "\"agents\":2,\"intervals\":["
  IV ("q-ua-phone", "2026-11-16T10:00:00Z", "4.0", "3", "450.0", "3", "5", "2", "1") ","
  IV ("q-ua-phone", "2026-11-16T10:30:00Z", "0.0", "null", "300.0", "0", "0", "2", "null")
  "]}]}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseCoverageReport *
decode (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseCoverageReport *report = pulse_coverage_report_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_decode (void)
{
  g_autoptr(PulseCoverageReport) report = decode (answer);
  const PulseCoverageReportQueue *queue;
  PulseForecastInterval *interval;

  g_assert_cmpint (pulse_coverage_report_get_from (report), ==,
                   parse_time ("2026-11-16T10:00:00Z"));
  g_assert_cmpint (pulse_coverage_report_get_to (report), ==,
                   parse_time ("2026-11-16T11:00:00Z"));
  g_assert_cmpint (pulse_coverage_report_get_as_of (report), ==,
                   parse_time ("2026-11-16T10:10:00Z"));
  g_assert_cmpfloat (pulse_coverage_report_get_shrinkage (report), ==, 0.3);
  g_assert_cmpuint (pulse_coverage_report_get_n_queues (report), ==, 2);
  g_assert_cmpuint (pulse_coverage_report_get_n_intervals (report), ==, 2);

  queue = pulse_coverage_report_get_queue (report, 1);
  g_assert_cmpstr (queue->queue_id, ==, "q-ua-phone");
  g_assert_cmpstr (queue->name, ==, "Ukraine · phone");
  g_assert_cmpint (queue->channel, ==, PULSE_CHANNEL_KIND_PHONE);
  g_assert_cmpstr (queue->model, ==, "erlang-c");
  g_assert_cmpint (queue->sl_target_seconds, ==, 20);
  g_assert_cmpfloat (queue->sl_goal, ==, 0.8);
  g_assert_cmpuint (queue->agents, ==, 2);
  g_assert_cmpuint (queue->intervals->len, ==, 2);
  interval = queue->intervals->pdata[0];
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (interval), ==, 5);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);

  g_assert_true (pulse_coverage_report_find_queue (report, "q-es-chat") ==
                 pulse_coverage_report_get_queue (report, 0));
  g_assert_null (pulse_coverage_report_find_queue (report, "q-x"));
}

static void
test_totals (void)
{
  g_autoptr(PulseCoverageReport) report = decode (answer);
  g_autoptr(GPtrArray) totals = pulse_coverage_report_dup_totals (report);
  PulseForecastInterval *first;
  PulseForecastInterval *second;

  g_assert_cmpuint (totals->len, ==, 2);
  first = totals->pdata[0];
  second = totals->pdata[1];

  g_assert_cmpstr (pulse_forecast_interval_get_queue_id (first), ==,
                   PULSE_COVERAGE_REPORT_ALL_QUEUES);
  g_assert_cmpint (pulse_forecast_interval_get_starts_at (second), ==,
                   parse_time ("2026-11-16T10:30:00Z"));
  /* 6 + 4 contacts; handle time (6 × 600 + 4 × 450) / 10 = 540 s. */
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (first), 10.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_handle_time_seconds (first), 540.0,
                                  1e-9);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (first), ==, 5);
  g_assert_cmpint (pulse_forecast_interval_get_required (first), ==, 5);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (first), ==, 8);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (first), ==, 6);
  g_assert_cmpint (pulse_forecast_interval_get_online (first), ==, 4);

  /* Nothing forecast: the plain mean handle time, (600 + 300) / 2; not
   * started, so nothing actual or online is known. */
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_handle_time_seconds (second),
                                  450.0, 1e-9);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (second), ==, 3);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (second), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
  g_assert_cmpint (pulse_forecast_interval_get_online (second), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
}

static void
test_no_queues (void)
{
  g_autoptr(PulseCoverageReport) report = decode (
    "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T11:00:00Z\","
    "\"as_of\":\"2026-11-16T10:10:00Z\",\"shrinkage\":0.3,\"queues\":[]}");
  g_autoptr(GPtrArray) totals = pulse_coverage_report_dup_totals (report);

  g_assert_cmpuint (pulse_coverage_report_get_n_queues (report), ==, 0);
  g_assert_cmpuint (totals->len, ==, 0);
}

#define RANGE(from, to) \
  "{\"from\":\"" from "\",\"to\":\"" to "\",\"as_of\":\"2026-11-16T10:10:00Z\","
#define HOUR RANGE ("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z")
#define QUEUE(body) \
  "\"queues\":[{\"queue_id\":\"q\",\"channel\":\"chat\",\"intervals\":[" body "]}]}"
#define GOOD_1000 IV ("q", "2026-11-16T10:00:00Z", "1.0", "1", "60.0", "1", "2", "1", "1")
#define GOOD_1030 IV ("q", "2026-11-16T10:30:00Z", "1.0", "1", "60.0", "1", "2", "1", "1")

static void
test_bad_input (void)
{
  static const PulseTestBadInput cases[] = {
    { "{\"to\":\"2026-11-16T11:00:00Z\",\"as_of\":\"2026-11-16T10:10:00Z\",\"queues\":[]}",
      "from" },
    { RANGE ("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z") "\"queues\":{}}", "queues" },
    { "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T11:00:00Z\",\"queues\":[]}",
      "as_of" },
    { RANGE ("2026-11-16T10:10:00Z", "2026-11-16T11:00:00Z") "\"queues\":[]}", "from" },
    { RANGE ("2026-11-16T11:00:00Z", "2026-11-16T10:00:00Z") "\"queues\":[]}",
      "to: must be after from" },
    { RANGE ("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z") "\"queues\":[]}",
      "to: must be at most 8 weeks" },
    { HOUR "\"queues\":[42]}", "queues[0]" },
    { HOUR "\"queues\":[{\"channel\":\"chat\",\"intervals\":[]}]}", "queues[0].queue_id" },
    { HOUR "\"queues\":[{\"queue_id\":\"q\",\"channel\":\"fax\",\"intervals\":[]}]}",
      "queues[0].channel" },
    { HOUR QUEUE (GOOD_1000), "queues[0].intervals: has 1 items, the range has 2" },
    { HOUR QUEUE (GOOD_1030 "," GOOD_1000), "queues[0].intervals[0]: is not" },
    { HOUR QUEUE (GOOD_1000 ","
                  IV ("other", "2026-11-16T10:30:00Z", "1.0", "1", "60.0", "1", "2", "1", "1")),
      "queues[0].intervals[1]" },
    { HOUR QUEUE (GOOD_1000 ","
                  IV ("q", "2026-11-16T10:30:00Z", "1.0", "1", "60.0", "-1", "2", "1", "1")),
      "queues[0].intervals[1].required" },
    { HOUR QUEUE (GOOD_1000 ",{\"queue_id\":\"q\"}"), "queues[0].intervals[1].starts_at" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/coverage-report/decode", test_decode);
  g_test_add_func ("/pulse/core/coverage-report/totals", test_totals);
  g_test_add_func ("/pulse/core/coverage-report/no-queues", test_no_queues);
  g_test_add_func ("/pulse/core/coverage-report/bad-input", test_bad_input);

  return g_test_run ();
}
