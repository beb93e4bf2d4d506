/* pulse-state-ticket-build.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The next version of a ticket in a #PulseState, as an event makes it
 * (pulse-state-tickets.c applies it): the stored ticket's members and
 * lists shared, never copied, and never changed in place.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-state-private.h"
#include "pulse-ticket-private.h"
#include "pulse-time-utils.h"

static gint64
item_at (JsonNode *item)
{
  gint64 at = 0;

  pulse_time_parse (json_object_get_string_member (json_node_get_object (item), "at"), &at);
  return at;
}

/* A new array sharing @array's elements, with @item after every element
 * of its time or earlier, as the server inserts: one instant keeps
 * arrival order. Elements are shared, never copied: stored nodes are
 * never changed in place. */
static JsonArray *
insert_in_time_order (JsonArray *array,
                      JsonNode  *item,
                      gint64     at)
{
  guint n = json_array_get_length (array);
  guint position = n;
  JsonArray *copy = json_array_sized_new (n + 1);

  while (position > 0 && item_at (json_array_get_element (array, position - 1)) > at)
    position--;

  for (guint i = 0; i <= n; i++)
    {
      if (i == position)
        json_array_add_element (copy, json_node_ref (item));
      if (i < n)
        json_array_add_element (copy, json_node_ref (json_array_get_element (array, i)));
    }

  return copy;
}

/* @entry's message ids, made once: a busy chat has dozens of messages,
 * and every new one is checked against them all. */
static GHashTable *
message_ids (PulseStateTicket *entry,
             JsonArray        *messages)
{
  if (entry->message_ids == NULL)
    {
      entry->message_ids = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < json_array_get_length (messages); i++)
        g_hash_table_add (entry->message_ids,
                          (gpointer) _pulse_state_item_id (json_array_get_element (messages, i)));
    }
  return entry->message_ids;
}

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* An update's @header, the canonical form but for its lists, with
 * @kept's messages and ratings: its members shared, in the order the
 * codec writes them (the lists last). */
static JsonNode *
with_stored_lists (JsonNode   *header,
                   JsonObject *kept)
{
  JsonObject *object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, json_node_get_object (header));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!g_str_equal (name, "messages") && !g_str_equal (name, "ratings"))
        json_object_set_member (object, name, json_node_ref (member));
    }
  json_object_set_member (object, "messages",
                          json_node_ref (json_object_get_member (kept, "messages")));
  json_object_set_member (object, "ratings",
                          json_node_ref (json_object_get_member (kept, "ratings")));
  return node_for_object (object);
}

/* What the codec would refuse in the ticket a message or rating makes:
 * the checks pulse_ticket_new_from_json() makes of what changed. */
static gboolean
check_addition (PulseStateTicketEvent  *event,
                PulseStateTicket       *entry,
                JsonArray              *list,
                GError                **error)
{
  const char *member = event->op == PULSE_STATE_OP_MESSAGE ? "messages" : "ratings";

  if (json_array_get_length (list) >= PULSE_JSON_MAX_ITEMS)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "%s: has more than %u items", member, PULSE_JSON_MAX_ITEMS);
      return FALSE;
    }
  if (event->updated_at < entry->created_at)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "ticket_updated_at: is before the ticket's created_at");
      return FALSE;
    }
  if (event->op == PULSE_STATE_OP_MESSAGE &&
      g_hash_table_contains (message_ids (entry, list), _pulse_state_item_id (event->item)))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "message.id: the ticket has a message “%s” already",
                   _pulse_state_item_id (event->item));
      return FALSE;
    }

  return TRUE;
}

/* A ticket stored without updated_at (never updated: the codec leaves it
 * out) gets it as the last member of its copy, out of the codec's order:
 * that one is written again by the codec (found by fuzz-event). */
static JsonNode *
in_codec_order (JsonNode  *node,
                GError   **error)
{
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, error);

  json_node_unref (node);
  return ticket != NULL ? pulse_ticket_to_json (ticket) : NULL;
}

/* A message or rating on @entry: the stored ticket's members shared,
 * with the version, updated_at and the one list changed. Every other
 * field is as stored, and so as valid as it was. */
static PulseStateTicket *
add_to (PulseStateTicketEvent  *event,
        PulseStateTicket       *entry,
        GError                **error)
{
  const char *member = event->op == PULSE_STATE_OP_MESSAGE ? "messages" : "ratings";
  JsonObject *stored = json_node_get_object (entry->node);
  JsonArray *list = json_object_get_array_member (stored, member);
  g_autofree char *updated_at = NULL;
  gboolean had_updated_at = json_object_has_member (stored, "updated_at");
  PulseStateTicket *next;
  JsonObject *object;
  JsonNode *node;

  if (!check_addition (event, entry, list, error))
    return NULL;

  updated_at = pulse_time_format (event->updated_at);
  object = _pulse_state_copy_object (entry->node);
  json_object_set_int_member (object, "version", event->version);
  json_object_set_string_member (object, "updated_at", updated_at);
  json_object_set_array_member (object, member,
                                insert_in_time_order (list, event->item, event->at));
  node = node_for_object (object);
  if (!had_updated_at && (node = in_codec_order (node, error)) == NULL)
    return NULL;

  next = g_new0 (PulseStateTicket, 1);
  next->node = node;
  next->version = event->version;
  next->created_at = entry->created_at;
  next->sort_key = MAX (event->updated_at, entry->created_at);
  next->open = entry->open;
  /* The new list holds the same message nodes, and one more. */
  next->message_ids = g_steal_pointer (&entry->message_ids);
  if (event->op == PULSE_STATE_OP_MESSAGE && next->message_ids != NULL)
    g_hash_table_add (next->message_ids, (gpointer) _pulse_state_item_id (event->item));
  return next;
}

/**
 * _pulse_state_build_ticket:
 *
 * The ticket @event makes of @entry (NULL for a creation). A creation's
 * ticket was checked and written by the codec already, an update's header
 * checked; an update keeps the stored messages and ratings, shared, and
 * is written once with them. */
PulseStateTicket *
_pulse_state_build_ticket (PulseStateTicketEvent  *event,
                           PulseStateTicket       *entry,
                           GError                **error)
{
  g_autoptr(JsonNode) node = NULL;
  PulseStateTicket *next;
  JsonObject *kept;

  if (event->op == PULSE_STATE_OP_MESSAGE || event->op == PULSE_STATE_OP_RATING)
    return add_to (event, entry, error);

  if (event->op == PULSE_STATE_OP_CREATED)
    return _pulse_state_ticket_new_for_node (event->ticket, event->item);

  kept = json_node_get_object (entry->node);
  if (event->item != NULL)
    node = with_stored_lists (event->item, kept);
  else
    node = _pulse_ticket_to_json_with_lists (event->ticket,
                                             json_object_get_member (kept, "messages"),
                                             json_object_get_member (kept, "ratings"));
  next = _pulse_state_ticket_new_for_node (event->ticket, node);
  next->message_ids = g_steal_pointer (&entry->message_ids);
  return next;
}
