/* pulse-ingest-tickets.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tickets, messages and ratings coming in (docs/protocol.md, Ingest).
 *
 * Rules, so a bridge may retry anything:
 * - a message whose id the ticket already has is ignored, and so is a
 *   rating of the same kind at the same time;
 * - messages are kept in time order; one arriving late goes in its place;
 * - a ticket's updated_at never moves back: it is at least the time of
 *   every message and rating, and a ticket sent with an older updated_at
 *   than the stored one is stale: its header is ignored (its new messages
 *   and ratings are still added);
 * - a ticket sent again without a difference changes nothing.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-ingest.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-server-followups.h"
#include "pulse-server-rules.h"
#include "pulse-ticket-work.h"
#include "pulse-ticket.h"

static GHashTable *
work_table (PulseIngest *ingest)
{
  if (ingest->ticket_work == NULL)
    ingest->ticket_work = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) pulse_ticket_work_free);
  return ingest->ticket_work;
}

/* The ticket as this request sees it, or NULL (without an error) when
 * the server has none with @id. */
static PulseTicketWork *
lookup_work (PulseIngest  *ingest,
             const char   *id,
             GError      **error)
{
  PulseTicketWork *work = g_hash_table_lookup (work_table (ingest), id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(PulseTicket) ticket = NULL;

  if (work != NULL)
    return work;

  stored = pulse_ticket_store_get (ingest->tickets, id, &local_error);
  if (stored == NULL)
    {
      if (!g_error_matches (local_error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  ticket = pulse_ticket_new_from_json (stored, error);
  if (ticket == NULL)
    return NULL;

  work = pulse_ticket_work_new (ticket);
  g_hash_table_insert (work_table (ingest), g_strdup (id), work);
  return work;
}

static gboolean
emit_addition (PulseIngest      *ingest,
               PulseTicketWork  *work,
               const char       *type,
               const char       *member,
               JsonNode         *item,
               GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "ticket_id", pulse_ticket_get_id (work->header));
  pulse_json_add_int (builder, "ticket_version", work->version);
  pulse_json_add_time (builder, "ticket_updated_at", work->updated_at);
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, item);
  json_builder_end_object (builder);

  data = json_builder_get_root (builder);
  work->dirty = TRUE;
  return pulse_ingest_emit (ingest, type, data, error);
}

/* Adds what @work lacks; one version and one event per addition. */
static gboolean
merge_message (PulseIngest      *ingest,
               PulseTicketWork  *work,
               PulseMessage     *message,
               GError          **error)
{
  if (!pulse_ticket_work_add_message (work, message))
    return TRUE;

  work->version++;
  work->updated_at = MAX (work->updated_at, pulse_message_get_at (message));
  return emit_addition (ingest, work, "message.created", "message",
                        pulse_message_to_json (message), error);
}

static gboolean
merge_rating (PulseIngest      *ingest,
              PulseTicketWork  *work,
              PulseRating      *rating,
              GError          **error)
{
  if (!pulse_ticket_work_add_rating (work, rating))
    return TRUE;

  work->version++;
  work->updated_at = MAX (work->updated_at, pulse_rating_get_at (rating));
  return emit_addition (ingest, work, "rating.created", "rating",
                        pulse_rating_to_json (rating), error) &&
         pulse_server_followups_rating_added (ingest->server, work->header, work->messages,
                                              rating, error);
}

static gboolean
create_ticket (PulseIngest  *ingest,
               PulseTicket  *incoming,
               GError      **error)
{
  g_autoptr(PulseTicketWork) work = pulse_ticket_work_new (incoming);
  g_autoptr(PulseTicketWork) ruled = NULL;
  g_autoptr(PulseTicket) ticket = NULL;
  g_autoptr(PulseTicket) final = NULL;
  g_autoptr(JsonNode) data = NULL;
  PulseTicketWork *stored;

  /* Most tickets come in order and complete: then they go to the rules
   * as they are, without another trip through the codec. */
  work->version = 1;
  pulse_ticket_set_version (incoming, 1);
  if (pulse_ticket_work_is_canonical (work, incoming))
    ticket = g_object_ref (incoming);
  else
    ticket = pulse_ticket_work_assemble (work, error);
  if (ticket == NULL ||
      !pulse_server_rules_on_ticket_created (ingest->server, ticket, error))
    return FALSE;

  /* The rules may have added a reply out of order or past updated_at:
   * then it is sorted in and updated_at moved past it. */
  ruled = pulse_ticket_work_new (ticket);
  ruled->version = 1;
  if (pulse_ticket_work_is_canonical (ruled, ticket))
    final = g_object_ref (ticket);
  else
    final = pulse_ticket_work_assemble (ruled, error);
  if (final == NULL)
    return FALSE;

  /* The row is written at the end from the event's own JSON. */
  data = pulse_ticket_to_json (final);
  g_set_object (&ruled->header, final);
  g_set_object (&ruled->assembled, final);
  g_clear_pointer (&ruled->body, json_node_unref);
  ruled->body = json_node_ref (data);
  ruled->dirty = TRUE;
  stored = g_steal_pointer (&ruled);
  g_hash_table_insert (work_table (ingest), g_strdup (pulse_ticket_get_id (final)), stored);
  if (!pulse_ingest_emit (ingest, "ticket.created", data, error))
    return FALSE;

  /* A contact that arrives already rated 1–2 is flagged as well. */
  for (guint i = 0; i < stored->ratings->len; i++)
    if (!pulse_server_followups_rating_added (ingest->server, final, stored->messages,
                                              stored->ratings->pdata[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
update_ticket (PulseIngest      *ingest,
               PulseTicketWork  *work,
               PulseTicket      *incoming,
               GError          **error)
{
  GListModel *messages = pulse_ticket_get_messages (incoming);
  GListModel *ratings = pulse_ticket_get_ratings (incoming);
  gint64 stored_updated_at = work->updated_at;
  gint64 incoming_updated_at = pulse_ticket_work_latest (incoming);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);

      if (!merge_message (ingest, work, message, error))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (!merge_rating (ingest, work, rating, error))
        return FALSE;
    }

  /* The stale rule: an older header never replaces a newer one. */
  if (incoming_updated_at >= stored_updated_at &&
      (incoming_updated_at > work->updated_at ||
       pulse_ticket_work_headers_differ (incoming, work->header)))
    {
      g_autoptr(JsonNode) header = NULL;

      g_set_object (&work->header, incoming);
      work->version++;
      work->updated_at = MAX (work->updated_at, incoming_updated_at);
      work->dirty = TRUE;
      header = pulse_ticket_work_header (incoming, work->version, work->updated_at, FALSE);
      if (!pulse_ingest_emit (ingest, "ticket.updated", header, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * pulse_ingest_ticket:
 * @item: a ticket's wire form; its `version` is ignored
 *
 * Creates the ticket (running the rules on it first) or merges it into
 * the stored one. Events: `ticket.created` with the whole ticket; or one
 * `message.created` per new message, one `rating.created` per new
 * rating, then `ticket.updated` if the header changed.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ingest_ticket (PulseIngest  *ingest,
                     JsonNode     *item,
                     GError      **error)
{
  g_autoptr(JsonNode) versioned = pulse_ingest_with_version (item, 0);
  g_autoptr(PulseTicket) incoming = pulse_ticket_new_from_json (versioned, error);
  g_autoptr(GError) local_error = NULL;
  PulseTicketWork *work;

  if (incoming == NULL)
    return FALSE;

  work = lookup_work (ingest, pulse_ticket_get_id (incoming), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (work == NULL)
    return create_ticket (ingest, incoming, error);

  return update_ticket (ingest, work, incoming, error);
}

/* `{"ticket_id", member}`: the ticket (which must exist) and the nested
 * object decoded by @decode. */
static gpointer
read_addition (PulseIngest              *ingest,
               JsonNode                 *item,
               const char               *what,
               const char               *member,
               PulseJsonListDecodeFunc   decode,
               PulseTicketWork         **work,
               GError                  **error)
{
  g_autofree char *ticket_id = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) local_error = NULL;
  PulseJsonReader reader;
  JsonNode *node;

  if (!pulse_json_reader_init (&reader, item, what, error))
    return NULL;

  ticket_id = pulse_json_reader_dup_string (&reader, "ticket_id", PULSE_JSON_REQUIRED,
                                            PULSE_JSON_MAX_ID);
  node = pulse_json_reader_get_object (&reader, member, PULSE_JSON_REQUIRED);
  if (node != NULL)
    {
      object = decode (node, &local_error);
      if (object == NULL)
        pulse_json_reader_take_error (&reader, member, g_steal_pointer (&local_error));
    }
  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  *work = lookup_work (ingest, ticket_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (*work == NULL)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "ticket_id: no ticket “%s”",
                   ticket_id);
      return NULL;
    }

  return g_steal_pointer (&object);
}

/**
 * pulse_ingest_message:
 * @item: `{"ticket_id","message"}`
 *
 * Adds the message to its ticket unless the ticket has its id already.
 * Event: `message.created`.
 *
 * Returns: %TRUE on success; %PULSE_ERROR_NOT_FOUND for an unknown ticket.
 */
gboolean
pulse_ingest_message (PulseIngest  *ingest,
                      JsonNode     *item,
                      GError      **error)
{
  PulseTicketWork *work = NULL;
  g_autoptr(PulseMessage) message = NULL;

  message = read_addition (ingest, item, "an ingested message", "message",
                           PULSE_JSON_LIST_DECODE (pulse_message_new_from_json), &work, error);

  return message != NULL && merge_message (ingest, work, message, error);
}

/**
 * pulse_ingest_rating:
 * @item: `{"ticket_id","rating"}`
 *
 * Adds the rating to its ticket unless it has one of the same kind at the
 * same time. Event: `rating.created`.
 *
 * Returns: %TRUE on success; %PULSE_ERROR_NOT_FOUND for an unknown ticket.
 */
gboolean
pulse_ingest_rating (PulseIngest  *ingest,
                     JsonNode     *item,
                     GError      **error)
{
  PulseTicketWork *work = NULL;
  g_autoptr(PulseRating) rating = NULL;

  rating = read_addition (ingest, item, "an ingested rating", "rating",
                          PULSE_JSON_LIST_DECODE (pulse_rating_new_from_json), &work, error);

  return rating != NULL && merge_rating (ingest, work, rating, error);
}

/**
 * pulse_ingest_flush_tickets:
 *
 * Writes every ticket the request changed. Call it last, inside the
 * request's transaction.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ingest_flush_tickets (PulseIngest  *ingest,
                            GError      **error)
{
  GHashTableIter iter;
  PulseTicketWork *work;

  if (ingest->ticket_work == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, ingest->ticket_work);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &work))
    {
      g_autoptr(PulseTicket) ticket = NULL;

      if (!work->dirty)
        continue;

      ticket = pulse_ticket_work_assemble (work, error);
      if (ticket == NULL || !pulse_ticket_store_put (ingest->tickets, ticket, work->body, error))
        return FALSE;
    }

  return TRUE;
}
