/* pulse-rule-action.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-action.h"

G_DEFINE_BOXED_TYPE (PulseRuleAction, pulse_rule_action,
                     pulse_rule_action_copy, pulse_rule_action_free)

/* A tag is a label a lead types; everything else names an item by id. */
static gsize
value_max_length (PulseRuleActionKind kind)
{
  return kind == PULSE_RULE_ACTION_KIND_TAG ? PULSE_JSON_MAX_NAME : PULSE_JSON_MAX_ID;
}

static void
check_value (PulseJsonReader     *reader,
             PulseRuleActionKind  kind,
             const char          *value)
{
  const char *kind_nick = pulse_enum_to_nick (PULSE_TYPE_RULE_ACTION_KIND, kind);
  int priority;

  if (kind == PULSE_RULE_ACTION_KIND_CLOSE)
    {
      if (value != NULL)
        pulse_json_reader_fail (reader, "value", "must be absent for close");
      return;
    }

  if (value == NULL)
    pulse_json_reader_fail (reader, "value", "is required for %s", kind_nick);
  else if (value[0] == '\0')
    pulse_json_reader_fail (reader, "value", "must not be empty for %s", kind_nick);
  else if (kind == PULSE_RULE_ACTION_KIND_PRIORITY &&
           !pulse_enum_from_nick (PULSE_TYPE_PRIORITY, value, &priority))
    pulse_json_reader_fail (reader, "value", "unknown priority “%s”", value);
}

/**
 * pulse_rule_action_new:
 * @kind: what the rule does
 * @value: (nullable): its argument, see #PulseRuleAction
 *
 * Returns: (transfer full): a new action.
 */
PulseRuleAction *
pulse_rule_action_new (PulseRuleActionKind  kind,
                       const char          *value)
{
  PulseRuleAction *self = g_new0 (PulseRuleAction, 1);

  self->kind = kind;
  self->value = g_strdup (value);

  return self;
}

/**
 * pulse_rule_action_copy:
 * @self: an action
 *
 * Returns: (transfer full): a deep copy of @self.
 */
PulseRuleAction *
pulse_rule_action_copy (const PulseRuleAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return pulse_rule_action_new (self->kind, self->value);
}

/**
 * pulse_rule_action_free:
 * @self: (nullable): an action
 *
 * Frees @self and its value.
 */
void
pulse_rule_action_free (PulseRuleAction *self)
{
  if (self == NULL)
    return;

  g_free (self->value);
  g_free (self);
}

/**
 * pulse_rule_action_new_from_json:
 * @node: the wire form of an action
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * The value is required for every kind but close, where it must be
 * absent; a priority value must be a #PulsePriority nick.
 *
 * Returns: (transfer full) (nullable): the action, or %NULL on error.
 */
PulseRuleAction *
pulse_rule_action_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *value = NULL;
  int kind;

  if (!pulse_json_reader_init (&reader, node, "an action", error))
    return NULL;

  kind = pulse_json_reader_get_enum (&reader, "kind", PULSE_TYPE_RULE_ACTION_KIND,
                                     PULSE_JSON_REQUIRED, PULSE_RULE_ACTION_KIND_CLOSE);
  value = pulse_json_reader_dup_string (&reader, "value", PULSE_JSON_OPTIONAL,
                                        value_max_length (kind));
  check_value (&reader, kind, value);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return pulse_rule_action_new (kind, value);
}

/**
 * pulse_rule_action_to_json:
 * @self: an action
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_rule_action_to_json (const PulseRuleAction *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_enum (builder, "kind", PULSE_TYPE_RULE_ACTION_KIND, self->kind);
  pulse_json_add_string (builder, "value", self->value);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
