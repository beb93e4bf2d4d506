/* pulse-coverage.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift coverage: per queue and 30-minute interval, the forecast arrivals
 * and handle time, the agents required (pulse-coverage-plan.h), scheduled
 * and online (pulse-coverage-presence.h). The caller feeds in queues,
 * agents, shifts, status history and past contacts, then computes; no
 * I/O here, so the server and the console share it.
 * docs/protocol-coverage.md describes the figures.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-coverage-plan.h"
#include "pulse-forecast.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/* The longest range one computation covers: 8 weeks. */
#define PULSE_COVERAGE_MAX_RANGE_USEC PULSE_FORECAST_MAX_RANGE_USEC

/**
 * PulseCoverageRequest:
 * @from: the first interval's start, on a 30-minute boundary
 * @to: the end of the last interval, on a boundary, after @from and at
 *   most %PULSE_COVERAGE_MAX_RANGE_USEC after it
 * @now: the time the coverage is made at: intervals starting at or
 *   before it have started, and only contacts before it are history
 * @shrinkage: the share of scheduled time off the line, 0 or more and
 *   below 1
 * @goal: the service-level goal, above 0 and below 1, or 0 for each
 *   queue's own
 *
 * What to compute.
 */
typedef struct
{
  gint64 from;
  gint64 to;
  gint64 now;
  double shrinkage;
  double goal;
} PulseCoverageRequest;

/**
 * PulseCoverageQueue:
 * @queue: the queue
 * @plan: its staffing rules
 * @n_agents: the agents who serve it (pulse_coverage_agent_serves())
 * @intervals: (element-type PulseForecastInterval): one per interval of
 *   the range, in time order
 *
 * One queue's coverage.
 */
typedef struct
{
  PulseQueue        *queue;
  PulseCoveragePlan  plan;
  guint              n_agents;
  GPtrArray         *intervals;
} PulseCoverageQueue;

typedef struct _PulseCoverage PulseCoverage;

gboolean       pulse_coverage_request_check     (const PulseCoverageRequest  *request,
                                                 GError                     **error);
PulseCoverage *pulse_coverage_new               (const PulseCoverageRequest  *request);
void           pulse_coverage_free              (PulseCoverage               *self);
const PulseCoverageRequest *
               pulse_coverage_get_request       (PulseCoverage               *self);
gint64         pulse_coverage_get_history_from  (PulseCoverage               *self);
gint64         pulse_coverage_get_until         (PulseCoverage               *self);
void           pulse_coverage_add_queue         (PulseCoverage               *self,
                                                 PulseQueue                  *queue);
void           pulse_coverage_add_agent         (PulseCoverage               *self,
                                                 PulseAgent                  *agent);
void           pulse_coverage_add_shift         (PulseCoverage               *self,
                                                 PulseShift                  *shift);
void           pulse_coverage_add_status        (PulseCoverage               *self,
                                                 const char                  *agent_id,
                                                 gint64                       since,
                                                 PulseAgentStatus             status);
gboolean       pulse_coverage_add_contact       (PulseCoverage               *self,
                                                 const char                  *queue_id,
                                                 gint64                       at,
                                                 int                          handle_seconds);
GPtrArray     *pulse_coverage_dup_agent_ids     (PulseCoverage               *self);
GPtrArray     *pulse_coverage_compute           (PulseCoverage               *self,
                                                 GCancellable                *cancellable,
                                                 GError                     **error);
JsonNode      *pulse_coverage_to_json           (PulseCoverage               *self,
                                                 GPtrArray                   *queues);
void           pulse_coverage_queue_free        (PulseCoverageQueue          *queue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseCoverage, pulse_coverage_free)

G_END_DECLS
