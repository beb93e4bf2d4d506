/* pulse-rule-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-rule.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_ROW (pulse_rule_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseRuleRow, pulse_rule_row, PULSE, RULE_ROW, AdwActionRow)

GtkWidget  *pulse_rule_row_new          (PulseRule    *rule,
                                         gboolean      editable);
PulseRule  *pulse_rule_row_get_rule     (PulseRuleRow *self);
GtkSwitch  *pulse_rule_row_get_switch   (PulseRuleRow *self);
void        pulse_rule_row_set_figures  (PulseRuleRow *self,
                                         JsonObject   *figures,
                                         PulseRule    *shadow);
const char *pulse_rule_row_get_flags    (PulseRuleRow *self);

G_END_DECLS
