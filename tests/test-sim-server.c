/* test-sim-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator against a real in-process server, on the simulated
 * clock only (no sleeps, no wall time): the event log is the same byte
 * for byte for a seed however the clock is advanced, and a simulated
 * week reads back through /api/v1/metrics with the configured shape
 * (docs/simulator.md, "What the tests check").
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-sim-driver.h"
#include "pulse-test-server.h"
#include "pulse-time-utils.h"

#define ANCHOR "2026-11-16T00:00:00Z"

/* Under AddressSanitizer ingest is some 50 times slower: the runs are
 * cut to hours, checking determinism, leaks and that every figure
 * comes back; the shape is asserted in normal builds. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED TRUE
#else
#define SANITIZED FALSE
#endif
#define RUN_HOURS    (SANITIZED ? 2 : 12)
#define METRIC_HOURS (SANITIZED ? 6 : 7 * 24)

static PulseSimulator *
new_simulator_at (PulseTestServer *server,
                  guint64          seed,
                  const char      *start)
{
  g_autoptr(GError) error = NULL;
  PulseSimConfig *config = pulse_simulator_load_config (NULL, &error);
  gint64 anchor = 0;

  g_assert_no_error (error);
  g_assert_true (pulse_time_parse (start, &anchor));
  return pulse_simulator_new (server->server, pulse_sim_model_new (config, seed, anchor));
}

static PulseSimulator *
new_simulator (PulseTestServer *server,
               guint64          seed)
{
  return new_simulator_at (server, seed, ANCHOR);
}

/* The log's seq, type and data: "at" is the server's wall clock when
 * the event was appended (docs/protocol.md), the one thing a run cannot
 * repeat; every time inside the data is the simulated clock's. */
static char *
hash_events (PulseTestServer *server,
             guint           *n_events)
{
  PulseEventLog *log = pulse_server_get_event_log (server->server);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 since = 0;

  *n_events = 0;
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = pulse_event_log_read_since (log, since, 5000, &error);

      g_assert_no_error (error);
      if (events->len == 0)
        break;
      for (guint i = 0; i < events->len; i++)
        {
          JsonObject *event = json_node_get_object (events->pdata[i]);
          g_autofree char *data = pulse_json_to_string (json_object_get_member (event, "data"));
          g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s\n",
                                                   json_object_get_int_member (event, "seq"),
                                                   json_object_get_string_member (event, "type"),
                                                   data);

          g_checksum_update (checksum, (const guchar *) line, -1);
          since = json_object_get_int_member (event, "seq");
        }
      *n_events += events->len;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Half a day of history and half a day of clock, moved in @step. */
static char *
run_day (guint64  seed,
         gint64   step,
         guint   *n_events)
{
  g_autoptr(PulseTestServer) server = pulse_test_server_new ();
  g_autoptr(PulseSimulator) simulator = new_simulator (server, seed);
  g_autoptr(GError) error = NULL;
  gint64 anchor = pulse_simulator_get_clock (simulator);
  gint64 hour = anchor / PULSE_USEC_PER_HOUR;

  g_assert_true (pulse_simulator_seed (simulator, 1, &error));
  g_assert_no_error (error);
  for (gint64 h = hour; h >= hour - RUN_HOURS; h--)
    g_assert_true (pulse_simulator_backfill_hours (simulator, h, h + 1, &error));
  for (gint64 at = anchor + step; at <= anchor + RUN_HOURS * PULSE_USEC_PER_HOUR; at += step)
    g_assert_true (pulse_simulator_advance (simulator, at, &error));
  g_assert_true (pulse_simulator_advance (simulator, anchor + RUN_HOURS * PULSE_USEC_PER_HOUR,
                                          &error));
  g_assert_no_error (error);

  return hash_events (server, n_events);
}

static void
test_deterministic (void)
{
  guint n_hourly = 0, n_fine = 0, n_other = 0;
  g_autofree char *hourly = run_day (7, PULSE_USEC_PER_HOUR, &n_hourly);
  g_autofree char *fine = run_day (7, 7 * PULSE_USEC_PER_MINUTE + 13 * PULSE_USEC_PER_SECOND,
                                   &n_fine);
  g_autofree char *other = run_day (8, PULSE_USEC_PER_HOUR, &n_other);

  g_test_message ("%u events, sha256 %s", n_hourly, hourly);
  g_assert_cmpuint (n_hourly, >, SANITIZED ? 1000 : 2000);
  g_assert_cmpuint (n_hourly, ==, n_fine);
  g_assert_cmpstr (hourly, ==, fine);
  g_assert_cmpstr (hourly, !=, other);
}

static double
figure (JsonObject *group,
        const char *member)
{
  g_assert_true (json_object_has_member (group, member));
  g_assert_false (json_object_get_null_member (group, member));
  return json_object_get_double_member (group, member);
}

static JsonObject *
find_group (JsonObject *metrics,
            const char *key)
{
  JsonArray *groups = json_object_get_array_member (metrics, "groups");

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_str_equal (json_object_get_string_member (group, "key"), key))
        return group;
    }

  g_assert_not_reached ();
}

/* A week through ingest, read back by the server's own KPI code: the
 * week as history (the clock's path is the determinism test's), so
 * each contact is one ticket the rules run on. One week is a smaller
 * sample than the core tests' four, so the bounds are wider: automation
 * ±3 points around the configured share. */
