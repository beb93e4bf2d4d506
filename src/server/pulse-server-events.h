/* pulse-server-events.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-server.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SERVER_EVENTS (pulse_server_events_get_type ())

G_DECLARE_FINAL_TYPE (PulseServerEvents, pulse_server_events, PULSE, SERVER_EVENTS, GObject)

void pulse_server_events_install (PulseServer *server);

G_END_DECLS
