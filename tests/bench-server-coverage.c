/* bench-server-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-server-coverage [--per-week N]
 *
 * What `GET /api/v1/coverage` costs at DESIGN.md's scale: 40 queues with
 * 12 weeks of history, N contacts a week each (1,000 by default: 40,000 a
 * week in all), 200 agents with a shift plan and, for last week, their
 * status reports (bench-server-coverage-data.c). History goes in through
 * the server's ingest code (pulse_ingest_ticket() inside
 * pulse_server_commit(), as POST /ingest/tickets does, without the HTTP
 * round trips), shifts through POST /api/v1/shifts. The server runs on a
 * database file in WAL mode, as in production. Figures are printed,
 * never asserted.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-server-coverage.h"
#include "pulse-coverage-load.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-token-store.h"

#define RUNS 5

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  pending->done = TRUE;
}

/**
 * bench_request:
 *
 * Sends one request and iterates the main context until it is answered.
 */
Pending
bench_request (Bench      *bench,
               const char *method,
               const char *path,
               const char *token,
               const char *body)
{
  g_autofree char *url = g_strconcat (bench->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Pending pending = { NULL, 0, FALSE };

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (bench->soup, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb,
                                    &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  pending.status = soup_message_get_status (msg);
  return pending;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (Bench      *bench,
         const char *label,
         const char *key,
         gint64      from,
         gint64      to,
         const char *queue)
{
  g_autofree char *a = pulse_time_format (from);
  g_autofree char *b = pulse_time_format (to);
  g_autofree char *path = g_strdup_printf ("/api/v1/coverage?from=%s&to=%s%s%s", a, b,
                                           queue != NULL ? "&queue=" : "",
                                           queue != NULL ? queue : "");
  double times[RUNS];
  gsize size = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      Pending pending = bench_request (bench, "GET", path, bench->viewer, NULL);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (pending.status != 200)
        g_error ("coverage answered %u", pending.status);
      size = g_bytes_get_size (pending.body);
      g_bytes_unref (pending.body);
    }

  qsort (times, RUNS, sizeof (double), compare_times);
  g_print ("%-44s %8.0f %8.0f %8.0f %10.1f\n", label, times[0], times[RUNS / 2],
           times[RUNS - 1], size / 1e6);
  if (key != NULL)
    g_print ("BENCH coverage.%s %.0f ms\n", key, times[RUNS / 2]);
}

/* The same work in-process, step by step: where the time of one answer
 * goes. */
static void
measure_steps (Bench  *bench,
               gint64  from,
               gint64  to)
{
  PulseCoverageRequest request = { from, to, g_get_real_time (), 0.3, 0 };
  g_autoptr(PulseCoverage) coverage = pulse_coverage_new (&request);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0, t1, t2, t3, t4;

  t0 = g_get_monotonic_time ();
  if (!pulse_coverage_load (coverage, bench->db, NULL, NULL, &error))
    g_error ("load: %s", error->message);
  t1 = g_get_monotonic_time ();
  queues = pulse_coverage_compute (coverage, NULL, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  answer = pulse_coverage_to_json (coverage, queues);
  t3 = g_get_monotonic_time ();
  text = pulse_json_to_string (answer);
  t4 = g_get_monotonic_time ();

  g_print ("  of which: read %.0f ms, compute %.0f ms, build JSON %.0f ms, write it %.0f ms\n",
           (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0, (t4 - t3) / 1000.0);
  g_print ("BENCH coverage.erlang_compute %.1f ms\n", (t2 - t1) / 1000.0);
}

static void
bench_open (Bench *bench)
{
  g_autoptr(PulseTokenStore) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PulseServerConfig config;

  bench->dir = g_dir_make_tmp ("pulse-bench-coverage-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (bench->dir, "pulse.db", NULL);
  bench->db = pulse_server_schema_open (path, &error);
  g_assert_no_error (error);

  tokens = pulse_token_store_new (bench->db);
  bench->viewer = pulse_token_store_add (tokens, "viewer", PULSE_ROLE_VIEWER, NULL, &error);
  bench->planner = pulse_token_store_add (tokens, "planner", PULSE_ROLE_PLANNER, NULL, &error);
  g_assert_no_error (error);

  bench->server = pulse_server_new (bench->db);
  pulse_server_config_init_defaults (&config);
  config.rate_limit_per_minute = 0;
  pulse_server_set_config (bench->server, &config);
  g_assert_true (pulse_server_listen (bench->server, "127.0.0.1", 0, &error));
  bench->url = pulse_server_dup_url (bench->server);
  bench->soup = soup_session_new_with_options ("timeout", 300, NULL);
  bench->now = g_get_real_time ();
}

static void
bench_close (Bench *bench)
{
  soup_session_abort (bench->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&bench->soup);
  g_clear_object (&bench->server);
  g_clear_object (&bench->db);
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "pulse.db", "pulse.db-wal", "pulse.db-shm" };
      g_autofree char *path = g_build_filename (bench->dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (bench->dir);
  g_free (bench->dir);
  g_free (bench->url);
  g_free (bench->viewer);
  g_free (bench->planner);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  int per_week = 1000;
  GOptionEntry entries[] = {
    { "per-week", 0, 0, G_OPTION_ARG_INT, &per_week, "Contacts per queue and week", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 cut, start;
  guint n_tickets, n_shifts;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || per_week < 1)
    g_error ("%s", error != NULL ? error->message : "--per-week: must be 1 or more");

  bench_open (&bench);
  cut = bench.now - bench.now % INTERVAL;

  start = g_get_monotonic_time ();
  bench_ingest_directory (&bench);
  n_tickets = bench_ingest_history (&bench, per_week);
  g_print ("history: %u tickets (%d queues x %d weeks x %d) ingested in %.1f s\n",
           n_tickets, N_QUEUES, N_WEEKS, per_week, (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  n_shifts = bench_plan_shifts (&bench, cut - cut % DAY - 7 * DAY, 7, TRUE);
  n_shifts += bench_plan_shifts (&bench, cut - cut % DAY + DAY, 7, FALSE);
  g_print ("plan: %u shifts of %d agents, last week's status reports, in %.1f s\n\n",
           n_shifts, N_AGENTS, (g_get_monotonic_time () - start) / 1e6);

  g_print ("%-44s %8s %8s %8s %10s\n", "GET /api/v1/coverage (ms, 5 runs)", "min", "median",
           "max", "answer MB");
  measure (&bench, "next week, all 40 queues", "next_week", cut + INTERVAL,
           cut + INTERVAL + WEEK, NULL);
  measure_steps (&bench, cut + INTERVAL, cut + INTERVAL + WEEK);
  measure (&bench, "next week, one queue", NULL, cut + INTERVAL, cut + INTERVAL + WEEK, "q-09");
  measure (&bench, "last week (actuals, online), all 40 queues", NULL,
           cut - WEEK, cut, NULL);
  measure (&bench, "8 weeks ahead, one queue", NULL, cut + INTERVAL, cut + INTERVAL + 8 * WEEK,
           "q-09");

  bench_close (&bench);
  return 0;
}
