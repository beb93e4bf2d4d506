/* pulse-coverage-presence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-coverage-presence.h"
#include "pulse-forecast-interval.h"
#include "pulse-shift.h"

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC

/* A change in what an agent's plan says at one instant. */
typedef struct
{
  gint64 at;
  int    work;  /* +1 a work shift starts, −1 one ends */
  int    off;   /* +1 a break, absence or training starts, −1 one ends */
} Edge;

/* Adds [start, end) ∩ [from, from + n intervals) to the intervals it
 * falls in. */
static void
add_span (gint64  start,
          gint64  end,
          gint64  from,
          guint   n_intervals,
          gint64 *usec)
{
  gint64 range_end = from + (gint64) n_intervals * INTERVAL;

  start = MAX (start, from);
  end = MIN (end, range_end);
  while (start < end)
    {
      gint64 index = (start - from) / INTERVAL;
      gint64 stop = MIN (end, from + (index + 1) * INTERVAL);

      usec[index] += stop - start;
      start = stop;
    }
}

static void
add_edges (GArray *edges,
           gint64  start,
           gint64  end,
           int     work,
           int     off)
{
  Edge opening = { start, work, off };
  Edge closing = { end, -work, -off };

  g_array_append_val (edges, opening);
  g_array_append_val (edges, closing);
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  gint64 x = ((const Edge *) a)->at;
  gint64 y = ((const Edge *) b)->at;

  return (x > y) - (x < y);
}

static void
collect_edges (PulseShift * const *shifts,
               guint               n_shifts,
               GArray             *edges)
{
  for (guint i = 0; i < n_shifts; i++)
    {
      PulseShift *shift = shifts[i];

      if (pulse_shift_get_kind (shift) != PULSE_SHIFT_KIND_WORK)
        {
          add_edges (edges, pulse_shift_get_starts_at (shift), pulse_shift_get_ends_at (shift),
                     0, 1);
          continue;
        }

      add_edges (edges, pulse_shift_get_starts_at (shift), pulse_shift_get_ends_at (shift), 1, 0);
      for (guint b = 0; b < pulse_shift_get_n_breaks (shift); b++)
        {
          const PulseShiftBreak *pause = pulse_shift_get_break (shift, b);

          add_edges (edges, pause->starts_at, pause->ends_at, 0, 1);
        }
    }
}

/**
 * pulse_coverage_add_shift_time:
 * @shifts: (array length=n_shifts): every shift of one agent near the
 *   range, in any order
 * @n_shifts: the number of @shifts
 * @from: the start of the first interval, on a 30-minute boundary
 * @n_intervals: the intervals of the range
 * @usec: (array length=n_intervals) (inout): per interval, the time the
 *   plan puts the agent on the line is added
 *
 * On the line means inside a work shift and outside every break, absence
 * and training shift. The agent's time is the union of their shifts, so
 * two overlapping work shifts count once, and an absence booked over a
 * work shift removes that part of it.
 */
void
pulse_coverage_add_shift_time (PulseShift * const *shifts,
                               guint               n_shifts,
                               gint64              from,
                               guint               n_intervals,
                               gint64             *usec)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  int work = 0, off = 0;

  g_return_if_fail (shifts != NULL || n_shifts == 0);
  g_return_if_fail (from % INTERVAL == 0);
  g_return_if_fail (usec != NULL || n_intervals == 0);

  collect_edges (shifts, n_shifts, edges);
  g_array_sort (edges, compare_edges);

  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *edge = &g_array_index (edges, Edge, i);

      if (i > 0 && work > 0 && off == 0)
        add_span (g_array_index (edges, Edge, i - 1).at, edge->at, from, n_intervals, usec);
      work += edge->work;
      off += edge->off;
    }
}

/**
 * pulse_coverage_status_is_online:
 * @status: an agent status
 *
 * Returns: %TRUE for the statuses of an agent taking contacts: available,
 *   busy and after-call work.
 */
gboolean
pulse_coverage_status_is_online (PulseAgentStatus status)
{
  return status == PULSE_AGENT_STATUS_AVAILABLE || status == PULSE_AGENT_STATUS_BUSY
         || status == PULSE_AGENT_STATUS_AFTER_CALL;
}

/**
 * pulse_coverage_add_status_time:
 * @history: (array length=n_history): one agent's status history in time
 *   order, from the last entry at or before @from on
 * @n_history: the number of entries
 * @from: the start of the first interval, on a 30-minute boundary
 * @until: the end of what is known (now, or the range's end)
 * @n_intervals: the intervals of the range
 * @usec: (array length=n_intervals) (inout): per interval, the time the
 *   agent was online before @until is added
 *
 * Each entry holds from its time until the next; the last until @until.
 * Before the first entry the agent counts as offline.
 */
void
pulse_coverage_add_status_time (const PulseCoverageStatus *history,
                                guint                      n_history,
                                gint64                     from,
                                gint64                     until,
                                guint                      n_intervals,
                                gint64                    *usec)
{
  g_return_if_fail (history != NULL || n_history == 0);
  g_return_if_fail (from % INTERVAL == 0);
  g_return_if_fail (usec != NULL || n_intervals == 0);

  for (guint i = 0; i < n_history; i++)
    {
      gint64 end = i + 1 < n_history ? history[i + 1].since : until;

      if (pulse_coverage_status_is_online (history[i].status))
        add_span (history[i].since, MIN (end, until), from, n_intervals, usec);
    }
}

/**
 * pulse_coverage_agents_from_usec:
 * @usec: agent time summed over a queue's agents in one interval
 * @length: the time measured, above 0 (the interval, or the part of the
 *   current one that has passed)
 *
 * Agent-equivalents: four agents each on the line for half the interval
 * are two agents. Halves round up, so one agent on a 15-minute break in
 * an interval still counts.
 *
 * Returns: @usec / @length, rounded to the nearest whole agent.
 */
guint
pulse_coverage_agents_from_usec (gint64 usec,
                                 gint64 length)
{
  g_return_val_if_fail (usec >= 0, 0);
  g_return_val_if_fail (length > 0, 0);

  return (guint) MIN ((usec / length) + ((usec % length) * 2 >= length ? 1 : 0), G_MAXUINT);
}
