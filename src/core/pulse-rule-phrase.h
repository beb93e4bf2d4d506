/* pulse-rule-phrase.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_PHRASE (pulse_rule_phrase_get_type ())

typedef struct _PulseRulePhrase PulseRulePhrase;

/**
 * PulseRulePhrase:
 * @text: the words to look for; never empty or blank
 * @mode: how @text must match
 * @field: which part of the contact is searched
 *
 * One keyword phrase of a #PulseRule. Wire form:
 * `{"text","mode","field"}`, all required.
 */
struct _PulseRulePhrase
{
  char            *text;
  PulseMatchMode   mode;
  PulseMatchField  field;
};

GType            pulse_rule_phrase_get_type       (void) G_GNUC_CONST;
PulseRulePhrase *pulse_rule_phrase_new            (const char             *text,
                                                   PulseMatchMode          mode,
                                                   PulseMatchField         field);
PulseRulePhrase *pulse_rule_phrase_copy           (const PulseRulePhrase  *self);
void             pulse_rule_phrase_free           (PulseRulePhrase        *self);
PulseRulePhrase *pulse_rule_phrase_new_from_json  (JsonNode               *node,
                                                   GError                **error);
JsonNode        *pulse_rule_phrase_to_json        (const PulseRulePhrase  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRulePhrase, pulse_rule_phrase_free)

G_END_DECLS
