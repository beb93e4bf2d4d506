/* pulse-coverage-plan.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How one queue turns a forecast interval into agents: which staffing
 * model fits its channel and target, the defaults it falls back on, and
 * which agents may take its contacts. docs/protocol-coverage.md has the
 * decisions with their reasons.
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/* The share of scheduled time off the line when the request names none. */
#define PULSE_COVERAGE_DEFAULT_SHRINKAGE 0.3
/* Backlog channels are planned to keep agents this busy. */
#define PULSE_COVERAGE_OCCUPANCY_TARGET  0.85
/* A queue's goal of 100 % cannot be met by any number of agents. */
#define PULSE_COVERAGE_MAX_GOAL          0.99
/* A target this long lets a contact wait into the next interval. */
#define PULSE_COVERAGE_BACKLOG_TARGET_S  1800

/**
 * PulseCoverageModel:
 * @PULSE_COVERAGE_MODEL_ERLANG_C: Erlang C: contacts wait, none abandon
 * @PULSE_COVERAGE_MODEL_ERLANG_A: Erlang A: the queue's patience is known
 * @PULSE_COVERAGE_MODEL_WORKLOAD: workload over an occupancy target, for
 *   backlog channels (email, or a target of 30 minutes or more)
 *
 * How a queue's required agents are computed.
 */
typedef enum
{
  PULSE_COVERAGE_MODEL_ERLANG_C,
  PULSE_COVERAGE_MODEL_ERLANG_A,
  PULSE_COVERAGE_MODEL_WORKLOAD,
} PulseCoverageModel;

/**
 * PulseCoveragePlan:
 * @model: how required agents are computed
 * @target_s: the service-level target, seconds
 * @goal: the share to answer within @target_s, above 0 and below 1
 * @shrinkage: the share of scheduled time off the line, 0 or more, below 1
 * @concurrency: contacts one agent works at once
 * @patience_s: the customers' mean patience (Erlang A), or 0
 * @default_handle_s: the handle time used when the history has none
 *
 * One queue's staffing rules; pulse_coverage_plan_init() fills it.
 */
typedef struct
{
  PulseCoverageModel model;
  double             target_s;
  double             goal;
  double             shrinkage;
  guint              concurrency;
  double             patience_s;
  double             default_handle_s;
} PulseCoveragePlan;

/**
 * PulseCoverageStaffing:
 * @handle_s: the handle time used: the forecast's, or the default,
 *   within 1 s…24 h
 * @required: agents on the line for the goal
 * @required_with_shrinkage: agents to schedule so that @required remain
 * @handle_clamped: the forecast's handle time lay outside 1 s…24 h
 * @capped: the agents were more than a forecast interval can carry
 *   (%PULSE_FORECAST_INTERVAL_MAX_AGENTS) and were cut to that
 *
 * What one interval needs.
 */
typedef struct
{
  double   handle_s;
  guint    required;
  guint    required_with_shrinkage;
  gboolean handle_clamped;
  gboolean capped;
} PulseCoverageStaffing;

void        pulse_coverage_plan_init              (PulseCoveragePlan       *plan,
                                                   PulseQueue              *queue,
                                                   double                   shrinkage,
                                                   double                   goal);
void        pulse_coverage_plan_staff             (const PulseCoveragePlan *plan,
                                                   double                   arrivals,
                                                   double                   handle_s,
                                                   PulseCoverageStaffing   *staffing);
const char *pulse_coverage_model_to_string        (PulseCoverageModel       model);
guint       pulse_coverage_channel_concurrency    (PulseChannelKind         channel);
double      pulse_coverage_channel_handle_seconds (PulseChannelKind         channel);
gboolean    pulse_coverage_agent_serves           (PulseAgent              *agent,
                                                   PulseQueue              *queue);
gboolean    pulse_coverage_language_matches       (const char              *spoken,
                                                   const char              *wanted);

G_END_DECLS
