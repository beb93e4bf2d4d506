/* pulse-message.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json-sink.h"
#include "pulse-json.h"
#include "pulse-message-private.h"

/**
 * PulseMessage:
 *
 * One message in a ticket's conversation, from the customer, an agent, a
 * bot, an automation rule or the helpdesk itself. Messages are immutable.
 * Wire form: `{"id","author_kind","author_id"?,"at","body","rule_id"?,
 * "template_id"?}`; `author_id` is required when the author is an agent
 * and `rule_id` when it is a rule. `template_id` names the reply template
 * the message was written from, by a rule or an agent, when it was.
 */
struct _PulseMessage
{
  GObject parent_instance;

  char            *id;
  PulseAuthorKind  author_kind;
  char            *author_id;
  gint64           at;
  char            *body;
  char            *rule_id;
  char            *template_id;
};

G_DEFINE_FINAL_TYPE (PulseMessage, pulse_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR_KIND,
  PROP_AUTHOR_ID,
  PROP_AT,
  PROP_BODY,
  PROP_RULE_ID,
  PROP_TEMPLATE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
check_author (PulseMessage    *self,
              PulseJsonReader *reader)
{
  if (pulse_json_reader_failed (reader))
    return;

  /* An empty id names no one, so it counts as missing here. */
  if (self->author_kind == PULSE_AUTHOR_KIND_AGENT && is_blank (self->author_id))
    pulse_json_reader_fail (reader, "author_id", "is required when the author is an agent");
  else if (self->author_kind == PULSE_AUTHOR_KIND_RULE && is_blank (self->rule_id))
    pulse_json_reader_fail (reader, "rule_id", "is required when the author is a rule");
}

static void
pulse_message_finalize (GObject *object)
{
  PulseMessage *self = (PulseMessage *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->author_id, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->rule_id, g_free);
  g_clear_pointer (&self->template_id, g_free);

  G_OBJECT_CLASS (pulse_message_parent_class)->finalize (object);
}

static void
pulse_message_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PulseMessage *self = PULSE_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AUTHOR_KIND:
      g_value_set_enum (value, self->author_kind);
      break;
    case PROP_AUTHOR_ID:
      g_value_set_string (value, self->author_id);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_message_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PulseMessage *self = PULSE_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_AUTHOR_KIND:
      self->author_kind = g_value_get_enum (value);
      break;
    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_message_class_init (PulseMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_message_finalize;
  object_class->get_property = pulse_message_get_property;
  object_class->set_property = pulse_message_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_AUTHOR_KIND] =
    g_param_spec_enum ("author-kind", NULL, NULL,
                       PULSE_TYPE_AUTHOR_KIND, PULSE_AUTHOR_KIND_CUSTOMER, construct);
  properties[PROP_AUTHOR_ID] = g_param_spec_string ("author-id", NULL, NULL, NULL, readable);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, readable);
  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, readable);
  properties[PROP_TEMPLATE_ID] = g_param_spec_string ("template-id", NULL, NULL, NULL, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_message_init (PulseMessage *self)
{
}

/**
 * pulse_message_new:
 * @id: the message's identifier
 * @author_kind: who wrote it
 * @at: when it was sent, in microseconds since the epoch
 *
 * Returns: (transfer full): a new message with no body yet.
 */
PulseMessage *
pulse_message_new (const char      *id,
                   PulseAuthorKind  author_kind,
                   gint64           at)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_MESSAGE,
                       "id", id,
                       "author-kind", author_kind,
                       "at", at,
                       NULL);
}

/**
 * pulse_message_new_from_json:
 * @node: the wire form of a message
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the message, or %NULL on error.
 */
