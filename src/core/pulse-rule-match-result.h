/* pulse-rule-match-result.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-rule.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_MATCH_RESULT (pulse_rule_match_result_get_type ())

/* At most this many hits are listed per phrase and field; a phrase that
 * occurs more often still matches, its later places are just not listed. */
#define PULSE_RULE_MATCH_MAX_HITS 100

typedef struct _PulseRuleHit PulseRuleHit;

/**
 * PulseRuleHit:
 * @phrase_index: the phrase's index in its rule
 * @phrase_text: the phrase as written, owned by the rule
 * @field: %PULSE_MATCH_FIELD_SUBJECT or %PULSE_MATCH_FIELD_BODY, never ANY
 * @start: byte offset in the original @field text where the hit starts
 * @end: byte offset just after the hit
 *
 * One place a phrase matched. For a phrase or prefix of several words the
 * span runs from the first word's start to the last word's end; for a
 * whole-word phrase of several words each word found is its own hit.
 */
struct _PulseRuleHit
{
  guint            phrase_index;
  const char      *phrase_text;
  PulseMatchField  field;
  gsize            start;
  gsize            end;
};

/**
 * PulseRuleWarningSource:
 * @PULSE_RULE_WARNING_SUBJECT: a word of the contact's subject
 * @PULSE_RULE_WARNING_BODY: a word of the contact's body
 * @PULSE_RULE_WARNING_PHRASE: a word of a rule's phrase
 *
 * Where a mixed-script word was found.
 */
typedef enum
{
  PULSE_RULE_WARNING_SUBJECT,
  PULSE_RULE_WARNING_BODY,
  PULSE_RULE_WARNING_PHRASE,
} PulseRuleWarningSource;

typedef struct _PulseRuleWarning PulseRuleWarning;

/**
 * PulseRuleWarning:
 * @source: where the word is
 * @rule_id: (nullable): for a phrase, the id of its rule
 * @phrase_index: for a phrase, its index in the rule; 0 otherwise
 * @start: byte offset of the word in the subject, body or phrase text
 * @end: byte offset just after it
 * @word: the word as written
 * @corrected: (nullable): the spelling with look-alike letters replaced,
 *   or %NULL when no full correction exists
 *
 * A word mixing Latin and Cyrillic letters (see pulse-text.h).
 */
struct _PulseRuleWarning
{
  PulseRuleWarningSource  source;
  char                   *rule_id;
  guint                   phrase_index;
  gsize                   start;
  gsize                   end;
  char                   *word;
  char                   *corrected;
};

G_DECLARE_FINAL_TYPE (PulseRuleMatchResult, pulse_rule_match_result, PULSE, RULE_MATCH_RESULT,
                      GObject)

guint                   pulse_rule_match_result_get_n_matches   (PulseRuleMatchResult *self);
PulseRule              *pulse_rule_match_result_get_rule        (PulseRuleMatchResult *self,
                                                                 guint                 index);
guint                   pulse_rule_match_result_get_n_hits      (PulseRuleMatchResult *self,
                                                                 guint                 index);
const PulseRuleHit     *pulse_rule_match_result_get_hit         (PulseRuleMatchResult *self,
                                                                 guint                 index,
                                                                 guint                 hit);
PulseRule              *pulse_rule_match_result_get_fires       (PulseRuleMatchResult *self);
PulseRule              *pulse_rule_match_result_get_next        (PulseRuleMatchResult *self);
guint                   pulse_rule_match_result_get_n_warnings  (PulseRuleMatchResult *self);
const PulseRuleWarning *pulse_rule_match_result_get_warning     (PulseRuleMatchResult *self,
                                                                 guint                 index);
JsonNode               *pulse_rule_match_result_to_json         (PulseRuleMatchResult *self);

G_END_DECLS
