/* test-coverage-compute.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole coverage computations on hand-made histories, shifts and status
 * reports, ahead of time, afterwards and during an interval, and the
 * answer's wire form.
 */

#include "config.h"

#include "pulse-coverage.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-test-coverage.h"

#define WEEK PULSE_FORECAST_WEEK_USEC

/* Six Mondays of history, 100 calls of 180 s each in 10:00–10:30 and
 * none in 10:30–11:00 (the queue had other calls, so that is a real 0). */
static void
add_constant_history (PulseCoverage *coverage,
                      const char    *queue_id,
                      gint64         monday_10)
{
  for (guint week = 1; week <= 6; week++)
    {
      gint64 start = monday_10 - week * WEEK;

      for (guint c = 0; c < 100; c++)
        g_assert_true (pulse_coverage_add_contact (coverage, queue_id, start + c * 18 * 1000000,
                                                   180));
      g_assert_true (pulse_coverage_add_contact (coverage, queue_id, start + 2 * HOUR, 180));
    }
}

static PulseForecastInterval *
interval_of (GPtrArray *queues,
             guint      queue,
             guint      index)
{
  PulseCoverageQueue *entry = queues->pdata[queue];

  g_assert_cmpuint (index, <, entry->intervals->len);
  return entry->intervals->pdata[index];
}

static PulseCoverage *
coverage_new (const char *from,
              const char *to,
              const char *now)
{
  PulseCoverageRequest request = { at (from), at (to), at (now), 0.3, 0 };

  return pulse_coverage_new (&request);
}

static void
add_people (PulseCoverage *coverage)
{
  g_autoptr(PulseAgent) a1 = make_agent ("a1", "\"phone\"", "\"uk\"", NULL);
  g_autoptr(PulseAgent) a2 = make_agent ("a2", "\"phone\",\"chat\"", "\"uk\"", NULL);
  g_autoptr(PulseAgent) a3 = make_agent ("a3", "\"chat\"", "\"uk\"", NULL);
  g_autoptr(PulseShift) s1 = make_shift ("a1", PULSE_SHIFT_KIND_WORK, "2026-11-16T09:00:00Z",
                                         "2026-11-16T13:00:00Z", "2026-11-16T10:00:00Z",
                                         "2026-11-16T10:15:00Z");
  g_autoptr(PulseShift) s2 = make_shift ("a2", PULSE_SHIFT_KIND_WORK, "2026-11-16T10:00:00Z",
                                         "2026-11-16T12:00:00Z", NULL, NULL);
  g_autoptr(PulseShift) s3 = make_shift ("a3", PULSE_SHIFT_KIND_WORK, "2026-11-16T08:00:00Z",
                                         "2026-11-16T16:00:00Z", NULL, NULL);

  pulse_coverage_add_agent (coverage, a1);
  pulse_coverage_add_agent (coverage, a2);
  pulse_coverage_add_agent (coverage, a3);
  pulse_coverage_add_shift (coverage, s1);
  pulse_coverage_add_shift (coverage, s2);
  pulse_coverage_add_shift (coverage, s3);

  /* a1 09:00 available, 10:00 break, 10:15 back; a2 in at 10:10 and
   * online but for 10:50–11:00; a3 (chat only) online all along. */
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:40:00Z"),
                             PULSE_AGENT_STATUS_AFTER_CALL);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T09:00:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T10:00:00Z"),
                             PULSE_AGENT_STATUS_BREAK);
  pulse_coverage_add_status (coverage, "a1", at ("2026-11-16T10:15:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:10:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:20:00Z"),
                             PULSE_AGENT_STATUS_BUSY);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T10:50:00Z"),
                             PULSE_AGENT_STATUS_OFFLINE);
  pulse_coverage_add_status (coverage, "a3", at ("2026-11-16T08:00:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
}

static void
assert_flags (PulseForecastInterval *interval,
              const char            *expected)
{
  g_autofree char *flags = g_strjoinv (",", (GStrv) pulse_forecast_interval_get_flags (interval));

  g_assert_cmpstr (flags, ==, expected);
}

/* Ahead of time: the forecast is the mean of six equal Mondays, 100 at
 * 180 s → 14 and 20 (DESIGN.md's case); 10:30 had none → 0, its handle
 * time the queue's mean (under 20 handled calls of its own). A queue with
 * no history forecasts 0 with the phone default of 300 s. Scheduled:
 * 10:00 a1 half (break) + a2 whole = 1.5 → 2; 10:30 both whole = 2; a3
 * takes no calls. Nothing has happened yet, so no actuals or online. */
static void
test_compute_ahead (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T00:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(PulseQueue) fresh = make_queue ("q-fresh", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  pulse_coverage_add_queue (coverage, fresh);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  g_assert_false (pulse_coverage_add_contact (coverage, "q-other", at ("2026-11-09T10:00:00Z"),
                                              60));
  g_assert_cmpint (pulse_coverage_get_history_from (coverage), ==, at ("2026-10-05T00:00:00Z"));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T00:00:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queues->len, ==, 2);
  g_assert_cmpuint (((PulseCoverageQueue *) queues->pdata[0])->n_agents, ==, 2);
  g_assert_cmpuint (((PulseCoverageQueue *) queues->pdata[1])->n_agents, ==, 2);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (interval), 100,
                                  1e-9);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 180);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (interval), ==, 20);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, -1);
  assert_flags (interval, "");

  interval = interval_of (queues, 0, 1);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 180);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  assert_flags (interval, "handle-fallback");

  /* The same agents count for the second queue: per queue, not pooled. */
  interval = interval_of (queues, 1, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (interval), ==, 300);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  assert_flags (interval, "no-history,no-handle");
}

