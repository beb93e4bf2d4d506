/* pulse-kpi-view-window.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window of a #PulseKpiView: which days it covers, the clock it
 * follows, and the roll-over at midnight.
 */

#include "config.h"

#include "pulse-kpi-view-private.h"
#include "pulse-time-utils.h"

G_DEFINE_ENUM_TYPE (PulseKpiWindow, pulse_kpi_window,
                    G_DEFINE_ENUM_VALUE (PULSE_KPI_WINDOW_TODAY, "today"),
                    G_DEFINE_ENUM_VALUE (PULSE_KPI_WINDOW_7_DAYS, "7-days"),
                    G_DEFINE_ENUM_VALUE (PULSE_KPI_WINDOW_30_DAYS, "30-days"),
                    G_DEFINE_ENUM_VALUE (PULSE_KPI_WINDOW_90_DAYS, "90-days"),
                    G_DEFINE_ENUM_VALUE (PULSE_KPI_WINDOW_CUSTOM, "custom"))

static const int window_days[] = { 1, 7, 30, 90 };

static gint64
utc_midnight (gint64 usec)
{
  gint64 day = usec / PULSE_USEC_PER_DAY - (usec % PULSE_USEC_PER_DAY < 0);

  return day * PULSE_USEC_PER_DAY;
}

/* The window in force: a custom range as given, the others whole UTC
 * days ending with today's. Returns TRUE if it moved. */
gboolean
_pulse_kpi_view_resolve_window (PulseKpiView *self)
{
  gint64 from = self->custom_from;
  gint64 to = self->custom_to;
  gboolean moved;

  if (self->window != PULSE_KPI_WINDOW_CUSTOM)
    {
      gint64 midnight = utc_midnight (_pulse_kpi_view_get_clock (self));

      from = midnight - (window_days[self->window] - 1) * PULSE_USEC_PER_DAY;
      to = midnight + PULSE_USEC_PER_DAY;
    }

  moved = from != self->from || to != self->to;
  self->from = from;
  self->to = to;
  if (moved)
    {
      g_object_notify (G_OBJECT (self), "from");
      g_object_notify (G_OBJECT (self), "to");
    }

  return moved;
}

static gboolean
on_midnight_cb (gpointer user_data)
{
  PulseKpiView *self = user_data;

  self->midnight_id = 0;
  if (_pulse_kpi_view_resolve_window (self))
    _pulse_kpi_view_rebuild (self);
  _pulse_kpi_view_schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* A day window on the real clock rolls over at UTC midnight. */
void
_pulse_kpi_view_schedule_midnight (PulseKpiView *self)
{
  gint64 now;
  guint seconds;

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->window == PULSE_KPI_WINDOW_CUSTOM || self->now != 0)
    return;

  now = g_get_real_time ();
  seconds = (guint) ((utc_midnight (now) + PULSE_USEC_PER_DAY - now) / G_USEC_PER_SEC) + 1;
  self->midnight_id = g_timeout_add_seconds (seconds, on_midnight_cb, self);
}

/* A new window or group: everything is counted again. */
void
_pulse_kpi_view_refresh (PulseKpiView *self)
{
  _pulse_kpi_view_resolve_window (self);
  _pulse_kpi_view_rebuild (self);
  _pulse_kpi_view_schedule_midnight (self);
}

PulseKpiWindow
pulse_kpi_view_get_window (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), PULSE_KPI_WINDOW_TODAY);

  return self->window;
}

/**
 * pulse_kpi_view_set_window:
 * @window: the period to count; %PULSE_KPI_WINDOW_CUSTOM takes the last
 *   range given to pulse_kpi_view_set_range(), or the window in force
 *
 * Rebuilds the figures when the window changes.
 */
void
pulse_kpi_view_set_window (PulseKpiView   *self,
                           PulseKpiWindow  window)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (window <= PULSE_KPI_WINDOW_CUSTOM);

  if (self->window == window)
    return;

  if (window == PULSE_KPI_WINDOW_CUSTOM && self->custom_from >= self->custom_to)
    {
      self->custom_from = self->from;
      self->custom_to = self->to;
    }
  self->window = window;
  g_object_notify (G_OBJECT (self), "window");
  if (self->kpi != NULL)
    _pulse_kpi_view_refresh (self);
}

/**
 * pulse_kpi_view_set_range:
 * @from: the start, µs since the epoch, included
 * @to: the end, excluded; after @from
 *
 * Counts a custom range: sets #PulseKpiView:window to
 * %PULSE_KPI_WINDOW_CUSTOM and rebuilds when anything changed.
 */
void
pulse_kpi_view_set_range (PulseKpiView *self,
                          gint64        from,
                          gint64        to)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (from < to);

  if (self->window == PULSE_KPI_WINDOW_CUSTOM && self->custom_from == from
      && self->custom_to == to)
    return;

  self->custom_from = from;
  self->custom_to = to;
  if (self->window != PULSE_KPI_WINDOW_CUSTOM)
    {
      self->window = PULSE_KPI_WINDOW_CUSTOM;
      g_object_notify (G_OBJECT (self), "window");
    }
  if (self->kpi != NULL)
    _pulse_kpi_view_refresh (self);
}

gint64
pulse_kpi_view_get_from (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), 0);

  return self->from;
}

gint64
pulse_kpi_view_get_to (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), 0);

  return self->to;
}

gint64
pulse_kpi_view_get_now (PulseKpiView *self)
{
  g_return_val_if_fail (PULSE_IS_KPI_VIEW (self), 0);

  return self->now;
}

/**
 * pulse_kpi_view_set_now:
 * @now: a fixed moment, µs since the epoch, or 0 for the real clock
 *
 * Moves the view's clock. A day window that then covers other days is
 * rebuilt; otherwise only the time-dependent figures (waiting contacts
 * past their target, elapsed follow-ups) move, and `changed` is emitted.
 */
void
pulse_kpi_view_set_now (PulseKpiView *self,
                        gint64        now)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (now >= 0);

  if (self->now == now)
    return;

  self->now = now;
  g_object_notify (G_OBJECT (self), "now");
  if (self->kpi == NULL)
    return;

  if (_pulse_kpi_view_resolve_window (self))
    _pulse_kpi_view_rebuild (self);
  else
    _pulse_kpi_view_schedule_changed (self);
  _pulse_kpi_view_schedule_midnight (self);
}

