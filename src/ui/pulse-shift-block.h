/* pulse-shift-block.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-shift.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFT_BLOCK (pulse_shift_block_get_type ())

G_DECLARE_FINAL_TYPE (PulseShiftBlock, pulse_shift_block, PULSE, SHIFT_BLOCK, GtkWidget)

GtkWidget  *pulse_shift_block_new          (void);
void        pulse_shift_block_set_shift    (PulseShiftBlock *self,
                                            PulseShift      *shift,
                                            const char      *agent_name,
                                            GTimeZone       *agent_tz);
PulseShift *pulse_shift_block_get_shift    (PulseShiftBlock *self);
void        pulse_shift_block_set_editable (PulseShiftBlock *self,
                                            gboolean         editable);
void        pulse_shift_block_set_scale    (PulseShiftBlock *self,
                                            double           usec_per_px);
void        pulse_shift_block_get_preview  (PulseShiftBlock *self,
                                            gint64          *start_delta,
                                            gint64          *end_delta);
char       *pulse_shift_block_dup_times    (PulseShiftBlock *self);

G_END_DECLS
