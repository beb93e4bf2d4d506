/* pulse-shifts-adherence.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFTS_ADHERENCE (pulse_shifts_adherence_get_type ())

G_DECLARE_FINAL_TYPE (PulseShiftsAdherence, pulse_shifts_adherence, PULSE, SHIFTS_ADHERENCE,
                      AdwBin)

void        pulse_shifts_adherence_set_session (PulseShiftsAdherence *self,
                                                PulseSession         *session);
void        pulse_shifts_adherence_set_plan    (PulseShiftsAdherence *self,
                                                GPtrArray            *agents,
                                                GPtrArray            *shifts);
void        pulse_shifts_adherence_refresh     (PulseShiftsAdherence *self);
guint       pulse_shifts_adherence_get_n_fetches (PulseShiftsAdherence *self);
const char *pulse_shifts_adherence_get_summary (PulseShiftsAdherence *self);

G_END_DECLS
