/* pulse-rule.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-rule-private.h"
#include "pulse-utils.h"

/**
 * PulseRule:
 *
 * An automation rule: when a contact on one of @channels, in one of
 * @queue_ids, carrying all @tags, in @language and inside the active
 * window matches one of the phrases, the actions run in order. Rules run
 * by ascending position.
 *
 * Wire form: `{"id","version","name","position","enabled","phrases",
 * "channels","queue_ids","tags","language"?,"active_from"?,"active_to"?,
 * "actions"}`. Every array but actions may be absent, meaning empty, and
 * empty channels or queue_ids mean all; actions must hold at least one
 * action. Active minutes (from 0…1439, to 0…1440) come both or neither and
 * differ; a window whose start is after its end wraps midnight.
 */

G_DEFINE_FINAL_TYPE (PulseRule, pulse_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_POSITION,
  PROP_ENABLED,
  PROP_LANGUAGE,
  PROP_CHANNELS,
  PROP_QUEUE_IDS,
  PROP_TAGS,
  PROP_ACTIVE_FROM,
  PROP_ACTIVE_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_rule_finalize (GObject *object)
{
  PulseRule *self = (PulseRule *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  g_clear_pointer (&self->queue_ids, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->actions, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_rule_parent_class)->finalize (object);
}

static void
pulse_rule_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PulseRule *self = PULSE_RULE (object);

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
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CHANNELS:
      g_value_set_uint (value, self->channels);
      break;
    case PROP_QUEUE_IDS:
      g_value_set_boxed (value, self->queue_ids);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_ACTIVE_FROM:
      g_value_set_int (value, self->active_from);
      break;
    case PROP_ACTIVE_TO:
      g_value_set_int (value, self->active_to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rule_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PulseRule *self = PULSE_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_rule_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      pulse_rule_set_name (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      pulse_rule_set_position (self, g_value_get_int (value));
      break;
    case PROP_ENABLED:
      pulse_rule_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_LANGUAGE:
      pulse_rule_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rule_class_init (PulseRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_rule_finalize;
  object_class->get_property = pulse_rule_get_property;
  object_class->set_property = pulse_rule_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, FALSE, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_CHANNELS] = g_param_spec_uint ("channels", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_QUEUE_IDS] = g_param_spec_boxed ("queue-ids", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_ACTIVE_FROM] =
    g_param_spec_int ("active-from", NULL, NULL, -1, PULSE_MINUTES_PER_DAY - 1, -1, ro);
  properties[PROP_ACTIVE_TO] =
    g_param_spec_int ("active-to", NULL, NULL, -1, PULSE_MINUTES_PER_DAY, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_rule_init (PulseRule *self)
{
  self->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_rule_phrase_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_rule_action_free);
  self->queue_ids = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->active_from = -1;
  self->active_to = -1;
}

/**
 * pulse_rule_new:
 * @id: the rule's identifier
 *
 * Returns: (transfer full): a new, disabled rule with no phrases or
 *   actions yet.
 */
PulseRule *
pulse_rule_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_RULE, "id", id, NULL);
}

const char *
pulse_rule_get_id (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  return self->id;
}

gint64
pulse_rule_get_version (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), 0);

  return self->version;
}

