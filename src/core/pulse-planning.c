/* pulse-planning.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-agent.h"
#include "pulse-coverage-plan.h"
#include "pulse-coverage-presence.h"
#include "pulse-error.h"
#include "pulse-planning-private.h"
#include "pulse-queue.h"
#include "pulse-shift.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC

static void
planning_queue_free (PlanningQueue *queue)
{
  g_clear_object (&queue->queue);
  g_free (queue->arrivals);
  g_free (queue->handle_s);
  g_free (queue->cells);
  g_free (queue);
}

static PulseQueue *
find_queue (PulseQueue * const *queues,
            guint               n_queues,
            const char         *id)
{
  for (guint i = 0; i < n_queues; i++)
    if (g_strcmp0 (pulse_queue_get_id (queues[i]), id) == 0)
      return queues[i];

  return NULL;
}

static PlanningQueue *
planning_queue_new (const PulseCoverageReportQueue *source,
                    PulseQueue                     *queue,
                    guint                           n_intervals)
{
  PlanningQueue *self = g_new0 (PlanningQueue, 1);

  self->queue = g_object_ref (queue);
  self->arrivals = g_new0 (double, n_intervals);
  self->handle_s = g_new0 (double, n_intervals);
  self->cells = g_new0 (PulsePlanningCell, n_intervals);
  for (guint i = 0; i < n_intervals && i < source->intervals->len; i++)
    {
      PulseForecastInterval *interval = source->intervals->pdata[i];

      self->arrivals[i] = pulse_forecast_interval_get_forecast_arrivals (interval);
      self->handle_s[i] = pulse_forecast_interval_get_handle_time_seconds (interval);
      self->cells[i].required = pulse_forecast_interval_get_required_with_shrinkage (interval);
      self->cells[i].scheduled = pulse_forecast_interval_get_scheduled (interval);
      self->cells[i].online = pulse_forecast_interval_get_online (interval);
    }

  return self;
}

/**
 * pulse_planning_new:
 * @report: the server's coverage of the range planned
 * @queues: (array length=n_queues): the queues, for their staffing rules
 *   and the agents who serve them
 * @n_queues: the number of @queues
 *
 * Starts from the report's figures as they are; a queue of @report that
 * is not among @queues is left out.
 *
 * Returns: (transfer full): the planning; free with pulse_planning_free().
 */
PulsePlanning *
pulse_planning_new (PulseCoverageReport *report,
                    PulseQueue * const  *queues,
                    guint                n_queues)
{
  PulsePlanning *self;

  g_return_val_if_fail (PULSE_IS_COVERAGE_REPORT (report), NULL);
  g_return_val_if_fail (queues != NULL || n_queues == 0, NULL);

  self = g_new0 (PulsePlanning, 1);
  self->from = pulse_coverage_report_get_from (report);
  self->n_intervals = pulse_coverage_report_get_n_intervals (report);
  self->queues = g_ptr_array_new_with_free_func ((GDestroyNotify) planning_queue_free);
  self->whatif = (PulsePlanningWhatIf) { 0, 1.0, pulse_coverage_report_get_shrinkage (report) };
  for (guint q = 0; q < pulse_coverage_report_get_n_queues (report); q++)
    {
      const PulseCoverageReportQueue *source = pulse_coverage_report_get_queue (report, q);
      PulseQueue *queue = find_queue (queues, n_queues, source->queue_id);

      if (queue != NULL)
        g_ptr_array_add (self->queues, planning_queue_new (source, queue, self->n_intervals));
    }

  return self;
}

/**
 * pulse_planning_free:
 * @self: (nullable): a planning
 */
void
pulse_planning_free (PulsePlanning *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->queues);
  g_free (self);
}

/**
 * pulse_planning_whatif_check:
 * @whatif: a what-if
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: %TRUE when @whatif can be planned with.
 */
