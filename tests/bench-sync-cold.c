/* bench-sync-cold.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-sync.c's cold start: the cache is filled here, then read by
 * fresh processes (bench-sync --load PATH) that do nothing else, so
 * their memory is what opening costs. BENCH_SYNC_CACHE=FILE fills FILE
 * once and keeps it, for profiling the load again and again.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-sync-data.h"
#include "pulse-entity-list.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"

#define FILL_BATCH 5000
#define N_LOADS    3

static const char * const closed_statuses[] = { "resolved", "closed", "abandoned" };

/* A mark as pulse-sync-store.c's put_ticket() leaves for a ticket closed
 * in the last 24 hours. */
static void
put_mark (PulseCacheBatch *batch,
          const char      *id,
          gint64           version,
          gint64           at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"id\":\"%s\",\"at\":%" G_GINT64_FORMAT "}", id,
                                           at);
  g_autoptr(JsonNode) mark = pulse_json_parse (text, -1, &error);

  g_assert_true (pulse_cache_batch_put_entity (batch, PULSE_SYNC_KIND_RECENT, id, version,
                                               mark, NULL, &error));
}

/* History tickets @start… in one transaction; returns the marks put. */
static guint
fill_history (PulseCache *cache,
              guint       start,
              guint       n,
              gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);
  gint64 span = 90 * BENCH_DAY - G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  guint marks = 0;

  g_assert_no_error (error);
  for (guint i = start; i < MIN (start + FILL_BATCH, n); i++)
    {
      g_autofree char *id = g_strdup_printf ("h-%07u", i);
      gint64 created = now - 90 * BENCH_DAY + (gint64) i * (span / n);
      gint64 version = 2 + i % 4;
      g_autofree char *text = bench_ticket_json (id, i, version, created,
                                                 closed_statuses[i % 3], 3);
      g_autoptr(JsonNode) node = pulse_json_parse (text, -1, &error);

      g_assert_no_error (error);
      g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
      if (created + 120 * G_USEC_PER_SEC >= now - BENCH_DAY)
        {
          put_mark (batch, id, version, created + 120 * G_USEC_PER_SEC);
          marks++;
        }
    }
  pulse_cache_batch_set_seq (batch, 2 + start / FILL_BATCH);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  return marks;
}

/* The state a snapshot left (items, open tickets), then the history. */
static void
fill (const char *path,
      guint       n_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, BENCH_URL, &error);
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gint64 now = g_get_real_time ();
  guint n_items, marks = 0;

  g_assert_no_error (error);
  batch = pulse_cache_batch_begin_replace (cache, PULSE_CACHE_REPLACE_ENTITIES |
                                           PULSE_CACHE_REPLACE_OPEN_TICKETS, now, &error);
  g_assert_no_error (error);
  n_items = bench_write_entities (batch);
  bench_write_open_tickets (batch, now);
  pulse_cache_batch_set_seq (batch, 1);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_clear_pointer (&batch, pulse_cache_batch_free);

  for (guint start = 0; start < n_history; start += FILL_BATCH)
    marks += fill_history (cache, start, n_history, now);
  printf ("   filled: %u history tickets (%u closed in the last 24 h, marked), %d open, "
          "%u items, in %.1f s\n", n_history, marks, BENCH_N_OPEN, n_items,
          g_timer_elapsed (timer, NULL));
}

/* CPU time of this process, µs: what the load costs whatever else the
 * (shared) machine runs. */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
