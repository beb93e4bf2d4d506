/* pulse-rating.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RATING (pulse_rating_get_type ())

G_DECLARE_FINAL_TYPE (PulseRating, pulse_rating, PULSE, RATING, GObject)

PulseRating      *pulse_rating_new              (PulseRatingKind   kind,
                                                 int               score,
                                                 gint64            at);
PulseRating      *pulse_rating_new_from_json    (JsonNode         *node,
                                                 GError          **error);
JsonNode         *pulse_rating_to_json          (PulseRating      *self);
void              pulse_rating_kind_get_range   (PulseRatingKind   kind,
                                                 int              *min_score,
                                                 int              *max_score);
PulseRatingKind   pulse_rating_get_kind         (PulseRating      *self);
int               pulse_rating_get_score        (PulseRating      *self);
gint64            pulse_rating_get_at           (PulseRating      *self);
const char       *pulse_rating_get_comment      (PulseRating      *self);

G_END_DECLS
