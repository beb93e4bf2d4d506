/* pulse-server-adherence.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-server.h"

G_BEGIN_DECLS

void pulse_server_adherence_install (PulseServer *self);

G_END_DECLS
