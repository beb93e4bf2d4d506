/* pulse-rule-book.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-item-store.h"
#include "pulse-rule-matcher.h"
#include "pulse-rule.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_BOOK (pulse_rule_book_get_type ())

G_DECLARE_FINAL_TYPE (PulseRuleBook, pulse_rule_book, PULSE, RULE_BOOK, GObject)

PulseRuleBook    *pulse_rule_book_new             (PulseItemStore  *items);
void              pulse_rule_book_invalidate      (PulseRuleBook   *self);
PulseRuleMatcher *pulse_rule_book_get_matcher     (PulseRuleBook   *self,
                                                   GError         **error);
PulseRuleMatcher *pulse_rule_book_new_with_draft  (PulseRuleBook   *self,
                                                   PulseRule       *draft,
                                                   GError         **error);
GPtrArray        *pulse_rule_book_load_rules      (PulseRuleBook   *self,
                                                   GError         **error);

G_END_DECLS
