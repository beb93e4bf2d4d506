/* pulse-kpi-view-fill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filling a rebuilt #PulseKpiView without holding up a frame: the
 * state's tickets and the window's history from the #PulseCache.
 *
 * Decoding a ticket costs about 12 µs and adding it about 9 µs, so
 * 50,000 state tickets or 630,000 of history would block the main loop
 * for seconds. Both go through one idle instead, whose slices share the
 * main-loop iteration's budget with the other slicers
 * (pulse-idle-budget.c):
 *
 * - the state's tickets are decoded there, on the main thread: their
 *   JSON is the state's, and json-glib's reference counts are not for
 *   sharing across threads. One that changed since the rebuild is
 *   skipped, since pulse_kpi_view_apply() added its new version;
 * - the history is read and decoded by a worker thread, which pages
 *   through the cache (keyset pages of #PulseKpiView:history-chunk
 *   tickets, in (created_at, id) order) and stays at most MAX_PENDING
 *   pages ahead, so it never holds the whole history; the idle adds at
 *   most one page per iteration.
 *
 * The feed is shared by the worker, its idle and the view, and counted.
 * Stopping it (a rebuild, dispose) cancels, drops the pages and forgets
 * the view; the worker notices at its next page, and the last reference
 * frees the feed.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-idle-budget.h"
#include "pulse-kpi-view-private.h"
#include "pulse-ticket.h"

/* Tickets a slice adds whatever the clock says (about 0.3 ms of work):
 * a busy machine that preempts the main loop mid-slice must not spread a
 * small fill over many iterations, nor stop a fill behind another
 * slicer that spent the iteration's budget. */
#define FILL_MIN_TICKETS 16

/* Pages read ahead of the main thread. */
#define MAX_PENDING 2

struct _PulseKpiFeed
{
  gatomicrefcount  refs;
  GMutex           lock;
  GCond            cond;
  GQueue           pages;      /* GPtrArray of PulseTicket, under lock */
  gboolean         reading;    /* the worker may push more, under lock */
  gboolean         armed;      /* the idle will run again, under lock */

  PulseCache      *cache;      /* NULL: the state's tickets only */
  gint64           from;
  gint64           to;
  guint            chunk;
  GCancellable    *cancellable;
  GMainContext    *context;

  /* Main thread only. */
  PulseKpiView    *view;       /* NULL once stopped */
  GPtrArray       *nodes;      /* the state's tickets at the rebuild */
  guint            next_node;
  GPtrArray       *page;       /* the history page being added */
  guint            next_ticket;
  guint            added;
  gboolean         finished;
};

static gint n_feeds;

static PulseKpiFeed *
feed_ref (PulseKpiFeed *feed)
{
  g_atomic_ref_count_inc (&feed->refs);
  return feed;
}

static void
feed_unref (PulseKpiFeed *feed)
{
  GMainContext *context;

  if (!g_atomic_ref_count_dec (&feed->refs))
    return;

  context = feed->context;
  g_queue_clear_full (&feed->pages, (GDestroyNotify) g_ptr_array_unref);
  g_mutex_clear (&feed->lock);
  g_cond_clear (&feed->cond);
  g_clear_pointer (&feed->nodes, g_ptr_array_unref);
  g_clear_pointer (&feed->page, g_ptr_array_unref);
  g_clear_object (&feed->cache);
  g_clear_object (&feed->cancellable);
  g_free (feed);
  g_atomic_int_add (&n_feeds, -1);
  /* The last reference may go in the worker: a main loop waiting for
   * the feeds to end must hear of it. */
  g_main_context_wakeup (context);
  g_main_context_unref (context);
}

typedef struct
{
  gpointer       data;
  GDestroyNotify free_func;
} Drop;

static void
drop_worker (gpointer data,
             gpointer user_data)
{
  Drop *drop = data;

  pulse_background_enter ();
  drop->free_func (drop->data);
  g_free (drop);
  g_atomic_int_add (&n_feeds, -1);
  g_main_context_wakeup (NULL);
}

/* Frees @data with @free_func in a thread pool of its own, not a
 * #GTask: nothing comes back to the main context. */
static void
drop_in_worker (gpointer       data,
                GDestroyNotify free_func)
{
  static GThreadPool *pool;
  Drop *drop = g_new (Drop, 1);

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (drop_worker, NULL, 1, FALSE, NULL));

  drop->data = data;
  drop->free_func = free_func;
  /* Counted with the feeds: tests wait for both to be done. */
  g_atomic_int_inc (&n_feeds);
  g_thread_pool_push (pool, drop, NULL);
}

/* Everything is in (or the cache could not be read): the view is told
 * once, and lets the feed go. */
static void
finish (PulseKpiFeed *feed)
{
  PulseKpiView *view = feed->view;

  if (feed->finished || view == NULL)
    return;

  feed->finished = TRUE;
  _pulse_kpi_view_set_history_state (view, TRUE, feed->added);
  if (view->feed == feed)
    _pulse_kpi_view_feed_stop (view);
}

