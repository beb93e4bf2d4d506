/* pulse-review-draw.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-sampling-policy.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseDrawCandidate:
 * @ticket_id: the contact
 * @message_id: the agent's reply in it that would be graded
 * @agent_id: who wrote the reply
 * @team_id: (nullable): the agent's team
 * @newcomer: the agent is on probation (pulse_sampling_policy_is_newcomer())
 * @rating: the contact's lowest CSAT rating, 1–5, or 0 when not rated
 *
 * One reply a week's draw may pick. Borrowed strings: the caller keeps
 * them alive for the draw.
 */
typedef struct
{
  const char *ticket_id;
  const char *message_id;
  const char *agent_id;
  const char *team_id;
  gboolean    newcomer;
  int         rating;
} PulseDrawCandidate;

/**
 * PulseDrawnSample:
 * @id: the review's id, the same for the same week, reply and slot
 * @ticket_id: the contact
 * @message_id: the reply under review
 * @agent_id: who wrote it
 * @reviewer_id: (nullable): who grades it; %NULL when no reviewer may
 * @reason: why it was drawn; the second grading of a calibration pair is
 *   %PULSE_SAMPLE_REASON_CALIBRATION
 * @calibration_group: (nullable): shared by both gradings of a pair
 *
 * One review a draw makes.
 */
typedef struct
{
  char              *id;
  char              *ticket_id;
  char              *message_id;
  char              *agent_id;
  char              *reviewer_id;
  PulseSampleReason  reason;
  char              *calibration_group;
} PulseDrawnSample;

/**
 * PulseWorkloadAgent:
 * @agent_id: the agent
 * @team_id: (nullable): their team
 * @newcomer: on probation
 * @negatives: negative contacts a week expected for them (all are read)
 *
 * What pulse_review_draw_workload() expects of one agent.
 */
typedef struct
{
  const char *agent_id;
  const char *team_id;
  gboolean    newcomer;
  double      negatives;
} PulseWorkloadAgent;

/**
 * PulseWorkload:
 * @samples: samples a week
 * @gradings: gradings a week: samples plus the calibration second ones
 * @unassigned: gradings no reviewer may take
 * @per_reviewer: (element-type double): gradings of each policy reviewer,
 *   in the policy's order
 *
 * The expected weekly work of a policy.
 */
typedef struct
{
  double  samples;
  double  gradings;
  double  unassigned;
  GArray *per_reviewer;
} PulseWorkload;

GPtrArray     *pulse_review_draw                (PulseSamplingPolicy      *policy,
                                                 const PulseDrawCandidate *candidates,
                                                 guint                     n_candidates,
                                                 guint64                   seed,
                                                 gint64                    week_start);
JsonNode      *pulse_drawn_sample_to_review     (const PulseDrawnSample   *sample,
                                                 const char               *scorecard_id,
                                                 gint64                    scorecard_version,
                                                 gint64                    created_at);
void           pulse_drawn_sample_free          (PulseDrawnSample         *sample);
PulseWorkload *pulse_review_draw_workload       (PulseSamplingPolicy      *policy,
                                                 const PulseWorkloadAgent *agents,
                                                 guint                     n_agents);
void           pulse_workload_free              (PulseWorkload            *workload);
gint64         pulse_review_draw_week_start     (gint64                   at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseDrawnSample, pulse_drawn_sample_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseWorkload, pulse_workload_free)

G_END_DECLS
