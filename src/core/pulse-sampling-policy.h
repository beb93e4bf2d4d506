/* pulse-sampling-policy.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_SAMPLING_POLICY (pulse_sampling_policy_get_type ())

G_DECLARE_FINAL_TYPE (PulseSamplingPolicy, pulse_sampling_policy, PULSE, SAMPLING_POLICY, GObject)

/**
 * PulseSamplingReviewer:
 * @id: the reviewer, as samples name them in `reviewer_id`
 * @team_id: (nullable): the team the reviewer belongs to, if any
 *
 * A QA reviewer samples are shared out to.
 */
typedef struct
{
  char *id;
  char *team_id;
} PulseSamplingReviewer;

PulseSamplingPolicy         *pulse_sampling_policy_new                (void);
PulseSamplingPolicy         *pulse_sampling_policy_new_from_json      (JsonNode             *node,
                                                                       GError              **error);
JsonNode                    *pulse_sampling_policy_to_json            (PulseSamplingPolicy  *self);
gint64                       pulse_sampling_policy_get_version        (PulseSamplingPolicy  *self);
void                         pulse_sampling_policy_set_version
                                    (PulseSamplingPolicy         *self,
                                     gint64                       version);
const char                  *pulse_sampling_policy_get_scorecard_id   (PulseSamplingPolicy  *self);
guint                        pulse_sampling_policy_get_per_agent      (PulseSamplingPolicy  *self);
guint                        pulse_sampling_policy_get_per_newcomer   (PulseSamplingPolicy  *self);
guint                        pulse_sampling_policy_get_probation_days (PulseSamplingPolicy  *self);
int                          pulse_sampling_policy_get_negative_max   (PulseSamplingPolicy  *self);
double                       pulse_sampling_policy_get_calibration_share
                                    (PulseSamplingPolicy         *self);
gboolean                     pulse_sampling_policy_get_avoid_own_team (PulseSamplingPolicy  *self);
guint                        pulse_sampling_policy_get_n_reviewers    (PulseSamplingPolicy  *self);
const PulseSamplingReviewer *pulse_sampling_policy_get_reviewer       (PulseSamplingPolicy  *self,
                                                                       guint                 index);
gboolean                     pulse_sampling_policy_is_newcomer
                                    (PulseSamplingPolicy         *self,
                                     gint64                       hired_at,
                                     gint64                       week_start);
gboolean                     pulse_sampling_policy_may_review
                                    (PulseSamplingPolicy         *self,
                                     const PulseSamplingReviewer *reviewer,
                                     const char                  *agent_id,
                                     const char                  *team_id);

G_END_DECLS
