/* pulse-review-queue-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-review-sample.h"

G_BEGIN_DECLS

/**
 * PulseReviewFilter:
 * @PULSE_REVIEW_FILTER_OPEN: assigned or draft: still to grade
 * @PULSE_REVIEW_FILTER_ASSIGNED: not started yet
 * @PULSE_REVIEW_FILTER_DRAFT: started, not submitted
 * @PULSE_REVIEW_FILTER_SUBMITTED: graded
 * @PULSE_REVIEW_FILTER_ALL: every sample
 *
 * The reviewer queue's status filter, in the order its menu shows.
 */
typedef enum
{
  PULSE_REVIEW_FILTER_OPEN,
  PULSE_REVIEW_FILTER_ASSIGNED,
  PULSE_REVIEW_FILTER_DRAFT,
  PULSE_REVIEW_FILTER_SUBMITTED,
  PULSE_REVIEW_FILTER_ALL,
} PulseReviewFilter;

gboolean    pulse_review_queue_includes     (PulseReviewSample *sample,
                                             const char        *reviewer,
                                             PulseReviewFilter  filter);
const char *pulse_review_queue_filter_label (PulseReviewFilter  filter);
const char *pulse_review_queue_status_label (PulseReviewSample *sample);
const char *pulse_review_queue_reason_label (PulseSampleReason  reason);
int         pulse_review_queue_compare      (PulseReviewSample *a,
                                             PulseReviewSample *b);

G_END_DECLS
