/* test-session-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse_session_fetch_coverage_async() against a real in-process server:
 * the figures of DESIGN.md's case worked out by hand, one queue or all,
 * cancellation before and during the request, an answer that breaks the
 * protocol, no server, and an unknown queue.
 */

#include "config.h"

#include "pulse-client.h"
#include "pulse-session-coverage.h"
#include "pulse-test-coverage-session.h"

typedef struct
{
  PulseTestServer *ts;
  PulseSession    *session;
  gint64           target;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->ts = pulse_test_server_new ();
  fixture->target = cov_day_after_tomorrow_at_ten ();
  cov_ingest (fixture->ts, "directory", cov_directory);
  cov_ingest_history (fixture->ts, "q-a", fixture->target);
  /* a1 covers the first half hour, a2 the whole hour. */
  cov_add_shift (fixture->ts, "s-1", "a1", fixture->target, fixture->target + 30 * COV_MINUTE);
  cov_add_shift (fixture->ts, "s-2", "a2", fixture->target, fixture->target + COV_HOUR);
  fixture->session = pulse_session_new ();
  cov_sign_in (fixture->session, fixture->ts, PULSE_ROLE_PLANNER);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pulse_session_disconnect (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->ts, pulse_test_server_free);
}

static PulseCoverageReport *
fetch (PulseSession  *session,
       gint64         from,
       gint64         to,
       const char    *queue_id,
       GCancellable  *cancellable,
       GError       **error)
{
  CovWait wait = { NULL };
  PulseCoverageReport *report;

  pulse_session_fetch_coverage_async (session, from, to, queue_id, cancellable, cov_done_cb,
                                      &wait);
  g_assert_true (pulse_test_wait_for (cov_wait_is_done, &wait, COV_TIMEOUT_MS));
  report = pulse_session_fetch_coverage_finish (session, wait.result, error);
  g_object_unref (wait.result);
  return report;
}

static void
test_one_queue (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCoverageReport) report = NULL;
  const PulseCoverageReportQueue *queue;
  PulseForecastInterval *first;
  PulseForecastInterval *second;

  /* Off the boundary: the server rounds to the two intervals of the hour. */
  report = fetch (fixture->session, fixture->target + 5 * COV_MINUTE,
                  fixture->target + 55 * COV_MINUTE, "q-a", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pulse_coverage_report_get_from (report), ==, fixture->target);
  g_assert_cmpuint (pulse_coverage_report_get_n_queues (report), ==, 1);
  g_assert_cmpuint (pulse_coverage_report_get_n_intervals (report), ==, 2);

  queue = pulse_coverage_report_get_queue (report, 0);
  g_assert_cmpstr (queue->queue_id, ==, "q-a");
  g_assert_cmpstr (queue->name, ==, "Phone A");
  g_assert_cmpuint (queue->agents, ==, 2);
  first = queue->intervals->pdata[0];
  second = queue->intervals->pdata[1];
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (first), 100.0,
                                  1e-6);
  g_assert_cmpint (pulse_forecast_interval_get_required (first), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (first), ==, 20);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (first), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (first), ==,
                   PULSE_FORECAST_INTERVAL_UNKNOWN);
  g_assert_cmpint (pulse_forecast_interval_get_required (second), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (second), ==, 1);
}

static void
test_all_queues (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GPtrArray) totals = NULL;

  report = fetch (fixture->session, fixture->target, fixture->target + COV_HOUR, NULL, NULL,
                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pulse_coverage_report_get_n_queues (report), ==, 2);
  g_assert_cmpstr (pulse_coverage_report_get_queue (report, 1)->queue_id, ==, "q-b");

  /* q-b has no history, so needs no one; a1 and a2 serve both queues and
   * count in each. */
  totals = pulse_coverage_report_dup_totals (report);
  g_assert_cmpint (pulse_forecast_interval_get_required (totals->pdata[0]), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (totals->pdata[0]), ==, 4);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (totals->pdata[1]), ==, 2);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) during = g_cancellable_new ();
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CovWait wait = { NULL };

  g_cancellable_cancel (before);
  report = fetch (fixture->session, fixture->target, fixture->target + COV_HOUR, "q-a", before,
                  &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Superseded while the server computes: the callback still comes, once,
   * with CANCELLED, and no report. */
  pulse_session_fetch_coverage_async (fixture->session, fixture->target,
                                      fixture->target + COV_WEEK, NULL, during, cov_done_cb,
                                      &wait);
  g_cancellable_cancel (during);
  g_assert_true (pulse_test_wait_for (cov_wait_is_done, &wait, COV_TIMEOUT_MS));
  report = pulse_session_fetch_coverage_finish (fixture->session, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_bad_coverage_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  const char *body = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  /* One interval where the range has two. */
  static const char short_answer[] =
    "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T11:00:00Z\","
    "\"as_of\":\"2026-11-16T10:10:00Z\",\"shrinkage\":0.3,\"queues\":[{\"queue_id\":\"q-a\","
    "\"channel\":\"phone\",\"intervals\":[{\"queue_id\":\"q-a\","
    "\"starts_at\":\"2026-11-16T10:00:00Z\",\"forecast_arrivals\":1.0,"
    "\"handle_time_seconds\":60.0,\"required\":1,\"scheduled\":1,\"online\":null}]}]}";
  static const char not_json[] = "{\"from\": ";
  SoupServer *soup = pulse_server_get_soup (fixture->ts->server);
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* The same path replaces the server's own handler. */
  soup_server_add_handler (soup, "/api/v1/coverage", on_bad_coverage_cb, (gpointer) short_answer,
                           NULL);
  report = fetch (fixture->session, fixture->target, fixture->target + COV_HOUR, "q-a", NULL,
                  &error);
  g_assert_null (report);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "queues[0].intervals"));
  g_clear_error (&error);

  soup_server_add_handler (soup, "/api/v1/coverage", on_bad_coverage_cb, (gpointer) not_json,
                           NULL);
  report = fetch (fixture->session, fixture->target, fixture->target + COV_HOUR, "q-a", NULL,
                  &error);
  g_assert_null (report);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL);
}

static void
test_unknown_queue (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* An id that needs escaping reaches the server whole. */
  report = fetch (fixture->session, fixture->target, fixture->target + COV_HOUR, "q x&y", NULL,
                  &error);
  g_assert_null (report);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_NOT_FOUND);
}

static void
test_not_connected (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  report = fetch (session, now, now + COV_HOUR, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE);
}

#define TEST(path, func) \
  g_test_add ("/pulse/session/coverage/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("one-queue", test_one_queue);
  TEST ("all-queues", test_all_queues);
  TEST ("cancelled", test_cancelled);
  TEST ("malformed", test_malformed);
  TEST ("unknown-queue", test_unknown_queue);
  g_test_add_func ("/pulse/session/coverage/not-connected", test_not_connected);

  return g_test_run ();
}
