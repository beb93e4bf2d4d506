/* pulse-ticket-accessors.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The getters of #PulseTicket: what it holds, as the views and the KPIs
 * read it. Its setters stay with the properties they notify, in
 * pulse-ticket.c. Part of PulseTicket (pulse-ticket-private.h).
 */

#include "config.h"

#include "pulse-ticket-private.h"

const char *
pulse_ticket_get_id (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->id;
}

gint64
pulse_ticket_get_version (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), 0);

  return self->version;
}

const char *
pulse_ticket_get_queue_id (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->queue_id;
}

PulseChannelKind
pulse_ticket_get_channel (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), PULSE_CHANNEL_KIND_EMAIL);

  return self->channel;
}

const char *
pulse_ticket_get_subject (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->subject;
}

const char *
pulse_ticket_get_customer_id (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->customer_id;
}

PulseTicketStatus
pulse_ticket_get_status (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), PULSE_TICKET_STATUS_NEW);

  return self->status;
}

PulsePriority
pulse_ticket_get_priority (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), PULSE_PRIORITY_NORMAL);

  return self->priority;
}

const char *
pulse_ticket_get_assignee_id (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->assignee_id;
}

/**
 * pulse_ticket_get_tags:
 *
 * Returns: (transfer none): the tags, never %NULL.
 */
const char * const *
pulse_ticket_get_tags (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return (const char * const *) self->tags;
}

const char *
pulse_ticket_get_language (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return self->language;
}

gint64
pulse_ticket_get_created_at (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), 0);

  return self->created_at;
}

gint64
pulse_ticket_get_updated_at (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), 0);

  return self->updated_at;
}

gint64
pulse_ticket_get_resolved_at (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), 0);

  return self->resolved_at;
}

/**
 * pulse_ticket_get_handle_seconds:
 *
 * The agents' total handling time (#PulseTicket:handle-seconds): talk
 * and after-call work for phone, active handling for chat and email.
 *
 * Returns: seconds, or %PULSE_TICKET_HANDLE_UNKNOWN if none is reported.
 */
int
pulse_ticket_get_handle_seconds (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), PULSE_TICKET_HANDLE_UNKNOWN);

  return self->handle_seconds;
}

/**
 * pulse_ticket_get_messages:
 *
 * Returns: (transfer none): the conversation, a #GListModel of
 *   #PulseMessage in time order.
 */
GListModel *
pulse_ticket_get_messages (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return G_LIST_MODEL (self->messages);
}

/**
 * pulse_ticket_get_ratings:
 *
 * Returns: (transfer none): a #GListModel of #PulseRating.
 */
GListModel *
pulse_ticket_get_ratings (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return G_LIST_MODEL (self->ratings);
}
