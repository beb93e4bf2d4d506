/* pulse-rule-match-result-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How pulse-rule-matcher.c fills a result; nothing else builds one.
 */

#pragma once

#include "pulse-rule-match-result.h"

G_BEGIN_DECLS

PulseRuleMatchResult *_pulse_rule_match_result_new          (GPtrArray            *phrase_warnings);
void                  _pulse_rule_match_result_add_match    (PulseRuleMatchResult *self,
                                                             PulseRule            *rule,
                                                             int                   position,
                                                             GArray               *hits);
void                  _pulse_rule_match_result_add_warning  (PulseRuleMatchResult *self,
                                                             PulseRuleWarning     *warning);
PulseRuleWarning     *_pulse_rule_warning_new               (PulseRuleWarningSource source,
                                                             const char           *text,
                                                             gsize                 start,
                                                             gsize                 end,
                                                             const char           *corrected);
void                  _pulse_rule_warning_free              (PulseRuleWarning     *warning);

G_END_DECLS
