/* pulse-shift-pattern.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift patterns (2/2 08:00–20:00, 5/2 09:00–18:00, custom) and what
 * applying one to an agent for a date range creates and replaces. Times
 * are the agent's wall clock: 08:00 stays 08:00 across a DST change.
 */

#pragma once

#include <glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

/* The longest range a pattern is applied to at once: 8 weeks. */
#define PULSE_SHIFT_PATTERN_MAX_DAYS 56

/**
 * PulseShiftPatternPreset:
 * @PULSE_SHIFT_PATTERN_2_2: two days on, two off, 08:00–20:00 with an
 *   hour's break at 13:00
 * @PULSE_SHIFT_PATTERN_5_2: five days on, two off, 09:00–18:00 with an
 *   hour's break at 13:00
 *
 * The patterns planners use most.
 */
typedef enum
{
  PULSE_SHIFT_PATTERN_2_2,
  PULSE_SHIFT_PATTERN_5_2,
} PulseShiftPatternPreset;

/**
 * PulseShiftPattern:
 * @days_on: working days in a row, 1…14
 * @days_off: days off after them, 0…14
 * @start_minute: the local start, minutes after midnight, 0…1439
 * @length_minutes: the shift's length, 30 minutes…24 hours; a shift may
 *   run past midnight
 * @break_after_minutes: when the break starts, minutes after the shift's
 *   start; 0 for no break
 * @break_minutes: the break's length; it must end before the shift does
 *
 * A repeating cycle of @days_on + @days_off days.
 */
typedef struct
{
  guint days_on;
  guint days_off;
  guint start_minute;
  guint length_minutes;
  guint break_after_minutes;
  guint break_minutes;
} PulseShiftPattern;

/**
 * PulseShiftPlan:
 * @creates: (element-type PulseShift): the new shifts, version 0
 * @deletes: (element-type PulseShift): the agent's work shifts the
 *   pattern replaces
 *
 * What applying a pattern changes; free with pulse_shift_plan_clear().
 */
typedef struct
{
  GPtrArray *creates;
  GPtrArray *deletes;
} PulseShiftPlan;

void       pulse_shift_pattern_init    (PulseShiftPattern        *self,
                                        PulseShiftPatternPreset   preset);
gboolean   pulse_shift_pattern_check   (const PulseShiftPattern  *self,
                                        GError                  **error);
GPtrArray *pulse_shift_pattern_expand  (const PulseShiftPattern  *self,
                                        const char               *agent_id,
                                        GTimeZone                *tz,
                                        const GDate              *first_day,
                                        guint                     n_days,
                                        guint                     cycle_offset,
                                        GError                  **error);
gboolean   pulse_shift_pattern_plan    (const PulseShiftPattern  *self,
                                        const char               *agent_id,
                                        GTimeZone                *tz,
                                        const GDate              *first_day,
                                        guint                     n_days,
                                        guint                     cycle_offset,
                                        GPtrArray                *existing,
                                        PulseShiftPlan           *plan,
                                        GError                  **error);
void       pulse_shift_plan_clear      (PulseShiftPlan           *plan);
gint64     pulse_shift_local_time      (GTimeZone                *tz,
                                        const GDate              *day,
                                        guint                     minute);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseShiftPlan, pulse_shift_plan_clear)

G_END_DECLS
