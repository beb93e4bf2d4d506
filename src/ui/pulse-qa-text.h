/* pulse-qa-text.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-calibration-session.h"
#include "pulse-followup.h"
#include "pulse-session.h"

G_BEGIN_DECLS

GHashTable *pulse_qa_led_teams            (PulseSession         *session);
GHashTable *pulse_qa_agent_names          (PulseSession         *session);
const char *pulse_qa_criterion_name       (PulseSession         *session,
                                           const char           *scorecard_id,
                                           const char           *criterion_id);
const char *pulse_qa_result_text          (PulseCriterionResult  result);
char       *pulse_qa_followup_title       (PulseSession         *session,
                                           PulseFollowup        *followup,
                                           GHashTable           *names);
char       *pulse_qa_followup_subtitle    (PulseFollowup        *followup);

G_END_DECLS
