/* pulse-rule.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-rule-action.h"
#include "pulse-rule-phrase.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_RULE (pulse_rule_get_type ())

/* Minutes in a day; an active window may end at 1440, the midnight that
 * ends the day. */
#define PULSE_MINUTES_PER_DAY 1440

G_DECLARE_FINAL_TYPE (PulseRule, pulse_rule, PULSE, RULE, GObject)

PulseRule             *pulse_rule_new                 (const char       *id);
PulseRule             *pulse_rule_new_from_json       (JsonNode         *node,
                                                       GError          **error);
JsonNode              *pulse_rule_to_json             (PulseRule        *self);
const char            *pulse_rule_get_id              (PulseRule        *self);
gint64                 pulse_rule_get_version         (PulseRule        *self);
void                   pulse_rule_set_version         (PulseRule        *self,
                                                       gint64            version);
const char            *pulse_rule_get_name            (PulseRule        *self);
void                   pulse_rule_set_name            (PulseRule        *self,
                                                       const char       *name);
int                    pulse_rule_get_position        (PulseRule        *self);
void                   pulse_rule_set_position        (PulseRule        *self,
                                                       int               position);
gboolean               pulse_rule_get_enabled         (PulseRule        *self);
void                   pulse_rule_set_enabled         (PulseRule        *self,
                                                       gboolean          enabled);
const char            *pulse_rule_get_language        (PulseRule        *self);
void                   pulse_rule_set_language        (PulseRule        *self,
                                                       const char       *language);
guint                  pulse_rule_get_channels        (PulseRule        *self);
const char * const    *pulse_rule_get_queue_ids       (PulseRule        *self);
const char * const    *pulse_rule_get_tags            (PulseRule        *self);
int                    pulse_rule_get_active_from     (PulseRule        *self);
int                    pulse_rule_get_active_to       (PulseRule        *self);
gboolean               pulse_rule_is_active_at        (PulseRule        *self,
                                                       int               minute_of_day);
guint                  pulse_rule_get_n_phrases       (PulseRule        *self);
const PulseRulePhrase *pulse_rule_get_phrase          (PulseRule        *self,
                                                       guint             index);
guint                  pulse_rule_get_n_actions       (PulseRule        *self);
const PulseRuleAction *pulse_rule_get_action          (PulseRule        *self,
                                                       guint             index);
int                    pulse_rule_compare_order       (PulseRule        *a,
                                                       PulseRule        *b);

G_END_DECLS
