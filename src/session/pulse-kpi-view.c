/* pulse-kpi-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-kpi-view-private.h"
#include "pulse-time-utils.h"

/**
 * PulseKpiView:
 *
 * The KPI figures of a window (today, the last 7, 30 or 90 days, or a
 * custom range), split by a group (none, agent, team, queue, channel,
 * country), kept up to date with the same #PulseStateChange stream as the
 * entity lists, through the incremental #PulseKpi accumulator: a change
 * costs one add or replace, never a recount.
 *
 * Contacts come from two places. The state (pulse_kpi_view_reset())
 * holds the open tickets and the last day's; older ones come from the
 * #PulseCache given at construction, read in a worker thread. A ticket
 * the state holds is never taken from the history: the state's version
 * is the live one. Tickets created in the 7 days after the window are
 * added too, since they decide whether a contact in the window was
 * repeated; earlier ones are left out, as the server's metrics leave
 * them out.
 *
 * A rebuild (a reset, a new window or group, midnight for a day window)
 * starts from scratch: directory lookups, applications and reviews at
 * once, then the tickets, the state's and the history's, in idle slices
 * of at most 8 ms per main-loop iteration, so neither 50,000 state
 * tickets nor 630,000 of history hold up a frame. Until they are all in,
 * #PulseKpiView:loaded is %FALSE and the figures are partial; changes
 * applied meanwhile count at once, and are not undone by the slices.

 * #PulseKpiView::changed is coalesced: however many changes, chunks or
 * rebuilds happen in one main-loop iteration, it is emitted once, from an
 * idle of higher priority than GTK's redraw, so a frame shows fresh
 * figures.
 */

