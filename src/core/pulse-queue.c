/* pulse-queue.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-queue.h"
#include "pulse-utils.h"

#define DEFAULT_SL_TARGET_SECONDS 20
#define DEFAULT_SL_GOAL           0.8

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
struct _PulseQueue
{
  GObject parent_instance;

  char             *id;
  gint64            version;
  char             *name;
  PulseChannelKind  channel;
  char             *country;
  char             *language;
  char             *timezone;
  char             *team_id;
  int               sl_target_seconds;
  double            sl_goal;
  int               patience_seconds;
};

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
check_codes (PulseQueue      *self,
             PulseJsonReader *reader)
{
  if (self->country != NULL && !pulse_queue_country_is_valid (self->country))
    pulse_json_reader_fail (reader, "country",
                            "must be two uppercase ASCII letters (ISO 3166 alpha-2)");
  if (self->language != NULL && !pulse_queue_language_is_valid (self->language))
    pulse_json_reader_fail (reader, "language",
                            "must be a short BCP 47 tag of 2 to 8 characters a-z and “-”");
}

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

/**
 * pulse_queue_new_from_json:
 * @node: the wire form of a queue
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the queue, or %NULL on error.
 */
PulseQueue *
pulse_queue_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PulseQueue) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a queue", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_QUEUE, NULL);
  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->channel = pulse_json_reader_get_enum (&reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                              PULSE_JSON_REQUIRED, PULSE_CHANNEL_KIND_EMAIL);
  self->country = pulse_json_reader_dup_string (&reader, "country", PULSE_JSON_REQUIRED,
                                                PULSE_JSON_MAX_ID);
  self->language = pulse_json_reader_dup_string (&reader, "language", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  check_codes (self, &reader);
  self->timezone = pulse_json_reader_dup_string (&reader, "timezone", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_NAME);
  self->team_id = pulse_json_reader_dup_string (&reader, "team_id", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_ID);
  self->sl_target_seconds = pulse_json_reader_get_int (&reader, "sl_target_seconds",
                                                       PULSE_JSON_REQUIRED,
                                                       1, PULSE_QUEUE_MAX_SECONDS, 1);
  self->sl_goal = pulse_json_reader_get_double (&reader, "sl_goal", PULSE_JSON_REQUIRED,
                                                0.0, 1.0, DEFAULT_SL_GOAL);
  if (self->sl_goal <= 0.0)
    pulse_json_reader_fail (&reader, "sl_goal", "must be greater than 0");
  self->patience_seconds = pulse_json_reader_get_int (&reader, "patience_seconds",
                                                      PULSE_JSON_OPTIONAL,
                                                      0, PULSE_QUEUE_MAX_SECONDS, 0);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_queue_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_queue_to_json (PulseQueue *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, self->channel);
  pulse_json_add_string (builder, "country", self->country);
  pulse_json_add_string (builder, "language", self->language);
  pulse_json_add_string (builder, "timezone", self->timezone);
  pulse_json_add_string (builder, "team_id", self->team_id);
  pulse_json_add_int (builder, "sl_target_seconds", self->sl_target_seconds);
  pulse_json_add_double (builder, "sl_goal", self->sl_goal);
  if (self->patience_seconds > 0)
    pulse_json_add_int (builder, "patience_seconds", self->patience_seconds);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_queue_country_is_valid:
 * @country: (nullable): a country code
 *
 * Returns: %TRUE if @country has the shape of an ISO 3166-1 alpha-2 code:
 *   exactly two ASCII uppercase letters ("UA", "ES").
 */
gboolean
pulse_queue_country_is_valid (const char *country)
{
  return country != NULL &&
         g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]) && country[2] == '\0';
}

/**
 * pulse_queue_language_is_valid:
 * @language: (nullable): a language tag
 *
 * Accepts the short lowercase BCP 47 tags helpdesks use ("uk", "es",
 * "pt-br"): 2 to 8 characters of a-z and "-", starting and ending with a
 * letter.
 *
 * Returns: %TRUE if @language has that shape.
 */
gboolean
pulse_queue_language_is_valid (const char *language)
{
  gsize length;

  if (language == NULL)
    return FALSE;

  length = strlen (language);
  if (length < 2 || length > 8 || language[0] == '-' || language[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_islower (language[i]) && language[i] != '-')
        return FALSE;
    }

  return TRUE;
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
