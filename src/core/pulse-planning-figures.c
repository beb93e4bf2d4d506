/* pulse-planning-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-agent.h"
#include "pulse-coverage-plan.h"
#include "pulse-coverage-presence.h"
#include "pulse-planning-private.h"
#include "pulse-queue.h"
#include "pulse-shift.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC

/* Each agent's shifts, in the order of @agents; shifts of other agents
 * are left out. */
static GPtrArray *
group_shifts (PulseAgent * const *agents,
              guint               n_agents,
              PulseShift * const *shifts,
              guint               n_shifts)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint a = 0; a < n_agents; a++)
    {
      g_ptr_array_add (groups, g_ptr_array_new ());
      g_hash_table_insert (index, (gpointer) pulse_agent_get_id (agents[a]), groups->pdata[a]);
    }
  for (guint s = 0; s < n_shifts; s++)
    {
      GPtrArray *group = g_hash_table_lookup (index, pulse_shift_get_agent_id (shifts[s]));

      if (group != NULL)
        g_ptr_array_add (group, shifts[s]);
    }

  return groups;
}

/**
 * pulse_planning_set_shifts:
 * @self: a planning
 * @agents: (array length=n_agents): every agent
 * @n_agents: the number of @agents
 * @shifts: (array length=n_shifts): the shifts as planned now, of any
 *   agents and times
 * @n_shifts: the number of @shifts
 *
 * Counts the agents each queue's shifts put on the line in each interval,
 * as the server does: an agent counts for every queue they serve, in
 * agent-equivalents (pulse_coverage_agents_from_usec()).
 */
void
pulse_planning_set_shifts (PulsePlanning      *self,
                           PulseAgent * const *agents,
                           guint               n_agents,
                           PulseShift * const *shifts,
                           guint               n_shifts)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree gint64 *planned = NULL;
  g_autofree gint64 *sums = NULL;
  guint n = self->n_intervals;

  g_return_if_fail (self != NULL);
  g_return_if_fail (agents != NULL || n_agents == 0);
  g_return_if_fail (shifts != NULL || n_shifts == 0);

  groups = group_shifts (agents, n_agents, shifts, n_shifts);
  planned = g_new0 (gint64, (gsize) n_agents * n);
  for (guint a = 0; a < n_agents; a++)
    {
      GPtrArray *group = groups->pdata[a];

      pulse_coverage_add_shift_time ((PulseShift * const *) group->pdata, group->len, self->from,
                                     n, planned + (gsize) a * n);
    }

  sums = g_new (gint64, n);
  for (guint q = 0; q < self->queues->len; q++)
    {
      PlanningQueue *queue = self->queues->pdata[q];

      memset (sums, 0, sizeof (gint64) * n);
      for (guint a = 0; a < n_agents; a++)
        {
          const gint64 *row = planned + (gsize) a * n;

          if (((GPtrArray *) groups->pdata[a])->len == 0
              || !pulse_coverage_agent_serves (agents[a], queue->queue))
            continue;
          for (guint i = 0; i < n; i++)
            sums[i] += row[i];
        }
      for (guint i = 0; i < n; i++)
        queue->cells[i].scheduled = MIN (pulse_coverage_agents_from_usec (sums[i], INTERVAL),
                                         PULSE_FORECAST_INTERVAL_MAX_AGENTS);
    }
}

/**
 * pulse_planning_get_from:
 * @self: a planning
 *
 * Returns: the first interval's start, microseconds.
 */
gint64
pulse_planning_get_from (PulsePlanning *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->from;
}

/**
 * pulse_planning_get_n_intervals:
 * @self: a planning
 *
 * Returns: the number of 30-minute intervals planned.
 */
guint
pulse_planning_get_n_intervals (PulsePlanning *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_intervals;
}

/**
 * pulse_planning_get_n_queues:
 * @self: a planning
 *
 * Returns: the number of queues planned.
 */
guint
pulse_planning_get_n_queues (PulsePlanning *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->queues->len;
}

/**
 * pulse_planning_get_queue_id:
 * @self: a planning
 * @queue_index: below pulse_planning_get_n_queues()
 *
 * Returns: (transfer none): the queue's id.
 */
