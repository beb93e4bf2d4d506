/* pulse-calibration.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-review-sample.h"

G_BEGIN_DECLS

/**
 * PulseCalibrationAgreement:
 * @compared: criteria graded by both reviewers of a pair, over all pairs
 * @agreed: of those, graded the same (pass, fail or not applicable)
 *
 * How far reviewers agree; the share is @agreed / @compared.
 */
typedef struct
{
  guint compared;
  guint agreed;
} PulseCalibrationAgreement;

/**
 * PulseCalibrationGroup:
 * @group_id: the calibration group
 * @ticket_id: the ticket its samples are drawn from
 * @n_reviewers: reviewers who submitted a grading
 * @agreement: their agreement, over every pair of them
 *
 * One calibration sample graded by several reviewers.
 */
typedef struct
{
  char                      *group_id;
  char                      *ticket_id;
  guint                      n_reviewers;
  PulseCalibrationAgreement  agreement;
} PulseCalibrationGroup;

void       pulse_calibration_compare       (PulseReviewSample         *a,
                                            PulseReviewSample         *b,
                                            PulseCalibrationAgreement *agreement);
GPtrArray *pulse_calibration_collect       (GListModel                *reviews);
double     pulse_calibration_share         (const PulseCalibrationAgreement *agreement);
void       pulse_calibration_group_free    (PulseCalibrationGroup     *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseCalibrationGroup, pulse_calibration_group_free)

G_END_DECLS
