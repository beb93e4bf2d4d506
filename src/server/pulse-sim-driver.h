/* pulse-sim-driver.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-server.h"
#include "pulse-sim-model.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SIMULATOR (pulse_simulator_get_type ())

G_DECLARE_FINAL_TYPE (PulseSimulator, pulse_simulator, PULSE, SIMULATOR, GObject)

PulseSimulator *pulse_simulator_new            (PulseServer     *server,
                                                PulseSimModel   *model);
PulseSimModel  *pulse_simulator_get_model      (PulseSimulator  *self);
gint64          pulse_simulator_get_clock      (PulseSimulator  *self);
guint64         pulse_simulator_get_contacts   (PulseSimulator  *self);
gboolean        pulse_simulator_seed           (PulseSimulator  *self,
                                                guint            history_days,
                                                GError         **error);
gboolean        pulse_simulator_backfill_hours (PulseSimulator  *self,
                                                gint64           from_hour,
                                                gint64           to_hour,
                                                GError         **error);
gboolean        pulse_simulator_advance        (PulseSimulator  *self,
                                                gint64           until,
                                                GError         **error);
void            pulse_simulator_run            (PulseSimulator  *self,
                                                double           speed,
                                                guint            backfill_days);

PulseSimConfig *pulse_simulator_load_config    (const char      *path,
                                                GError         **error);

G_END_DECLS
