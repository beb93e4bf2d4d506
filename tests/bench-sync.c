/* bench-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C build --benchmark sync` (or run it alone): the console's
 * sync engine against DESIGN.md's targets.
 *
 * 1. Events applied: 200,000 event frames (bench-sync-data.c) parsed,
 *    applied to a PulseState, followed by one PulseEntityList per kind
 *    (batched by 500) and written to a PulseCache by the writer's own
 *    _pulse_sync_store_write_ops(), in transactions of 500 (the app's
 *    PULSE_SYNC_FLUSH_OPS) and, into a second cache, of 5,000: what the
 *    writer thread takes at once when a backlog gathered while it wrote
 *    (pulse-sync-writer.c takes everything pending); events/s per stage
 *    and in all. Then the same frames as the app runs them: decode, state
 *    and lists on this thread, the cache in a writer thread with one
 *    batch in flight (what gathers meanwhile is the next batch).
 * 2. Cold start: a cache with 1,000,000 closed history tickets of ~1 KB
 *    over 90 days, 5,000 open tickets and ~3,500 items is filled, then a
 *    fresh process (this program with --load) reads the first state as
 *    PulseSync does (_pulse_sync_store_load()) and resets the lists;
 *    its time and VmRSS/VmHWM are measured there, so they cover opening
 *    only, not the fill. Without a cache: a snapshot's text to a state.
 *
 * Three runs each; min/median/max printed. Figures only, never asserted:
 * the machine is shared. BENCH_SYNC_EVENTS and BENCH_SYNC_HISTORY
 * override the sizes for a quick try.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-sync-data.h"
#include "pulse-entity-list.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"

#define N_RUNS   3
#define CHUNK    PULSE_SYNC_FLUSH_OPS
#define BACKLOG  5000
#define FILL     5000

enum { ST_PARSE, ST_STATE, ST_LISTS, ST_CACHE, ST_BACKLOG, ST_ALL, ST_ALL_BACKLOG, N_STAGES };

static const char * const stage_names[] = {
  "decode (pulse_json_parse)", "state (pulse_state_apply)", "lists (entity_list_apply)",
  "cache (batches of 500)", "cache (backlog, of 5,000)", "whole pipeline",
  "whole pipeline, backlog",
};

/* Wall-clock and this thread's CPU µs: the machine is shared, and the
 * CPU time is what a stage costs whatever else runs (not the fsync
 * waits of the commits, which the app's writer thread overlaps). */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} Stamp;

