/* pulse-erlang.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest offered load pulse_erlang_required_agents() takes. */
#define PULSE_ERLANG_MAX_LOAD 1e6

/**
 * PulseErlangRequest:
 * @arrivals: contacts forecast in the interval, 0 or more
 * @interval_s: the interval's length in seconds (1800 for 30 minutes)
 * @handle_s: mean handle time of one contact, seconds, above 0
 * @target_s: the service-level target, seconds, 0 or more
 * @goal: the share to answer within @target_s, above 0 and below 1
 * @shrinkage: the share of paid time not on the line (breaks, training,
 *   absence), 0 or more and below 1
 * @concurrency: contacts an agent works at once (chat); 0 or 1 for one
 * @patience_s: customers' mean patience in seconds, or 0 when unknown:
 *   then Erlang C (no one abandons), else Erlang A
 *
 * What a queue needs in one interval.
 */
typedef struct
{
  double arrivals;
  double interval_s;
  double handle_s;
  double target_s;
  double goal;
  double shrinkage;
  guint  concurrency;
  double patience_s;
} PulseErlangRequest;

/**
 * PulseErlangStaffing:
 * @required: agents on the line for the goal
 * @scheduled: agents to schedule so that @required remain after shrinkage
 * @load: the offered load in Erlangs (arrival rate × handle time)
 * @service_level: the share answered within the target with @required
 * @p_wait: the probability that a contact waits at all
 * @p_abandon: the probability that a contact abandons (0 for Erlang C)
 * @mean_wait_s: Erlang C: the average speed of answer; Erlang A: the mean
 *   wait of all contacts, answered or not
 * @occupancy: the share of the agents' line time spent handling contacts
 *
 * The answer of pulse_erlang_required_agents().
 */
typedef struct
{
  guint  required;
  guint  scheduled;
  double load;
  double service_level;
  double p_wait;
  double p_abandon;
  double mean_wait_s;
  double occupancy;
} PulseErlangStaffing;

/**
 * PulseErlangA:
 * @p_wait: the probability that a contact waits at all
 * @p_abandon: the probability that a contact abandons before an answer
 * @service_level: the probability that a contact is answered within the
 *   target (an abandoned contact is not answered)
 * @mean_wait_s: the mean time in queue of all contacts
 *
 * The figures of the M/M/n+M queue (Erlang A).
 */
typedef struct
{
  double p_wait;
  double p_abandon;
  double service_level;
  double mean_wait_s;
} PulseErlangA;

double   pulse_erlang_b                 (guint                      n,
                                         double                     load);
double   pulse_erlang_c                 (guint                      n,
                                         double                     load);
double   pulse_erlang_c_service_level   (guint                      n,
                                         double                     load,
                                         double                     handle_s,
                                         double                     target_s);
double   pulse_erlang_c_asa             (guint                      n,
                                         double                     load,
                                         double                     handle_s);
double   pulse_erlang_occupancy         (guint                      n,
                                         double                     load);
void     pulse_erlang_a                 (guint                      n,
                                         double                     load,
                                         double                     handle_s,
                                         double                     patience_s,
                                         double                     target_s,
                                         PulseErlangA              *result);
guint    pulse_erlang_scheduled_agents  (guint                      required,
                                         double                     shrinkage);
gboolean pulse_erlang_required_agents   (const PulseErlangRequest  *request,
                                         PulseErlangStaffing       *staffing,
                                         GError                   **error);

G_END_DECLS
