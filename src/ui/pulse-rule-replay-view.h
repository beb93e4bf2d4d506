/* pulse-rule-replay-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_REPLAY_VIEW (pulse_rule_replay_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseRuleReplayView, pulse_rule_replay_view, PULSE, RULE_REPLAY_VIEW,
                      GtkBox)

void        pulse_rule_replay_view_start       (PulseRuleReplayView *self,
                                                PulseSession        *session,
                                                JsonNode            *draft);
void        pulse_rule_replay_view_show_error  (PulseRuleReplayView *self,
                                                const char          *message);
const char *pulse_rule_replay_view_get_status  (PulseRuleReplayView *self);

G_END_DECLS