/* Adds state tickets, then history, until @deadline; a page finished
 * is announced. */
static void
fill (PulseKpiFeed *feed,
      gint64        deadline)
{
  GPtrArray *spent;
  guint done = 0;

  while (feed->next_node < feed->nodes->len
         && (done++ < FILL_MIN_TICKETS || g_get_monotonic_time () < deadline))
    _pulse_kpi_view_add_state_node (feed->view, feed->nodes->pdata[feed->next_node++]);
  if (feed->next_node < feed->nodes->len)
    return;

  if (feed->page == NULL)
    {
      g_mutex_lock (&feed->lock);
      feed->page = g_queue_pop_head (&feed->pages);
      feed->next_ticket = 0;
      g_cond_signal (&feed->cond);
      g_mutex_unlock (&feed->lock);
    }
  /* The tickets a slice added are freed by a worker: the worker that
   * decoded them allocated them, and freeing on the main thread took the
   * allocator's lock of that worker's arena while it went on decoding,
   * and often the time of consolidating its free lists: up to a
   * millisecond a ticket (docs/performance.md). */
  spent = g_ptr_array_new_with_free_func (g_object_unref);
  while (feed->page != NULL && feed->next_ticket < feed->page->len
         && (done++ < FILL_MIN_TICKETS || g_get_monotonic_time () < deadline))
    {
      PulseTicket **ticket = (PulseTicket **) &feed->page->pdata[feed->next_ticket++];

      feed->added += _pulse_kpi_view_add_ticket (feed->view, *ticket, TRUE);
      g_ptr_array_add (spent, g_steal_pointer (ticket));
    }
  if (spent->len > 0)
    drop_in_worker (g_steal_pointer (&spent), (GDestroyNotify) g_ptr_array_unref);
  else
    g_ptr_array_unref (spent);
  if (feed->page != NULL && feed->next_ticket == feed->page->len)
    {
      g_clear_pointer (&feed->page, g_ptr_array_unref);
      _pulse_kpi_view_set_history_state (feed->view, FALSE, feed->added);
    }
}

/* One slice per main-loop iteration, at idle priority: below GTK's
 * redraw and input. The idle stays while work waits. */
static gboolean
fill_cb (gpointer user_data)
{
  PulseKpiFeed *feed = user_data;
  gboolean more, done;

  if (feed->view == NULL)
    return G_SOURCE_REMOVE;

  /* Every slice changes the figures, or at least their completeness. */
  fill (feed, pulse_idle_budget_deadline ());
  _pulse_kpi_view_schedule_changed (feed->view);

  g_mutex_lock (&feed->lock);
  more = feed->next_node < feed->nodes->len || feed->page != NULL
         || !g_queue_is_empty (&feed->pages);
  done = !more && !feed->reading;
  feed->armed = more;
  g_mutex_unlock (&feed->lock);

  if (done)
    finish (feed);

  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* From any thread; the caller set feed->armed under the lock. */
static void
arm (PulseKpiFeed *feed)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, fill_cb, feed_ref (feed), (GDestroyNotify) feed_unref);
  g_source_set_static_name (source, "[pulse] KPI view fill");
  g_source_attach (source, feed->context);
  g_source_unref (source);
}

/* Hands a page to the main thread; waits while it is MAX_PENDING pages
 * behind. Returns FALSE once the feed is cancelled. */
static gboolean
push_page (PulseKpiFeed *feed,
           GPtrArray    *page)
{
  gboolean cancelled, wake;

  g_mutex_lock (&feed->lock);
  while (g_queue_get_length (&feed->pages) >= MAX_PENDING
         && !g_cancellable_is_cancelled (feed->cancellable))
    g_cond_wait (&feed->cond, &feed->lock);
  cancelled = g_cancellable_is_cancelled (feed->cancellable);
  wake = !cancelled && !feed->armed;
  if (!cancelled)
    {
      g_queue_push_tail (&feed->pages, g_ptr_array_ref (page));
      feed->armed = TRUE;
    }
  g_mutex_unlock (&feed->lock);

  if (wake)
    arm (feed);
  return !cancelled;
}

/* Added tickets leave a NULL behind them in their page. */
static void
drop_ticket (gpointer ticket)
{
  if (ticket != NULL)
    g_object_unref (ticket);
}

static GPtrArray *
decode_page (GPtrArray *nodes)
{
  GPtrArray *tickets = g_ptr_array_new_full (nodes->len, drop_ticket);

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PulseTicket *ticket = pulse_ticket_new_from_json (nodes->pdata[i], &error);

      if (ticket != NULL)
        g_ptr_array_add (tickets, ticket);
      else
        g_warning ("KPI history: a cached ticket is left out: %s", error->message);
    }

  return tickets;
}

