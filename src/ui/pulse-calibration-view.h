/* pulse-calibration-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CALIBRATION_VIEW (pulse_calibration_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseCalibrationView, pulse_calibration_view, PULSE, CALIBRATION_VIEW,
                      AdwBin)

GtkWidget *pulse_calibration_view_new (PulseSession *session);

G_END_DECLS
