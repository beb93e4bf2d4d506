/* pulse-session-kpi.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSession's KPI views: the period all pages count in (today, 7, 30,
 * 90 days or a custom range), one shared #PulseKpiView per grouping for
 * the pages, private views for comparisons (the previous period) and
 * drill-downs, and the shared #PulseCategoryWatch. Part of PulseSession (pulse-session-private.h).
 */

#include "config.h"

#include "pulse-session-private.h"

static void
on_sync_reset_cb (PulseSync    *sync,
                  PulseKpiView *view)
{
  pulse_kpi_view_reset (view, pulse_sync_get_state_snapshot (sync));
}

static void
on_sync_changed_cb (PulseSync              *sync,
                    const PulseStateChange *change,
                    PulseKpiView           *view)
{
  pulse_kpi_view_apply (view, change);
}

/* Feeds @view the sync engine's resets and changes from now on; it goes
 * with the view, or the engine, whichever goes first. */
static void
follow_sync (PulseSession *self,
             gpointer      view,
             GCallback     on_reset,
             GCallback     on_changed)
{
  g_signal_connect_object (self->sync, "reset", on_reset, view, 0);
  g_signal_connect_object (self->sync, "changed", on_changed, view, 0);
}

static void
follow_period (PulseSession *self,
               PulseKpiView *view)
{
  if (self->kpi_window == PULSE_KPI_WINDOW_CUSTOM)
    pulse_kpi_view_set_range (view, self->kpi_from, self->kpi_to);
  else
    pulse_kpi_view_set_window (view, self->kpi_window);
}

/* A view of the state; a @shared one takes @group and the session's
 * period before the state: each change of grouping or period rebuilds a
 * view, which with the state in costs 3-10 ms of main loop (the reviews,
 * the fill's start), and before it next to nothing. */
static PulseKpiView *
new_view (PulseSession  *self,
          gboolean       shared,
          PulseKpiGroup  group)
{
  PulseKpiView *view;
  PulseCache *cache;

  if (self->sync == NULL || (cache = pulse_sync_get_cache (self->sync)) == NULL)
    return NULL;

  view = pulse_kpi_view_new (cache);
  if (shared)
    {
      pulse_kpi_view_set_group (view, group);
      follow_period (self, view);
    }
  pulse_kpi_view_reset (view, pulse_sync_get_state_snapshot (self->sync));
  follow_sync (self, view, G_CALLBACK (on_sync_reset_cb), G_CALLBACK (on_sync_changed_cb));
  return view;
}

/**
 * pulse_session_new_kpi_view:
 *
 * Makes a view of the server followed, fed by its sync engine from now
 * on: its tickets and changes, and the history in its cache. The caller
 * sets its window and group. A new sync engine (another server, a new
 * sign-in) does not feed it: make a new one at #PulseSession::data-reset.
 *
 * Returns: (transfer full) (nullable): the view, or %NULL before the
 *   cache of the server followed is open.
 */
PulseKpiView *
pulse_session_new_kpi_view (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return new_view (self, FALSE, PULSE_KPI_GROUP_TEAM);
}

static void
on_sync_reset_hours_cb (PulseSync       *sync,
                        PulseHourlyView *view)
{
  pulse_hourly_view_reset (view, pulse_sync_get_state_snapshot (sync), g_get_real_time ());
}

static void
on_sync_changed_hours_cb (PulseSync              *sync,
                          const PulseStateChange *change,
                          PulseHourlyView        *view)
{
  pulse_hourly_view_apply (view, change);
}

/**
 * pulse_session_new_hourly_view:
 * @n_hours: how many clock hours, the last one under way
 *
 * Makes a view of the last hours of the server followed, fed by its sync
 * engine from now on, as pulse_session_new_kpi_view() does.
 *
 * Returns: (transfer full) (nullable): the view, or %NULL before the
 *   server followed has a state.
 */
PulseHourlyView *
pulse_session_new_hourly_view (PulseSession *self,
                               guint         n_hours)
{
  PulseHourlyView *view;

  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  if (self->sync == NULL || pulse_sync_get_cache (self->sync) == NULL)
    return NULL;

  view = pulse_hourly_view_new (n_hours);
  pulse_hourly_view_reset (view, pulse_sync_get_state_snapshot (self->sync), g_get_real_time ());
  follow_sync (self, view, G_CALLBACK (on_sync_reset_hours_cb),
               G_CALLBACK (on_sync_changed_hours_cb));
  return view;
}

static void
on_sync_reset_loads_cb (PulseSync          *sync,
                        PulseQueueLoadView *view)
{
  pulse_queue_load_view_reset (view, pulse_sync_get_state_snapshot (sync));
}

