/* pulse-stall-meter.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PulseStallMeter PulseStallMeter;

/* One hold: when it began, how long it lasted and how much of it the
 * main thread ran, µs. */
typedef struct
{
  gint64 began;
  gint64 us;
  gint64 cpu_us;
} PulseStall;

PulseStallMeter *pulse_stall_meter_new         (void);
void             pulse_stall_meter_free        (PulseStallMeter *self);
gint64           pulse_stall_meter_longest_us  (PulseStallMeter *self,
                                                gint64          *at);
guint            pulse_stall_meter_count_over  (PulseStallMeter *self,
                                                gint64           us);
const PulseStall *pulse_stall_meter_get_stalls (PulseStallMeter *self,
                                                guint           *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseStallMeter, pulse_stall_meter_free)

G_END_DECLS
