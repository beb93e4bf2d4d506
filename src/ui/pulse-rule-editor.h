/* pulse-rule-editor.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-rule.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE_EDITOR (pulse_rule_editor_get_type ())

G_DECLARE_FINAL_TYPE (PulseRuleEditor, pulse_rule_editor, PULSE, RULE_EDITOR, AdwWindow)

GtkWidget  *pulse_rule_editor_new          (PulseSession    *session,
                                            PulseRule       *rule,
                                            int              position);
gboolean    pulse_rule_editor_save         (PulseRuleEditor *self);
const char *pulse_rule_editor_get_message  (PulseRuleEditor *self);
gboolean    pulse_rule_editor_is_editable  (PulseRuleEditor *self);

G_END_DECLS
