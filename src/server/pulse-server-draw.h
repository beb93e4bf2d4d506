/* pulse-server-draw.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-review-draw.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

/* The seed every weekly draw uses: draws differ by week, and the same
 * week drawn again (after a crash) gives the same samples. */
#define PULSE_SERVER_DRAW_SEED G_GUINT64_CONSTANT (0x51412d64726177)

/**
 * PulseDrawCandidates:
 * @candidates: (element-type PulseDrawCandidate): a week's replies
 * @strings: what the candidates' strings point into
 *
 * The replies of a week as pulse_review_draw() takes them.
 */
typedef struct
{
  GArray    *candidates;
  GPtrArray *strings;
} PulseDrawCandidates;

PulseSamplingPolicy *pulse_server_draw_load_policy      (PulseServer          *server);
PulseDrawCandidates *pulse_server_draw_collect          (PulseServer          *server,
                                                         PulseSamplingPolicy  *policy,
                                                         gint64                week_start,
                                                         GError              **error);
void                 pulse_draw_candidates_free         (PulseDrawCandidates  *set);
JsonNode            *pulse_server_draw_week             (PulseServer          *server,
                                                         PulseTokenInfo       *who,
                                                         gint64                week_start,
                                                         gboolean             *fresh,
                                                         GError              **error);
gboolean             pulse_server_draw_due              (PulseServer          *server,
                                                         gint64                now,
                                                         GError              **error);
gboolean             pulse_server_draw_seed_scorecard   (PulseServer          *server,
                                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseDrawCandidates, pulse_draw_candidates_free)

G_END_DECLS
