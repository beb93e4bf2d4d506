/* pulse-state-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticket events on a #PulseState (docs/protocol-ingest.md, Ingest
 * events), and tickets the state gets out of band.
 *
 * A snapshot holds open tickets and those changed in the last 24 hours,
 * but a customer may write again on a ticket closed last week: its
 * `message.created` then names a ticket the state lacks. Such events are
 * held and the caller fetches the ticket. The fetched copy may be older
 * than the held events (they are replayed on it) or newer than events
 * still to come (those are skipped: the copy has them), since the fetch
 * and the stream are not ordered with each other.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-state-private.h"
#include "pulse-ticket-private.h"
#include "pulse-time-utils.h"

static gboolean
conflict (GError     **error,
          const char  *format,
          ...) G_GNUC_PRINTF (2, 3);

static gboolean
conflict (GError     **error,
          const char  *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PULSE_ERROR, PULSE_ERROR_CONFLICT, format, args));
  va_end (args);
  return FALSE;
}

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

/* The ticket @event makes of @entry (NULL for a creation). A creation's
 * ticket was checked and written by the codec already, an update's header
 * checked; an update keeps the stored messages and ratings, shared, and
 * is written once with them. */
static PulseStateTicket *
build (PulseStateTicketEvent  *event,
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

/* Holds @entry for its ticket, replacing the one before. */
static void
put_entry (PulseState       *self,
           const char       *id,
           PulseStateTicket *entry,
           gint64            ahead,
           PulseStateAction  action,
           PulseStateChange *change)
{
  entry->ahead = ahead;
  g_hash_table_insert (self->tickets, g_strdup (id), entry);
  _pulse_state_report (change, PULSE_STATE_KIND_TICKET, action, id, entry->node);
}

static gboolean
hold (PulseState            *self,
      PulseStateTicketEvent *event,
      PulseStateChange      *change)
{
  GPtrArray *events = g_hash_table_lookup (self->held, event->ticket_id);
  gboolean first = events == NULL;
  const char *id = event->ticket_id;

  if (first)
    {
      events = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_state_ticket_event_free);
      g_hash_table_insert (self->held, g_strdup (id), events);
    }

  g_ptr_array_add (events, event);
  _pulse_state_report (change, PULSE_STATE_KIND_TICKET,
                       first ? PULSE_STATE_ACTION_MISSING : PULSE_STATE_ACTION_NONE, id, NULL);
  return TRUE;
}

static gboolean
create (PulseState             *self,
        PulseStateTicketEvent  *event,
        PulseStateTicket       *entry,
        PulseStateChange       *change,
        GError                **error)
{
  if (entry != NULL && event->version <= entry->ahead)
    {
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
                           event->ticket_id, NULL);
      return TRUE;
    }

  if (entry != NULL || g_hash_table_contains (self->held, event->ticket_id))
    return conflict (error, "the state has a ticket “%s” already", event->ticket_id);

  put_entry (self, event->ticket_id, build (event, NULL, error), 0, PULSE_STATE_ACTION_CREATED,
             change);
  return TRUE;
}

gboolean
_pulse_state_apply_ticket (PulseState        *self,
                           const char        *type,
                           JsonNode          *data,
                           PulseStateChange  *change,
                           GError           **error)
{
  g_autoptr(PulseStateTicketEvent) event = _pulse_state_read_ticket_event (type, data, error);
  PulseStateTicket *entry, *next;

  if (event == NULL)
    return FALSE;

  entry = g_hash_table_lookup (self->tickets, event->ticket_id);
  if (event->op == PULSE_STATE_OP_CREATED)
    return create (self, event, entry, change, error);
  if (entry == NULL)
    return hold (self, g_steal_pointer (&event), change);

  /* The state fetched this ticket at a version the stream has not yet
   * reached: what comes up to it is in already. */
  if (event->version <= entry->ahead)
    {
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
                           event->ticket_id, NULL);
      return TRUE;
    }

  if (event->version != entry->version + 1)
    return conflict (error, "%s: expected %" G_GINT64_FORMAT " (the ticket is at %"
                     G_GINT64_FORMAT "), got %" G_GINT64_FORMAT,
                     event->op == PULSE_STATE_OP_UPDATED ? "version" : "ticket_version",
                     entry->version + 1, entry->version, event->version);

  next = build (event, entry, error);
  if (next == NULL)
    return FALSE;

  put_entry (self, event->ticket_id, next, 0, PULSE_STATE_ACTION_UPDATED, change);
  return TRUE;
}