static void
test_week_metrics (void)
{
  g_autoptr(PulseTestServer) server = pulse_test_server_new ();
  g_autoptr(PulseSimulator) simulator = new_simulator_at (server, 20261116,
                                                          "2026-11-23T00:00:00Z");
  g_autoptr(PulseTestResponse) response = NULL;
  g_autoptr(PulseTestResponse) rules = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anchor = pulse_simulator_get_clock (simulator);
  JsonObject *metrics, *total, *email, *chat, *in_app, *phone;

  g_assert_true (pulse_simulator_seed (simulator, 7, &error));
  for (gint64 h = anchor / PULSE_USEC_PER_HOUR - METRIC_HOURS; h < anchor / PULSE_USEC_PER_HOUR;
       h += 6)
    g_assert_true (pulse_simulator_backfill_hours (simulator, h, h + 6, &error));
  g_assert_no_error (error);

  response = pulse_test_server_request (server, "GET",
                                        SANITIZED ? "/api/v1/metrics?from=2026-11-22T18:00:00Z"
                                                    "&to=2026-11-23T00:00:00Z&group=channel"
                                                  : "/api/v1/metrics?from=2026-11-16T00:00:00Z"
                                                    "&to=2026-11-23T00:00:00Z&group=channel",
                                        pulse_test_server_get_token (server, PULSE_ROLE_HEAD),
                                        NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  metrics = pulse_test_response_object (response);
  total = json_object_get_object_member (metrics, "total");
  email = find_group (metrics, "email");
  chat = find_group (metrics, "chat");
  in_app = find_group (metrics, "in-app");
  phone = find_group (metrics, "phone");

  g_test_message ("contacts %.0f, csat %.3f, nps %.1f, email auto %.3f, chat %.3f, in-app %.3f",
                  figure (total, "contacts"), figure (total, "csat"), figure (total, "nps"),
                  figure (email, "automation_share"), figure (chat, "automation_share"),
                  figure (in_app, "automation_share"));

  /* The rules the simulator seeded are the server's managed items. */
  rules = pulse_test_server_request (server, "GET", "/api/v1/rules",
                                     pulse_test_server_get_token (server, PULSE_ROLE_LEAD),
                                     NULL, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      pulse_test_response_object (rules), "rules")), ==, 24);

  if (SANITIZED)
    {
      g_assert_cmpfloat (figure (total, "contacts"), >, 100);
      return;
    }
  g_assert_cmpfloat_with_epsilon (figure (total, "contacts"), 18000, 0.04 * 18000);
  g_assert_cmpfloat_with_epsilon (figure (email, "automation_share"), 0.385, 0.03);
  g_assert_cmpfloat_with_epsilon (figure (chat, "automation_share"), 0.51, 0.03);
  g_assert_cmpfloat_with_epsilon (figure (in_app, "automation_share"), 0.51, 0.03);
  g_assert_cmpfloat (figure (phone, "automation_share"), ==, 0);
  g_assert_cmpfloat (figure (total, "csat"), >=, 0.65);
  g_assert_cmpfloat (figure (total, "csat"), <=, 0.75);
  g_assert_cmpfloat_with_epsilon (figure (total, "nps"), 30, 8);
  g_assert_cmpfloat (figure (total, "ces"), >, 1);
  g_assert_cmpfloat (figure (total, "interactions_per_application"), >, 0.5);
  g_assert_cmpfloat (figure (total, "qa_score"), >, 50);
  g_assert_cmpfloat (figure (phone, "handle_time_median_s"), >, 200);
}

/* pulse-server refuses bad simulator options at start, naming them. */
static void
check_refused (const char *expected,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PULSE_SERVER"));
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) ":memory:");
  g_ptr_array_add (argv, (gpointer) "--simulate");
  va_start (args, expected);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 2);
  g_assert_nonnull (strstr (err, expected));
}

static void
test_bad_options (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "pulse-simulator.conf", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  int fd = g_file_open_tmp ("sim-XXXXXX.conf", &path, &error);

  /* The default operation with one value out of range. */
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &text, NULL, &error));
  at = strstr (text, "rule-share=0.195");
  g_assert_nonnull (at);
  bad = g_strdup_printf ("%.*srule-share=1.5%s", (int) (at - text), text,
                         at + strlen ("rule-share=0.195"));
  g_assert_true (g_file_set_contents (path, bad, -1, &error));
  close (fd);

  check_refused ("--speed must be from 0", "--speed", "-1", NULL);
  check_refused ("--backfill must be 0 to 400", "--backfill", "401", NULL);
  check_refused ("--simulate-start wants an RFC 3339 time", "--simulate-start", "yesterday",
                 NULL);
  check_refused ("No such file", "--simulate-config", "/nonexistent/sim.conf", NULL);
  check_refused ("[channel chat] rule-share: must be a number from 0 to 1", "--simulate-config",
                 path, NULL);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pulse/server/sim/deterministic", test_deterministic);
  g_test_add_func ("/pulse/server/sim/week-metrics", test_week_metrics);
  g_test_add_func ("/pulse/server/sim/bad-options", test_bad_options);
  return g_test_run ();
}
