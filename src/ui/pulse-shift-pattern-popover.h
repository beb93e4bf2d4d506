/* pulse-shift-pattern-popover.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-shift-pattern.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFT_PATTERN_POPOVER (pulse_shift_pattern_popover_get_type ())

G_DECLARE_FINAL_TYPE (PulseShiftPatternPopover, pulse_shift_pattern_popover,
                      PULSE, SHIFT_PATTERN_POPOVER, GtkPopover)

/**
 * PulseShiftPatternChoice:
 * @PULSE_SHIFT_PATTERN_CHOICE_2_2: the 2/2 preset
 * @PULSE_SHIFT_PATTERN_CHOICE_5_2: the 5/2 preset
 * @PULSE_SHIFT_PATTERN_CHOICE_CUSTOM: the times and cycle given
 * @PULSE_SHIFT_PATTERN_CHOICE_ABSENCE: an absence over the days
 *
 * What the popover applies.
 */
typedef enum
{
  PULSE_SHIFT_PATTERN_CHOICE_2_2,
  PULSE_SHIFT_PATTERN_CHOICE_5_2,
  PULSE_SHIFT_PATTERN_CHOICE_CUSTOM,
  PULSE_SHIFT_PATTERN_CHOICE_ABSENCE,
} PulseShiftPatternChoice;

GtkWidget              *pulse_shift_pattern_popover_new         (void);
void                    pulse_shift_pattern_popover_set_agents  (PulseShiftPatternPopover *self,
                                                                 GPtrArray                *agents);
void                    pulse_shift_pattern_popover_set_choice  (PulseShiftPatternPopover *self,
                                                                 PulseShiftPatternChoice   choice);
PulseShiftPatternChoice pulse_shift_pattern_popover_get_choice  (PulseShiftPatternPopover *self);
void                    pulse_shift_pattern_popover_get_pattern (PulseShiftPatternPopover *self,
                                                                 PulseShiftPattern        *pattern);
const char             *pulse_shift_pattern_popover_get_agent_id (PulseShiftPatternPopover *self);
guint                   pulse_shift_pattern_popover_get_days    (PulseShiftPatternPopover *self);
gboolean                pulse_shift_pattern_popover_get_stagger (PulseShiftPatternPopover *self);
void                    pulse_shift_pattern_popover_apply       (PulseShiftPatternPopover *self);

G_END_DECLS
