/* pulse-mentor-detail.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-agent.h"
#include "pulse-mentorship.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_MENTOR_DETAIL (pulse_mentor_detail_get_type ())

G_DECLARE_FINAL_TYPE (PulseMentorDetail, pulse_mentor_detail, PULSE, MENTOR_DETAIL, AdwBin)

void pulse_mentor_detail_show (PulseMentorDetail *self,
                               PulseAgent        *newcomer,
                               PulseMentorship   *mentorship,
                               GHashTable        *loads,
                               gint64             now_usec);

G_END_DECLS
