/* pulse-queue-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-kpi-summary.h"
#include "pulse-queue-load.h"
#include "pulse-queue.h"

G_BEGIN_DECLS

/**
 * PulseQueueHealth:
 * @PULSE_QUEUE_HEALTH_QUIET: no contacts yet in the period, none waiting
 * @PULSE_QUEUE_HEALTH_OK: within target
 * @PULSE_QUEUE_HEALTH_AT_RISK: someone has waited more than half the
 *   target, or the service level is within 5 points above its goal
 * @PULSE_QUEUE_HEALTH_BREACH: someone has waited past the target, or the
 *   service level is below its goal
 */
typedef enum
{
  PULSE_QUEUE_HEALTH_QUIET,
  PULSE_QUEUE_HEALTH_OK,
  PULSE_QUEUE_HEALTH_AT_RISK,
  PULSE_QUEUE_HEALTH_BREACH,
} PulseQueueHealth;

#define PULSE_TYPE_QUEUE_ROW (pulse_queue_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseQueueRow, pulse_queue_row, PULSE, QUEUE_ROW, GObject)

PulseQueueRow    *pulse_queue_row_new              (PulseQueue            *queue);
PulseQueue       *pulse_queue_row_get_queue        (PulseQueueRow         *self);
void              pulse_queue_row_set_queue        (PulseQueueRow         *self,
                                                    PulseQueue            *queue);
void              pulse_queue_row_update           (PulseQueueRow         *self,
                                                    const PulseQueueLoad  *load,
                                                    const PulseKpiSummary *summary,
                                                    gint64                 now);
PulseQueueHealth  pulse_queue_row_get_health       (PulseQueueRow         *self);
guint             pulse_queue_row_get_waiting      (PulseQueueRow         *self);
gint64            pulse_queue_row_get_oldest_wait  (PulseQueueRow         *self);
double            pulse_queue_row_get_service_level (PulseQueueRow        *self);
char             *pulse_queue_row_dup_alert        (PulseQueueRow         *self);
gboolean          pulse_queue_row_matches          (PulseQueueRow         *self,
                                                    const char            *search);

G_END_DECLS