const char *
pulse_planning_get_queue_id (PulsePlanning *self,
                             guint          queue_index)
{
  g_return_val_if_fail (self != NULL && queue_index < self->queues->len, NULL);

  return pulse_queue_get_id (((PlanningQueue *) self->queues->pdata[queue_index])->queue);
}

/**
 * pulse_planning_get_queue_name:
 * @self: a planning
 * @queue_index: below pulse_planning_get_n_queues()
 *
 * Returns: (transfer none): the queue's name.
 */
const char *
pulse_planning_get_queue_name (PulsePlanning *self,
                               guint          queue_index)
{
  g_return_val_if_fail (self != NULL && queue_index < self->queues->len, NULL);

  return pulse_queue_get_name (((PlanningQueue *) self->queues->pdata[queue_index])->queue);
}

/**
 * pulse_planning_get_cells:
 * @self: a planning
 * @queue_index: below pulse_planning_get_n_queues()
 *
 * Returns: (transfer none) (array): the queue's figures, one per interval.
 */
const PulsePlanningCell *
pulse_planning_get_cells (PulsePlanning *self,
                          guint          queue_index)
{
  g_return_val_if_fail (self != NULL && queue_index < self->queues->len, NULL);

  return ((PlanningQueue *) self->queues->pdata[queue_index])->cells;
}

/**
 * pulse_planning_get_total:
 * @self: a planning
 * @interval: below pulse_planning_get_n_intervals()
 * @total: (out caller-allocates): the figures summed over the queues;
 *   online stays unknown when it is unknown for every queue
 *
 * An agent who serves two queues counts in both, as in the per-queue
 * figures.
 */
void
pulse_planning_get_total (PulsePlanning     *self,
                          guint              interval,
                          PulsePlanningCell *total)
{
  g_return_if_fail (self != NULL && interval < self->n_intervals);
  g_return_if_fail (total != NULL);

  *total = (PulsePlanningCell) { 0, 0, PULSE_FORECAST_INTERVAL_UNKNOWN };
  for (guint q = 0; q < self->queues->len; q++)
    {
      const PulsePlanningCell *cell = &((PlanningQueue *) self->queues->pdata[q])->cells[interval];

      total->required += cell->required;
      total->scheduled += cell->scheduled;
      if (cell->online >= 0)
        total->online = MAX (total->online, 0) + cell->online;
    }
}

static void
close_run (GArray           *runs,
           PulsePlanningRun *run)
{
  if (run->n_intervals > 0)
    g_array_append_val (runs, *run);
  run->n_intervals = 0;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const PulsePlanningRun *x = a, *y = b;

  if (x->agent_hours != y->agent_hours)
    return x->agent_hours < y->agent_hours ? 1 : -1;
  if (x->queue_index != y->queue_index)
    return x->queue_index < y->queue_index ? -1 : 1;

  return (x->first > y->first) - (x->first < y->first);
}

/**
 * pulse_planning_dup_runs:
 * @self: a planning
 * @gaps: %TRUE for the gaps (scheduled below required), %FALSE for the
 *   surpluses (scheduled above)
 *
 * Returns: (transfer full) (element-type PulsePlanningRun): the runs,
 *   the largest in agent-hours first (then by queue and time).
 */
GArray *
pulse_planning_dup_runs (PulsePlanning *self,
                         gboolean       gaps)
{
  GArray *runs;

  g_return_val_if_fail (self != NULL, NULL);

  runs = g_array_new (FALSE, FALSE, sizeof (PulsePlanningRun));
  for (guint q = 0; q < self->queues->len; q++)
    {
      const PulsePlanningCell *cells = ((PlanningQueue *) self->queues->pdata[q])->cells;
      PulsePlanningRun run = { q };

      for (guint i = 0; i < self->n_intervals; i++)
        {
          int diff = gaps ? cells[i].required - cells[i].scheduled
                          : cells[i].scheduled - cells[i].required;

          if (diff <= 0)
            {
              close_run (runs, &run);
              continue;
            }
          if (run.n_intervals == 0)
            run = (PulsePlanningRun) { q, i, 0, 0, 0 };
          run.n_intervals++;
          run.worst = MAX (run.worst, diff);
          run.agent_hours += diff * 0.5;
        }
      close_run (runs, &run);
    }
  g_array_sort (runs, compare_runs);

  return runs;
}
