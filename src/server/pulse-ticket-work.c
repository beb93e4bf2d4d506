/* pulse-ticket-work.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge rules of ticket ingest (docs/protocol.md, Ingest), kept apart
 * from the requests that use them.
 */

#include "config.h"

#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-ticket-work.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

void
pulse_ticket_work_free (PulseTicketWork *work)
{
  if (work == NULL)
    return;

  g_clear_object (&work->header);
  g_clear_object (&work->assembled);
  g_clear_pointer (&work->body, json_node_unref);
  g_clear_pointer (&work->messages, g_ptr_array_unref);
  g_clear_pointer (&work->message_ids, g_hash_table_unref);
  g_clear_pointer (&work->ratings, g_ptr_array_unref);
  g_free (work);
}

/**
 * pulse_ticket_work_add_message:
 * @message: a message for the ticket
 *
 * Adds @message in time order, after every message at the same time or
 * earlier, so messages of one instant keep their arrival order.
 *
 * Returns: %FALSE if the ticket has a message with that id already.
 */
gboolean
pulse_ticket_work_add_message (PulseTicketWork *work,
                               PulseMessage    *message)
{
  gint64 at = pulse_message_get_at (message);
  guint position = work->messages->len;

  if (!g_hash_table_add (work->message_ids, g_strdup (pulse_message_get_id (message))))
    return FALSE;

  while (position > 0 && pulse_message_get_at (work->messages->pdata[position - 1]) > at)
    position--;
  g_ptr_array_insert (work->messages, position, g_object_ref (message));
  return TRUE;
}

/**
 * pulse_ticket_work_add_rating:
 * @rating: a rating of the ticket
 *
 * Adds @rating in time order. Ratings have no id: one of the same kind at
 * the same time is the same rating sent again.
 *
 * Returns: %FALSE if the ticket has that rating already.
 */
gboolean
pulse_ticket_work_add_rating (PulseTicketWork *work,
                              PulseRating     *rating)
{
  gint64 at = pulse_rating_get_at (rating);
  guint position = work->ratings->len;

  for (guint i = 0; i < work->ratings->len; i++)
    {
      PulseRating *other = work->ratings->pdata[i];

      if (pulse_rating_get_kind (other) == pulse_rating_get_kind (rating) &&
          pulse_rating_get_at (other) == at)
        return FALSE;
    }

  while (position > 0 && pulse_rating_get_at (work->ratings->pdata[position - 1]) > at)
    position--;
  g_ptr_array_insert (work->ratings, position, g_object_ref (rating));
  return TRUE;
}

/**
 * pulse_ticket_work_latest:
 *
 * Returns: the latest moment @ticket knows of (its creation, its
 *   updated-at, its messages and ratings): its updated-at may not be
 *   earlier.
 */
gint64
pulse_ticket_work_latest (PulseTicket *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  gint64 latest = MAX (pulse_ticket_get_created_at (ticket), pulse_ticket_get_updated_at (ticket));

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);

      latest = MAX (latest, pulse_message_get_at (message));
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      latest = MAX (latest, pulse_rating_get_at (rating));
    }

  return latest;
}

/**
 * pulse_ticket_work_new:
 * @ticket: the ticket as it stands
 *
 * Duplicate messages and ratings of @ticket are dropped and the rest put
 * in time order; the updated-at is moved past all of them.
 *
 * Returns: (transfer full): work on @ticket, not dirty.
 */
PulseTicketWork *
pulse_ticket_work_new (PulseTicket *ticket)
{
  PulseTicketWork *work = g_new0 (PulseTicketWork, 1);
  GListModel *messages = pulse_ticket_get_messages (ticket);
  GListModel *ratings = pulse_ticket_get_ratings (ticket);

  work->header = g_object_ref (ticket);
  work->version = pulse_ticket_get_version (ticket);
  work->updated_at = pulse_ticket_work_latest (ticket);
  work->messages = g_ptr_array_new_with_free_func (g_object_unref);
  work->message_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  work->ratings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);

      pulse_ticket_work_add_message (work, message);
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      pulse_ticket_work_add_rating (work, rating);
    }

  return work;
}

static JsonArray *
encode_all (GPtrArray               *items,
            PulseJsonListEncodeFunc  encode)
{
  JsonArray *array = json_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, encode (items->pdata[i]));

  return array;
}

