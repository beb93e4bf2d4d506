/* pulse-rule-pattern.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule phrase compiled for matching: its words tokenised and folded
 * once, the exactly compared ones numbered in the matcher's vocabulary.
 * Used by PulseRuleMatcher, which documents the match modes.
 */

#pragma once

#include "pulse-rule-match-result.h"
#include "pulse-rule-phrase.h"
#include "pulse-text-index.h"

G_BEGIN_DECLS

typedef struct _PulseRulePattern PulseRulePattern;

PulseRulePattern *pulse_rule_pattern_new        (const PulseRulePhrase   *phrase,
                                                 guint                    index,
                                                 GHashTable              *vocabulary);
void              pulse_rule_pattern_free       (PulseRulePattern        *self);
const GArray     *pulse_rule_pattern_get_words  (const PulseRulePattern  *self);
gboolean          pulse_rule_pattern_match      (const PulseRulePattern  *self,
                                                 PulseTextIndex          *index,
                                                 PulseMatchField          field,
                                                 GArray                  *hits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRulePattern, pulse_rule_pattern_free)

G_END_DECLS
