/* pulse-scorecard-default.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-scorecard.h"

G_BEGIN_DECLS

/* The id of the scorecard a server seeds when it has none. */
#define PULSE_SCORECARD_DEFAULT_ID "sc-fintech-support"

PulseScorecard *pulse_scorecard_new_default (void);

G_END_DECLS