G_DEFINE_FINAL_TYPE (PulseKpiView, pulse_kpi_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CACHE,
  PROP_WINDOW,
  PROP_FROM,
  PROP_TO,
  PROP_GROUP,
  PROP_NOW,
  PROP_HISTORY_CHUNK,
  PROP_LOADED,
  PROP_HISTORY_TICKETS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Before GTK's redraw (GDK_PRIORITY_REDRAW, G_PRIORITY_HIGH_IDLE + 20). */
#define CHANGED_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

gint64
_pulse_kpi_view_get_clock (PulseKpiView *self)
{
  return self->now != 0 ? self->now : g_get_real_time ();
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  PulseKpiView *self = user_data;

  self->changed_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

void
_pulse_kpi_view_schedule_changed (PulseKpiView *self)
{
  if (self->changed_id == 0)
    self->changed_id = g_idle_add_full (CHANGED_PRIORITY, emit_changed_cb, self, NULL);
}

static void
pulse_kpi_view_dispose (GObject *object)
{
  PulseKpiView *self = (PulseKpiView *)object;

  _pulse_kpi_view_feed_stop (self);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  _pulse_kpi_view_cancel_reset (self);
  g_clear_object (&self->state);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (pulse_kpi_view_parent_class)->dispose (object);
}

static void
pulse_kpi_view_finalize (GObject *object)
{
  PulseKpiView *self = (PulseKpiView *)object;

  g_clear_object (&self->kpi);
  g_clear_pointer (&self->applications, g_hash_table_unref);
  g_clear_pointer (&self->country_keys, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_kpi_view_parent_class)->finalize (object);
}

static void
pulse_kpi_view_constructed (GObject *object)
{
  PulseKpiView *self = (PulseKpiView *)object;

  G_OBJECT_CLASS (pulse_kpi_view_parent_class)->constructed (object);

  _pulse_kpi_view_resolve_window (self);
  self->kpi = pulse_kpi_new (self->group, self->from, self->to);
  self->loaded = self->cache == NULL;
  _pulse_kpi_view_schedule_midnight (self);
}

static void
pulse_kpi_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PulseKpiView *self = PULSE_KPI_VIEW (object);

  switch (prop_id)
    {
    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;
    case PROP_WINDOW:
      g_value_set_enum (value, self->window);
      break;
    case PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;
    case PROP_TO:
      g_value_set_int64 (value, self->to);
      break;
    case PROP_GROUP:
      g_value_set_enum (value, self->group);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_HISTORY_CHUNK:
      g_value_set_uint (value, self->history_chunk);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_HISTORY_TICKETS:
      g_value_set_uint (value, self->history_tickets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_kpi_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PulseKpiView *self = PULSE_KPI_VIEW (object);

  switch (prop_id)
    {
    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;
    case PROP_WINDOW:
      pulse_kpi_view_set_window (self, g_value_get_enum (value));
      break;
    case PROP_GROUP:
      pulse_kpi_view_set_group (self, g_value_get_enum (value));
      break;
    case PROP_NOW:
      pulse_kpi_view_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_HISTORY_CHUNK:
      pulse_kpi_view_set_history_chunk (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_kpi_view_class_init (PulseKpiViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_kpi_view_dispose;
  object_class->finalize = pulse_kpi_view_finalize;
  object_class->constructed = pulse_kpi_view_constructed;
  object_class->get_property = pulse_kpi_view_get_property;
  object_class->set_property = pulse_kpi_view_set_property;

  /**
   * PulseKpiView:cache:
   *
   * Where the history beyond the state comes from; %NULL counts the
   * state's tickets (and those given to
   * pulse_kpi_view_add_history_ticket()) only.
   */
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL, PULSE_TYPE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PulseKpiView:window:
   *
   * The period counted; a change rebuilds the figures.
   */
  properties[PROP_WINDOW] =
    g_param_spec_enum ("window", NULL, NULL, PULSE_TYPE_KPI_WINDOW, PULSE_KPI_WINDOW_TODAY, rw);
  /**
   * PulseKpiView:from:
   *
   * The start of the window in force, µs since the epoch, included.
   */
  properties[PROP_FROM] = g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /**
   * PulseKpiView:to:
   *
   * The end of the window in force, excluded.
   */
  properties[PROP_TO] = g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /**
   * PulseKpiView:group:
   *
   * How contacts are split; a change rebuilds the figures.
   */
  properties[PROP_GROUP] =
    g_param_spec_enum ("group", NULL, NULL, PULSE_TYPE_KPI_GROUP, PULSE_KPI_GROUP_NONE, rw);
  /**
   * PulseKpiView:now:
   *
   * The moment the windows and figures are for, µs since the epoch; 0
   * (the default) follows the real clock, and day windows then roll over
   * at UTC midnight. A fixed moment is for replays and tests.
   */
  properties[PROP_NOW] = g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /**
   * PulseKpiView:history-chunk:
   *
   * How many history tickets one cache read returns: a page. The main
   * loop adds at most one page per iteration.
   */
  properties[PROP_HISTORY_CHUNK] =
    g_param_spec_uint ("history-chunk", NULL, NULL, 1, G_MAXUINT, PULSE_KPI_VIEW_HISTORY_CHUNK,
                       rw);
  /**
   * PulseKpiView:loaded:
   *
   * %TRUE once the last rebuild's tickets are all in: the state's, and
   * the cache's history of the window (a failed read is logged and ends
   * it). Before the first reset: %TRUE when there is no cache.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
  /**
   * PulseKpiView:history-tickets:
   *
   * How many tickets of the cache's history the figures hold since the
   * last rebuild; notified once per page of #PulseKpiView:history-chunk.
   */
  properties[PROP_HISTORY_TICKETS] =
    g_param_spec_uint ("history-tickets", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PulseKpiView::changed:
   *
   * The figures changed. Emitted at most once per main-loop iteration,
   * after the changes, chunks or rebuilds that happened in it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_kpi_view_init (PulseKpiView *self)
{
  self->history_chunk = PULSE_KPI_VIEW_HISTORY_CHUNK;
  self->applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) _pulse_kpi_view_day_free);
  self->country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pulse_kpi_view_new:
 * @cache: (nullable): where to read the history beyond the state
 *
 * Returns: (transfer full): a view of today, ungrouped, with no contacts
 *   until pulse_kpi_view_reset().
 */
PulseKpiView *
pulse_kpi_view_new (PulseCache *cache)
{
  g_return_val_if_fail (cache == NULL || PULSE_IS_CACHE (cache), NULL);

  return g_object_new (PULSE_TYPE_KPI_VIEW, "cache", cache, NULL);
}

PulseKpiGroup
pulse_kpi_view_get_group (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), PULSE_KPI_GROUP_NONE);

  return self->group;
}

/**
 * pulse_kpi_view_set_group:
 * @group: how to split the contacts
 *
 * Rebuilds the figures when the group changes.
 */
void
pulse_kpi_view_set_group (PulseKpiView  *self,
                          PulseKpiGroup  group)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (group <= PULSE_KPI_GROUP_COUNTRY);

  if (self->group == group)
    return;

  self->group = group;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
  if (self->kpi != NULL)
    _pulse_kpi_view_refresh (self);
}

guint
pulse_kpi_view_get_history_chunk (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), 0);

  return self->history_chunk;
}

/**
 * pulse_kpi_view_set_history_chunk:
 * @chunk: history tickets per idle, at least 1
 *
 * Takes effect at the next rebuild.
 */
void
pulse_kpi_view_set_history_chunk (PulseKpiView *self,
                                  guint         chunk)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (chunk > 0);

  if (self->history_chunk == chunk)
    return;

  self->history_chunk = chunk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_CHUNK]);
}

gboolean
pulse_kpi_view_get_loaded (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), FALSE);

  return self->loaded;
}

guint
pulse_kpi_view_get_history_tickets (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), 0);

  return self->history_tickets;
}

void
_pulse_kpi_view_set_history_state (PulseKpiView *self,
                                   gboolean      loaded,
                                   guint         tickets)
{
  if (self->history_tickets != tickets)
    {
      self->history_tickets = tickets;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_TICKETS]);
    }
  if (self->loaded != loaded)
    {
      self->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}
