/* pulse-rule-editor-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseRuleEditor's insides, shared by pulse-rule-editor.c (the form)
 * and pulse-rule-editor-save.c (saving and deleting).
 */

#pragma once

#include "pulse-rule-editor.h"
#include "pulse-rule-form.h"
#include "pulse-rule-replay-view.h"

G_BEGIN_DECLS

#define PULSE_RULE_EDITOR_N_CHANNELS (PULSE_CHANNEL_KIND_IN_APP + 1)

struct _PulseRuleEditor
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkLabel             *message_label;
  AdwEntryRow          *name_row;
  GtkSwitch            *enabled_switch;
  GtkWidget            *add_phrase_button;
  GtkListBox           *phrases_list;
  AdwExpanderRow       *channels_row;
  AdwComboRow          *queue_row;
  AdwEntryRow          *tags_row;
  AdwComboRow          *language_row;
  AdwExpanderRow       *window_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwComboRow          *reply_row;
  AdwEntryRow          *add_tags_row;
  AdwComboRow          *route_row;
  AdwComboRow          *assign_row;
  AdwComboRow          *priority_row;
  GtkSwitch            *close_switch;
  AdwPreferencesGroup  *rule_group;
  AdwPreferencesGroup  *conditions_group;
  AdwPreferencesGroup  *actions_group;
  AdwPreferencesGroup  *replay_group;
  AdwPreferencesGroup  *history_group;
  AdwPreferencesGroup  *delete_group;
  PulseRuleReplayView  *replay_view;
  GtkCheckButton       *channel_checks[PULSE_RULE_EDITOR_N_CHANNELS];

  PulseSession         *session;
  PulseRule            *rule;
  int                   position;
  JsonNode             *before;
  PulseRuleForm        *form;
  GPtrArray            *queue_ids;
  GPtrArray            *route_ids;
  GPtrArray            *template_ids;
  GPtrArray            *agent_ids;
  GPtrArray            *language_ids;
  char                 *message;
  gboolean              editable;
};

const char *pulse_rule_editor_language_name  (GtkStringObject *code);
const char *pulse_rule_editor_priority_name  (PulsePriority    priority);
void        pulse_rule_editor_save_item      (PulseRuleEditor *self,
                                              JsonNode        *after);
void        pulse_rule_editor_delete_item    (PulseRuleEditor *self);
void        pulse_rule_editor_add_history    (PulseRuleEditor *self);

G_END_DECLS
