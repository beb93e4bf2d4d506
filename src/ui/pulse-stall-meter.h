/* pulse-stall-meter.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PulseStallMeter PulseStallMeter;

PulseStallMeter *pulse_stall_meter_new         (void);
void             pulse_stall_meter_free        (PulseStallMeter *self);
gint64           pulse_stall_meter_longest_us  (PulseStallMeter *self,
                                                gint64          *at);
guint            pulse_stall_meter_count_over  (PulseStallMeter *self,
                                                gint64           us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseStallMeter, pulse_stall_meter_free)

G_END_DECLS