PulseMessage *
pulse_message_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(PulseMessage) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a message", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_MESSAGE, NULL);
  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->author_kind = pulse_json_reader_get_enum (&reader, "author_kind", PULSE_TYPE_AUTHOR_KIND,
                                                  PULSE_JSON_REQUIRED, PULSE_AUTHOR_KIND_CUSTOMER);
  self->author_id = pulse_json_reader_dup_string (&reader, "author_id", PULSE_JSON_OPTIONAL,
                                                  PULSE_JSON_MAX_ID);
  self->at = pulse_json_reader_get_time (&reader, "at", PULSE_JSON_REQUIRED);
  self->body = pulse_json_reader_dup_string (&reader, "body", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_TEXT);
  self->rule_id = pulse_json_reader_dup_string (&reader, "rule_id", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_ID);
  self->template_id = pulse_json_reader_dup_string (&reader, "template_id", PULSE_JSON_OPTIONAL,
                                                    PULSE_JSON_MAX_ID);
  check_author (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The wire form, in its canonical order, into @sink. */
static void
write_fields (gpointer       object,
              PulseJsonSink *sink)
{
  PulseMessage *self = object;

  pulse_json_sink_string (sink, "id", self->id);
  pulse_json_sink_enum (sink, "author_kind", PULSE_TYPE_AUTHOR_KIND, self->author_kind);
  pulse_json_sink_string (sink, "author_id", self->author_id);
  pulse_json_sink_time (sink, "at", self->at);
  pulse_json_sink_string (sink, "body", self->body);
  pulse_json_sink_string (sink, "rule_id", self->rule_id);
  pulse_json_sink_string (sink, "template_id", self->template_id);
}

/**
 * pulse_message_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_message_to_json (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return pulse_json_sink_build_object (write_fields, self);
}

/* Whether @node is pulse_message_to_json()'s text of @self: the same
 * members in the same order with the same values. */
gboolean
_pulse_message_matches_json (PulseMessage *self,
                             JsonNode     *node)
{
  return pulse_json_sink_object_matches (node, write_fields, self);
}

const char *
pulse_message_get_id (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return self->id;
}

PulseAuthorKind
pulse_message_get_author_kind (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), PULSE_AUTHOR_KIND_CUSTOMER);

  return self->author_kind;
}

/**
 * pulse_message_get_author_id:
 *
 * Returns: (nullable): the agent, customer or bot who wrote @self; never
 *   %NULL for an agent's message.
 */
const char *
pulse_message_get_author_id (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return self->author_id;
}

/**
 * pulse_message_get_at:
 *
 * Returns: when @self was sent, in microseconds since the epoch.
 */
gint64
pulse_message_get_at (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), 0);

  return self->at;
}

const char *
pulse_message_get_body (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return self->body;
}

/**
 * pulse_message_get_rule_id:
 *
 * Returns: (nullable): the automation rule that sent @self; never %NULL
 *   when the author is a rule.
 */
const char *
pulse_message_get_rule_id (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return self->rule_id;
}

/**
 * pulse_message_get_template_id:
 *
 * Returns: (nullable): the reply template @self was written from, if
 *   the helpdesk or the rule that sent it recorded one.
 */
const char *
pulse_message_get_template_id (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), NULL);

  return self->template_id;
}

/**
 * pulse_message_is_human_reply:
 *
 * Only an agent's message answers the customer for first response time;
 * bot and rule replies do not count (DESIGN.md, Definitions).
 *
 * Returns: %TRUE if an agent wrote @self.
 */
gboolean
pulse_message_is_human_reply (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), FALSE);

  return self->author_kind == PULSE_AUTHOR_KIND_AGENT;
}

/**
 * pulse_message_is_automated_reply:
 *
 * Returns: %TRUE if a bot or an automation rule sent @self.
 */
gboolean
pulse_message_is_automated_reply (PulseMessage *self)
{
  g_return_val_if_fail (PULSE_IS_MESSAGE (self), FALSE);

  return self->author_kind == PULSE_AUTHOR_KIND_BOT || self->author_kind == PULSE_AUTHOR_KIND_RULE;
}
