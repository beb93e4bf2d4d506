/* pulse-server-rules-replay.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-server.h"

G_BEGIN_DECLS

/* The longest window a replay or the figures may cover, in days. */
#define PULSE_RULES_REPLAY_MAX_DAYS 90

void pulse_server_rules_replay_install (PulseServer *server);

G_END_DECLS
