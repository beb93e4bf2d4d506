/* bench-soak.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-soak [--minutes M] [--clients N] [--rate EV_PER_S]
 *
 * The server under a steady load for minutes: `pulse-server` as a child
 * with a database file (WAL, default configuration) on loopback, N
 * WebSocket clients (libsoup's, as the console uses; half on each of two
 * threads, as bench-server-events.c runs its clients) following
 * /api/v1/events, and a feeder thread ingesting over HTTP: every 75 ms
 * five new contacts (one ticket.created each) and five older ones
 * answered and resolved (message.created + ticket.updated), 200 events/s
 * at the default rate, with as many contacts resolved as opened so the
 * open set stays the same size.
 *
 * Every 10 s it samples the child's VmRSS and RssAnon, its open fds, the
 * events ingested and delivered, and the latency of the interval: from
 * the feeder sending a message (its send time travels in the message
 * body) to a client receiving its event, so HTTP ingest, the commit and
 * the fan-out are inside. At the end, the verdict on memory: the slope of
 * a least-squares line through VmRSS over the second half of the run.
 *
 * BENCH_SOAK_MINUTES overrides --minutes (default 5). Figures only;
 * prints `BENCH key value unit` lines for tools/bench-table.py.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>

#include "bench-soak.h"

#define SAMPLE_US       (10 * G_USEC_PER_SEC)
#define N_THREADS       2
#define N_QUEUES        8

/* Flat: under 0.25 MiB/min. At 200 events/s and 200 clients that is
 * ~22 bytes per ingested event, or 0.03 bytes per delivered frame: any
 * per-event or per-delivery leak shows above it, while RSS's own noise
 * (malloc trimming, SQLite's page cache settling) over a few minutes
 * stays below it (see docs/performance.md). */
#define FLAT_MIB_PER_MIN 0.25

typedef struct
{
  char        *dir;
  char        *db_path;
  GSubprocess *process;
  char        *url;
  char        *head_token;
  char        *viewer_token;
} Child;

static char *
add_token (const char *db_path,
           const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("PULSE_SERVER"), "token", "add", "--user", "Soak",
                         "--role", role, "--db", db_path, NULL };
  char *start;
  int status = 0;

  if (argv[0] == NULL)
    g_error ("PULSE_SERVER is not set (meson benchmark sets it)");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("token add: %s", error->message);
  start = strstr (out, "pulse_");
  if (start == NULL)
    g_error ("token add printed no token");
  return g_strndup (start, strcspn (start, " \n"));
}

static void
child_start (Child *child)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;

  child->dir = g_dir_make_tmp ("pulse-soak-XXXXXX", &error);
  if (child->dir == NULL)
    g_error ("temporary directory: %s", error->message);
  child->db_path = g_build_filename (child->dir, "pulse.db", NULL);
  child->head_token = add_token (child->db_path, "head");
  child->viewer_token = add_token (child->db_path, "viewer");
  child->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     g_getenv ("PULSE_SERVER"), "--db", child->db_path,
                                     "--listen", "127.0.0.1:0", NULL);
  if (child->process == NULL)
    g_error ("pulse-server: %s", error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      if (line == NULL)
        g_error ("pulse-server said nothing: %s", error != NULL ? error->message : "EOF");
    }
  while (!g_str_has_prefix (line, "listening on "));
  child->url = g_strdup (line + strlen ("listening on "));
}

static void
child_stop (Child *child)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  g_subprocess_send_signal (child->process, SIGTERM);
  g_subprocess_wait (child->process, NULL, NULL);
  g_clear_object (&child->process);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (child->db_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (child->dir);
  g_free (child->dir);
  g_free (child->db_path);
  g_free (child->url);
  g_free (child->head_token);
  g_free (child->viewer_token);
}

/* VmRSS and RssAnon (KiB) and the open fds of @pid. */
static void
sample_process (GPid    pid,
                gint64 *rss_kb,
                gint64 *anon_kb,
                guint  *fds)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *fd_path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autofree char *status = NULL;
  g_autoptr(GDir) dir = g_dir_open (fd_path, 0, NULL);
  const char *at;

  *rss_kb = *anon_kb = -1;
  *fds = 0;
  if (g_file_get_contents (path, &status, NULL, NULL))
    {
      if ((at = strstr (status, "VmRSS:")) != NULL)
        *rss_kb = g_ascii_strtoll (at + 6, NULL, 10);
      if ((at = strstr (status, "RssAnon:")) != NULL)
        *anon_kb = g_ascii_strtoll (at + 8, NULL, 10);
    }
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    (*fds)++;
}