static PulseTicket *
assemble (PulseTicketWork  *work,
          GError          **error)
{
  g_autoptr(JsonNode) source = pulse_ticket_to_json (work->header);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (source));
  g_autofree char *updated_at = pulse_time_format (work->updated_at);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (source),
                                                                    l->data)));
  json_object_set_int_member (object, "version", work->version);
  json_object_set_string_member (object, "updated_at", updated_at);
  json_object_set_array_member (object, "messages",
                                encode_all (work->messages,
                                            PULSE_JSON_LIST_ENCODE (pulse_message_to_json)));
  json_object_set_array_member (object, "ratings",
                                encode_all (work->ratings,
                                            PULSE_JSON_LIST_ENCODE (pulse_rating_to_json)));

  node = json_node_init_object (json_node_alloc (), object);
  return pulse_ticket_new_from_json (node, error);
}

/**
 * pulse_ticket_work_assemble:
 *
 * The ticket the row will hold: @work's header, version, updated-at,
 * messages and ratings, decoded by the codec once more so that what is
 * stored is what a client would accept. The result is kept until the
 * version of @work changes.
 *
 * Returns: (transfer full) (nullable): the ticket, or %NULL with a
 *   %PULSE_ERROR_INVALID_DATA error.
 */
PulseTicket *
pulse_ticket_work_assemble (PulseTicketWork  *work,
                            GError          **error)
{
  if (work->assembled != NULL && pulse_ticket_get_version (work->assembled) == work->version)
    return g_object_ref (work->assembled);

  g_clear_object (&work->assembled);
  g_clear_pointer (&work->body, json_node_unref);
  work->assembled = assemble (work, error);
  return work->assembled != NULL ? g_object_ref (work->assembled) : NULL;
}

/**
 * pulse_ticket_work_is_canonical:
 * @ticket: the ticket @work was made from
 *
 * Tells whether @ticket already is what pulse_ticket_work_assemble()
 * would make of @work (same version and updated-at, no duplicates, in
 * time order), so the work of assembling can be skipped.
 *
 * Returns: %TRUE if @ticket needs no assembling.
 */
gboolean
pulse_ticket_work_is_canonical (PulseTicketWork *work,
                                PulseTicket     *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);
  GListModel *ratings = pulse_ticket_get_ratings (ticket);

  if (pulse_ticket_get_version (ticket) != work->version ||
      pulse_ticket_get_updated_at (ticket) != work->updated_at ||
      g_list_model_get_n_items (messages) != work->messages->len ||
      g_list_model_get_n_items (ratings) != work->ratings->len)
    return FALSE;

  for (guint i = 0; i < work->messages->len; i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);

      if (message != work->messages->pdata[i])
        return FALSE;
    }
  for (guint i = 0; i < work->ratings->len; i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (rating != work->ratings->pdata[i])
        return FALSE;
    }

  return TRUE;
}

/**
 * pulse_ticket_work_header:
 * @version: the version to write
 * @updated_at: the updated-at to write (µs)
 * @comparable: leave version and updated-at out, to compare headers
 *
 * Returns: (transfer full): the header of @ticket, every member of its
 *   wire form but messages and ratings (the data of `ticket.updated`).
 */
JsonNode *
pulse_ticket_work_header (PulseTicket *ticket,
                          gint64       version,
                          gint64       updated_at,
                          gboolean     comparable)
{
  g_autoptr(JsonNode) source = pulse_ticket_to_json (ticket);
  JsonObject *object = json_node_get_object (source);
  g_autoptr(JsonObject) header = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "messages") || g_str_equal (name, "ratings"))
        continue;
      json_object_set_member (header, name, json_node_copy (json_object_get_member (object, name)));
    }

  if (comparable)
    {
      json_object_remove_member (header, "version");
      json_object_remove_member (header, "updated_at");
    }
  else
    {
      g_autofree char *text = pulse_time_format (updated_at);

      json_object_set_int_member (header, "version", version);
      json_object_set_string_member (header, "updated_at", text);
    }

  return json_node_init_object (json_node_alloc (), header);
}

/**
 * pulse_ticket_work_headers_differ:
 *
 * Returns: %TRUE if the headers of @a and @b differ in more than version
 *   and updated-at.
 */
gboolean
pulse_ticket_work_headers_differ (PulseTicket *a,
                                  PulseTicket *b)
{
  g_autoptr(JsonNode) header_a = pulse_ticket_work_header (a, 0, 0, TRUE);
  g_autoptr(JsonNode) header_b = pulse_ticket_work_header (b, 0, 0, TRUE);

  return !json_node_equal (header_a, header_b);
}

