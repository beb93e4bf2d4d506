/* pulse-scorecard-score.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-review-sample.h"
#include "pulse-scorecard.h"

G_BEGIN_DECLS

double pulse_scorecard_score (PulseScorecard     *scorecard,
                              PulseReviewSample  *sample,
                              GError            **error);

G_END_DECLS
