/* pulse-health-icon.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-queue-row.h"

G_BEGIN_DECLS

#define PULSE_TYPE_HEALTH_ICON (pulse_health_icon_get_type ())

G_DECLARE_FINAL_TYPE (PulseHealthIcon, pulse_health_icon, PULSE, HEALTH_ICON, GtkWidget)

PulseQueueHealth pulse_health_icon_get_health (PulseHealthIcon  *self);
void             pulse_health_icon_set_health (PulseHealthIcon  *self,
                                               PulseQueueHealth  health);

G_END_DECLS
