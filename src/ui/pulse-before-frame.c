/* pulse-before-frame.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a live page writes what changed into its widgets: once, after the
 * session's lists and KPI views have taken in the events that arrived
 * (their idles run at G_PRIORITY_HIGH_IDLE + 10, and the sync engine
 * applies fresh events above the redraw too) and before the frame that
 * shows them (GDK_PRIORITY_REDRAW, G_PRIORITY_HIGH_IDLE + 20), however
 * many events came in. The rows of the queue board, the breakdown, the
 * quality board and the agent list are refreshed the same way.
 *
 * Not in a tick callback, the frame's update phase: a label whose text
 * changes there (inside a GtkColumnView row, at least, in GTK 4.8) asks
 * for an update phase that frame has already run, so GTK drew one more
 * frame after it, with nothing new, and the frame of the next events
 * waited a whole frame interval behind that one (docs/performance.md).
 */

#include "config.h"

#include "pulse-before-frame.h"

#define BEFORE_FRAME_PRIORITY (G_PRIORITY_HIGH_IDLE + 15)

/**
 * pulse_before_frame_schedule:
 * @source_id: (inout): where the idle's id is kept; nothing is added while
 *   it is not 0. @func must set it to 0 when it runs, and its owner must
 *   remove the source when it goes away.
 *
 * Runs @func once before the next frame.
 */
void
pulse_before_frame_schedule (guint       *source_id,
                             GSourceFunc  func,
                             gpointer     user_data)
{
  g_return_if_fail (source_id != NULL && func != NULL);

  if (*source_id == 0)
    *source_id = g_idle_add_full (BEFORE_FRAME_PRIORITY, func, user_data, NULL);
}
