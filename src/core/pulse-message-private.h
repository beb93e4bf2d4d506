/* pulse-message-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the ticket codec and the state, which keep a node that already is
 * the canonical form instead of writing it again.
 */

#pragma once

#include "pulse-message.h"

G_BEGIN_DECLS

gboolean _pulse_message_matches_json (PulseMessage *self,
                                      JsonNode     *node);

G_END_DECLS
