/* pulse-ticket.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-ticket-private.h"
#include "pulse-utils.h"

/**
 * PulseTicket:
 *
 * One customer contact: its queue, state, conversation (messages in time
 * order) and ratings. The codec and its checks are in pulse-ticket-json.c,
 * the getters in pulse-ticket-accessors.c.
 */
G_DEFINE_FINAL_TYPE (PulseTicket, pulse_ticket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_QUEUE_ID,
  PROP_CHANNEL,
  PROP_SUBJECT,
  PROP_CUSTOMER_ID,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_ASSIGNEE_ID,
  PROP_TAGS,
  PROP_LANGUAGE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_RESOLVED_AT,
  PROP_HANDLE_SECONDS,
  PROP_MESSAGES,
  PROP_RATINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_ticket_finalize (GObject *object)
{
  PulseTicket *self = (PulseTicket *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->queue_id, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->customer_id, g_free);
  g_clear_pointer (&self->assignee_id, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->messages);
  g_clear_object (&self->ratings);

  G_OBJECT_CLASS (pulse_ticket_parent_class)->finalize (object);
}

static void
pulse_ticket_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PulseTicket *self = PULSE_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_QUEUE_ID:
      g_value_set_string (value, self->queue_id);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_string (value, self->customer_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_ASSIGNEE_ID:
      g_value_set_string (value, self->assignee_id);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;
    case PROP_HANDLE_SECONDS:
      g_value_set_int (value, self->handle_seconds);
      break;
    case PROP_MESSAGES:
      g_value_set_object (value, self->messages);
      break;
    case PROP_RATINGS:
      g_value_set_object (value, self->ratings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_ticket_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PulseTicket *self = PULSE_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_ticket_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      pulse_ticket_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PRIORITY:
      pulse_ticket_set_priority (self, g_value_get_enum (value));
      break;
    case PROP_ASSIGNEE_ID:
      pulse_ticket_set_assignee_id (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      pulse_ticket_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_HANDLE_SECONDS:
      pulse_ticket_set_handle_seconds (self, g_value_get_int (value));
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

static GParamSpec *
readable_time (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_ticket_class_init (PulseTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_ticket_finalize;
  object_class->get_property = pulse_ticket_get_property;
  object_class->set_property = pulse_ticket_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, writable);
  properties[PROP_QUEUE_ID] = readable_string ("queue-id");
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       PULSE_TYPE_CHANNEL_KIND, PULSE_CHANNEL_KIND_EMAIL, readable);
  properties[PROP_SUBJECT] = readable_string ("subject");
  properties[PROP_CUSTOMER_ID] = readable_string ("customer-id");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PULSE_TYPE_TICKET_STATUS, PULSE_TICKET_STATUS_NEW, writable);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       PULSE_TYPE_PRIORITY, PULSE_PRIORITY_NORMAL, writable);
  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_string ("assignee-id", NULL, NULL, NULL, writable);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, writable);
  properties[PROP_LANGUAGE] = readable_string ("language");
  properties[PROP_CREATED_AT] = readable_time ("created-at");
  properties[PROP_UPDATED_AT] = readable_time ("updated-at");
  properties[PROP_RESOLVED_AT] = readable_time ("resolved-at");
  properties[PROP_HANDLE_SECONDS] =
    g_param_spec_int ("handle-seconds", NULL, NULL, PULSE_TICKET_HANDLE_UNKNOWN,
                      PULSE_TICKET_MAX_HANDLE_SECONDS, PULSE_TICKET_HANDLE_UNKNOWN, writable);
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL, G_TYPE_LIST_MODEL, readable);
  properties[PROP_RATINGS] =
    g_param_spec_object ("ratings", NULL, NULL, G_TYPE_LIST_MODEL, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_ticket_init (PulseTicket *self)
{
  self->priority = PULSE_PRIORITY_NORMAL;
  self->handle_seconds = PULSE_TICKET_HANDLE_UNKNOWN;
  self->tags = g_new0 (char *, 1);
  self->messages = g_list_store_new (PULSE_TYPE_MESSAGE);
  self->ratings = g_list_store_new (PULSE_TYPE_RATING);
}

/**
 * pulse_ticket_new:
 * @id: the ticket's identifier
 *
 * Returns: (transfer full): a new, empty ticket of normal priority.
 */
PulseTicket *
pulse_ticket_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_TICKET, "id", id, NULL);
}

