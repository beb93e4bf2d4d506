/* pulse-idle-budget.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib dispatches, in one iteration, every source that was ready at the
 * highest priority ready. Five idles of the same priority that each
 * work "at most 4 ms" therefore hold the loop for 20 ms before any
 * timeout, input or frame of a higher priority is looked at again; at a
 * start on a large cache the fills of the KPI views, the queue loads and
 * the hourly chart held it for 50 to 130 ms at a time
 * (docs/performance.md).
 *
 * So the deadline is the iteration's, not the slice's: the first slicer
 * an iteration dispatches sets it PULSE_IDLE_BUDGET_USEC ahead, the
 * others of that iteration get the same one, and after it each does only
 * its small minimum. An iteration is told from the next by a source of
 * the highest priority that never dispatches: GLib prepares sources in
 * priority order at the start of each iteration, so its prepare comes
 * first and forgets the deadline.
 */

#include "config.h"

#include "pulse-idle-budget.h"

typedef struct
{
  GSource source;
  gint64  deadline;   /* 0: none set in this iteration */
} BudgetSource;

static BudgetSource *budget;   /* on the default main context, main thread only */

static gboolean
budget_prepare (GSource *source,
                int     *timeout)
{
  ((BudgetSource *) source)->deadline = 0;
  *timeout = -1;
  return FALSE;
}

static gboolean
budget_check (GSource *source)
{
  return FALSE;
}

static GSourceFuncs budget_funcs = {
  .prepare = budget_prepare,
  .check = budget_check,
};

static BudgetSource *
default_budget (void)
{
  GMainContext *context = g_main_context_default ();

  if (!g_main_context_is_owner (context))
    return NULL;

  if (budget == NULL)
    {
      budget = (BudgetSource *) g_source_new (&budget_funcs, sizeof (BudgetSource));
      g_source_set_priority (&budget->source, G_PRIORITY_HIGH * 10);
      g_source_set_static_name (&budget->source, "[pulse] idle budget");
      g_source_attach (&budget->source, context);
    }
  return budget;
}

/**
 * pulse_idle_budget_deadline:
 *
 * When an idle's slice must stop: PULSE_IDLE_BUDGET_USEC after the first
 * slice of this main-loop iteration began, so all the slices of one
 * iteration share one budget. Outside the default main context's
 * dispatch (another thread, a test iterating a context of its own) the
 * budget is the caller's alone.
 *
 * Returns: the deadline, monotonic µs
 */
gint64
pulse_idle_budget_deadline (void)
{
  BudgetSource *shared = default_budget ();

  if (shared == NULL)
    return g_get_monotonic_time () + PULSE_IDLE_BUDGET_USEC;

  if (shared->deadline == 0)
    shared->deadline = g_get_monotonic_time () + PULSE_IDLE_BUDGET_USEC;
  return shared->deadline;
}
