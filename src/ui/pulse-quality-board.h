/* pulse-quality-board.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-calibration.h"
#include "pulse-quality-row.h"
#include "pulse-session.h"

G_BEGIN_DECLS

/**
 * PulseQualityList:
 * @PULSE_QUALITY_LIST_TEAMS: the QA score by team, one row per team
 * @PULSE_QUALITY_LIST_AGENTS: the QA score by agent, one row per agent
 * @PULSE_QUALITY_LIST_BACKLOG: samples still to grade, one row per reviewer
 * @PULSE_QUALITY_LIST_NEGATIVE: the day's negative ratings not yet drawn
 *   for review, one row per ticket
 * @PULSE_QUALITY_LIST_CRITERIA: calibration agreement, one row per
 *   criterion
 *
 * The lists of the Quality page.
 */
typedef enum
{
  PULSE_QUALITY_LIST_TEAMS,
  PULSE_QUALITY_LIST_AGENTS,
  PULSE_QUALITY_LIST_BACKLOG,
  PULSE_QUALITY_LIST_NEGATIVE,
  PULSE_QUALITY_LIST_CRITERIA,
  PULSE_QUALITY_N_LISTS,
} PulseQualityList;

/**
 * PulseQualityTotals:
 * @qa_score: the period's mean QA score, 0…100, NaN with no review
 * @reviews: the submitted reviews it is the mean of
 * @csat: the period's CSAT, 0…1, NaN with no rating
 * @backlog: samples still to grade
 * @backlog_oldest_at: when the oldest of them was drawn, 0 for none
 * @negative: rows of %PULSE_QUALITY_LIST_NEGATIVE
 * @calibration: agreement over every calibration sample
 * @calibration_groups: the calibration samples measured
 *
 * The page's headline figures.
 */
typedef struct
{
  double                    qa_score;
  gint64                    reviews;
  double                    csat;
  guint                     backlog;
  gint64                    backlog_oldest_at;
  guint                     negative;
  PulseCalibrationAgreement calibration;
  guint                     calibration_groups;
} PulseQualityTotals;

#define PULSE_TYPE_QUALITY_BOARD (pulse_quality_board_get_type ())

G_DECLARE_FINAL_TYPE (PulseQualityBoard, pulse_quality_board, PULSE, QUALITY_BOARD, GObject)

PulseQualityBoard        *pulse_quality_board_new         (PulseSession      *session);
GListModel               *pulse_quality_board_get_list    (PulseQualityBoard *self,
                                                           PulseQualityList   list);
const PulseQualityTotals *pulse_quality_board_get_totals  (PulseQualityBoard *self);
void                      pulse_quality_board_set_ticking (PulseQualityBoard *self,
                                                           gboolean           ticking);
void                      pulse_quality_board_refresh     (PulseQualityBoard *self);

G_END_DECLS
