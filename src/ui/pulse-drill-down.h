/* pulse-drill-down.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-contact-filter.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_DRILL_DOWN (pulse_drill_down_get_type ())

G_DECLARE_FINAL_TYPE (PulseDrillDown, pulse_drill_down, PULSE, DRILL_DOWN, AdwWindow)

PulseDrillDown *pulse_drill_down_open         (GtkWidget                *from,
                                               PulseSession             *session,
                                               const char               *title,
                                               const PulseContactFilter *filter);
GListModel     *pulse_drill_down_get_contacts (PulseDrillDown           *self);
void            pulse_drill_down_show_ticket  (PulseDrillDown           *self,
                                               PulseTicket              *ticket);
void            pulse_drill_down_set_period   (PulseSession             *session,
                                               PulseContactFilter       *filter);

G_END_DECLS
