/* pulse-coverage-presence.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long one agent is on the line in each 30-minute interval: planned
 * (shifts less breaks, absence and training) and actual (status reports).
 * Figures are microseconds per interval, so a queue's count is the sum
 * over its agents divided by the interval: agent-equivalents, the same
 * unit as Erlang's required agents.
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseCoverageStatus:
 * @since: when the agent took @status, microseconds since the epoch
 * @status: the status reported
 *
 * One entry of an agent's status history; it holds until the next.
 */
typedef struct
{
  gint64           since;
  PulseAgentStatus status;
} PulseCoverageStatus;

void     pulse_coverage_add_shift_time    (PulseShift * const         *shifts,
                                           guint                       n_shifts,
                                           gint64                      from,
                                           guint                       n_intervals,
                                           gint64                     *usec);
void     pulse_coverage_add_status_time   (const PulseCoverageStatus  *history,
                                           guint                       n_history,
                                           gint64                      from,
                                           gint64                      until,
                                           guint                       n_intervals,
                                           gint64                     *usec);
gboolean pulse_coverage_status_is_online  (PulseAgentStatus            status);
guint    pulse_coverage_agents_from_usec  (gint64                      usec,
                                           gint64                      length);

G_END_DECLS
