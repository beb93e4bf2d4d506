/* pulse-calibration-session.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-review-grade.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CALIBRATION_SESSION (pulse_calibration_session_get_type ())

G_DECLARE_FINAL_TYPE (PulseCalibrationSession, pulse_calibration_session, PULSE,
                      CALIBRATION_SESSION, GObject)

PulseCalibrationSession *pulse_calibration_session_new_from_json
                                              (JsonNode                 *node,
                                               GError                  **error);
JsonNode               *pulse_calibration_session_to_json
                                              (PulseCalibrationSession  *self);
const char             *pulse_calibration_session_get_id
                                              (PulseCalibrationSession  *self);
gint64                  pulse_calibration_session_get_version
                                              (PulseCalibrationSession  *self);
void                    pulse_calibration_session_set_version
                                              (PulseCalibrationSession  *self,
                                               gint64                    version);
const char             *pulse_calibration_session_get_ticket_id
                                              (PulseCalibrationSession  *self);
const char             *pulse_calibration_session_get_scorecard_id
                                              (PulseCalibrationSession  *self);
const char * const     *pulse_calibration_session_get_reviews
                                              (PulseCalibrationSession  *self);
guint                   pulse_calibration_session_get_n_grades
                                              (PulseCalibrationSession  *self);
const PulseReviewGrade *pulse_calibration_session_get_grade
                                              (PulseCalibrationSession  *self,
                                               guint                     index);
const PulseReviewGrade *pulse_calibration_session_find_grade
                                              (PulseCalibrationSession  *self,
                                               const char               *criterion_id);
double                  pulse_calibration_session_get_score
                                              (PulseCalibrationSession  *self);
const char             *pulse_calibration_session_get_settled_by
                                              (PulseCalibrationSession  *self);
gint64                  pulse_calibration_session_get_settled_at
                                              (PulseCalibrationSession  *self);
const char             *pulse_calibration_session_get_note
                                              (PulseCalibrationSession  *self);

G_END_DECLS
