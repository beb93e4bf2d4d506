/* pulse-channel.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel.h"
#include "pulse-enums.h"
#include "pulse-json.h"

/* A week: the longest target any helpdesk sets, even for email. */
#define MAX_SL_TARGET_SECONDS (7 * 24 * 60 * 60)

/**
 * PulseChannel:
 *
 * One way customers reach support (a Telegram bot, the phone line), with
 * the default service-level target its queues start from.
 * Wire form: `{"id","version","kind","name","realtime","sl_target_seconds",
 * "enabled"}`; `enabled` defaults to true when absent.
 */
struct _PulseChannel
{
  GObject parent_instance;

  char             *id;
  gint64            version;
  PulseChannelKind  kind;
  char             *name;
  int               sl_target_seconds;
  guint             realtime : 1;
  guint             enabled : 1;
};

G_DEFINE_FINAL_TYPE (PulseChannel, pulse_channel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_KIND,
  PROP_NAME,
  PROP_REALTIME,
  PROP_SL_TARGET_SECONDS,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_channel_finalize (GObject *object)
{
  PulseChannel *self = (PulseChannel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pulse_channel_parent_class)->finalize (object);
}

static void
pulse_channel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PulseChannel *self = PULSE_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REALTIME:
      g_value_set_boolean (value, self->realtime);
      break;
    case PROP_SL_TARGET_SECONDS:
      g_value_set_int (value, self->sl_target_seconds);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_channel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PulseChannel *self = PULSE_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_channel_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_channel_class_init (PulseChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_channel_finalize;
  object_class->get_property = pulse_channel_get_property;
  object_class->set_property = pulse_channel_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PULSE_TYPE_CHANNEL_KIND, PULSE_CHANNEL_KIND_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REALTIME] =
    g_param_spec_boolean ("realtime", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SL_TARGET_SECONDS] =
    g_param_spec_int ("sl-target-seconds", NULL, NULL, 1, MAX_SL_TARGET_SECONDS, 60,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_channel_init (PulseChannel *self)
{
  self->sl_target_seconds = 60;
  self->enabled = TRUE;
}

/**
 * pulse_channel_new:
 * @id: the channel's identifier
 * @kind: how customers use it
 *
 * Returns: (transfer full): a new enabled channel with no name and a
 *   one-minute service-level target.
 */
PulseChannel *
pulse_channel_new (const char       *id,
                   PulseChannelKind  kind)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_CHANNEL, "id", id, "kind", kind, NULL);
}

/**
 * pulse_channel_new_from_json:
 * @node: the wire form of a channel
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the channel, or %NULL on error.
 */
PulseChannel *
pulse_channel_new_from_json (JsonNode  *node,
                             GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  gint64 version;
  gint64 sl_target_seconds;
  PulseChannelKind kind;
  gboolean realtime;
  gboolean enabled;
  PulseChannel *self;

  if (!pulse_json_reader_init (&reader, node, "a channel", error))
    return NULL;

  id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED, 0, G_MAXINT64, 0);
  kind = pulse_json_reader_get_enum (&reader, "kind", PULSE_TYPE_CHANNEL_KIND,
                                     PULSE_JSON_REQUIRED, PULSE_CHANNEL_KIND_EMAIL);
  name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_NAME);
  realtime = pulse_json_reader_get_boolean (&reader, "realtime", PULSE_JSON_REQUIRED, FALSE);
  sl_target_seconds = pulse_json_reader_get_int (&reader, "sl_target_seconds", PULSE_JSON_REQUIRED,
                                                 1, MAX_SL_TARGET_SECONDS, 60);
  enabled = pulse_json_reader_get_boolean (&reader, "enabled", PULSE_JSON_OPTIONAL, TRUE);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  self = pulse_channel_new (id, kind);
  self->version = version;
  self->name = g_steal_pointer (&name);
  self->realtime = !!realtime;
  self->sl_target_seconds = (int) sl_target_seconds;
  self->enabled = !!enabled;

  return self;
}

/**
 * pulse_channel_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_channel_to_json (PulseChannel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_CHANNEL (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_enum (builder, "kind", PULSE_TYPE_CHANNEL_KIND, self->kind);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_boolean (builder, "realtime", self->realtime);
  pulse_json_add_int (builder, "sl_target_seconds", self->sl_target_seconds);
  pulse_json_add_boolean (builder, "enabled", self->enabled);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_channel_get_id (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), NULL);

  return self->id;
}

gint64
pulse_channel_get_version (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), 0);

  return self->version;
}

void
pulse_channel_set_version (PulseChannel *self,
                           gint64        version)
{
  g_return_if_fail (PULSE_IS_CHANNEL (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

PulseChannelKind
pulse_channel_get_kind (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), PULSE_CHANNEL_KIND_EMAIL);

  return self->kind;
}

const char *
pulse_channel_get_name (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), NULL);

  return self->name;
}

/**
 * pulse_channel_get_realtime:
 *
 * Returns: %TRUE if contacts on @self are answered live (chat, phone,
 *   messengers), so waits are counted in seconds; %FALSE for email.
 */
gboolean
pulse_channel_get_realtime (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), FALSE);

  return self->realtime;
}

/**
 * pulse_channel_get_sl_target_seconds:
 *
 * Returns: the default service-level target of queues on @self, in
 *   seconds; always positive.
 */
int
pulse_channel_get_sl_target_seconds (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), 0);

  return self->sl_target_seconds;
}

gboolean
pulse_channel_get_enabled (PulseChannel *self)
{
  g_return_val_if_fail (PULSE_IS_CHANNEL (self), FALSE);

  return self->enabled;
}
