/* pulse-server-rules.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the server runs automation rules on what comes in.
 */

#pragma once

#include "pulse-server.h"
#include "pulse-ticket.h"

G_BEGIN_DECLS

gboolean pulse_server_rules_on_ticket_created (PulseServer  *self,
                                               PulseTicket  *ticket,
                                               GError      **error);

G_END_DECLS
