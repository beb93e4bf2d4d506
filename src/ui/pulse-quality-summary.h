/* pulse-quality-summary.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-calibration.h"

G_BEGIN_DECLS

/**
 * PulseQualityBacklog:
 * @reviewer_id: (nullable): the reviewer the samples are assigned to, or
 *   %NULL for samples nobody has taken yet
 * @pending: samples not started
 * @drafts: samples started and not submitted
 * @negative: of all of them, samples drawn for a negative rating
 * @oldest_at: when the oldest of them was drawn, µs since the epoch
 *
 * One reviewer's samples still to grade.
 */
typedef struct
{
  char   *reviewer_id;
  guint   pending;
  guint   drafts;
  guint   negative;
  gint64  oldest_at;
} PulseQualityBacklog;

/**
 * PulseQualityNegative:
 * @ticket_id: the rated ticket
 * @queue_id: its queue
 * @agent_id: (nullable): its assignee, else the last agent who replied
 * @score: the CSAT score, 1 or 2
 * @comment: (nullable): what the customer wrote with it
 * @rated_at: when the rating came, µs since the epoch
 *
 * A negative rating nobody has drawn for review yet.
 */
typedef struct
{
  char   *ticket_id;
  char   *queue_id;
  char   *agent_id;
  int     score;
  char   *comment;
  gint64  rated_at;
} PulseQualityNegative;

/**
 * PulseQualityCriterion:
 * @scorecard_id: the scorecard the criterion is on
 * @criterion_id: the criterion, unique within its scorecard
 * @agreement: pairs of reviewers who both graded it, and who agreed
 *
 * Calibration agreement on one criterion.
 */
typedef struct
{
  char                      *scorecard_id;
  char                      *criterion_id;
  PulseCalibrationAgreement  agreement;
} PulseQualityCriterion;

GPtrArray *pulse_quality_backlog_collect      (GListModel                *reviews);
GPtrArray *pulse_quality_negative_collect     (GListModel                *tickets,
                                               GListModel                *reviews,
                                               gint64                     from,
                                               gint64                     to);
GPtrArray *pulse_quality_criteria_collect     (GListModel                *reviews,
                                               PulseCalibrationAgreement *overall,
                                               guint                     *n_groups);
char      *pulse_quality_format_age           (gint64                     seconds);

void       pulse_quality_backlog_free         (PulseQualityBacklog       *backlog);
void       pulse_quality_negative_free        (PulseQualityNegative      *negative);
void       pulse_quality_criterion_free       (PulseQualityCriterion     *criterion);

G_END_DECLS
