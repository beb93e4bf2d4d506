/* pulse-hourly-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-hourly-figures.h"
#include "pulse-state.h"

G_BEGIN_DECLS

#define PULSE_TYPE_HOURLY_VIEW (pulse_hourly_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseHourlyView, pulse_hourly_view, PULSE, HOURLY_VIEW, GObject)

PulseHourlyView *pulse_hourly_view_new         (guint                   n_hours);
guint            pulse_hourly_view_get_n_hours (PulseHourlyView        *self);
gboolean         pulse_hourly_view_get_loaded  (PulseHourlyView        *self);
void             pulse_hourly_view_reset       (PulseHourlyView        *self,
                                                PulseState             *state,
                                                gint64                  now);
void             pulse_hourly_view_apply       (PulseHourlyView        *self,
                                                const PulseStateChange *change);
GArray          *pulse_hourly_view_dup_figures (PulseHourlyView        *self,
                                                gint64                  now);

G_END_DECLS
