/* test-cache-kill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseCache under SIGKILL and under threads. The binary runs itself as
 * a child (`--child-writer PATH`) that writes batches in a loop and tells
 * what it did on stdout; the test kills it at a seeded moment and checks
 * that the reopened cache holds exactly the batches up to its seq.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "pulse-test-cache.h"

#define ROUNDS            20
#define TICKETS_PER_BATCH 40
#define KEPT_BATCHES      3
#define N_QUEUES          7
#define SEED              20260611

/* Batch k: the marker entity at version k, queue k % 7 at version k,
 * tickets b<k>-0..39 at version k, and the tickets of batch k-3 deleted;
 * so after batch s the state is a function of s alone. */
static void
write_batch (PulseCache *cache,
             gint64      k,
             const char *padding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (cache, &error);
  g_autofree char *queue = g_strdup_printf ("q-%d", (int) (k % N_QUEUES));
  char line[64];

  g_assert_no_error (error);
  test_put_entity (batch, "marker", "m", k, TRUE);
  test_put_entity (batch, "queue", queue, k, TRUE);
  for (int j = 0; j < TICKETS_PER_BATCH; j++)
    {
      g_autofree char *id = g_strdup_printf ("b%" G_GINT64_FORMAT "-%d", k, j);
      g_autofree char *json = test_ticket_json (id, k, TEST_BASE_USEC + k * G_USEC_PER_SEC,
                                                j % 2 ? "open" : "closed", padding);
      g_autoptr(JsonNode) node = pulse_test_parse (json);

      g_assert_true (pulse_cache_batch_put_ticket (batch, node, NULL, &error));
      if (k > KEPT_BATCHES)
        {
          g_autofree char *old = g_strdup_printf ("b%" G_GINT64_FORMAT "-%d", k - KEPT_BATCHES, j);

          g_assert_true (pulse_cache_batch_delete_ticket (batch, old, k, NULL, &error));
        }
      /* write(2), unbuffered: the parent may kill us right after reading. */
      g_snprintf (line, sizeof line, "batch %" G_GINT64_FORMAT " put %d\n", k, j);
      g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, strlen (line));
    }
  pulse_cache_batch_set_seq (batch, k);
  g_assert_true (pulse_cache_batch_commit (batch, &error));
  g_snprintf (line, sizeof line, "batch %" G_GINT64_FORMAT " committed\n", k);
  g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, strlen (line));
}

static int
run_child_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCache) cache = pulse_cache_open (path, TEST_SERVER_URL, &error);
  g_auto(PulseCacheMeta) meta = { 0 };
  g_autofree char *padding = g_strnfill (800, 'p');

  g_assert_no_error (error);
  g_assert_true (pulse_cache_read_meta (cache, &meta, &error));
  /* Bounded, in case the parent is gone without killing us. */
  for (gint64 k = meta.seq + 1; k < meta.seq + 10000; k++)
    write_batch (cache, k, padding);
  return 1;
}

/* The state after batch @seq, checked item by item. */
static void
assert_state_is_batch (PulseCache *cache,
                       gint64      seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) marker = pulse_cache_get_entity (cache, "marker", "m", &error);
  gint64 first = MAX (1, seq - KEPT_BATCHES + 1);
  PulseCacheCounts counts;

  g_assert_no_error (error);
  g_assert_cmpint (test_member_int (marker, "version"), ==, seq);
  g_assert_true (pulse_cache_get_counts (cache, &counts, &error));
  g_assert_cmpint (counts.tickets, ==, (seq - first + 1) * TICKETS_PER_BATCH);
  g_assert_cmpint (counts.open_tickets, ==, counts.tickets / 2);
  g_assert_cmpint (counts.entities, ==, 1 + MIN (seq, N_QUEUES));

  for (gint64 k = MAX (1, seq - N_QUEUES + 1); k <= seq; k++)
    {
      g_autofree char *id = g_strdup_printf ("q-%d", (int) (k % N_QUEUES));
      g_autoptr(JsonNode) queue = pulse_cache_get_entity (cache, "queue", id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (test_member_int (queue, "version"), ==, k);
    }
  for (gint64 k = first; k <= seq; k++)
    {
      for (int j = 0; j < TICKETS_PER_BATCH; j += 13)
        {
          g_autofree char *id = g_strdup_printf ("b%" G_GINT64_FORMAT "-%d", k, j);
          g_autoptr(JsonNode) ticket = pulse_cache_get_ticket (cache, id, &error);

          g_assert_no_error (error);
          g_assert_cmpint (test_member_int (ticket, "version"), ==, k);
        }
    }
}

/* Reads the child's lines until the one that says batch @batch reached
 * put @put (or committed, for put -1). Returns the last batch seen
 * committed. */
