/* pulse-rule-form.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-rule.h"

G_BEGIN_DECLS

/**
 * PulseRuleForm:
 * @id: (nullable): the rule's id; %NULL for a new rule (one is made)
 * @version: the version edited, 0 for a new rule
 * @position: where it runs
 * @name: its name
 * @enabled: whether it runs on new contacts
 * @phrases: (element-type PulseRulePhrase): the phrases, any one of
 *   which must match
 * @channels: a #PulseChannelKind bit set; 0 for every channel
 * @queue_id: (nullable): the one queue it is for, or %NULL for all
 * @tags: (nullable): tags the contact must carry, comma-separated
 * @language: (nullable): a language code, or %NULL for any
 * @windowed: whether @active_from and @active_to apply
 * @active_from: (nullable): "HH:MM", UTC
 * @active_to: (nullable): "HH:MM" (24:00 allowed)
 * @reply_template_id: (nullable): the template to answer with
 * @add_tags: (nullable): tags to put on, comma-separated
 * @route_queue_id: (nullable): the queue to move the contact to
 * @assign_agent_id: (nullable): the agent to give it to
 * @priority: a #PulsePriority to set, or -1
 * @close: whether to close the contact
 *
 * What the rule editor shows, as plain values: the editor fills its
 * widgets from it and back, and pulse_rule_form_to_json() checks it.
 * Actions come out in this order: answer, tags, route, assign, priority,
 * close.
 */
typedef struct
{
  char      *id;
  gint64     version;
  int        position;
  char      *name;
  gboolean   enabled;
  GPtrArray *phrases;
  guint      channels;
  char      *queue_id;
  char      *tags;
  char      *language;
  gboolean   windowed;
  char      *active_from;
  char      *active_to;
  char      *reply_template_id;
  char      *add_tags;
  char      *route_queue_id;
  char      *assign_agent_id;
  int        priority;
  gboolean   close;
} PulseRuleForm;

PulseRuleForm *pulse_rule_form_new            (PulseRule      *rule,
                                               int             position);
void           pulse_rule_form_free           (PulseRuleForm  *form);
JsonNode      *pulse_rule_form_to_json        (PulseRuleForm  *form,
                                               GError        **error);
char          *pulse_rule_form_format_minute  (int             minute);
gboolean       pulse_rule_form_parse_minute   (const char     *text,
                                               gboolean        end,
                                               int            *minute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRuleForm, pulse_rule_form_free)

G_END_DECLS
