/* pulse-kpi-view-reset.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #PulseKpiView taking a new state: the views wait in one queue and
 * rebuild one per main-loop iteration.
 */

#include "config.h"

#include "pulse-kpi-view-private.h"

/* The views waiting to rebuild from a new state (main thread), and the
 * idle that rebuilds one of them per main-loop iteration. A view's own
 * idle each would not spread them: GLib dispatches every ready source of
 * a priority in one iteration, so a first state's half a dozen views
 * rebuilt in one (each decoding the state's reviews and agents). */
static GQueue waiting_views = G_QUEUE_INIT;
static guint  waiting_id;

static gboolean
reset_next_cb (gpointer user_data)
{
  PulseKpiView *self = g_queue_pop_head (&waiting_views);

  if (self != NULL)
    {
      g_autoptr(PulseKpiView) keep = g_object_ref (self);

      self->reset_waiting = FALSE;
      _pulse_kpi_view_load_applications (self);
      _pulse_kpi_view_rebuild (self);
    }
  if (!g_queue_is_empty (&waiting_views))
    return G_SOURCE_CONTINUE;

  waiting_id = 0;
  return G_SOURCE_REMOVE;
}

static void
wait_for_reset (PulseKpiView *self)
{
  if (self->reset_waiting)
    return;

  self->reset_waiting = TRUE;
  g_queue_push_tail (&waiting_views, self);
  if (waiting_id == 0)
    waiting_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reset_next_cb, NULL, NULL);
}

/* At dispose: the queue holds no reference. */
void
_pulse_kpi_view_cancel_reset (PulseKpiView *self)
{
  if (!self->reset_waiting)
    return;

  self->reset_waiting = FALSE;
  g_queue_remove (&waiting_views, self);
}

/**
 * pulse_kpi_view_reset:
 * @state: the state to count, loaded from the cache or a new snapshot
 *
 * Rebuilds the figures from @state, and reads the window's history from
 * the cache again. The view keeps @state to tell its tickets from the
 * history's, and reads its items again at each rebuild (a new window or
 * grouping): give it the changes of this same state afterwards.
 *
 * The rebuild starts in an idle: it costs a few ms of main loop with a
 * large state, and a first state reaches half a dozen views at once:
 * they rebuild one per main-loop iteration, so no iteration pays for
 * all (docs/performance.md).
 * Until it runs, the view shows what it showed and takes no change:
 * @state, as it is then, has them all.
 */
void
pulse_kpi_view_reset (PulseKpiView *self,
                      PulseState   *state)
{
  g_return_if_fail (PULSE_IS_KPI_VIEW (self));
  g_return_if_fail (PULSE_IS_STATE (state));

  g_set_object (&self->state, state);
  _pulse_kpi_view_feed_stop (self);
  _pulse_kpi_view_set_history_state (self, FALSE, self->history_tickets);
  wait_for_reset (self);
}
