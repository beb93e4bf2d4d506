/* pulse-server-review-check.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-review-sample.h"
#include "pulse-scorecard.h"
#include "pulse-server-mutation.h"

G_BEGIN_DECLS

PulseScorecard *pulse_server_find_scorecard_version (PulseServer          *server,
                                                     const char           *id,
                                                     gint64                version);
gboolean        pulse_server_review_check           (PulseServerMutation  *m,
                                                     PulseReviewSample    *sample,
                                                     GError              **error);

G_END_DECLS
