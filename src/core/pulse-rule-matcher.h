/* pulse-rule-matcher.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pulse-rule-match-result.h"
#include "pulse-rule.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_MATCHER (pulse_rule_matcher_get_type ())

/* For #PulseRuleContact.minute_of_day: evaluate every rule as if inside
 * its active window. */
#define PULSE_RULE_CONTACT_ANY_MINUTE (-1)

typedef struct _PulseRuleContact PulseRuleContact;

/**
 * PulseRuleContact:
 * @subject: (nullable): the subject; %NULL is empty
 * @body: (nullable): the text of the message; %NULL is empty
 * @channel: the channel it came in on
 * @queue_id: (nullable): the queue it is in, or %NULL for none
 * @tags: (nullable) (array zero-terminated=1): the ticket's tags
 * @language: (nullable): its language code ("ru", "uk-UA"), or %NULL
 * @minute_of_day: minutes since midnight (0…1439) in the time zone the
 *   rules' windows are written for (UTC on the server), or
 *   %PULSE_RULE_CONTACT_ANY_MINUTE to ignore the windows
 *
 * What a rule is evaluated against. Borrowed by
 * pulse_rule_matcher_evaluate() for the call only.
 */
struct _PulseRuleContact
{
  const char          *subject;
  const char          *body;
  PulseChannelKind     channel;
  const char          *queue_id;
  const char * const  *tags;
  const char          *language;
  int                  minute_of_day;
};

G_DECLARE_FINAL_TYPE (PulseRuleMatcher, pulse_rule_matcher, PULSE, RULE_MATCHER, GObject)

PulseRuleMatcher      *pulse_rule_matcher_new         (GPtrArray               *rules);
guint                  pulse_rule_matcher_get_n_rules (PulseRuleMatcher        *self);
PulseRuleMatchResult  *pulse_rule_matcher_evaluate    (PulseRuleMatcher        *self,
                                                       const PulseRuleContact  *contact,
                                                       GError                 **error);

G_END_DECLS
