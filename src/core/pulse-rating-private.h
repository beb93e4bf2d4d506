/* pulse-rating-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the ticket codec and the state, which keep a node that already is
 * the canonical form instead of writing it again.
 */

#pragma once

#include "pulse-rating.h"

G_BEGIN_DECLS

gboolean _pulse_rating_matches_json (PulseRating *self,
                                     JsonNode    *node);

G_END_DECLS
