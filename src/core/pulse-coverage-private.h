/* pulse-coverage-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-coverage.c (what is fed in) and pulse-coverage-compute.c
 * (what comes out), so neither outgrows the size budget.
 */

#pragma once

#include "pulse-coverage.h"

G_BEGIN_DECLS

struct _PulseCoverage
{
  PulseCoverageRequest  request;
  guint                 n_intervals;
  guint                 n_started;   /* intervals starting at or before now */
  gint64                until;       /* the end of what is measured */
  GPtrArray            *queues;      /* PulseQueue, in the order added */
  GPtrArray            *agents;      /* PulseAgent */
  GHashTable           *contacts;    /* queue id → GArray of PulseForecastContact */
  GHashTable           *shifts;      /* agent id → GPtrArray of PulseShift */
  GHashTable           *history;     /* agent id → GArray of PulseCoverageStatus */
};

G_END_DECLS
