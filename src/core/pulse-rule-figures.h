/* pulse-rule-figures.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-rule.h"
#include "pulse-ticket.h"

G_BEGIN_DECLS

/* The most contacts a replay lists as examples. */
#define PULSE_RULE_FIGURES_MAX_SAMPLE 50

typedef struct _PulseRuleFigures PulseRuleFigures;

PulseRuleFigures *pulse_rule_figures_new             (GPtrArray         *rules,
                                                      PulseRule         *draft,
                                                      guint              n_sample);
void              pulse_rule_figures_free            (PulseRuleFigures  *self);
gboolean          pulse_rule_figures_add             (PulseRuleFigures  *self,
                                                      PulseTicket       *ticket,
                                                      GError           **error);
guint             pulse_rule_figures_get_n_contacts  (PulseRuleFigures  *self);
JsonNode         *pulse_rule_figures_to_json         (PulseRuleFigures  *self);
JsonNode         *pulse_rule_figures_replay_to_json  (PulseRuleFigures  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRuleFigures, pulse_rule_figures_free)

G_END_DECLS