static Stamp
stamp (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (Stamp) { g_get_monotonic_time (),
                   (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000 };
}

static void
add_since (Stamp  from,
           Stamp  to,
           gint64 wall[N_STAGES],
           gint64 cpu[N_STAGES],
           guint  stage)
{
  wall[stage] += to.wall - from.wall;
  cpu[stage] += to.cpu - from.cpu;
}

/* The state kinds that have a list (pulse-entity-list-kinds.c). */
#define FIRST_LIST_KIND PULSE_STATE_KIND_QUEUE
#define LAST_LIST_KIND  PULSE_STATE_KIND_TICKET

guint
bench_env_size (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? (guint) atoi (value) : fallback;
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* The slots of kinds without a list stay NULL. */
static void
list_free (gpointer list)
{
  if (list != NULL)
    g_object_unref (list);
}

GPtrArray *
bench_new_lists (PulseState *state)
{
  GPtrArray *lists = g_ptr_array_new_with_free_func (list_free);

  g_ptr_array_set_size (lists, LAST_LIST_KIND + 1);
  for (PulseStateKind k = FIRST_LIST_KIND; k <= LAST_LIST_KIND; k++)
    {
      lists->pdata[k] = pulse_entity_list_new (k);
      pulse_entity_list_reset (lists->pdata[k], state);
    }
  return lists;
}

static void
lists_batch (GPtrArray *lists,
             gboolean   begin)
{
  for (PulseStateKind k = FIRST_LIST_KIND; k <= LAST_LIST_KIND; k++)
    {
      if (begin)
        pulse_entity_list_begin_batch (lists->pdata[k]);
      else
        pulse_entity_list_end_batch (lists->pdata[k]);
    }
}

/* The writer thread's job for @ops (PulseSyncOp), as the app runs it. */
static void
write_ops (PulseCache *cache,
           GPtrArray  *ops,
           gint64      seq,
           gint64      now)
{
  g_autoptr(GError) error = NULL;

  if (!_pulse_sync_store_write_ops (cache, ops, seq, now, now, &error))
    g_error ("cache batch not written: %s", error->message);
  g_ptr_array_set_size (ops, 0);
}

static PulseCache *
events_cache (const char *path,
              gint64      seq,
              gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, BENCH_URL, &error);
  g_autoptr(PulseCacheBatch) batch = NULL;

  g_assert_no_error (error);
  batch = pulse_cache_batch_begin_replace (cache, PULSE_CACHE_REPLACE_ENTITIES |
                                           PULSE_CACHE_REPLACE_OPEN_TICKETS, now, &error);
  g_assert_no_error (error);
  bench_write_entities (batch);
  bench_write_open_tickets (batch, now);
  pulse_cache_batch_set_seq (batch, seq);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  return g_steal_pointer (&cache);
}

static void
add_op (GPtrArray              *ops,
        const PulseStateChange *change)
{
  PulseSyncOp *op = g_new0 (PulseSyncOp, 1);

  op->kind = change->kind;
  op->action = change->action;
  op->id = g_strdup (change->id);
  op->country = g_strdup (change->country);
  op->item = json_node_ref (change->item);
  g_ptr_array_add (ops, op);
}

/* One event through decode, state and lists; its change kept for the
 * cache in @ops (one or two arrays), as _pulse_sync_writer_add() keeps
 * it. Adds the µs of each stage to @wall and @cpu. */
static void
apply_one (PulseState *state,
           GPtrArray  *lists,
           const char *frame,
           GPtrArray  *ops[2],
           gint64     *wall,
           gint64     *cpu)
{
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) event = NULL;
  Stamp t0 = stamp (), t1, t2;

  event = pulse_json_parse (frame, -1, &error);
  t1 = stamp ();
  g_assert_no_error (error);
  if (!pulse_state_apply (state, event, &change, &error))
    g_error ("event not applied: %s\n%s", error->message, frame);
  t2 = stamp ();
  if (change.kind >= FIRST_LIST_KIND && change.kind <= LAST_LIST_KIND &&
      change.action != PULSE_STATE_ACTION_NONE)
    pulse_entity_list_apply (lists->pdata[change.kind], &change);
  add_since (t2, stamp (), wall, cpu, ST_LISTS);
  add_since (t0, t1, wall, cpu, ST_PARSE);
  add_since (t1, t2, wall, cpu, ST_STATE);
  for (guint i = 0; i < 2 && ops[i] != NULL; i++)
    {
      if (change.item != NULL && change.action != PULSE_STATE_ACTION_NONE)
        add_op (ops[i], &change);
    }
}

