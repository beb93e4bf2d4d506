/* pulse-event-fanout.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-event-log.h"
#include "pulse-ws-peer.h"

G_BEGIN_DECLS

#define PULSE_TYPE_EVENT_FANOUT (pulse_event_fanout_get_type ())

G_DECLARE_FINAL_TYPE (PulseEventFanout, pulse_event_fanout, PULSE, EVENT_FANOUT, GObject)

PulseEventFanout *pulse_event_fanout_new      (PulseEventLog    *log);
void              pulse_event_fanout_add      (PulseEventFanout *self,
                                               PulseWsPeer      *peer,
                                               gint64            since);
void              pulse_event_fanout_shutdown (PulseEventFanout *self);

G_END_DECLS
