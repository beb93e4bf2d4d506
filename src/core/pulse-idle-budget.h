/* pulse-idle-budget.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One budget of work per main-loop iteration, shared by every idle that
 * works in slices (the KPI views' fills, the ticket fills, the sync
 * engine's backlog and recent tickets).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A quarter of a 60 Hz frame. */
#define PULSE_IDLE_BUDGET_USEC 4000

gint64 pulse_idle_budget_deadline (void);

G_END_DECLS
