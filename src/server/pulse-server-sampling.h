/* pulse-server-sampling.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-server.h"

G_BEGIN_DECLS

void pulse_server_sampling_install      (PulseServer *server);
void pulse_server_draw_start_weekly     (PulseServer *server);

G_END_DECLS