static void
add_actuals (PulseCoverage *coverage)
{
  /* 90 calls in 10:00–10:30 (one every 20 s), 3 in 10:30–11:00. */
  for (guint c = 0; c < 90; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:00:00Z") + c * 20 * 1000000,
                                               -1));
  for (guint c = 0; c < 3; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:40:00Z") + c * MINUTE, -1));
}

/* Afterwards: the forecast is still the one made before (100, not the 90
 * that came), beside the actuals. Online: 10:00 a1 15 min + a2 20 min =
 * 35/30 → 1; 10:30 a1 30 + a2 20 (offline at 10:50) = 50/30 → 2. */
static void
test_compute_past (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-12-01T08:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  add_actuals (coverage);
  g_assert_cmpint (pulse_coverage_get_history_from (coverage), ==, at ("2026-10-05T10:00:00Z"));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T11:00:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (interval), 100,
                                  1e-9);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 90);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (interval), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);

  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 3);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 2);
}

/* At 10:20 the first interval is under way: 20 minutes measured, a1 5
 * and a2 10 of them online (15/20 → 1), 60 of the calls in so far; the
 * second has not started. */
static void
test_compute_current (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T10:20:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  add_constant_history (coverage, "q-phone", at ("2026-11-16T10:00:00Z"));
  for (guint c = 0; c < 60; c++)
    g_assert_true (pulse_coverage_add_contact (coverage, "q-phone",
                                               at ("2026-11-16T10:00:00Z") + c * 20 * 1000000,
                                               -1));
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T10:20:00Z"));

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);

  interval = interval_of (queues, 0, 0);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 60);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);
  g_assert_cmpint (pulse_forecast_interval_get_required (interval), ==, 14);

  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, -1);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (interval), ==, 0);
}

/* An interval starting exactly now has started: online is who is online
 * at that instant (a1 on break, a2 not in yet, so 0), no call yet. */