static const char directory_head[] = "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Ukraine\","
                                     "\"timezone\":\"Europe/Kyiv\"}],\"queues\":[";

static char *
directory_json (void)
{
  GString *json = g_string_new (directory_head);

  for (guint q = 0; q < N_QUEUES; q++)
    g_string_append_printf (json, "%s{\"id\":\"q-%u\",\"name\":\"Чат %u\",\"channel\":\"chat\","
                            "\"country\":\"UA\",\"language\":\"uk\",\"timezone\":\"Europe/Kyiv\","
                            "\"team_id\":\"team-ua\",\"sl_target_seconds\":60,\"sl_goal\":0.8}",
                            q == 0 ? "" : ",", q, q + 1);
  g_string_append (json, "],\"agents\":[");
  for (guint a = 0; a < 16; a++)
    g_string_append_printf (json, "%s{\"id\":\"a-%u\",\"name\":\"Агент %u\",\"team_id\":"
                            "\"team-ua\",\"position\":\"agent\",\"status\":\"available\","
                            "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"],"
                            "\"languages\":[\"uk\"]}", a == 0 ? "" : ",", a, a + 1);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

typedef struct
{
  gint64 at_us;
  double rss_mib;
  double anon_mib;
  guint  fds;
  gint64 ingested;
  gint64 delivered;
  double p50_ms;
  double p99_ms;
  guint  closed;
} Sample;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, gint64, MIN (sorted->len - 1, (guint) (p * sorted->len))) / 1e3;
}

static Sample
take_sample (Child       *child,
             SoakFeeder  *feeder,
             SoakClients *clients[N_THREADS],
             gint64       start,
             GArray      *all_latencies)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  Sample s = { g_get_monotonic_time () - start };
  gint64 rss_kb, anon_kb;

  sample_process (atoi (g_subprocess_get_identifier (child->process)), &rss_kb, &anon_kb,
                  &s.fds);
  s.rss_mib = rss_kb / 1024.0;
  s.anon_mib = anon_kb / 1024.0;
  s.ingested = soak_feeder_get_events (feeder);
  for (guint t = 0; t < N_THREADS; t++)
    {
      s.delivered += soak_clients_take (clients[t], latencies);
      s.closed += soak_clients_get_closed (clients[t]);
    }
  g_array_append_vals (all_latencies, latencies->data, latencies->len);
  g_array_sort (latencies, compare_gint64);
  s.p50_ms = percentile_ms (latencies, 0.50);
  s.p99_ms = percentile_ms (latencies, 0.99);
  return s;
}

