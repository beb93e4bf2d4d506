/* pulse-agent.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-time-utils.h"

#define MAX_LANGUAGES 32

/**
 * PulseAgent:
 *
 * A person answering customers, with the live status the helpdesk
 * reports and the channels they are open for.
 * Wire form: `{"id","version","name","email"?,"team_id"?,"position",
 * "status","status_since","channels":[kind nick…],"languages":[tag…],
 * "timezone"?,"hired_at"?,"mentor_id"?}`. Channels are a channel set
 * (pulse-channel-set.h), written in #PulseChannelKind order; unlike a
 * rule's set, an agent's empty set means open for no channel (a newcomer
 * before probation opens any). Absent arrays read as empty.
 */
struct _PulseAgent
{
  GObject parent_instance;

  char                *id;
  gint64               version;
  char                *name;
  char                *email;
  char                *team_id;
  PulseAgentPosition   position;
  PulseAgentStatus     status;
  gint64               status_since;
  guint                channels;
  GStrv                languages;
  char                *timezone;
  gint64               hired_at;
  char                *mentor_id;
};

G_DEFINE_FINAL_TYPE (PulseAgent, pulse_agent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_EMAIL,
  PROP_TEAM_ID,
  PROP_POSITION,
  PROP_STATUS,
  PROP_STATUS_SINCE,
  PROP_CHANNELS,
  PROP_LANGUAGES,
  PROP_TIMEZONE,
  PROP_HIRED_AT,
  PROP_MENTOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Not RFC 5322, only enough to catch a name or a phone number pasted into
 * the wrong field: one "@" with something on either side and no spaces. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strpbrk (email, " \t\r\n") == NULL;
}

static void
check_agent (PulseAgent      *self,
             PulseJsonReader *reader)
{
  if (pulse_json_reader_failed (reader))
    return;

  if (self->email != NULL && !looks_like_email (self->email))
    pulse_json_reader_fail (reader, "email", "is not an e-mail address");

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      if (!pulse_queue_language_is_valid (self->languages[i]))
        {
          g_autofree char *path = g_strdup_printf ("languages[%u]", i);

          pulse_json_reader_fail (reader, path, "must be a short BCP 47 tag such as “uk”");
          return;
        }
    }
}

static void
pulse_agent_finalize (GObject *object)
{
  PulseAgent *self = (PulseAgent *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->mentor_id, g_free);

  G_OBJECT_CLASS (pulse_agent_parent_class)->finalize (object);
}

static void
pulse_agent_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PulseAgent *self = PULSE_AGENT (object);

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
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;
    case PROP_POSITION:
      g_value_set_enum (value, self->position);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_SINCE:
      g_value_set_int64 (value, self->status_since);
      break;
    case PROP_CHANNELS:
      g_value_set_uint (value, self->channels);
      break;
    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    case PROP_HIRED_AT:
      g_value_set_int64 (value, self->hired_at);
      break;
    case PROP_MENTOR_ID:
      g_value_set_string (value, self->mentor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_agent_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PulseAgent *self = PULSE_AGENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_agent_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      pulse_agent_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STATUS_SINCE:
      pulse_agent_set_status_since (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_agent_class_init (PulseAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_agent_finalize;
  object_class->get_property = pulse_agent_get_property;
  object_class->set_property = pulse_agent_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, writable);
  properties[PROP_NAME] = readable_string ("name");
  properties[PROP_EMAIL] = readable_string ("email");
  properties[PROP_TEAM_ID] = readable_string ("team-id");
  properties[PROP_POSITION] =
    g_param_spec_enum ("position", NULL, NULL,
                       PULSE_TYPE_AGENT_POSITION, PULSE_AGENT_POSITION_AGENT, readable);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PULSE_TYPE_AGENT_STATUS, PULSE_AGENT_STATUS_OFFLINE, writable);
  properties[PROP_STATUS_SINCE] =
    g_param_spec_int64 ("status-since", NULL, NULL, 0, G_MAXINT64, 0, writable);
  properties[PROP_CHANNELS] =
    g_param_spec_uint ("channels", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, readable);
  properties[PROP_TIMEZONE] = readable_string ("timezone");
  properties[PROP_HIRED_AT] =
    g_param_spec_int64 ("hired-at", NULL, NULL, 0, G_MAXINT64, 0, readable);
  properties[PROP_MENTOR_ID] = readable_string ("mentor-id");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_agent_init (PulseAgent *self)
{
  self->languages = g_new0 (char *, 1);
}

/**
 * pulse_agent_new:
 * @id: the agent's identifier
 *
 * Returns: (transfer full): a new offline agent with no name, channels or
 *   languages yet.
 */
PulseAgent *
pulse_agent_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_AGENT, "id", id, NULL);
}

static void
read_people (PulseAgent      *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->email = pulse_json_reader_dup_string (reader, "email", PULSE_JSON_OPTIONAL,
                                              PULSE_JSON_MAX_NAME);
  self->team_id = pulse_json_reader_dup_string (reader, "team_id", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_ID);
  self->position = pulse_json_reader_get_enum (reader, "position", PULSE_TYPE_AGENT_POSITION,
                                               PULSE_JSON_REQUIRED, PULSE_AGENT_POSITION_AGENT);
  self->timezone = pulse_json_reader_dup_string (reader, "timezone", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_NAME);
  self->hired_at = pulse_json_reader_get_time (reader, "hired_at", PULSE_JSON_OPTIONAL);
  self->mentor_id = pulse_json_reader_dup_string (reader, "mentor_id", PULSE_JSON_OPTIONAL,
                                                  PULSE_JSON_MAX_ID);
}

