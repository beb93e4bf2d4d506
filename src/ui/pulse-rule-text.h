/* pulse-rule-text.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-rule.h"

G_BEGIN_DECLS

/**
 * PulseRuleTestLineKind:
 * @PULSE_RULE_TEST_LINE_FIRES: the rule that fires
 * @PULSE_RULE_TEST_LINE_NEXT: the one that would fire next
 * @PULSE_RULE_TEST_LINE_MATCHES: another whose conditions hold
 * @PULSE_RULE_TEST_LINE_WARNING: a word that mixes Latin and Cyrillic
 */
typedef enum
{
  PULSE_RULE_TEST_LINE_FIRES,
  PULSE_RULE_TEST_LINE_NEXT,
  PULSE_RULE_TEST_LINE_MATCHES,
  PULSE_RULE_TEST_LINE_WARNING,
} PulseRuleTestLineKind;

/**
 * PulseRuleTestLine:
 * @kind: what the line says
 * @title: (owned): the rule or the word
 * @subtitle: (owned): why: the words that matched, or the spelling meant
 *
 * One line of the test bench's answer, in the order shown.
 */
typedef struct
{
  PulseRuleTestLineKind  kind;
  char                  *title;
  char                  *subtitle;
} PulseRuleTestLine;

char      *pulse_rule_text_summary  (PulseRule   *rule);
GPtrArray *pulse_rule_text_explain  (JsonObject  *answer,
                                     const char  *subject,
                                     const char  *text);

G_END_DECLS
