/* pulse-shift-edit.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planner's edits of one shift as pure functions: move, resize and
 * copy to another week. Each returns a new shift and leaves the old one
 * as it is, so the caller has both for its undo.
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/* A drag or a key press moves a shift edge by this much. */
#define PULSE_SHIFT_EDIT_STEP_USEC (30 * G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

PulseShift *pulse_shift_dup           (PulseShift  *shift);
PulseShift *pulse_shift_dup_moved     (PulseShift  *shift,
                                       gint64       start_delta,
                                       gint64       end_delta,
                                       GError     **error);
PulseShift *pulse_shift_dup_copied    (PulseShift  *shift,
                                       GTimeZone   *tz,
                                       int          days);
gboolean    pulse_shift_overlaps      (PulseShift  *shift,
                                       gint64       start,
                                       gint64       end);

G_END_DECLS
