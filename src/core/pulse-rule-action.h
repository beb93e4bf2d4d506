/* pulse-rule-action.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_ACTION (pulse_rule_action_get_type ())

typedef struct _PulseRuleAction PulseRuleAction;

/**
 * PulseRuleAction:
 * @kind: what the rule does
 * @value: (nullable): its argument: the template id for auto-reply, the
 *   tag for tag, the queue id for route, the agent id for assign, a
 *   #PulsePriority nick for priority; %NULL for close
 *
 * One step a #PulseRule takes on a matching contact. Wire form:
 * `{"kind","value"?}`.
 */
struct _PulseRuleAction
{
  PulseRuleActionKind  kind;
  char                *value;
};

GType            pulse_rule_action_get_type       (void) G_GNUC_CONST;
PulseRuleAction *pulse_rule_action_new            (PulseRuleActionKind     kind,
                                                   const char             *value);
PulseRuleAction *pulse_rule_action_copy           (const PulseRuleAction  *self);
void             pulse_rule_action_free           (PulseRuleAction        *self);
PulseRuleAction *pulse_rule_action_new_from_json  (JsonNode               *node,
                                                   GError                **error);
JsonNode        *pulse_rule_action_to_json        (const PulseRuleAction  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRuleAction, pulse_rule_action_free)

G_END_DECLS