/* @entry (taken) with the held events after its version replayed on it. */
static PulseStateTicket *
replay_held (PulseStateTicket  *entry,
             GPtrArray         *held,
             GError           **error)
{
  PulseStateTicket *current = entry;

  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      PulseStateTicketEvent *event = held->pdata[i];
      PulseStateTicket *next;

      if (event->version <= current->version)
        continue;
      if (event->version != current->version + 1)
        {
          conflict (error, "ticket “%s”: a held event has version %" G_GINT64_FORMAT
                    ", the ticket is at %" G_GINT64_FORMAT, event->ticket_id, event->version,
                    current->version);
          _pulse_state_ticket_free (current);
          return NULL;
        }

      next = build (event, current, error);
      _pulse_state_ticket_free (current);
      if (next == NULL)
        return NULL;
      current = next;
    }

  return current;
}

/* Puts @entry (taken), a ticket fetched or read back, at its version,
 * with the held events after it replayed on it. */
gboolean
_pulse_state_put_fetched (PulseState        *self,
                          PulseStateTicket  *entry,
                          PulseStateChange  *change,
                          GError           **error)
{
  g_autofree char *id = g_strdup (_pulse_state_item_id (entry->node));
  PulseStateTicket *stored = g_hash_table_lookup (self->tickets, id);
  gint64 version = entry->version;
  PulseStateTicket *result;

  change->seq = self->seq;
  if (stored != NULL && stored->version >= version)
    {
      _pulse_state_ticket_free (entry);
      _pulse_state_report (change, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE, id, NULL);
      return TRUE;
    }

  result = replay_held (entry, g_hash_table_lookup (self->held, id), error);
  if (result == NULL)
    return FALSE;

  put_entry (self, id, result, version,
             stored != NULL ? PULSE_STATE_ACTION_UPDATED : PULSE_STATE_ACTION_CREATED, change);
  g_hash_table_remove (self->held, id);
  return TRUE;
}

static gboolean
put_ticket (PulseState        *self,
            JsonNode          *ticket,
            gboolean           stored,
            PulseStateChange  *change,
            GError           **error)
{
  g_auto(PulseStateChange) scratch = { 0 };
  g_autoptr(PulseTicket) fetched = NULL;

  g_assert (PULSE_IS_STATE (self));
  g_assert (ticket != NULL);

  if (change == NULL)
    change = &scratch;
  pulse_state_change_clear (change);
  change->seq = self->seq;

  fetched = pulse_ticket_new_from_json (ticket, error);
  if (fetched == NULL)
    return FALSE;

  /* A stored ticket is the canonical form already: kept, not written
   * again (that would be most of the cost of reading a cache). */
  return _pulse_state_put_fetched (self,
                            stored ? _pulse_state_ticket_new_for_node (fetched, ticket)
                                   : _pulse_state_ticket_new (fetched, ticket),
                            change, error);
}

/**
 * pulse_state_put_ticket:
 * @ticket: a ticket with its messages and ratings, as `GET
 *   /api/v1/tickets/{id}` gives it
 * @change: (out caller-allocates) (optional): what it did, as for
 *   pulse_state_apply()
 * @error: return location for a %PULSE_ERROR error
 *
 * Adds a ticket fetched out of band, usually one an event was held for
 * (%PULSE_STATE_ACTION_MISSING). The held events newer than @ticket are
 * applied on it, and events up to @ticket's version that the stream still
 * brings are skipped, since @ticket has them. A ticket the state holds at
 * the same or a newer version is left as it is (%TRUE,
 * %PULSE_STATE_ACTION_NONE). The state's seq does not change.
 *
 * Returns: %TRUE on success; %PULSE_ERROR_INVALID_DATA for a bad ticket
 *   (naming the field), %PULSE_ERROR_CONFLICT if the held events do not
 *   follow on from @ticket. On error nothing changes.
 */
gboolean
pulse_state_put_ticket (PulseState        *self,
                        JsonNode          *ticket,
                        PulseStateChange  *change,
                        GError           **error)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);

  return put_ticket (self, ticket, FALSE, change, error);
}

/**
 * pulse_state_put_stored_ticket:
 * @ticket: a ticket as this state's pulse_state_lookup() gave it before,
 *   read back from the client's own cache: the codec's canonical form
 * @change: (out caller-allocates) (optional): what it did
 * @error: return location for a %PULSE_ERROR error
 *
 * As pulse_state_put_ticket(), but @ticket is held as given (a reference
 * is taken; do not change it) rather than written again by the codec,
 * which is most of the cost of reading a large cache. It is still
 * decoded and checked. Only give it what the state itself produced.
 *
 * Returns: %TRUE on success, as pulse_state_put_ticket().
 */
gboolean
pulse_state_put_stored_ticket (PulseState        *self,
                               JsonNode          *ticket,
                               PulseStateChange  *change,
                               GError           **error)
{
  g_return_val_if_fail (PULSE_IS_STATE (self), FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);

  return put_ticket (self, ticket, TRUE, change, error);
}
