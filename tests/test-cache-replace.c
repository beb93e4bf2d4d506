/* test-cache-replace.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replacing the whole state of a PulseCache with a fresh snapshot: what
 * goes, and that a reader on another thread never sees it half done.
 */

#include "config.h"

#include "pulse-test-cache.h"

static void
test_replace_scopes (CacheFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  g_auto(PulseCacheMeta) meta = { 0 };

  test_fill_state (f->cache, "a", 4, 6, 10);

  /* Open tickets and entities replaced, closed history kept. */
  batch = pulse_cache_batch_begin_replace (f->cache, PULSE_CACHE_REPLACE_ENTITIES |
                                           PULSE_CACHE_REPLACE_OPEN_TICKETS,
                                           TEST_BASE_USEC + 99, &error);
  g_assert_no_error (error);
  test_put_entity (batch, "queue", "q-1", 1, TRUE);
  test_put_ticket (batch, "b-t1", 1, TEST_BASE_USEC, "new", TRUE);
  pulse_cache_batch_set_seq (batch, 500);
  test_commit (batch);
  g_clear_pointer (&batch, pulse_cache_batch_free);
  test_assert_counts (f->cache, 1, 4, 1);
  g_assert_true (pulse_cache_read_meta (f->cache, &meta, &error));
  g_assert_cmpint (meta.seq, ==, 500);
  g_assert_cmpint (meta.snapshot_at, ==, TEST_BASE_USEC + 99);

  batch = pulse_cache_batch_begin_replace (f->cache, PULSE_CACHE_REPLACE_ALL, 1, &error);
  test_commit (batch);
  test_assert_counts (f->cache, 0, 0, 0);
}

typedef struct
{
  PulseCache       *cache;
  GMutex            lock;
  GCond             cond;
  guint             polls;
  guint             saw_old;
  guint             saw_new;
  guint             saw_other;
  gboolean          stop;
} Poller;

static gpointer
poll_counts_thread (gpointer data)
{
  Poller *p = data;
  gboolean stop = FALSE;

  while (!stop)
    {
      g_autoptr(GError) error = NULL;
      PulseCacheCounts c = { 0 };

      g_assert_true (pulse_cache_get_counts (p->cache, &c, &error));
      g_mutex_lock (&p->lock);
      if (c.entities == 100 && c.tickets == 40 && c.open_tickets == 20)
        p->saw_old++;
      else if (c.entities == 150 && c.tickets == 60 && c.open_tickets == 30)
        p->saw_new++;
      else
        p->saw_other++;
      p->polls++;
      stop = p->stop;
      g_cond_broadcast (&p->cond);
      g_mutex_unlock (&p->lock);
    }

  return NULL;
}

/* Waits (on the poller's condition, not a clock) for @n more polls. */
static void
wait_polls (Poller *p,
            guint   n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint target;

  g_mutex_lock (&p->lock);
  target = p->polls + n;
  while (p->polls < target)
    g_assert_true (g_cond_wait_until (&p->cond, &p->lock, deadline));
  g_mutex_unlock (&p->lock);
}

/* 150 entities and 60 tickets (30 open), letting the poller run between. */
static void
put_new_state (PulseCacheBatch *batch,
               Poller          *p)
{
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("new-%03u", i);

      test_put_entity (batch, "agent", id, 1, TRUE);
      if (i < 60)
        {
          g_autofree char *tid = g_strdup_printf ("new-t%03u", i);

          test_put_ticket (batch, tid, 1, TEST_BASE_USEC + i, i % 2 ? "open" : "closed", TRUE);
        }
      if (i % 50 == 0)
        wait_polls (p, 1);
    }
}

static void
test_replace_is_atomic_for_readers (CacheFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseCacheBatch) batch = NULL;
  Poller p = { .cache = f->cache };
  GThread *thread;
  guint before_commit;

  test_fill_state (f->cache, "old", 100, 40, 1);
  g_mutex_init (&p.lock);
  g_cond_init (&p.cond);
  thread = g_thread_new ("poller", poll_counts_thread, &p);
  wait_polls (&p, 3);

  /* The old state is deleted inside the open transaction, then the new
   * one written piece by piece; the reader keeps polling all along. */
  batch = pulse_cache_batch_begin_replace (f->cache, PULSE_CACHE_REPLACE_ALL, 5, &error);
  g_assert_no_error (error);
  wait_polls (&p, 3);
  put_new_state (batch, &p);
  wait_polls (&p, 3);
  g_mutex_lock (&p.lock);
  before_commit = p.polls;
  g_mutex_unlock (&p.lock);
  test_commit (batch);
  wait_polls (&p, 3);

  g_mutex_lock (&p.lock);
  p.stop = TRUE;
  g_mutex_unlock (&p.lock);
  g_thread_join (thread);

  g_test_message ("%u polls: %u old, %u new", p.polls, p.saw_old, p.saw_new);
  g_assert_cmpuint (p.saw_other, ==, 0);
  g_assert_cmpuint (p.saw_old, >=, before_commit);
  g_assert_cmpuint (p.saw_old, >=, 12);
  g_assert_cmpuint (p.saw_new, >=, 3);
  g_mutex_clear (&p.lock);
  g_cond_clear (&p.cond);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pulse/store/cache/" path, CacheFixture, NULL, cache_fixture_set_up, func, cache_fixture_tear_down)

  ADD ("replace/scopes", test_replace_scopes);
  ADD ("replace/atomic-for-readers", test_replace_is_atomic_for_readers);

  return g_test_run ();
}