static void
on_sync_changed_loads_cb (PulseSync              *sync,
                          const PulseStateChange *change,
                          PulseQueueLoadView     *view)
{
  pulse_queue_load_view_apply (view, change);
}

static void
on_loads_loaded_cb (PulseSession       *self,
                    GParamSpec         *pspec,
                    PulseQueueLoadView *view)
{
  if (pulse_queue_load_view_get_loaded (view))
    _pulse_session_emit_queue_loads_complete (self);
}

static PulseQueueLoadView *
queue_load_view (PulseSession *self)
{
  if (self->queue_loads != NULL || self->sync == NULL
      || pulse_sync_get_cache (self->sync) == NULL)
    return self->queue_loads;

  self->queue_loads = pulse_queue_load_view_new ();
  pulse_queue_load_view_reset (self->queue_loads, pulse_sync_get_state_snapshot (self->sync));
  follow_sync (self, self->queue_loads, G_CALLBACK (on_sync_reset_loads_cb),
               G_CALLBACK (on_sync_changed_loads_cb));
  g_signal_connect_object (self->queue_loads, "notify::loaded", G_CALLBACK (on_loads_loaded_cb),
                           self, G_CONNECT_SWAPPED);
  return self->queue_loads;
}

/**
 * pulse_session_dup_queue_loads:
 * @now: the time the loads are for, µs since the epoch
 * @complete: (out) (optional): whether every ticket is in
 *
 * Each queue's live load (pulse_queue_load_compute()) for the session's
 * lists, from a view kept by each change and shared by the pages.
 *
 * While that view takes a new state's tickets (in idle slices, a
 * fraction of a second on a large cache) the loads are partial and
 * @complete is set to %FALSE; #PulseSession::queue-loads-complete
 * follows. Counting over the lists instead would decode every open
 * ticket at once: 0.1 s of main loop for 5,000 (docs/performance.md).
 *
 * Returns: (transfer full) (element-type utf8 PulseQueueLoad): the load
 *   of every queue of the session's list, by queue id
 */
GHashTable *
pulse_session_dup_queue_loads (PulseSession *self,
                               gint64        now,
                               gboolean     *complete)
{
  GListModel *queues, *agents;
  PulseQueueLoadView *view;

  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  queues = pulse_session_get_list (self, PULSE_STATE_KIND_QUEUE);
  agents = pulse_session_get_list (self, PULSE_STATE_KIND_AGENT);
  view = queue_load_view (self);
  if (complete != NULL)
    *complete = view == NULL || pulse_queue_load_view_get_loaded (view);
  if (view != NULL)
    return pulse_queue_load_view_compute (view, queues, agents, now);

  /* Before the cache is open the lists are empty. */
  return pulse_queue_load_compute (queues, agents,
                                   pulse_session_get_list (self, PULSE_STATE_KIND_TICKET), now);
}

/**
 * pulse_session_get_kpi_view:
 * @group: how the view splits its figures
 *
 * The shared view of @group, counting in the session's period
 * (#PulseSession:kpi-window) and following it. Pages that show the same
 * grouping share one view, so its history is read once.
 *
 * Returns: (transfer none) (nullable): the view, or %NULL before the
 *   cache of the server followed is open. It lasts until the next
 *   #PulseSession::data-reset that changes the sync engine.
 */
PulseKpiView *
pulse_session_get_kpi_view (PulseSession  *self,
                            PulseKpiGroup  group)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);
  g_return_val_if_fail (group <= PULSE_KPI_GROUP_COUNTRY, NULL);

  if (self->kpi_views[group] == NULL)
    {
      self->kpi_views[group] = new_view (self, TRUE, group);
      if (self->kpi_views[group] == NULL)
        return NULL;
    }

  return self->kpi_views[group];
}

/* Views of a sync engine that is gone count nothing new: drop them, and
 * pages fetch new ones at the data-reset that follows. */
void
_pulse_session_clear_kpi_views (PulseSession *self)
{
  for (guint group = 0; group < G_N_ELEMENTS (self->kpi_views); group++)
    g_clear_object (&self->kpi_views[group]);
  g_clear_object (&self->category_watch);
  g_clear_object (&self->queue_loads);
}

/**
 * pulse_session_get_category_watch:
 *
 * The contacts per category of the server followed, for the week's top
 * categories and the spike alerts; shared by the pages.
 *
 * Returns: (transfer none) (nullable): the watch, or %NULL before the
 *   cache is open. It lasts until the next #PulseSession::data-reset
 *   that changes the sync engine.
 */
