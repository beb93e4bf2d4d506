/* pulse-shifts-coverage.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-planning.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFTS_COVERAGE (pulse_shifts_coverage_get_type ())

G_DECLARE_FINAL_TYPE (PulseShiftsCoverage, pulse_shifts_coverage, PULSE, SHIFTS_COVERAGE, AdwBin)

void           pulse_shifts_coverage_set_session  (PulseShiftsCoverage       *self,
                                                   PulseSession              *session);
void           pulse_shifts_coverage_set_week     (PulseShiftsCoverage       *self,
                                                   GDateTime                 *first_day);
void           pulse_shifts_coverage_set_plan     (PulseShiftsCoverage       *self,
                                                   GPtrArray                 *agents,
                                                   GPtrArray                 *shifts);
void           pulse_shifts_coverage_set_whatif   (PulseShiftsCoverage       *self,
                                                   const PulsePlanningWhatIf *whatif);
const char    *pulse_shifts_coverage_get_summary  (PulseShiftsCoverage       *self);
PulsePlanning *pulse_shifts_coverage_get_planning (PulseShiftsCoverage       *self);
gboolean       pulse_shifts_coverage_is_settled   (PulseShiftsCoverage       *self);

G_END_DECLS