status_kb (const char *status,
           const char *field)
{
  const char *line = strstr (status, field);

  return line != NULL ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

/* The day's closed tickets as PulseSync puts them after the first
 * state (pulse-sync-recent.c): read in a worker, then put, each change
 * told to the lists. Adds the µs of each part. */
static guint
complete_state (PulseSyncLoad *load,
                GPtrArray     *lists,
                gint64        *read_us,
                gint64        *put_us)
{
  gint64 t0 = g_get_monotonic_time (), t1;
  g_autoptr(GPtrArray) stored = _pulse_sync_recent_read (load->cache, g_get_real_time ());
  PulseEntityList *tickets = lists->pdata[PULSE_STATE_KIND_TICKET];

  t1 = g_get_monotonic_time ();
  *read_us = t1 - t0;
  pulse_entity_list_begin_batch (tickets);
  for (guint i = 0; i < stored->len; i++)
    {
      g_auto(PulseStateChange) change = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (pulse_state_put_stored (load->state, g_steal_pointer (&stored->pdata[i]),
                                             &change, &error));
      if (change.action != PULSE_STATE_ACTION_NONE)
        pulse_entity_list_apply (tickets, &change);
    }
  pulse_entity_list_end_batch (tickets);
  *put_us = g_get_monotonic_time () - t1;
  return pulse_state_get_n_items (load->state, PULSE_STATE_KIND_TICKET);
}

/**
 * bench_cold_load:
 * @path: a cache bench_cold_start() filled
 *
 * In a process of its own: the first state as PulseSync reads it, and
 * the lists reset from it; then the day's closed tickets put in it as
 * PulseSync does next. Prints one line for the parent: ms to the state,
 * ms for the lists, tickets in it, ms to read the rest (a worker's),
 * ms to put them (the main thread's), tickets then, VmRSS and VmHWM
 * (kB) at the end, and the CPU ms to the first state and to the end.
 *
 * Returns: the exit status
 */
int
bench_cold_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  PulseSyncLoad *load;
  gint64 c0 = cpu_usec (), t0 = g_get_monotonic_time (), t1, t2, c1, read_us = 0, put_us = 0;
  guint n_first, n_all;

  load = _pulse_sync_store_load (path, BENCH_URL, g_get_real_time (), &error);
  t1 = g_get_monotonic_time ();
  if (load == NULL || load->state == NULL)
    {
      g_printerr ("no state read from %s: %s\n", path, error ? error->message : "none stored");
      return 1;
    }
  lists = bench_new_lists (load->state);
  t2 = g_get_monotonic_time ();
  c1 = cpu_usec ();
  n_first = pulse_state_get_n_items (load->state, PULSE_STATE_KIND_TICKET);
  n_all = complete_state (load, lists, &read_us, &put_us);

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  printf ("%.3f %.3f %u %.3f %.3f %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.3f %.3f\n",
          (t1 - t0) / 1e3, (t2 - t1) / 1e3, n_first, read_us / 1e3, put_us / 1e3, n_all,
          status_kb (status, "VmRSS:"), status_kb (status, "VmHWM:"), (c1 - c0) / 1e3,
          (cpu_usec () - c0) / 1e3);
  g_clear_pointer (&lists, g_ptr_array_unref);
  _pulse_sync_load_free (load);
  return 0;
}

typedef struct
{
  double ms;        /* to the first state, lists included */
  double lists_ms;
  double read_ms;   /* the rest, in a worker */
  double put_ms;    /* the rest, on the main thread */
  double rss;       /* MB, at the end */
  double hwm;
  double cpu_first;
  double cpu_all;
  guint  n_first;
  guint  n_all;
} Load;

/* One fresh process reading @path. */
static void
spawn_load (const char *path,
            Load       *load)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--load", path, NULL };
  gint64 rss_kb = 0, hwm_kb = 0;
  int wait_status = 0;

  g_assert_no_error (error);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("bench-sync --load failed: %s", error->message);
  if (sscanf (out, "%lf %lf %u %lf %lf %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %lf %lf",
              &load->ms, &load->lists_ms, &load->n_first, &load->read_ms, &load->put_ms,
              &load->n_all, &rss_kb, &hwm_kb, &load->cpu_first, &load->cpu_all) != 10)
    g_error ("bench-sync --load printed “%s”", out);
  load->ms += load->lists_ms;
  load->rss = rss_kb / 1024.0;
  load->hwm = hwm_kb / 1024.0;
}

static double
file_mb (const char *path,
         const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (name, &st) == 0 ? st.st_size / 1e6 : 0;
}

static void
print_row (const char *name,
           double     *v,
           const char *unit)
{
  bench_sort_runs (v, N_LOADS);
  printf ("   %-28s %12.1f %12.1f %12.1f  %s\n", name, v[0], v[1], v[2], unit);
}

/* The state a first connection or a resync makes, without a cache: the
 * snapshot's text parsed and read, as the sync engine's snapshot
 * callback does. */
