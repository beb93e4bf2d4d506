/* pulse-rule-phrase-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-rule-phrase.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_PHRASE_ROW (pulse_rule_phrase_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseRulePhraseRow, pulse_rule_phrase_row, PULSE, RULE_PHRASE_ROW,
                      GtkListBoxRow)

GtkWidget       *pulse_rule_phrase_row_new              (const PulseRulePhrase *phrase);
PulseRulePhrase *pulse_rule_phrase_row_dup_phrase       (PulseRulePhraseRow    *self);
void             pulse_rule_phrase_row_set_editable     (PulseRulePhraseRow    *self,
                                                         gboolean               editable);
const char      *pulse_rule_phrase_row_get_warning      (PulseRulePhraseRow    *self);
gboolean         pulse_rule_phrase_row_apply_correction (PulseRulePhraseRow    *self);

G_END_DECLS
