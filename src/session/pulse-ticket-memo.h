/* pulse-ticket-memo.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-ticket.h"

G_BEGIN_DECLS

PulseTicket *pulse_ticket_memo_decode (JsonNode  *node,
                                       GError   **error);

G_END_DECLS