static gint64
read_until (GDataInputStream *input,
            gint64            batch,
            int               put)
{
  g_autofree char *wanted = NULL;
  gint64 committed = 0;

  if (put < 0)
    wanted = g_strdup_printf ("batch %" G_GINT64_FORMAT " committed", batch);
  else
    wanted = g_strdup_printf ("batch %" G_GINT64_FORMAT " put %d", batch, put);

  for (;;)
    {
      g_autofree char *line = test_read_line (input);
      gint64 k = 0;

      g_assert_nonnull (line);
      if (sscanf (line, "batch %" G_GINT64_FORMAT " committed", &k) == 1 &&
          g_str_has_suffix (line, "committed"))
        committed = k;
      if (g_str_equal (line, wanted))
        return committed;
    }
}

static void
test_survives_sigkill (void)
{
  g_autofree char *dir = test_cache_dir ();
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  const char *args[] = { "--child-writer", path, NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  gint64 seq = 0;

  g_test_message ("seed %u", SEED);
  g_object_unref (test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_CREATED));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GSubprocess) child = test_spawn_self (args);
      g_autoptr(GDataInputStream) input = NULL;
      g_autoptr(PulseCache) cache = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(PulseCacheMeta) meta = { 0 };
      gint64 target = seq + g_rand_int_range (rand, 1, 4);
      int put = g_rand_int_range (rand, -1, TICKETS_PER_BATCH);
      gint64 committed;

      input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      committed = read_until (input, target, put);
      test_kill (child);

      cache = test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_OPENED);
      g_assert_true (pulse_cache_quick_check (cache, &error));
      g_assert_true (pulse_cache_read_meta (cache, &meta, &error));
      g_test_message ("round %u: killed at batch %" G_GINT64_FORMAT " put %d, seq %"
                      G_GINT64_FORMAT, round, target, put, meta.seq);
      /* Every batch reported committed is there; a later one may be too. */
      g_assert_cmpint (meta.seq, >=, MAX (committed, seq));
      g_assert_cmpint (meta.seq, >=, put < 0 ? target : target - 1);
      assert_state_is_batch (cache, meta.seq);
      seq = meta.seq;
    }

  test_cache_remove_dir (dir);
}

typedef struct
{
  PulseCache *cache;
  guint       index;
} Writer;

#define N_WRITERS      4
#define WRITER_BATCHES 25
#define BATCH_TICKETS  10

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  for (guint b = 0; b < WRITER_BATCHES; b++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseCacheBatch) batch = pulse_cache_batch_begin (w->cache, &error);
      g_autofree char *key = g_strdup_printf ("w%u-b%u", w->index, b);

      g_assert_no_error (error);
      for (guint t = 0; t < BATCH_TICKETS; t++)
        {
          g_autofree char *id = g_strdup_printf ("w%u-b%u-t%u", w->index, b, t);

          test_put_ticket (batch, id, 1, TEST_BASE_USEC + b, "open", TRUE);
        }
      g_assert_true (pulse_cache_batch_commit (batch, &error));
      /* Read-your-writes, while other threads read and write. */
      {
        g_autofree char *last = g_strdup_printf ("w%u-b%u-t%u", w->index, b, BATCH_TICKETS - 1);
        g_autoptr(JsonNode) ticket = pulse_cache_get_ticket (w->cache, last, &error);

        g_assert_no_error (error);
      }
      g_assert_cmpint (pulse_cache_outbox_enqueue (w->cache, "POST", "/api/v1/rules", NULL, key,
                                                   NULL, NULL, 0, &error), >, 0);
      g_assert_no_error (error);
    }

  return NULL;
}

static void
test_threads_share_one_cache (void)
{
  g_autofree char *dir = test_cache_dir ();
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autoptr(PulseCache) cache = test_cache_open (path, TEST_SERVER_URL, PULSE_CACHE_CREATED);
  g_autoptr(GError) error = NULL;
  Writer writers[N_WRITERS];
  GThread *threads[N_WRITERS];
  PulseCacheCounts counts;

  for (guint i = 0; i < N_WRITERS; i++)
    {
      writers[i] = (Writer) { cache, i };
      threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
    }
  /* Meanwhile, read: every count is a whole number of batches. */
  for (guint i = 0; i < 200; i++)
    {
      g_assert_true (pulse_cache_get_counts (cache, &counts, &error));
      g_assert_cmpint (counts.tickets % BATCH_TICKETS, ==, 0);
    }
  for (guint i = 0; i < N_WRITERS; i++)
    g_thread_join (threads[i]);

  g_assert_true (pulse_cache_get_counts (cache, &counts, &error));
  g_assert_cmpint (counts.tickets, ==, N_WRITERS * WRITER_BATCHES * BATCH_TICKETS);
  g_assert_cmpint (counts.outbox_pending, ==, N_WRITERS * WRITER_BATCHES);
  g_clear_object (&cache);
  test_cache_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-writer"))
    return run_child_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/store/cache/kill/survives-sigkill", test_survives_sigkill);
  g_test_add_func ("/pulse/store/cache/threads/share-one-cache", test_threads_share_one_cache);

  return g_test_run ();
}
