/* pulse-adherence.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schedule adherence: whether agents are on the line when their shifts
 * plan them there. Planned time is a work shift less its breaks and any
 * absence or training booked over it (as for coverage); online is the
 * statuses of an agent taking contacts (pulse_coverage_status_is_online()).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-coverage-presence.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/**
 * PulseAdherenceState:
 * @PULSE_ADHERENCE_STATE_OFF: not planned and not online
 * @PULSE_ADHERENCE_STATE_IN: planned and online
 * @PULSE_ADHERENCE_STATE_MISSING: planned but not online: out of adherence
 * @PULSE_ADHERENCE_STATE_BREAK: on a planned break, absence or training
 *   and not online
 * @PULSE_ADHERENCE_STATE_UNPLANNED: online outside the plan
 *
 * Where an agent stands at one instant.
 */
typedef enum
{
  PULSE_ADHERENCE_STATE_OFF,
  PULSE_ADHERENCE_STATE_IN,
  PULSE_ADHERENCE_STATE_MISSING,
  PULSE_ADHERENCE_STATE_BREAK,
  PULSE_ADHERENCE_STATE_UNPLANNED,
} PulseAdherenceState;

/**
 * PulseAdherence:
 * @planned_usec: time planned on the line in the range
 * @adherent_usec: of it, time online
 * @out_usec: of it, time not online: @planned_usec − @adherent_usec
 * @unplanned_usec: time online outside the plan
 *
 * One agent's adherence over a range, in microseconds.
 */
typedef struct
{
  gint64 planned_usec;
  gint64 adherent_usec;
  gint64 out_usec;
  gint64 unplanned_usec;
} PulseAdherence;

void                pulse_adherence_compute   (PulseShift * const         *shifts,
                                               guint                       n_shifts,
                                               const PulseCoverageStatus  *history,
                                               guint                       n_history,
                                               gint64                      from,
                                               gint64                      until,
                                               PulseAdherence             *adherence);
double              pulse_adherence_share     (const PulseAdherence       *adherence);
PulseAdherenceState pulse_adherence_state_at  (PulseShift * const         *shifts,
                                               guint                       n_shifts,
                                               PulseAgentStatus            status,
                                               gint64                      at);
const char         *pulse_adherence_state_to_string (PulseAdherenceState   state);
gboolean            pulse_adherence_state_from_string (const char          *text,
                                                       PulseAdherenceState *state);

G_END_DECLS
