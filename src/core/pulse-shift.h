/* pulse-shift.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-shift-break.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFT (pulse_shift_get_type ())

/* The longest shift accepted, so a typo in a year cannot book a month. */
#define PULSE_SHIFT_MAX_DAYS 14

G_DECLARE_FINAL_TYPE (PulseShift, pulse_shift, PULSE, SHIFT, GObject)

PulseShift             *pulse_shift_new              (const char             *id,
                                                      const char             *agent_id);
PulseShift             *pulse_shift_new_from_json    (JsonNode               *node,
                                                      GError                **error);
JsonNode               *pulse_shift_to_json          (PulseShift             *self);
const char             *pulse_shift_get_id           (PulseShift             *self);
gint64                  pulse_shift_get_version      (PulseShift             *self);
void                    pulse_shift_set_version      (PulseShift             *self,
                                                      gint64                  version);
const char             *pulse_shift_get_agent_id     (PulseShift             *self);
PulseShiftKind          pulse_shift_get_kind         (PulseShift             *self);
void                    pulse_shift_set_kind         (PulseShift             *self,
                                                      PulseShiftKind          kind);
gint64                  pulse_shift_get_starts_at    (PulseShift             *self);
void                    pulse_shift_set_starts_at    (PulseShift             *self,
                                                      gint64                  starts_at);
gint64                  pulse_shift_get_ends_at      (PulseShift             *self);
void                    pulse_shift_set_ends_at      (PulseShift             *self,
                                                      gint64                  ends_at);
guint                   pulse_shift_get_n_breaks     (PulseShift             *self);
const PulseShiftBreak  *pulse_shift_get_break        (PulseShift             *self,
                                                      guint                   position);
void                    pulse_shift_set_breaks       (PulseShift             *self,
                                                      const PulseShiftBreak  *breaks,
                                                      guint                   n_breaks);
const char             *pulse_shift_get_note         (PulseShift             *self);
void                    pulse_shift_set_note         (PulseShift             *self,
                                                      const char             *note);
gboolean                pulse_shift_covers           (PulseShift             *self,
                                                      gint64                  usec);

G_END_DECLS
