/* pulse-agent.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent-private.h"
#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-time-utils.h"

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
