/* pulse-audit-entry.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_AUDIT_ENTRY (pulse_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (PulseAuditEntry, pulse_audit_entry, PULSE, AUDIT_ENTRY, GObject)

PulseAuditEntry  *pulse_audit_entry_new_from_json         (JsonNode         *node,
                                                           GError          **error);
JsonNode         *pulse_audit_entry_to_json               (PulseAuditEntry  *self);
const char       *pulse_audit_entry_get_id                (PulseAuditEntry  *self);
gint64            pulse_audit_entry_get_seq               (PulseAuditEntry  *self);
gint64            pulse_audit_entry_get_at                (PulseAuditEntry  *self);
const char       *pulse_audit_entry_get_actor             (PulseAuditEntry  *self);
PulseRole         pulse_audit_entry_get_role              (PulseAuditEntry  *self);
PulseAuditAction  pulse_audit_entry_get_action            (PulseAuditEntry  *self);
const char       *pulse_audit_entry_get_entity_type       (PulseAuditEntry  *self);
const char       *pulse_audit_entry_get_entity_id         (PulseAuditEntry  *self);
gint64            pulse_audit_entry_get_entity_version    (PulseAuditEntry  *self);
const char       *pulse_audit_entry_get_summary           (PulseAuditEntry  *self);
gboolean          pulse_audit_entry_is_valid_entity_type  (const char       *entity_type);

G_END_DECLS
