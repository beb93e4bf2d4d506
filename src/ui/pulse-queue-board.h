/* pulse-queue-board.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-queue-row.h"
#include "pulse-session.h"

G_BEGIN_DECLS

/**
 * PulseQueueTotals:
 * @waiting: contacts waiting in every queue
 * @oldest_wait: the longest wait in seconds, -1 when nobody waits
 * @off_target: queues at risk or in breach
 * @signed_in: agents signed in (available, busy or after call)
 *
 * The whole contact centre right now, summed over the queue rows.
 */
typedef struct
{
  guint  waiting;
  gint64 oldest_wait;
  guint  off_target;
  guint  signed_in;
} PulseQueueTotals;

#define PULSE_TYPE_QUEUE_BOARD (pulse_queue_board_get_type ())

G_DECLARE_FINAL_TYPE (PulseQueueBoard, pulse_queue_board, PULSE, QUEUE_BOARD, GObject)

PulseQueueBoard        *pulse_queue_board_new         (PulseSession    *session);
GListModel             *pulse_queue_board_get_rows    (PulseQueueBoard *self);
const PulseQueueTotals *pulse_queue_board_get_totals  (PulseQueueBoard *self);
void                    pulse_queue_board_set_ticking (PulseQueueBoard *self,
                                                       gboolean         ticking);
void                    pulse_queue_board_refresh     (PulseQueueBoard *self);

G_END_DECLS
