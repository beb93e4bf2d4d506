/* pulse-planning-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-planning.c (what-if staffing) and
 * pulse-planning-figures.c (scheduled agents, totals, gaps).
 */

#pragma once

#include "pulse-planning.h"

G_BEGIN_DECLS

typedef struct
{
  PulseQueue        *queue;
  double            *arrivals;   /* n_intervals, the forecast's */
  double            *handle_s;   /* n_intervals */
  PulsePlanningCell *cells;      /* n_intervals */
} PlanningQueue;

struct _PulsePlanning
{
  gint64               from;
  guint                n_intervals;
  PulsePlanningWhatIf  whatif;
  GPtrArray           *queues;   /* PlanningQueue */
};

G_END_DECLS
