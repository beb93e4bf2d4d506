/* pulse-calibration-settle.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-calibration-session.h"
#include "pulse-session.h"

G_BEGIN_DECLS

GPtrArray *pulse_calibration_settle_criteria (PulseSession            *session,
                                              GPtrArray               *members);
void       pulse_calibration_settle_present  (GtkWidget               *parent,
                                              PulseSession            *session,
                                              const char              *group_id,
                                              GPtrArray               *members,
                                              PulseCalibrationSession *settled);

G_END_DECLS
