/* pulse-audit-entry.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-audit-entry.h"
#include "pulse-enums.h"
#include "pulse-json.h"

/**
 * PulseAuditEntry:
 *
 * One line of the server's audit log: who changed what, when, with which
 * role. Entries are never edited, so every property is read-only after
 * construction.
 *
 * Wire form: `{"id","seq","at","actor","role","action","entity_type",
 * "entity_id","entity_version","summary"?}`.
 */
struct _PulseAuditEntry
{
  GObject           parent_instance;

  char             *id;
  gint64            seq;
  gint64            at;
  char             *actor;
  PulseRole         role;
  PulseAuditAction  action;
  char             *entity_type;
  char             *entity_id;
  gint64            entity_version;
  char             *summary;
};

G_DEFINE_FINAL_TYPE (PulseAuditEntry, pulse_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTOR,
  PROP_ROLE,
  PROP_ACTION,
  PROP_ENTITY_TYPE,
  PROP_ENTITY_ID,
  PROP_ENTITY_VERSION,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the log records changes to; the server's collections and tokens,
 * and agents whose channels a mentorship sign-off changed. */
static const char * const entity_types[] = {
  "rule", "template", "scorecard", "mentorship", "shift", "review", "token", "ingest", "agent",
  "followup", "calibration", "sampling-policy", "review-draw",
};

static void
read_fields (PulseAuditEntry *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->seq = pulse_json_reader_get_int (reader, "seq", PULSE_JSON_REQUIRED, 1, G_MAXINT64, 1);
  self->at = pulse_json_reader_get_time (reader, "at", PULSE_JSON_REQUIRED);
  self->actor = pulse_json_reader_dup_string (reader, "actor", PULSE_JSON_REQUIRED,
                                              PULSE_JSON_MAX_NAME);
  self->role = pulse_json_reader_get_enum (reader, "role", PULSE_TYPE_ROLE,
                                           PULSE_JSON_REQUIRED, PULSE_ROLE_VIEWER);
  self->action = pulse_json_reader_get_enum (reader, "action", PULSE_TYPE_AUDIT_ACTION,
                                             PULSE_JSON_REQUIRED, PULSE_AUDIT_ACTION_UPDATE);
  self->entity_type = pulse_json_reader_dup_string (reader, "entity_type", PULSE_JSON_REQUIRED,
                                                    PULSE_JSON_MAX_ID);
  if (self->entity_type != NULL && !pulse_audit_entry_is_valid_entity_type (self->entity_type))
    pulse_json_reader_fail (reader, "entity_type", "unknown value “%s”", self->entity_type);
  self->entity_id = pulse_json_reader_dup_string (reader, "entity_id", PULSE_JSON_REQUIRED,
                                                  PULSE_JSON_MAX_ID);
  self->entity_version = pulse_json_reader_get_int (reader, "entity_version", PULSE_JSON_REQUIRED,
                                                    0, G_MAXINT64, 0);
  self->summary = pulse_json_reader_dup_string (reader, "summary", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_SHORT);
}

static void
pulse_audit_entry_finalize (GObject *object)
{
  PulseAuditEntry *self = (PulseAuditEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->entity_type, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pulse_audit_entry_parent_class)->finalize (object);
}

static void
pulse_audit_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseAuditEntry *self = PULSE_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_string (value, self->entity_type);
      break;
    case PROP_ENTITY_ID:
      g_value_set_string (value, self->entity_id);
      break;
    case PROP_ENTITY_VERSION:
      g_value_set_int64 (value, self->entity_version);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Construct-only: the server builds an entry once and never changes it. */
static void
pulse_audit_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseAuditEntry *self = PULSE_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_SEQ:
      self->seq = g_value_get_int64 (value);
      break;
    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;
    case PROP_ACTION:
      self->action = g_value_get_enum (value);
      break;
    case PROP_ENTITY_TYPE:
      self->entity_type = g_value_dup_string (value);
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_dup_string (value);
      break;
    case PROP_ENTITY_VERSION:
      self->entity_version = g_value_get_int64 (value);
      break;
    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_audit_entry_class_init (PulseAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_audit_entry_finalize;
  object_class->get_property = pulse_audit_entry_get_property;
  object_class->set_property = pulse_audit_entry_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, once);
  properties[PROP_SEQ] = g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, once);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, PULSE_TYPE_ROLE, PULSE_ROLE_VIEWER, once);
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL, PULSE_TYPE_AUDIT_ACTION,
                       PULSE_AUDIT_ACTION_CREATE, once);
  properties[PROP_ENTITY_TYPE] = g_param_spec_string ("entity-type", NULL, NULL, NULL, once);
  properties[PROP_ENTITY_ID] = g_param_spec_string ("entity-id", NULL, NULL, NULL, once);
  properties[PROP_ENTITY_VERSION] =
    g_param_spec_int64 ("entity-version", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, once);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_audit_entry_init (PulseAuditEntry *self)
{
}