void
pulse_rule_set_version (PulseRule *self,
                        gint64     version)
{
  g_return_if_fail (PULSE_IS_RULE (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_rule_get_name (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  return self->name;
}

void
pulse_rule_set_name (PulseRule  *self,
                     const char *name)
{
  g_return_if_fail (PULSE_IS_RULE (self));

  if (pulse_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * pulse_rule_get_position:
 *
 * Returns: the rule's place in the execution order; lower runs first.
 */
int
pulse_rule_get_position (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), 0);

  return self->position;
}

void
pulse_rule_set_position (PulseRule *self,
                         int        position)
{
  g_return_if_fail (PULSE_IS_RULE (self));
  g_return_if_fail (position >= 0);

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gboolean
pulse_rule_get_enabled (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), FALSE);

  return self->enabled;
}

void
pulse_rule_set_enabled (PulseRule *self,
                        gboolean   enabled)
{
  g_return_if_fail (PULSE_IS_RULE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * pulse_rule_get_language:
 *
 * Returns: (nullable): the language a contact must be in, or %NULL for any.
 */
const char *
pulse_rule_get_language (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  return self->language;
}

void
pulse_rule_set_language (PulseRule  *self,
                         const char *language)
{
  g_return_if_fail (PULSE_IS_RULE (self));

  if (pulse_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * pulse_rule_get_channels:
 *
 * Returns: the channels the rule applies to, a bitmask of
 *   PULSE_CHANNEL_SET_BIT(); 0 means every channel.
 */
guint
pulse_rule_get_channels (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), 0);

  return self->channels;
}

/**
 * pulse_rule_get_queue_ids:
 *
 * Returns: (transfer none): the queues the rule applies to; empty for all.
 */
const char * const *
pulse_rule_get_queue_ids (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  return (const char * const *) self->queue_ids;
}

/**
 * pulse_rule_get_tags:
 *
 * Returns: (transfer none): the tags a ticket must all carry; may be empty.
 */
const char * const *
pulse_rule_get_tags (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * pulse_rule_get_active_from:
 *
 * Returns: the minute of the day (0…1439) the active window opens, or -1
 *   when the rule is active all day.
 */
int
pulse_rule_get_active_from (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), -1);

  return self->active_from;
}

/**
 * pulse_rule_get_active_to:
 *
 * Returns: the minute of the day (0…1440) the active window closes, or -1
 *   when the rule is active all day.
 */
int
pulse_rule_get_active_to (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), -1);

  return self->active_to;
}

/**
 * pulse_rule_is_active_at:
 * @self: a rule
 * @minute_of_day: minutes since midnight, 0…1439, in the time zone the
 *   rule is written for
 *
 * The window includes its first minute and excludes its last; when it
 * opens later than it closes (22:00–06:00) it wraps midnight.
 *
 * Returns: %TRUE if the rule has no window or @minute_of_day is inside it.
 */
gboolean
pulse_rule_is_active_at (PulseRule *self,
                         int        minute_of_day)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), FALSE);
  g_return_val_if_fail (minute_of_day >= 0 && minute_of_day < PULSE_MINUTES_PER_DAY, FALSE);

  if (self->active_from < 0)
    return TRUE;

  if (self->active_from < self->active_to)
    return minute_of_day >= self->active_from && minute_of_day < self->active_to;

  return minute_of_day >= self->active_from || minute_of_day < self->active_to;
}

guint
pulse_rule_get_n_phrases (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), 0);

  return self->phrases->len;
}

/**
 * pulse_rule_get_phrase:
 * @self: a rule
 * @index: a position below pulse_rule_get_n_phrases()
 *
 * Returns: (transfer none): the phrase, owned by @self.
 */
const PulseRulePhrase *
pulse_rule_get_phrase (PulseRule *self,
                       guint      index)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->phrases->len, NULL);

  return g_ptr_array_index (self->phrases, index);
}

guint
pulse_rule_get_n_actions (PulseRule *self)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), 0);

  return self->actions->len;
}

/**
 * pulse_rule_get_action:
 * @self: a rule
 * @index: a position below pulse_rule_get_n_actions(); actions run in
 *   this order
 *
 * Returns: (transfer none): the action, owned by @self.
 */
const PulseRuleAction *
pulse_rule_get_action (PulseRule *self,
                       guint      index)
{
  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->actions->len, NULL);

  return g_ptr_array_index (self->actions, index);
}

/**
 * pulse_rule_compare_order:
 * @a: a rule
 * @b: another
 *
 * Execution order, as the Rules page lists them: by position, then id.
 *
 * Returns: negative if @a runs first, positive if @b does, 0 if the same
 */
int
pulse_rule_compare_order (PulseRule *a,
                          PulseRule *b)
{
  g_return_val_if_fail (PULSE_IS_RULE (a) && PULSE_IS_RULE (b), 0);

  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;

  return g_strcmp0 (a->id, b->id);
}