/* Least-squares slope of RSS over the samples from @first on, MiB/min. */
static double
slope_mib_per_min (GArray *samples,
                   guint   first,
                   gboolean anon)
{
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;

  for (guint i = first; i < samples->len; i++)
    {
      Sample *s = &g_array_index (samples, Sample, i);
      double x = s->at_us / 60e6, y = anon ? s->anon_mib : s->rss_mib;

      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
  if (n < 2 || n * sxx - sx * sx <= 0)
    return 0;
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static void
print_sample (const Sample *s,
              const Sample *before)
{
  double seconds = (s->at_us - before->at_us) / 1e6;

  printf ("| %5.0f | %7.1f | %7.1f | %4u | %8" G_GINT64_FORMAT " | %6.0f | %9.0f | %7.2f |"
          " %7.2f | %5u |\n", s->at_us / 1e6, s->rss_mib, s->anon_mib, s->fds, s->ingested,
          (s->ingested - before->ingested) / seconds, s->delivered / seconds, s->p50_ms,
          s->p99_ms, s->closed);
  fflush (stdout);
}

static void
print_verdict (GArray *samples,
               GArray *latencies,
               guint   n_clients)
{
  Sample *first = &g_array_index (samples, Sample, 0);
  Sample *last = &g_array_index (samples, Sample, samples->len - 1);
  guint half = samples->len / 2;
  double slope = slope_mib_per_min (samples, half, FALSE);
  double anon_slope = slope_mib_per_min (samples, half, TRUE);
  double minutes = (last->at_us - g_array_index (samples, Sample, half).at_us) / 60e6;

  g_array_sort (latencies, compare_gint64);
  printf ("\nVmRSS %.1f → %.1f MiB over %.1f min; second half (%.1f min, %u samples): "
          "%+.3f MiB/min (RssAnon %+.3f)\n", first->rss_mib, last->rss_mib,
          last->at_us / 60e6, minutes, samples->len - half, slope, anon_slope);
  printf ("verdict: memory %s (flat means |slope| < %.2f MiB/min)\n",
          fabs (slope) < FLAT_MIB_PER_MIN ? "FLAT" : "GROWS", FLAT_MIB_PER_MIN);
  printf ("latency over the run: p50 %.2f ms, p99 %.2f ms (%u samples)\n",
          percentile_ms (latencies, 0.5), percentile_ms (latencies, 0.99), latencies->len);

  printf ("BENCH soak.rss_slope %.3f MiB/min\n", slope);
  printf ("BENCH soak.anon_slope %.3f MiB/min\n", anon_slope);
  printf ("BENCH soak.rss_end %.1f MiB\n", last->rss_mib);
  printf ("BENCH soak.fds_end %u fds\n", last->fds);
  printf ("BENCH soak.clients %u clients\n", n_clients);
  printf ("BENCH soak.latency_p50 %.2f ms\n", percentile_ms (latencies, 0.5));
  printf ("BENCH soak.latency_p99 %.2f ms\n", percentile_ms (latencies, 0.99));
  printf ("BENCH soak.clients_closed %u clients\n", last->closed);
}

static void
soak (Child  *child,
      double  minutes,
      guint   n_clients,
      guint   rate)
{
  g_autofree char *directory = directory_json ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  SoakClients *clients[N_THREADS];
  SoakFeeder *feeder = soak_feeder_new (child->url, child->head_token, rate);
  Sample zero = { 0 };
  gint64 start, end;

  soak_feeder_post_directory (feeder, directory);
  start = g_get_monotonic_time ();
  for (guint t = 0; t < N_THREADS; t++)
    clients[t] = soak_clients_start (child->url, child->viewer_token,
                                     n_clients / N_THREADS + (t < n_clients % N_THREADS));
  printf ("%u streams open in %.2f s\n", n_clients, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  end = start + (gint64) (minutes * 60 * G_USEC_PER_SEC);
  soak_feeder_start (feeder);

  printf ("%u clients, %u events/s ingested for %.1f min; a sample every %d s\n\n", n_clients,
          rate, minutes, (int) (SAMPLE_US / G_USEC_PER_SEC));
  printf ("|   t s | RSS MiB | anon MiB |  fds | ingested |  in/s | delivered/s | p50 ms | "
          "p99 ms | closed |\n");
  printf ("|------:|--------:|---------:|-----:|---------:|------:|------------:|-------:|"
          "-------:|-------:|\n");
  g_array_append_val (samples, zero);
  for (gint64 next = start + SAMPLE_US; next <= end; next += SAMPLE_US)
    {
      Sample s;

      /* Pacing the samples: the load runs on the other threads. */
      g_usleep (MAX (next - g_get_monotonic_time (), 0));
      s = take_sample (child, feeder, clients, start, latencies);
      print_sample (&s, &g_array_index (samples, Sample, samples->len - 1));
      g_array_append_val (samples, s);
    }
  soak_feeder_stop (feeder);
  printf ("\nbatches refused or failed: %u\n", soak_feeder_get_failed (feeder));
  g_array_remove_index (samples, 0);
  print_verdict (samples, latencies, n_clients);

  for (guint t = 0; t < N_THREADS; t++)
    soak_clients_stop (clients[t]);
  soak_feeder_free (feeder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the server under a steady load");
  g_autoptr(GError) error = NULL;
  const char *env_minutes = g_getenv ("BENCH_SOAK_MINUTES");
  double minutes = 5;
  int n_clients = 200, rate = 200;
  GOptionEntry entries[] = {
    { "minutes", 'm', 0, G_OPTION_ARG_DOUBLE, &minutes, "Minutes to run (default 5)", "M" },
    { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "WebSocket clients (default 200)", "N" },
    { "rate", 'r', 0, G_OPTION_ARG_INT, &rate, "Events/s ingested (default 200)", "R" },
    { NULL }
  };
  Child child = { NULL };

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-soak: %s\n", error->message);
      return 2;
    }
  if (env_minutes != NULL)
    minutes = g_ascii_strtod (env_minutes, NULL);
  if (minutes < 20 / 60.0 || n_clients < N_THREADS || rate < 15)
    {
      g_printerr ("bench-soak: --minutes ≥ 0.34, --clients ≥ 2, --rate ≥ 15\n");
      return 2;
    }

  child_start (&child);
  printf ("bench-soak: pulse-server pid %s at %s, database %s\n",
          g_subprocess_get_identifier (child.process), child.url, child.db_path);
  soak (&child, minutes, n_clients, rate);
  child_stop (&child);
  return 0;
}