static double
snapshot_state_ms (void)
{
  g_autoptr(JsonNode) built = bench_snapshot (1000, g_get_real_time ());
  g_autofree char *text = pulse_json_to_string (built);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(PulseState) state = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  parsed = pulse_json_parse (text, -1, NULL);
  state = pulse_state_new_from_snapshot (parsed, NULL);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_nonnull (state);
  return ms;
}

/**
 * bench_cold_start:
 *
 * Fills a cache at DESIGN.md's scale, then measures three fresh
 * processes reading their first state from it.
 */
void
bench_cold_start (void)
{
  guint n_history = bench_env_size ("BENCH_SYNC_HISTORY", 1000000);
  const char *kept = g_getenv ("BENCH_SYNC_CACHE");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = kept != NULL ? NULL : g_dir_make_tmp ("pulse-bench-sync-cold-XXXXXX",
                                                              &error);
  g_autofree char *path = kept != NULL ? g_strdup (kept) : g_build_filename (dir, "cache.db",
                                                                             NULL);
  Load loads[N_LOADS];
  double ms[N_LOADS], lists_ms[N_LOADS], cpu_first[N_LOADS], read_ms[N_LOADS], put_ms[N_LOADS],
         all_ms[N_LOADS], cpu_all[N_LOADS], rss[N_LOADS], hwm[N_LOADS], snapshot_ms[N_LOADS];

  g_assert_no_error (error);
  printf ("2. cold start: first state from a cache with %u history tickets\n", n_history);
  /* BENCH_SYNC_CACHE=FILE keeps the filled cache for the next run. */
  if (kept == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    fill (path, n_history);
  printf ("   file: %.0f MB (+ %.1f MB WAL)\n", file_mb (path, ""), file_mb (path, "-wal"));

  for (guint r = 0; r < N_LOADS; r++)
    {
      spawn_load (path, &loads[r]);
      ms[r] = loads[r].ms;
      lists_ms[r] = loads[r].lists_ms;
      cpu_first[r] = loads[r].cpu_first;
      read_ms[r] = loads[r].read_ms;
      put_ms[r] = loads[r].put_ms;
      all_ms[r] = loads[r].ms + loads[r].read_ms + loads[r].put_ms;
      cpu_all[r] = loads[r].cpu_all;
      rss[r] = loads[r].rss;
      hwm[r] = loads[r].hwm;
    }
  printf ("   %u tickets in the first state (the open ones), %u once the day's closed ones "
          "are in; each run a fresh process, page cache warm\n", loads[0].n_first,
          loads[0].n_all);
  printf ("   %-28s %12s %12s %12s\n", "measure", "min", "median", "max");
  print_row ("first state from cache", ms, "ms (open + load + lists)");
  print_row ("  of which lists reset", lists_ms, "ms");
  print_row ("  CPU time of it", cpu_first, "ms (the machine is shared)");
  print_row ("day's closed tickets read", read_ms, "ms (a worker, after the first state)");
  print_row ("  and put in the state", put_ms, "ms (main thread, in slices in the app)");
  print_row ("whole state from cache", all_ms, "ms");
  print_row ("  CPU time of it all", cpu_all, "ms");
  print_row ("VmRSS with the whole state", rss, "MB");
  print_row ("VmHWM with the whole state", hwm, "MB");
  for (guint r = 0; r < N_LOADS; r++)
    snapshot_ms[r] = snapshot_state_ms ();
  print_row ("no cache: snapshot to state", snapshot_ms, "ms (parse + read, 5,000 open tickets)");
  printf ("   target < 300 ms first state (median): %s\n", ms[1] < 300 ? "MET" : "NOT MET");
  printf ("   target < 150 MB resident (VmHWM, max): %s\n", hwm[2] < 150 ? "MET" : "NOT MET");
  for (guint r = 0; r < N_LOADS; r++)
    {
      printf ("BENCH sync.first_state %.1f ms\n", loads[r].ms);
      printf ("BENCH sync.first_state_cpu %.1f ms\n", loads[r].cpu_first);
      printf ("BENCH sync.whole_state %.1f ms\n", all_ms[r]);
      printf ("BENCH sync.first_state_hwm %.1f MiB\n", loads[r].hwm);
      printf ("BENCH sync.snapshot_state %.1f ms\n", snapshot_ms[r]);
    }
  printf ("\n");
  bench_app_first_frame (path);

  if (dir != NULL)
    bench_remove_dir (dir);
}
