/* pulse-state-ticket-events.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ticket events of a #PulseState read and checked with the core
 * codecs before anything changes (pulse-state-tickets.c applies them).
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-message-private.h"
#include "pulse-rating-private.h"
#include "pulse-state-private.h"

void
_pulse_state_ticket_event_free (PulseStateTicketEvent *event)
{
  g_free (event->ticket_id);
  g_clear_object (&event->ticket);
  g_clear_pointer (&event->item, json_node_unref);
  g_free (event);
}

/* `ticket.created` carries the whole ticket, `ticket.updated` its header
 * (whatever messages or ratings it might carry are not the header's, so
 * an update is written only once it meets the stored lists: build()).
 * The item is @data itself when that is the canonical form already (an
 * update's: its header), as the server writes it: writing it again was
 * most of the cost of an event. */
static PulseStateTicketEvent *
read_ticket (PulseStateTicketOp   op,
             JsonNode            *data,
             GError             **error)
{
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (data, error);
  PulseStateTicketEvent *event;

  if (ticket == NULL)
    return NULL;

  event = g_new0 (PulseStateTicketEvent, 1);
  event->op = op;
  event->ticket_id = g_strdup (pulse_ticket_get_id (ticket));
  event->version = pulse_ticket_get_version (ticket);
  if (_pulse_state_keeps_ticket (ticket, data, op == PULSE_STATE_OP_UPDATED))
    event->item = json_node_ref (data);
  else if (op == PULSE_STATE_OP_CREATED)
    event->item = pulse_ticket_to_json (ticket);
  event->ticket = g_steal_pointer (&ticket);
  return event;
}

/* `{"ticket_id","ticket_version","ticket_updated_at",<member>}`. */
static PulseStateTicketEvent *
read_addition (PulseStateTicketOp   op,
               JsonNode            *data,
               GError             **error)
{
  const char *member = op == PULSE_STATE_OP_MESSAGE ? "message" : "rating";
  g_autoptr(PulseStateTicketEvent) event = g_new0 (PulseStateTicketEvent, 1);
  g_autoptr(GObject) object = NULL;
  GError *local_error = NULL;
  PulseJsonReader reader;
  gboolean keep;
  JsonNode *node;

  if (!pulse_json_reader_init (&reader, data, "a ticket addition", error))
    return NULL;

  event->op = op;
  event->ticket_id = pulse_json_reader_dup_string (&reader, "ticket_id", PULSE_JSON_REQUIRED,
                                                   PULSE_JSON_MAX_ID);
  event->version = pulse_json_reader_get_int (&reader, "ticket_version", PULSE_JSON_REQUIRED, 1,
                                              G_MAXINT64, 0);
  event->updated_at = pulse_json_reader_get_time (&reader, "ticket_updated_at",
                                                  PULSE_JSON_REQUIRED);
  node = pulse_json_reader_get_object (&reader, member, PULSE_JSON_REQUIRED);
  if (node != NULL)
    {
      if (op == PULSE_STATE_OP_MESSAGE)
        object = G_OBJECT (pulse_message_new_from_json (node, &local_error));
      else
        object = G_OBJECT (pulse_rating_new_from_json (node, &local_error));
      if (object == NULL)
        pulse_json_reader_take_error (&reader, member, local_error);
    }
  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  /* As for a ticket: the message or rating as it came, if canonical. */
  if (op == PULSE_STATE_OP_MESSAGE)
    {
      event->at = pulse_message_get_at (PULSE_MESSAGE (object));
      keep = json_node_is_immutable (node) &&
             _pulse_message_matches_json (PULSE_MESSAGE (object), node);
      if (!keep)
        event->item = pulse_message_to_json (PULSE_MESSAGE (object));
    }
  else
    {
      event->at = pulse_rating_get_at (PULSE_RATING (object));
      keep = json_node_is_immutable (node) &&
             _pulse_rating_matches_json (PULSE_RATING (object), node);
      if (!keep)
        event->item = pulse_rating_to_json (PULSE_RATING (object));
    }
  if (keep)
    event->item = json_node_ref (node);

  return g_steal_pointer (&event);
}

PulseStateTicketEvent *
_pulse_state_read_ticket_event (const char  *type,
                                JsonNode    *data,
                                GError     **error)
{
  if (g_str_equal (type, "ticket.created"))
    return read_ticket (PULSE_STATE_OP_CREATED, data, error);
  if (g_str_equal (type, "ticket.updated"))
    return read_ticket (PULSE_STATE_OP_UPDATED, data, error);
  if (g_str_equal (type, "message.created"))
    return read_addition (PULSE_STATE_OP_MESSAGE, data, error);

  g_assert (g_str_equal (type, "rating.created"));
  return read_addition (PULSE_STATE_OP_RATING, data, error);
}
