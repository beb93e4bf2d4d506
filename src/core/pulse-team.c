/* pulse-team.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-team.h"
#include "pulse-utils.h"

/**
 * PulseTeam:
 *
 * A group of agents under one team lead, usually one country's desk.
 * Wire form: `{"id","version","name","lead_id"?,"timezone"?}`.
 */
struct _PulseTeam
{
  GObject parent_instance;

  char   *id;
  gint64  version;
  char   *name;
  char   *lead_id;
  char   *timezone;
};

G_DEFINE_FINAL_TYPE (PulseTeam, pulse_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_LEAD_ID,
  PROP_TIMEZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_team_finalize (GObject *object)
{
  PulseTeam *self = (PulseTeam *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->lead_id, g_free);
  g_clear_pointer (&self->timezone, g_free);

  G_OBJECT_CLASS (pulse_team_parent_class)->finalize (object);
}

static void
pulse_team_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PulseTeam *self = PULSE_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEAD_ID:
      g_value_set_string (value, self->lead_id);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_team_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PulseTeam *self = PULSE_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_team_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      pulse_team_set_name (self, g_value_get_string (value));
      break;
    case PROP_LEAD_ID:
      pulse_team_set_lead_id (self, g_value_get_string (value));
      break;
    case PROP_TIMEZONE:
      pulse_team_set_timezone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_team_class_init (PulseTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_team_finalize;
  object_class->get_property = pulse_team_get_property;
  object_class->set_property = pulse_team_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_string ("lead-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_team_init (PulseTeam *self)
{
}

/**
 * pulse_team_new:
 * @id: the team's identifier
 *
 * Returns: (transfer full): a new team with no name yet.
 */
PulseTeam *
pulse_team_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_TEAM, "id", id, NULL);
}

/**
 * pulse_team_new_from_json:
 * @node: the wire form of a team
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the team, or %NULL on error.
 */
PulseTeam *
pulse_team_new_from_json (JsonNode  *node,
                          GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lead_id = NULL;
  g_autofree char *timezone = NULL;
  gint64 version;
  PulseTeam *self;

  if (!pulse_json_reader_init (&reader, node, "a team", error))
    return NULL;

  id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED, 0, G_MAXINT64, 0);
  name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_NAME);
  lead_id = pulse_json_reader_dup_string (&reader, "lead_id", PULSE_JSON_OPTIONAL, PULSE_JSON_MAX_ID);
  timezone = pulse_json_reader_dup_string (&reader, "timezone", PULSE_JSON_OPTIONAL,
                                           PULSE_JSON_MAX_NAME);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  self = pulse_team_new (id);
  self->version = version;
  self->name = g_steal_pointer (&name);
  self->lead_id = g_steal_pointer (&lead_id);
  self->timezone = g_steal_pointer (&timezone);

  return self;
}

/**
 * pulse_team_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_team_to_json (PulseTeam *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_TEAM (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "lead_id", self->lead_id);
  pulse_json_add_string (builder, "timezone", self->timezone);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_team_get_id (PulseTeam *self)
{
  g_return_val_if_fail (PULSE_IS_TEAM (self), NULL);

  return self->id;
}

gint64
pulse_team_get_version (PulseTeam *self)
{
  g_return_val_if_fail (PULSE_IS_TEAM (self), 0);

  return self->version;
}

void
pulse_team_set_version (PulseTeam *self,
                        gint64     version)
{
  g_return_if_fail (PULSE_IS_TEAM (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_team_get_name (PulseTeam *self)
{
  g_return_val_if_fail (PULSE_IS_TEAM (self), NULL);

  return self->name;
}

void
pulse_team_set_name (PulseTeam  *self,
                     const char *name)
{
  g_return_if_fail (PULSE_IS_TEAM (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pulse_team_get_lead_id (PulseTeam *self)
{
  g_return_val_if_fail (PULSE_IS_TEAM (self), NULL);

  return self->lead_id;
}

void
pulse_team_set_lead_id (PulseTeam  *self,
                        const char *lead_id)
{
  g_return_if_fail (PULSE_IS_TEAM (self));

  if (pulse_set_str (&self->lead_id, lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ID]);
}

const char *
pulse_team_get_timezone (PulseTeam *self)
{
  g_return_val_if_fail (PULSE_IS_TEAM (self), NULL);

  return self->timezone;
}

void
pulse_team_set_timezone (PulseTeam  *self,
                         const char *timezone)
{
  g_return_if_fail (PULSE_IS_TEAM (self));

  if (pulse_set_str (&self->timezone, timezone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}