static void
feed_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PulseKpiFeed *feed = task_data;
  g_auto(PulseCacheCursor) cursor = PULSE_CACHE_CURSOR_INIT;
  GError *error = NULL;
  gboolean more = TRUE;
  gboolean wake;

  pulse_background_enter ();

  while (more && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GPtrArray) nodes = NULL;
      g_autoptr(GPtrArray) page = NULL;

      nodes = pulse_cache_list_tickets (feed->cache, feed->from, feed->to, &cursor, feed->chunk,
                                        &error);
      if (nodes == NULL)
        break;

      more = nodes->len == feed->chunk;
      page = decode_page (nodes);
      if (page->len > 0 && !push_page (feed, page))
        break;
    }

  /* The idle may have gone idle waiting for a page that never comes. */
  g_mutex_lock (&feed->lock);
  feed->reading = FALSE;
  wake = !feed->armed && !g_cancellable_is_cancelled (cancellable);
  feed->armed = TRUE;
  g_mutex_unlock (&feed->lock);
  if (wake)
    arm (feed);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
feed_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PulseKpiFeed *feed = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && feed->view != NULL)
    g_warning ("KPI history: reading the cache failed; the figures lack part of it: %s",
               error->message);

  feed_unref (feed);
}

/**
 * _pulse_kpi_view_feed_start:
 *
 * Fills the view: the state's tickets as the view knows them now, then
 * the cache's history that can count in the window in force (created
 * from its start to 7 days after its end). Stops any feed before.
 */
void
_pulse_kpi_view_feed_start (PulseKpiView *self)
{
  g_autoptr(GTask) task = NULL;
  PulseKpiFeed *feed;

  _pulse_kpi_view_feed_stop (self);
  feed = g_new0 (PulseKpiFeed, 1);
  g_atomic_int_inc (&n_feeds);
  g_atomic_ref_count_init (&feed->refs);
  g_mutex_init (&feed->lock);
  g_cond_init (&feed->cond);
  g_queue_init (&feed->pages);
  feed->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  if (self->state != NULL)
    {
      g_autoptr(GPtrArray) nodes = pulse_state_list_items (self->state, PULSE_STATE_KIND_TICKET);

      for (guint i = 0; i < nodes->len; i++)
        g_ptr_array_add (feed->nodes, json_node_ref (nodes->pdata[i]));
    }
  feed->cache = self->cache != NULL ? g_object_ref (self->cache) : NULL;
  feed->reading = feed->cache != NULL;
  feed->from = self->from;
  feed->to = self->to > G_MAXINT64 - PULSE_KPI_FOLLOW_UP_USEC
               ? G_MAXINT64 : self->to + PULSE_KPI_FOLLOW_UP_USEC;
  feed->chunk = self->history_chunk;
  feed->cancellable = g_cancellable_new ();
  feed->context = g_main_context_ref_thread_default ();
  feed->view = self;
  self->feed = feed;

  feed->armed = TRUE;
  arm (feed);
  if (feed->cache == NULL)
    return;

  /* No source object: a feed must not keep a dropped view alive. */
  task = g_task_new (NULL, feed->cancellable, feed_done_cb, feed_ref (feed));
  g_task_set_source_tag (task, _pulse_kpi_view_feed_start);
  g_task_set_task_data (task, feed_ref (feed), (GDestroyNotify) feed_unref);
  pulse_background_run_in_thread (task, feed_worker);
}

/**
 * _pulse_kpi_view_feed_stop:
 *
 * Stops the view's feed, if any: nothing more of it reaches the view.
 */
void
_pulse_kpi_view_feed_stop (PulseKpiView *self)
{
  PulseKpiFeed *feed = g_steal_pointer (&self->feed);

  if (feed == NULL)
    return;

  feed->view = NULL;
  g_cancellable_cancel (feed->cancellable);
  g_mutex_lock (&feed->lock);
  g_queue_clear_full (&feed->pages, (GDestroyNotify) g_ptr_array_unref);
  g_cond_broadcast (&feed->cond);
  g_mutex_unlock (&feed->lock);
  feed_unref (feed);
}

/**
 * _pulse_kpi_view_drop_kpi:
 * @kpi: (transfer full) (nullable): figures no one refers to any more
 *
 * Frees @kpi in a worker thread: freeing the figures of 100,000
 * contacts takes tens of milliseconds. An accumulator is core data with
 * no signal handler or main-context source, so any thread may free it.
 */
void
_pulse_kpi_view_drop_kpi (PulseKpi *kpi)
{
  if (kpi != NULL)
    drop_in_worker (kpi, g_object_unref);
}

/* Feeds and dropped figures not yet freed, threads included: tests wait
 * for 0. */
guint
_pulse_kpi_view_get_n_feeds (void)
{
  return (guint) g_atomic_int_get (&n_feeds);
}