static void
read_work (PulseAgent      *self,
           PulseJsonReader *reader)
{
  GStrv languages;

  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_AGENT_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_AGENT_STATUS_OFFLINE);
  self->status_since = pulse_json_reader_get_time (reader, "status_since", PULSE_JSON_REQUIRED);
  pulse_channel_set_read (reader, "channels", &self->channels);

  languages = pulse_json_reader_dup_strv (reader, "languages", PULSE_JSON_OPTIONAL,
                                          MAX_LANGUAGES, PULSE_JSON_MAX_ID);
  if (languages != NULL)
    {
      g_strfreev (self->languages);
      self->languages = languages;
    }
}

/**
 * pulse_agent_new_from_json:
 * @node: the wire form of an agent
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("channels[2]: unknown value “fax”")
 *
 * Returns: (transfer full) (nullable): the agent, or %NULL on error.
 */
PulseAgent *
pulse_agent_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PulseAgent) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "an agent", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_AGENT, NULL);
  read_people (self, &reader);
  read_work (self, &reader);
  check_agent (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_agent_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_agent_to_json (PulseAgent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "email", self->email);
  pulse_json_add_string (builder, "team_id", self->team_id);
  pulse_json_add_enum (builder, "position", PULSE_TYPE_AGENT_POSITION, self->position);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_AGENT_STATUS, self->status);
  pulse_json_add_time (builder, "status_since", self->status_since);
  pulse_channel_set_write (builder, "channels", self->channels);
  pulse_json_add_strv (builder, "languages", (const char * const *) self->languages);
  pulse_json_add_string (builder, "timezone", self->timezone);
  pulse_json_add_time (builder, "hired_at", self->hired_at);
  pulse_json_add_string (builder, "mentor_id", self->mentor_id);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_agent_get_id (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->id;
}

gint64
pulse_agent_get_version (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), 0);

  return self->version;
}

void
pulse_agent_set_version (PulseAgent *self,
                         gint64      version)
{
  g_return_if_fail (PULSE_IS_AGENT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_agent_get_name (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->name;
}

const char *
pulse_agent_get_email (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->email;
}

const char *
pulse_agent_get_team_id (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->team_id;
}

PulseAgentPosition
pulse_agent_get_position (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), PULSE_AGENT_POSITION_AGENT);

  return self->position;
}

PulseAgentStatus
pulse_agent_get_status (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), PULSE_AGENT_STATUS_OFFLINE);

  return self->status;
}

/**
 * pulse_agent_set_status:
 * @status: the new status
 *
 * Changes the status alone; the caller sets #PulseAgent:status-since from
 * the event that reported the change.
 */
void
pulse_agent_set_status (PulseAgent       *self,
                        PulseAgentStatus  status)
{
  g_return_if_fail (PULSE_IS_AGENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * pulse_agent_get_status_since:
 *
 * Returns: when the current status began, in microseconds since the epoch.
 */
gint64
pulse_agent_get_status_since (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), 0);

  return self->status_since;
}

void
pulse_agent_set_status_since (PulseAgent *self,
                              gint64      status_since)
{
  g_return_if_fail (PULSE_IS_AGENT (self));

  if (self->status_since == status_since)
    return;

  self->status_since = status_since;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_SINCE]);
}

/**
 * pulse_agent_get_channels:
 *
 * Returns: the channels @self is open for, as a mask of
 *   PULSE_CHANNEL_SET_BIT() values; 0 means none.
 */
guint
pulse_agent_get_channels (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), 0);

  return self->channels;
}

/**
 * pulse_agent_has_channel:
 * @kind: a channel kind
 *
 * Unlike pulse_channel_set_contains(), an empty set holds nothing here.
 *
 * Returns: %TRUE if @self is open for contacts on @kind.
 */
gboolean
pulse_agent_has_channel (PulseAgent       *self,
                         PulseChannelKind  kind)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), FALSE);

  return (self->channels & PULSE_CHANNEL_SET_BIT (kind)) != 0;
}

/**
 * pulse_agent_get_languages:
 *
 * Returns: (transfer none): the languages @self answers in, never %NULL.
 */
const char * const *
pulse_agent_get_languages (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return (const char * const *) self->languages;
}

const char *
pulse_agent_get_timezone (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->timezone;
}

/**
 * pulse_agent_get_hired_at:
 *
 * Returns: the hiring time in microseconds since the epoch, or 0 if unknown.
 */
gint64
pulse_agent_get_hired_at (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), 0);

  return self->hired_at;
}

const char *
pulse_agent_get_mentor_id (PulseAgent *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  return self->mentor_id;
}

/**
 * pulse_agent_is_newcomer:
 * @now_usec: the current time, in microseconds since the epoch
 *
 * An agent is a newcomer for %PULSE_AGENT_NEWCOMER_DAYS after being hired:
 * QA samples more of their replies. The period is half-open, so exactly 92
 * days after hiring the agent is no longer a newcomer. A hiring date still
 * ahead of @now_usec (a planned start, or clock skew) also counts.
 *
 * Returns: %TRUE if @self was hired less than 92 days before @now_usec;
 *   %FALSE when the hiring date is unknown.
 */
gboolean
pulse_agent_is_newcomer (PulseAgent *self,
                         gint64      now_usec)
{
  g_return_val_if_fail (PULSE_IS_AGENT (self), FALSE);

  if (self->hired_at == 0)
    return FALSE;

  return now_usec - self->hired_at < PULSE_AGENT_NEWCOMER_DAYS * PULSE_USEC_PER_DAY;
}