/**
 * pulse_audit_entry_new_from_json:
 * @node: the wire form of an audit entry
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * The server builds new entries with g_object_new() and the
 * construct-only properties instead.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL on error.
 */
PulseAuditEntry *
pulse_audit_entry_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_AUDIT_ENTRY, "an audit entry",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_audit_entry_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_audit_entry_to_json (PulseAuditEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "seq", self->seq);
  pulse_json_add_time (builder, "at", self->at);
  pulse_json_add_string (builder, "actor", self->actor);
  pulse_json_add_enum (builder, "role", PULSE_TYPE_ROLE, self->role);
  pulse_json_add_enum (builder, "action", PULSE_TYPE_AUDIT_ACTION, self->action);
  pulse_json_add_string (builder, "entity_type", self->entity_type);
  pulse_json_add_string (builder, "entity_id", self->entity_id);
  pulse_json_add_int (builder, "entity_version", self->entity_version);
  pulse_json_add_string (builder, "summary", self->summary);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_audit_entry_get_id (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  return self->id;
}

/**
 * pulse_audit_entry_get_seq:
 *
 * Returns: the entry's place in the log, from 1, without gaps.
 */
gint64
pulse_audit_entry_get_seq (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), 0);

  return self->seq;
}

/**
 * pulse_audit_entry_get_at:
 *
 * Returns: when the change was made, in microseconds since the epoch.
 */
gint64
pulse_audit_entry_get_at (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), 0);

  return self->at;
}

/**
 * pulse_audit_entry_get_actor:
 *
 * Returns: the user name of whoever made the change.
 */
const char *
pulse_audit_entry_get_actor (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  return self->actor;
}

PulseRole
pulse_audit_entry_get_role (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), PULSE_ROLE_VIEWER);

  return self->role;
}

PulseAuditAction
pulse_audit_entry_get_action (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), PULSE_AUDIT_ACTION_UPDATE);

  return self->action;
}

/**
 * pulse_audit_entry_get_entity_type:
 *
 * Returns: what kind of item changed: "rule", "template", "scorecard",
 *   "mentorship", "shift", "review", "token" or "ingest".
 */
const char *
pulse_audit_entry_get_entity_type (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  return self->entity_type;
}

const char *
pulse_audit_entry_get_entity_id (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  return self->entity_id;
}

/**
 * pulse_audit_entry_get_entity_version:
 *
 * Returns: the item's version after the change; for a delete, the last
 *   version it had.
 */
gint64
pulse_audit_entry_get_entity_version (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), 0);

  return self->entity_version;
}

/**
 * pulse_audit_entry_get_summary:
 *
 * Returns: (nullable): a one-line description of the change, if any.
 */
const char *
pulse_audit_entry_get_summary (PulseAuditEntry *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_ENTRY (self), NULL);

  return self->summary;
}

/**
 * pulse_audit_entry_is_valid_entity_type:
 * @entity_type: (nullable): a candidate entity type
 *
 * Returns: %TRUE if @entity_type is one the audit log records.
 */
gboolean
pulse_audit_entry_is_valid_entity_type (const char *entity_type)
{
  if (entity_type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    {
      if (g_str_equal (entity_type, entity_types[i]))
        return TRUE;
    }

  return FALSE;
}
