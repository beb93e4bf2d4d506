/* pulse-queue.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-queue-private.h"
#include "pulse-utils.h"

/**
 * PulseQueue:
 *
 * Where contacts of one channel, country and language wait for an agent,
 * with the service level the queue is held to ("80% answered in 20 s").
 * Wire form: `{"id","version","name","channel","country","language",
 * "timezone"?,"team_id"?,"sl_target_seconds","sl_goal","patience_seconds"?}`.
 * `patience_seconds` is the customers' mean patience for Erlang A; it is
 * left out while unknown (0).
 */

G_DEFINE_FINAL_TYPE (PulseQueue, pulse_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_CHANNEL,
  PROP_COUNTRY,
  PROP_LANGUAGE,
  PROP_TIMEZONE,
  PROP_TEAM_ID,
  PROP_SL_TARGET_SECONDS,
  PROP_SL_GOAL,
  PROP_PATIENCE_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_queue_finalize (GObject *object)
{
  PulseQueue *self = (PulseQueue *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->team_id, g_free);

  G_OBJECT_CLASS (pulse_queue_parent_class)->finalize (object);
}

static void
pulse_queue_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PulseQueue *self = PULSE_QUEUE (object);

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
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;
    case PROP_SL_TARGET_SECONDS:
      g_value_set_int (value, self->sl_target_seconds);
      break;
    case PROP_SL_GOAL:
      g_value_set_double (value, self->sl_goal);
      break;
    case PROP_PATIENCE_SECONDS:
      g_value_set_int (value, self->patience_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_queue_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PulseQueue *self = PULSE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_queue_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      pulse_queue_set_name (self, g_value_get_string (value));
      break;
    case PROP_TIMEZONE:
      pulse_queue_set_timezone (self, g_value_get_string (value));
      break;
    case PROP_TEAM_ID:
      pulse_queue_set_team_id (self, g_value_get_string (value));
      break;
    case PROP_SL_TARGET_SECONDS:
      pulse_queue_set_sl_target_seconds (self, g_value_get_int (value));
      break;
    case PROP_SL_GOAL:
      pulse_queue_set_sl_goal (self, g_value_get_double (value));
      break;
    case PROP_PATIENCE_SECONDS:
      pulse_queue_set_patience_seconds (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static void
pulse_queue_class_init (PulseQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_queue_finalize;
  object_class->get_property = pulse_queue_get_property;
  object_class->set_property = pulse_queue_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       PULSE_TYPE_CHANNEL_KIND, PULSE_CHANNEL_KIND_EMAIL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEZONE] = string_property ("timezone");
  properties[PROP_TEAM_ID] = string_property ("team-id");
  properties[PROP_SL_TARGET_SECONDS] =
    g_param_spec_int ("sl-target-seconds", NULL, NULL,
                      1, PULSE_QUEUE_MAX_SECONDS, DEFAULT_SL_TARGET_SECONDS, flags);
  properties[PROP_SL_GOAL] =
    g_param_spec_double ("sl-goal", NULL, NULL, 0.0, 1.0, DEFAULT_SL_GOAL, flags);
  properties[PROP_PATIENCE_SECONDS] =
    g_param_spec_int ("patience-seconds", NULL, NULL, 0, PULSE_QUEUE_MAX_SECONDS, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_queue_init (PulseQueue *self)
{
  self->sl_target_seconds = DEFAULT_SL_TARGET_SECONDS;
  self->sl_goal = DEFAULT_SL_GOAL;
}

/**
 * pulse_queue_new:
 * @id: the queue's identifier
 *
 * Returns: (transfer full): a new email queue with no name, country or
 *   language yet and a goal of 80% answered in 20 s.
 */
PulseQueue *
pulse_queue_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_QUEUE, "id", id, NULL);
}

const char *
pulse_queue_get_id (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->id;
}

gint64
pulse_queue_get_version (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), 0);

  return self->version;
}

void
pulse_queue_set_version (PulseQueue *self,
                         gint64      version)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_queue_get_name (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->name;
}

void
pulse_queue_set_name (PulseQueue *self,
                      const char *name)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

PulseChannelKind
pulse_queue_get_channel (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), PULSE_CHANNEL_KIND_EMAIL);

  return self->channel;
}

/**
 * pulse_queue_get_country:
 *
 * Returns: (nullable): the ISO 3166 alpha-2 code of the customers' country.
 */
const char *
pulse_queue_get_country (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->country;
}

const char *
pulse_queue_get_language (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->language;
}

/**
 * pulse_queue_get_timezone:
 *
 * Returns: (nullable): the IANA name of the zone the queue's working day
 *   follows ("Europe/Kyiv"), or %NULL for the team's.
 */
const char *
pulse_queue_get_timezone (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->timezone;
}

void
pulse_queue_set_timezone (PulseQueue *self,
                          const char *timezone)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));

  if (pulse_set_str (&self->timezone, timezone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

const char *
pulse_queue_get_team_id (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  return self->team_id;
}

void
pulse_queue_set_team_id (PulseQueue *self,
                         const char *team_id)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));

  if (pulse_set_str (&self->team_id, team_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
}

int
pulse_queue_get_sl_target_seconds (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), 0);

  return self->sl_target_seconds;
}

/**
 * pulse_queue_set_sl_target_seconds:
 * @seconds: the answer-within target, 1 s to a week
 */
void
pulse_queue_set_sl_target_seconds (PulseQueue *self,
                                   int         seconds)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));
  g_return_if_fail (seconds >= 1 && seconds <= PULSE_QUEUE_MAX_SECONDS);

  if (self->sl_target_seconds == seconds)
    return;

  self->sl_target_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SL_TARGET_SECONDS]);
}

/**
 * pulse_queue_get_sl_goal:
 *
 * Returns: the share of contacts to answer within the target, in (0, 1].
 */
double
pulse_queue_get_sl_goal (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), 0.0);

  return self->sl_goal;
}

void
pulse_queue_set_sl_goal (PulseQueue *self,
                         double      goal)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));
  g_return_if_fail (goal > 0.0 && goal <= 1.0);

  if (self->sl_goal == goal)
    return;

  self->sl_goal = goal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SL_GOAL]);
}

/**
 * pulse_queue_get_patience_seconds:
 *
 * Returns: the customers' mean patience before abandoning, for Erlang A,
 *   or 0 when unknown (Erlang C is used then).
 */
int
pulse_queue_get_patience_seconds (PulseQueue *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUE (self), 0);

  return self->patience_seconds;
}

void
pulse_queue_set_patience_seconds (PulseQueue *self,
                                  int         seconds)
{
  g_return_if_fail (PULSE_IS_QUEUE (self));
  g_return_if_fail (seconds >= 0 && seconds <= PULSE_QUEUE_MAX_SECONDS);

  if (self->patience_seconds == seconds)
    return;

  self->patience_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENCE_SECONDS]);
}
