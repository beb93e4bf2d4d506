/* pulse-planning.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coverage while planning: the server's forecast for a week (a
 * #PulseCoverageReport) staffed again in the client with what-if changes
 * (service-level goal, forecast multiplier, shrinkage) and the shifts as
 * they are being edited, without saving anything. Required agents depend
 * only on the what-if, scheduled only on the shifts, so each change
 * recomputes only its half.
 */

#pragma once

#include <glib.h>

#include "pulse-coverage-report.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/* The largest forecast multiplier accepted. */
#define PULSE_PLANNING_MAX_MULTIPLIER 10.0

/**
 * PulsePlanningWhatIf:
 * @goal: the service-level goal, above 0 and below 1, or 0 for each
 *   queue's own
 * @multiplier: the forecast arrivals are multiplied by this, 0…10
 * @shrinkage: the share of scheduled time off the line, 0 or more, below 1
 *
 * The planner's what-if.
 */
typedef struct
{
  double goal;
  double multiplier;
  double shrinkage;
} PulsePlanningWhatIf;

/**
 * PulsePlanningCell:
 * @required: agents to schedule (required with shrinkage)
 * @scheduled: agents the shifts put on the line
 * @online: agents online, or %PULSE_FORECAST_INTERVAL_UNKNOWN before the
 *   interval starts
 *
 * One queue's figures in one interval.
 */
typedef struct
{
  int required;
  int scheduled;
  int online;
} PulsePlanningCell;

/**
 * PulsePlanningRun:
 * @queue_index: the queue, as pulse_planning_get_queue_id() numbers them
 * @first: the run's first interval
 * @n_intervals: how many intervals in a row
 * @worst: the largest difference in the run, agents (gaps: short by;
 *   surpluses: over by), above 0
 * @agent_hours: the differences summed over the run, in agent-hours
 *
 * Consecutive intervals of one queue all short of (a gap) or all above
 * (a surplus) what is required.
 */
typedef struct
{
  guint  queue_index;
  guint  first;
  guint  n_intervals;
  int    worst;
  double agent_hours;
} PulsePlanningRun;

typedef struct _PulsePlanning PulsePlanning;

PulsePlanning *pulse_planning_new              (PulseCoverageReport        *report,
                                                PulseQueue * const         *queues,
                                                guint                       n_queues);
void           pulse_planning_free             (PulsePlanning              *self);
gboolean       pulse_planning_whatif_check     (const PulsePlanningWhatIf  *whatif,
                                                GError                    **error);
GPtrArray     *pulse_planning_staff            (PulsePlanning              *self,
                                                const PulsePlanningWhatIf  *whatif);
void           pulse_planning_apply            (PulsePlanning              *self,
                                                const PulsePlanningWhatIf  *whatif,
                                                GPtrArray                  *required);
void           pulse_planning_set_whatif       (PulsePlanning              *self,
                                                const PulsePlanningWhatIf  *whatif);
const PulsePlanningWhatIf *
               pulse_planning_get_whatif       (PulsePlanning              *self);
void           pulse_planning_set_shifts       (PulsePlanning              *self,
                                                PulseAgent * const         *agents,
                                                guint                       n_agents,
                                                PulseShift * const         *shifts,
                                                guint                       n_shifts);
gint64         pulse_planning_get_from         (PulsePlanning              *self);
guint          pulse_planning_get_n_intervals  (PulsePlanning              *self);
guint          pulse_planning_get_n_queues     (PulsePlanning              *self);
const char    *pulse_planning_get_queue_id     (PulsePlanning              *self,
                                                guint                       queue_index);
const char    *pulse_planning_get_queue_name   (PulsePlanning              *self,
                                                guint                       queue_index);
const PulsePlanningCell *
               pulse_planning_get_cells        (PulsePlanning              *self,
                                                guint                       queue_index);
void           pulse_planning_get_total        (PulsePlanning              *self,
                                                guint                       interval,
                                                PulsePlanningCell          *total);
GArray        *pulse_planning_dup_runs         (PulsePlanning              *self,
                                                gboolean                    gaps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulsePlanning, pulse_planning_free)

G_END_DECLS