static void
history_flushed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PulseCategoryWatch) watch = user_data;
  g_autoptr(GError) error = NULL;

  if (pulse_sync_flush_finish (PULSE_SYNC (object), result, &error))
    pulse_category_watch_reload (watch);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("categories: the history did not reach the cache: %s", error->message);
}

/* History paged in after the watch first read the cache is in the cache
 * once the writer has flushed it: read again then. */
static void
on_history_complete_cb (PulseSync          *sync,
                        GParamSpec         *pspec,
                        PulseCategoryWatch *watch)
{
  if (pulse_sync_get_history_complete (sync))
    pulse_sync_flush_async (sync, NULL, history_flushed_cb, g_object_ref (watch));
}

PulseCategoryWatch *
pulse_session_get_category_watch (PulseSession *self)
{
  PulseCache *cache;

  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  if (self->category_watch == NULL && self->sync != NULL
      && (cache = pulse_sync_get_cache (self->sync)) != NULL)
    {
      self->category_watch =
        pulse_category_watch_new (cache, G_LIST_MODEL (self->lists[PULSE_STATE_KIND_TICKET]));
      g_signal_connect_object (self->sync, "notify::history-complete",
                               G_CALLBACK (on_history_complete_cb), self->category_watch, 0);
      on_history_complete_cb (self->sync, NULL, self->category_watch);
    }

  return self->category_watch;
}

void
_pulse_session_notify_kpi_period (PulseSession *self)
{
  for (guint group = 0; group < G_N_ELEMENTS (self->kpi_views); group++)
    {
      if (self->kpi_views[group] != NULL)
        follow_period (self, self->kpi_views[group]);
    }
}

/**
 * pulse_session_get_kpi_window:
 *
 * Returns: the period the pages count in.
 */
PulseKpiWindow
pulse_session_get_kpi_window (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), PULSE_KPI_WINDOW_TODAY);

  return self->kpi_window;
}

/**
 * pulse_session_get_kpi_range:
 * @from: (out) (optional): where the custom range starts, µs
 * @to: (out) (optional): where it ends (excluded), µs
 *
 * The range of %PULSE_KPI_WINDOW_CUSTOM, last set with
 * pulse_session_set_kpi_range(); 0 and 0 before that.
 */
void
pulse_session_get_kpi_range (PulseSession *self,
                             gint64       *from,
                             gint64       *to)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  if (from != NULL)
    *from = self->kpi_from;
  if (to != NULL)
    *to = self->kpi_to;
}

/**
 * pulse_session_set_kpi_window:
 * @window: the period to count in
 *
 * Sets the period of every page. For %PULSE_KPI_WINDOW_CUSTOM, the
 * range last given to pulse_session_set_kpi_range() applies.
 */
void
pulse_session_set_kpi_window (PulseSession   *self,
                              PulseKpiWindow  window)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  if (self->kpi_window == window)
    return;

  self->kpi_window = window;
  _pulse_session_notify_kpi_period (self);
  g_object_notify (G_OBJECT (self), "kpi-window");
}

/**
 * pulse_session_get_kpi_group:
 *
 * Returns: how the pages break their figures down.
 */
PulseKpiGroup
pulse_session_get_kpi_group (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), PULSE_KPI_GROUP_TEAM);

  return self->kpi_group;
}

/**
 * pulse_session_set_kpi_group:
 * @group: team, queue, channel or country (agent has its own page)
 */
void
pulse_session_set_kpi_group (PulseSession  *self,
                             PulseKpiGroup  group)
{
  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (group <= PULSE_KPI_GROUP_COUNTRY);

  if (self->kpi_group == group)
    return;

  self->kpi_group = group;
  g_object_notify (G_OBJECT (self), "kpi-group");
}

/**
 * pulse_session_set_kpi_range:
 * @from: the first microsecond counted
 * @to: the end of the range (excluded), after @from
 *
 * Makes every page count in [@from, @to): the window becomes
 * %PULSE_KPI_WINDOW_CUSTOM, and #PulseSession:kpi-window is notified
 * even if it was custom already.
 */
void
pulse_session_set_kpi_range (PulseSession *self,
                             gint64        from,
                             gint64        to)
{
  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (from < to);

  self->kpi_from = from;
  self->kpi_to = to;
  if (self->kpi_window == PULSE_KPI_WINDOW_CUSTOM)
    {
      /* Another range is another period: listeners hear it as one. */
      _pulse_session_notify_kpi_period (self);
      g_object_notify (G_OBJECT (self), "kpi-window");
    }
  else
    {
      pulse_session_set_kpi_window (self, PULSE_KPI_WINDOW_CUSTOM);
    }
}
