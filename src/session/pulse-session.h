/* pulse-session.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SESSION (pulse_session_get_type ())

G_DECLARE_FINAL_TYPE (PulseSession, pulse_session, PULSE, SESSION, GObject)

PulseSession         *pulse_session_new                  (void);
const char           *pulse_session_get_server_url       (PulseSession          *self);
void                  pulse_session_set_server_url       (PulseSession          *self,
                                                          const char            *server_url);
PulseConnectionState  pulse_session_get_connection_state (PulseSession          *self);
gint64                pulse_session_get_last_event_at    (PulseSession          *self);
PulseRole             pulse_session_get_role             (PulseSession          *self);

void                  _pulse_session_set_connection_state (PulseSession         *self,
                                                           PulseConnectionState  state);

G_END_DECLS