static void
test_compute_starting_now (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T10:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  pulse_coverage_add_queue (coverage, phone);
  add_people (coverage);
  pulse_coverage_add_status (coverage, "a2", at ("2026-11-16T09:59:00Z"),
                             PULSE_AGENT_STATUS_AVAILABLE);
  g_assert_cmpint (pulse_coverage_get_until (coverage), ==, at ("2026-11-16T10:00:00Z") + 1);

  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);
  interval = interval_of (queues, 0, 0);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (interval), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, 1);
  interval = interval_of (queues, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_online (interval), ==, -1);
}

static void
test_compute_cancelled (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T11:00:00Z",
                                                    "2026-11-16T00:00:00Z");
  g_autoptr(PulseQueue) phone = make_queue ("q-phone", "phone", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;

  pulse_coverage_add_queue (coverage, phone);
  g_cancellable_cancel (cancellable);
  queues = pulse_coverage_compute (coverage, cancellable, &error);
  g_assert_null (queues);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_to_json (void)
{
  g_autoptr(PulseCoverage) coverage = coverage_new ("2026-11-16T10:00:00Z",
                                                    "2026-11-16T10:30:00Z",
                                                    "2026-12-01T08:00:00Z");
  g_autoptr(PulseQueue) mail = make_queue ("q-mail", "email", NULL);
  g_autoptr(PulseQueue) patient = make_queue ("q-a", "phone", ",\"patience_seconds\":60");
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *text = NULL;

  pulse_coverage_add_queue (coverage, mail);
  pulse_coverage_add_queue (coverage, patient);
  queues = pulse_coverage_compute (coverage, NULL, NULL);
  node = pulse_coverage_to_json (coverage, queues);
  text = pulse_json_to_string (node);

  /* Compared as JSON: the writer spells 0.3 with 17 digits. */
  expected = pulse_test_parse (
    "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T10:30:00Z\","
    "\"as_of\":\"2026-12-01T08:00:00Z\",\"shrinkage\":0.3,\"queues\":["
    "{\"queue_id\":\"q-mail\",\"name\":\"q-mail\",\"channel\":\"email\","
    "\"model\":\"workload\",\"sl_target_seconds\":20,\"sl_goal\":0.8,\"occupancy\":0.85,"
    "\"concurrency\":1,\"agents\":0,\"intervals\":[{\"queue_id\":\"q-mail\","
    "\"starts_at\":\"2026-11-16T10:00:00Z\",\"forecast_arrivals\":0.0,"
    "\"actual_arrivals\":0,\"handle_time_seconds\":480.0,\"required\":0,"
    "\"required_with_shrinkage\":0,\"scheduled\":0,\"online\":0,"
    "\"flags\":[\"no-history\",\"no-handle\"]}]},"
    "{\"queue_id\":\"q-a\",\"name\":\"q-a\",\"channel\":\"phone\",\"model\":\"erlang-a\","
    "\"sl_target_seconds\":20,\"sl_goal\":0.8,\"patience_seconds\":60,\"concurrency\":1,"
    "\"agents\":0,\"intervals\":[{\"queue_id\":\"q-a\","
    "\"starts_at\":\"2026-11-16T10:00:00Z\",\"forecast_arrivals\":0.0,"
    "\"actual_arrivals\":0,\"handle_time_seconds\":300.0,\"required\":0,"
    "\"required_with_shrinkage\":0,\"scheduled\":0,\"online\":0,"
    "\"flags\":[\"no-history\",\"no-handle\"]}]}]}");
  if (!json_node_equal (expected, node))
    g_error ("unexpected document: %s", text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/coverage/compute-ahead", test_compute_ahead);
  g_test_add_func ("/pulse/core/coverage/compute-past", test_compute_past);
  g_test_add_func ("/pulse/core/coverage/compute-current", test_compute_current);
  g_test_add_func ("/pulse/core/coverage/compute-starting-now", test_compute_starting_now);
  g_test_add_func ("/pulse/core/coverage/compute-cancelled", test_compute_cancelled);
  g_test_add_func ("/pulse/core/coverage/to-json", test_to_json);

  return g_test_run ();
}