/* One run of @frames; fills @rate and @cpu_rate (events/s per stage). */
static void
run_events (GPtrArray *frames,
            gint64     seq,
            gint64     now,
            double    *rate,
            double    *cpu_rate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-bench-sync-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autofree char *backlog_path = g_build_filename (dir, "backlog.db", NULL);
  g_autoptr(PulseCache) cache = events_cache (path, seq, now);
  g_autoptr(PulseCache) backlog = events_cache (backlog_path, seq, now);
  g_autoptr(JsonNode) snapshot = bench_snapshot (seq, now);
  g_autoptr(PulseState) state = pulse_state_new_from_snapshot (snapshot, &error);
  g_autoptr(GPtrArray) lists = bench_new_lists (state);
  GPtrArray *ops[2];
  gint64 wall[N_STAGES] = { 0 }, cpu[N_STAGES] = { 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    ops[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_sync_op_free);
  for (guint start = 0; start < frames->len; start += CHUNK)
    {
      guint end = MIN (start + CHUNK, frames->len);
      Stamp t0 = stamp (), t1;

      lists_batch (lists, TRUE);
      add_since (t0, stamp (), wall, cpu, ST_LISTS);
      for (guint i = start; i < end; i++)
        apply_one (state, lists, frames->pdata[i], ops, wall, cpu);
      t0 = stamp ();
      lists_batch (lists, FALSE);
      t1 = stamp ();
      add_since (t0, t1, wall, cpu, ST_LISTS);
      write_ops (cache, ops[0], pulse_state_get_seq (state), now);
      t0 = stamp ();
      add_since (t1, t0, wall, cpu, ST_CACHE);
      if (end % BACKLOG == 0 || end == frames->len)
        {
          write_ops (backlog, ops[1], pulse_state_get_seq (state), now);
          add_since (t0, stamp (), wall, cpu, ST_BACKLOG);
        }
    }
  wall[ST_ALL] = wall[ST_PARSE] + wall[ST_STATE] + wall[ST_LISTS] + wall[ST_CACHE];
  cpu[ST_ALL] = cpu[ST_PARSE] + cpu[ST_STATE] + cpu[ST_LISTS] + cpu[ST_CACHE];
  wall[ST_ALL_BACKLOG] = wall[ST_ALL] - wall[ST_CACHE] + wall[ST_BACKLOG];
  cpu[ST_ALL_BACKLOG] = cpu[ST_ALL] - cpu[ST_CACHE] + cpu[ST_BACKLOG];
  for (guint s = 0; s < N_STAGES; s++)
    {
      rate[s] = frames->len / (wall[s] / 1e6);
      cpu_rate[s] = frames->len / (MAX (cpu[s], 1) / 1e6);
    }

  for (guint i = 0; i < 2; i++)
    g_ptr_array_unref (ops[i]);
  g_clear_object (&cache);
  g_clear_object (&backlog);
  bench_remove_dir (dir);
}

/* The app's writer (pulse-sync-writer.c): its own thread, one batch in
 * flight, and what gathers meanwhile on the main thread goes out as the
 * next batch once it is free. */
typedef struct
{
  PulseCache  *cache;
  GAsyncQueue *batches;  /* Batch; one without ops ends the thread */
  gint         busy;
  gint64       now;
  guint        n_batches;
  gint64       cpu;      /* the writer thread's CPU µs, once it ended */
} Writer;

typedef struct
{
  GPtrArray *ops;
  gint64     seq;
} Batch;

static gpointer
writer_run (gpointer data)
{
  Writer *writer = data;
  Stamp start = stamp ();

  for (;;)
    {
      g_autofree Batch *batch = g_async_queue_pop (writer->batches);

      if (batch->ops == NULL)
        {
          writer->cpu = stamp ().cpu - start.cpu;
          return NULL;
        }
      write_ops (writer->cache, batch->ops, batch->seq, writer->now);
      g_ptr_array_unref (batch->ops);
      writer->n_batches++;
      g_atomic_int_set (&writer->busy, FALSE);
    }
}

static void
hand_over (Writer     *writer,
           GPtrArray **pending,
           gint64      seq)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->ops = g_steal_pointer (pending);
  batch->seq = seq;
  *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_sync_op_free);
  g_atomic_int_set (&writer->busy, TRUE);
  g_async_queue_push (writer->batches, batch);
}

/* @frames as the app applies them on two cores: decode, state and lists
 * here, the cache in the writer's thread. Returns events/s, wall clock,
 * from the first frame to the last commit; @n_batches, how many
 * transactions the writer made of them. */
static double
run_pipelined (GPtrArray *frames,
               gint64     seq,
               gint64     now,
               guint     *n_batches,
               double    *main_us,
               double    *writer_us)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-bench-sync-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autoptr(PulseCache) cache = events_cache (path, seq, now);
  g_autoptr(JsonNode) snapshot = bench_snapshot (seq, now);
  g_autoptr(PulseState) state = pulse_state_new_from_snapshot (snapshot, &error);
  g_autoptr(GPtrArray) lists = bench_new_lists (state);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (
    (GDestroyNotify) _pulse_sync_op_free);
  Writer writer = { cache, g_async_queue_new (), FALSE, now, 0, 0 };
  GThread *thread = g_thread_new ("bench-writer", writer_run, &writer);
  gint64 wall[N_STAGES] = { 0 }, cpu[N_STAGES] = { 0 };
  gint64 start = g_get_monotonic_time (), elapsed;
  Stamp main_start = stamp ();

  g_assert_no_error (error);
  for (guint from = 0; from < frames->len; from += CHUNK)
    {
      GPtrArray *ops[2] = { pending, NULL };

      lists_batch (lists, TRUE);
      for (guint i = from; i < MIN (from + CHUNK, frames->len); i++)
        apply_one (state, lists, frames->pdata[i], ops, wall, cpu);
      lists_batch (lists, FALSE);
      if (!g_atomic_int_get (&writer.busy))
        hand_over (&writer, &pending, pulse_state_get_seq (state));
    }
  hand_over (&writer, &pending, pulse_state_get_seq (state));
  *main_us = (double) (stamp ().cpu - main_start.cpu) / frames->len;
  g_async_queue_push (writer.batches, g_new0 (Batch, 1));
  g_thread_join (thread);
  elapsed = g_get_monotonic_time () - start;
  *n_batches = writer.n_batches;
  *writer_us = (double) writer.cpu / frames->len;

  g_async_queue_unref (writer.batches);
  g_clear_object (&cache);
  bench_remove_dir (dir);
  return frames->len / (elapsed / 1e6);
}

