/* pulse-message.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_MESSAGE (pulse_message_get_type ())

G_DECLARE_FINAL_TYPE (PulseMessage, pulse_message, PULSE, MESSAGE, GObject)

PulseMessage     *pulse_message_new                (const char       *id,
                                                    PulseAuthorKind   author_kind,
                                                    gint64            at);
PulseMessage     *pulse_message_new_from_json      (JsonNode         *node,
                                                    GError          **error);
JsonNode         *pulse_message_to_json            (PulseMessage     *self);
const char       *pulse_message_get_id             (PulseMessage     *self);
PulseAuthorKind   pulse_message_get_author_kind    (PulseMessage     *self);
const char       *pulse_message_get_author_id      (PulseMessage     *self);
gint64            pulse_message_get_at             (PulseMessage     *self);
const char       *pulse_message_get_body           (PulseMessage     *self);
const char       *pulse_message_get_rule_id        (PulseMessage     *self);
const char       *pulse_message_get_template_id    (PulseMessage     *self);
gboolean          pulse_message_is_human_reply     (PulseMessage     *self);
gboolean          pulse_message_is_automated_reply (PulseMessage     *self);

G_END_DECLS