void
pulse_ticket_set_version (PulseTicket *self,
                          gint64       version)
{
  g_return_if_fail (PULSE_IS_TICKET (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
pulse_ticket_set_status (PulseTicket       *self,
                         PulseTicketStatus  status)
{
  g_return_if_fail (PULSE_IS_TICKET (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
pulse_ticket_set_priority (PulseTicket   *self,
                           PulsePriority  priority)
{
  g_return_if_fail (PULSE_IS_TICKET (self));

  if (self->priority == priority)
    return;

  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

void
pulse_ticket_set_assignee_id (PulseTicket *self,
                              const char  *assignee_id)
{
  g_return_if_fail (PULSE_IS_TICKET (self));

  if (pulse_set_str (&self->assignee_id, assignee_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE_ID]);
}

/**
 * pulse_ticket_set_queue_id:
 * @queue_id: the queue the ticket moves to
 *
 * Routes the ticket, as an automation rule's "route" action does.
 */
void
pulse_ticket_set_queue_id (PulseTicket *self,
                           const char  *queue_id)
{
  g_return_if_fail (PULSE_IS_TICKET (self));
  g_return_if_fail (queue_id != NULL);

  if (pulse_set_str (&self->queue_id, queue_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE_ID]);
}

/**
 * pulse_ticket_set_resolved_at:
 * @resolved_at: when it was resolved, µs since the epoch, or 0
 */
void
pulse_ticket_set_resolved_at (PulseTicket *self,
                              gint64       resolved_at)
{
  g_return_if_fail (PULSE_IS_TICKET (self));

  if (self->resolved_at == resolved_at)
    return;

  self->resolved_at = resolved_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_AT]);
}

/**
 * pulse_ticket_add_message:
 * @message: a message new to the ticket
 *
 * Inserts @message in time order, after any message of the same instant,
 * and moves updated-at up to it if it is later.
 */
void
pulse_ticket_add_message (PulseTicket  *self,
                          PulseMessage *message)
{
  GListModel *model;
  guint position;

  g_return_if_fail (PULSE_IS_TICKET (self));
  g_return_if_fail (PULSE_IS_MESSAGE (message));

  model = G_LIST_MODEL (self->messages);
  position = g_list_model_get_n_items (model);
  while (position > 0)
    {
      g_autoptr(PulseMessage) before = g_list_model_get_item (model, position - 1);

      if (pulse_message_get_at (before) <= pulse_message_get_at (message))
        break;
      position--;
    }

  g_list_store_insert (self->messages, position, message);
  if (pulse_message_get_at (message) > self->updated_at)
    {
      self->updated_at = pulse_message_get_at (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

/**
 * pulse_ticket_set_tags:
 * @tags: (nullable) (array zero-terminated=1): the new tags, copied;
 *   %NULL clears them
 */
void
pulse_ticket_set_tags (PulseTicket        *self,
                       const char * const *tags)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (PULSE_IS_TICKET (self));

  if (tags == NULL)
    tags = empty;
  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * pulse_ticket_set_handle_seconds:
 * @handle_seconds: 0…%PULSE_TICKET_MAX_HANDLE_SECONDS, or unknown
 */
void
pulse_ticket_set_handle_seconds (PulseTicket *self,
                                 int          handle_seconds)
{
  g_return_if_fail (PULSE_IS_TICKET (self));
  g_return_if_fail (handle_seconds >= PULSE_TICKET_HANDLE_UNKNOWN
                    && handle_seconds <= PULSE_TICKET_MAX_HANDLE_SECONDS);

  if (self->handle_seconds == handle_seconds)
    return;

  self->handle_seconds = handle_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLE_SECONDS]);
}
