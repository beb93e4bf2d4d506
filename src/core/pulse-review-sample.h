/* pulse-review-sample.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-review-grade.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_REVIEW_SAMPLE (pulse_review_sample_get_type ())

G_DECLARE_FINAL_TYPE (PulseReviewSample, pulse_review_sample, PULSE, REVIEW_SAMPLE, GObject)

PulseReviewSample      *pulse_review_sample_new_from_json          (JsonNode          *node,
                                                                    GError           **error);
JsonNode               *pulse_review_sample_to_json                (PulseReviewSample *self);
const char             *pulse_review_sample_get_id                 (PulseReviewSample *self);
gint64                  pulse_review_sample_get_version            (PulseReviewSample *self);
void                    pulse_review_sample_set_version            (PulseReviewSample *self,
                                                                    gint64             version);
const char             *pulse_review_sample_get_ticket_id          (PulseReviewSample *self);
const char             *pulse_review_sample_get_message_id         (PulseReviewSample *self);
const char             *pulse_review_sample_get_agent_id           (PulseReviewSample *self);
const char             *pulse_review_sample_get_reviewer_id        (PulseReviewSample *self);
void                    pulse_review_sample_set_reviewer_id        (PulseReviewSample *self,
                                                                    const char        *reviewer_id);
const char             *pulse_review_sample_get_scorecard_id       (PulseReviewSample *self);
gint64                  pulse_review_sample_get_scorecard_version  (PulseReviewSample *self);
PulseSampleReason       pulse_review_sample_get_reason             (PulseReviewSample *self);
PulseReviewStatus       pulse_review_sample_get_status             (PulseReviewSample *self);
double                  pulse_review_sample_get_score              (PulseReviewSample *self);
const char             *pulse_review_sample_get_calibration_group  (PulseReviewSample *self);
gint64                  pulse_review_sample_get_created_at         (PulseReviewSample *self);
gint64                  pulse_review_sample_get_submitted_at       (PulseReviewSample *self);
guint                   pulse_review_sample_get_n_grades           (PulseReviewSample *self);
const PulseReviewGrade *pulse_review_sample_get_grade              (PulseReviewSample *self,
                                                                    guint              index);
const PulseReviewGrade *pulse_review_sample_find_grade             (PulseReviewSample *self,
                                                                    const char        *criterion_id);

G_END_DECLS