static void
print_rates (const char *what,
             double      rate[N_STAGES][N_RUNS])
{
  printf ("   %-28s %12s %12s %12s  (events/s, %s)\n", "stage", "min", "median", "max", what);
  for (guint s = 0; s < N_STAGES; s++)
    {
      bench_sort_runs (rate[s], N_RUNS);
      printf ("   %-28s %12.0f %12.0f %12.0f\n", stage_names[s], rate[s][0], rate[s][1],
              rate[s][2]);
    }
}

static void
bench_events (void)
{
  guint n = bench_env_size ("BENCH_SYNC_EVENTS", 200000);
  gint64 now = g_get_real_time (), seq = 1000;
  g_autoptr(BenchStream) stream = bench_stream_new (seq, now, 2026);
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func (g_free);
  guint counts[4] = { 0 };
  static const char * const types[] = { "ticket.created", "message.created", "ticket.updated",
                                        "agent.status" };
  double rate[N_STAGES][N_RUNS], cpu_rate[N_STAGES][N_RUNS], two_threads[N_RUNS];
  double main_us[N_RUNS], writer_us[N_RUNS];
  guint n_batches = 0;
  gsize bytes = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *type = NULL;
      char *frame = bench_stream_next (stream, &type);

      bytes += strlen (frame);
      g_ptr_array_add (frames, frame);
      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        counts[t] += g_str_equal (type, types[t]);
    }
  printf ("1. events applied: %u frames, %.0f bytes each on average (%u ticket.created, "
          "%u message.created, %u ticket.updated, %u agent.status), onto %d open tickets\n",
          n, (double) bytes / n, counts[0], counts[1], counts[2], counts[3], BENCH_N_OPEN);

  for (guint r = 0; r < N_RUNS; r++)
    {
      double one[N_STAGES], one_cpu[N_STAGES];

      run_events (frames, seq, now, one, one_cpu);
      for (guint s = 0; s < N_STAGES; s++)
        {
          rate[s][r] = one[s];
          cpu_rate[s][r] = one_cpu[s];
        }
    }
  for (guint r = 0; r < N_RUNS; r++)
    two_threads[r] = run_pipelined (frames, seq, now, &n_batches, &main_us[r], &writer_us[r]);
  bench_sort_runs (two_threads, N_RUNS);
  bench_sort_runs (main_us, N_RUNS);
  bench_sort_runs (writer_us, N_RUNS);
  print_rates ("wall clock", rate);
  print_rates ("CPU time of the thread (not the commits' fsync waits)", cpu_rate);
  printf ("   as the app runs it, the cache in a writer thread of its own (wall clock): "
          "%.0f / %.0f / %.0f events/s (min / median / max), %.0f events a batch\n",
          two_threads[0], two_threads[1], two_threads[2], (double) n / MAX (n_batches, 1));
  /* What each thread spent per event there, beside the stages alone
   * above: what the two threads cost each other (shared nodes, arenas). */
  printf ("     CPU per event there (median): this thread %.1f µs, the writer %.1f µs\n",
          main_us[1], writer_us[1]);
  printf ("   target >= 100,000 events/s (whole pipeline, median wall clock): %s\n\n",
          MAX (rate[ST_ALL][1], two_threads[1]) >= 100000 ? "MET" : "NOT MET");
  printf ("BENCH sync.apply_wall %.0f ev/s\n", rate[ST_ALL][1]);
  printf ("BENCH sync.apply_cpu %.0f ev/s\n", cpu_rate[ST_ALL][1]);
  printf ("BENCH sync.apply_two_threads %.0f ev/s\n", two_threads[1]);
}

int
main (int   argc,
      char *argv[])
{
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc == 3 && g_str_equal (argv[1], "--load"))
    return bench_cold_load (argv[2]);

  printf ("bench-sync: the console's sync engine (figures only, %d runs each)\n\n", N_RUNS);
  bench_events ();
  bench_cold_start ();
  return 0;
}