gboolean
pulse_planning_whatif_check (const PulsePlanningWhatIf  *whatif,
                             GError                    **error)
{
  const char *field = NULL;

  g_return_val_if_fail (whatif != NULL, FALSE);

  if (!(whatif->goal == 0 || (whatif->goal > 0 && whatif->goal < 1)))
    field = "goal: must be above 0 and below 1, or 0";
  else if (!(whatif->multiplier >= 0 && whatif->multiplier <= PULSE_PLANNING_MAX_MULTIPLIER))
    field = "multiplier: must be 0 to 10";
  else if (!(whatif->shrinkage >= 0 && whatif->shrinkage < 1))
    field = "shrinkage: must be 0 or more and below 1";

  if (field != NULL)
    g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, field);

  return field == NULL;
}

static int *
staff_queue (PlanningQueue             *queue,
             guint                      n_intervals,
             const PulsePlanningWhatIf *whatif)
{
  int *required = g_new0 (int, n_intervals);
  PulseCoveragePlan plan;

  pulse_coverage_plan_init (&plan, queue->queue, whatif->shrinkage, whatif->goal);
  for (guint i = 0; i < n_intervals; i++)
    {
      PulseCoverageStaffing staffing;
      double arrivals = MIN (queue->arrivals[i] * whatif->multiplier,
                             PULSE_FORECAST_INTERVAL_MAX_ARRIVALS);

      pulse_coverage_plan_staff (&plan, arrivals, queue->handle_s[i], &staffing);
      required[i] = (int) staffing.required_with_shrinkage;
    }

  return required;
}

/**
 * pulse_planning_staff:
 * @self: a planning
 * @whatif: a what-if that pulse_planning_whatif_check() accepts
 *
 * Staffs every interval of every queue for @whatif (Erlang C or A, or
 * workload for backlog channels, as the server does) without changing
 * @self. It reads only what pulse_planning_new() fixed, so it may run in
 * a worker thread while the main thread uses @self, as long as @self
 * outlives it.
 *
 * Returns: (transfer full) (element-type gpointer): per queue, an array
 *   of agents to schedule per interval, for pulse_planning_apply().
 */
GPtrArray *
pulse_planning_staff (PulsePlanning             *self,
                      const PulsePlanningWhatIf *whatif)
{
  GPtrArray *required;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (pulse_planning_whatif_check (whatif, NULL), NULL);

  required = g_ptr_array_new_with_free_func (g_free);
  for (guint q = 0; q < self->queues->len; q++)
    g_ptr_array_add (required, staff_queue (self->queues->pdata[q], self->n_intervals, whatif));

  return required;
}

/**
 * pulse_planning_apply:
 * @self: a planning
 * @whatif: the what-if @required was staffed for
 * @required: (element-type gpointer): what pulse_planning_staff() gave
 *   for @self
 *
 * Takes the staffing into the figures.
 */
void
pulse_planning_apply (PulsePlanning             *self,
                      const PulsePlanningWhatIf *whatif,
                      GPtrArray                 *required)
{
  g_return_if_fail (self != NULL && whatif != NULL);
  g_return_if_fail (required != NULL && required->len == self->queues->len);

  self->whatif = *whatif;
  for (guint q = 0; q < self->queues->len; q++)
    {
      PlanningQueue *queue = self->queues->pdata[q];
      const int *figures = required->pdata[q];

      for (guint i = 0; i < self->n_intervals; i++)
        queue->cells[i].required = figures[i];
    }
}

/**
 * pulse_planning_set_whatif:
 * @self: a planning
 * @whatif: a what-if that pulse_planning_whatif_check() accepts
 *
 * Staffs again at once: pulse_planning_staff() then pulse_planning_apply().
 */
void
pulse_planning_set_whatif (PulsePlanning             *self,
                           const PulsePlanningWhatIf *whatif)
{
  g_autoptr(GPtrArray) required = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (pulse_planning_whatif_check (whatif, NULL));

  required = pulse_planning_staff (self, whatif);
  pulse_planning_apply (self, whatif, required);
}

/**
 * pulse_planning_get_whatif:
 * @self: a planning
 *
 * Returns: (transfer none): the what-if the figures are staffed for.
 */
const PulsePlanningWhatIf *
pulse_planning_get_whatif (PulsePlanning *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->whatif;
}
