/* pulse-ticket-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseTicket. Wire form:
 * `{"id","version","queue_id","channel","subject","customer_id","status",
 * "priority","assignee_id"?,"tags":[…],"language"?,"created_at",
 * "updated_at"?,"resolved_at"?,"handle_seconds"?,"messages":[message…],
 * "ratings":[rating…]}`. `priority` reads as "normal" and the arrays as
 * empty when absent; `handle_seconds`, an integer 0…604800 (7 days), as
 * unknown, which is not the same as 0. Errors
 * inside a message or rating carry its path ("messages[2].author_kind: …").
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json-list.h"
#include "pulse-json-sink.h"
#include "pulse-json.h"
#include "pulse-message-private.h"
#include "pulse-queue.h"
#include "pulse-rating-private.h"
#include "pulse-ticket-private.h"

#define MAX_TAGS 64

static void
read_items (PulseJsonReader         *reader,
            const char              *member,
            PulseJsonListDecodeFunc  decode,
            GListStore              *store)
{
  g_autoptr(GPtrArray) items = NULL;

  items = pulse_json_list_read (reader, member, PULSE_JSON_OPTIONAL, decode, g_object_unref);
  if (items != NULL)
    g_list_store_splice (store, 0, 0, items->pdata, items->len);
}

static void
add_items (JsonBuilder             *builder,
           const char              *member,
           PulseJsonListEncodeFunc  encode,
           GListModel              *model)
{
  guint n = g_list_model_get_n_items (model);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_builder_add_value (builder, encode (item));
    }
  json_builder_end_array (builder);
}

static void
check_messages_order (PulseTicket     *self,
                      PulseJsonReader *reader)
{
  GListModel *model = G_LIST_MODEL (self->messages);
  guint n = g_list_model_get_n_items (model);
  gint64 previous = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (model, i);
      gint64 at = pulse_message_get_at (message);

      if (at < previous)
        {
          g_autofree char *path = g_strdup_printf ("messages[%u].at", i);

          pulse_json_reader_fail (reader, path, "is before messages[%u]", i - 1);
          return;
        }
      previous = at;
    }
}

static void
check_ticket (PulseTicket     *self,
              PulseJsonReader *reader)
{
  if (pulse_json_reader_failed (reader))
    return;

  if (self->language != NULL && !pulse_queue_language_is_valid (self->language))
    pulse_json_reader_fail (reader, "language", "must be a short BCP 47 tag such as “uk”");
  if (self->updated_at != 0 && self->updated_at < self->created_at)
    pulse_json_reader_fail (reader, "updated_at", "must not be before created_at");
  if (self->resolved_at != 0 && self->resolved_at < self->created_at)
    pulse_json_reader_fail (reader, "resolved_at", "must not be before created_at");

  for (guint i = 0; self->tags[i] != NULL; i++)
    {
      if (self->tags[i][0] == '\0')
        {
          g_autofree char *path = g_strdup_printf ("tags[%u]", i);

          pulse_json_reader_fail (reader, path, "must not be empty");
          return;
        }
    }

  check_messages_order (self, reader);
}

static void
read_fields (PulseTicket     *self,
             PulseJsonReader *reader)
{
  GStrv tags;

  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->queue_id = pulse_json_reader_dup_string (reader, "queue_id", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  self->channel = pulse_json_reader_get_enum (reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                              PULSE_JSON_REQUIRED, PULSE_CHANNEL_KIND_EMAIL);
  self->subject = pulse_json_reader_dup_string (reader, "subject", PULSE_JSON_REQUIRED,
                                                PULSE_JSON_MAX_SHORT);
  self->customer_id = pulse_json_reader_dup_string (reader, "customer_id", PULSE_JSON_REQUIRED,
                                                    PULSE_JSON_MAX_ID);
  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_TICKET_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_TICKET_STATUS_NEW);
  self->priority = pulse_json_reader_get_enum (reader, "priority", PULSE_TYPE_PRIORITY,
                                               PULSE_JSON_OPTIONAL, PULSE_PRIORITY_NORMAL);
  self->assignee_id = pulse_json_reader_dup_string (reader, "assignee_id", PULSE_JSON_OPTIONAL,
                                                    PULSE_JSON_MAX_ID);
  tags = pulse_json_reader_dup_strv (reader, "tags", PULSE_JSON_OPTIONAL,
                                     MAX_TAGS, PULSE_JSON_MAX_NAME);
  if (tags != NULL)
    {
      g_strfreev (self->tags);
      self->tags = tags;
    }
  self->language = pulse_json_reader_dup_string (reader, "language", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_ID);
  self->created_at = pulse_json_reader_get_time (reader, "created_at", PULSE_JSON_REQUIRED);
  self->updated_at = pulse_json_reader_get_time (reader, "updated_at", PULSE_JSON_OPTIONAL);
  self->resolved_at = pulse_json_reader_get_time (reader, "resolved_at", PULSE_JSON_OPTIONAL);
  self->handle_seconds = pulse_json_reader_get_int (reader, "handle_seconds", PULSE_JSON_OPTIONAL,
                                                    0, PULSE_TICKET_MAX_HANDLE_SECONDS,
                                                    PULSE_TICKET_HANDLE_UNKNOWN);
}

/**
 * pulse_ticket_new_from_json:
 * @node: the wire form of a ticket
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault, with the path of a nested message or rating
 *
 * Returns: (transfer full) (nullable): the ticket, or %NULL on error.
 */
PulseTicket *
pulse_ticket_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(PulseTicket) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a ticket", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_TICKET, NULL);
  read_fields (self, &reader);
  read_items (&reader, "messages", PULSE_JSON_LIST_DECODE (pulse_message_new_from_json),
              self->messages);
  read_items (&reader, "ratings", PULSE_JSON_LIST_DECODE (pulse_rating_new_from_json),
              self->ratings);
  check_ticket (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Everything but the messages and ratings, in its canonical order. */
static void
write_header (PulseTicket   *self,
              PulseJsonSink *sink)
{
  pulse_json_sink_string (sink, "id", self->id);
  pulse_json_sink_int (sink, "version", self->version);
  pulse_json_sink_string (sink, "queue_id", self->queue_id);
  pulse_json_sink_enum (sink, "channel", PULSE_TYPE_CHANNEL_KIND, self->channel);
  pulse_json_sink_string (sink, "subject", self->subject);
  pulse_json_sink_string (sink, "customer_id", self->customer_id);
  pulse_json_sink_enum (sink, "status", PULSE_TYPE_TICKET_STATUS, self->status);
  pulse_json_sink_enum (sink, "priority", PULSE_TYPE_PRIORITY, self->priority);
  pulse_json_sink_string (sink, "assignee_id", self->assignee_id);
  pulse_json_sink_strv (sink, "tags", (const char * const *) self->tags);
  pulse_json_sink_string (sink, "language", self->language);
  pulse_json_sink_time (sink, "created_at", self->created_at);
  pulse_json_sink_time (sink, "updated_at", self->updated_at);
  pulse_json_sink_time (sink, "resolved_at", self->resolved_at);
  if (self->handle_seconds != PULSE_TICKET_HANDLE_UNKNOWN)
    pulse_json_sink_int (sink, "handle_seconds", self->handle_seconds);
}

/* The header, then @messages and @ratings (references taken) when given,
 * else @self's own lists. */
static JsonNode *
encode (PulseTicket *self,
        JsonNode    *messages,
        JsonNode    *ratings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  PulseJsonSink sink;

  json_builder_begin_object (builder);
  pulse_json_sink_init_build (&sink, builder);
  write_header (self, &sink);
  if (messages != NULL)
    {
      json_builder_set_member_name (builder, "messages");
      json_builder_add_value (builder, json_node_ref (messages));
      json_builder_set_member_name (builder, "ratings");
      json_builder_add_value (builder, json_node_ref (ratings));
    }
  else
    {
      add_items (builder, "messages", PULSE_JSON_LIST_ENCODE (pulse_message_to_json),
                 G_LIST_MODEL (self->messages));
      add_items (builder, "ratings", PULSE_JSON_LIST_ENCODE (pulse_rating_to_json),
                 G_LIST_MODEL (self->ratings));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

typedef gboolean (*MatchFunc) (gpointer  item,
                               JsonNode *node);

static gboolean
message_matches (gpointer  item,
                 JsonNode *node)
{
  return _pulse_message_matches_json (item, node);
}

static gboolean
rating_matches (gpointer  item,
                JsonNode *node)
{
  return _pulse_rating_matches_json (item, node);
}

/* Matching: the next member is @member, an array of @model's items each
 * as @match finds it written. */
static void
match_items (PulseJsonSink *sink,
             const char    *member,
             MatchFunc      match,
             GListModel    *model)
{
  JsonNode *node = pulse_json_sink_next (sink, member);
  guint n = g_list_model_get_n_items (model);
  JsonArray *array;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) != n)
    {
      sink->differs = TRUE;
      return;
    }
  for (guint i = 0; i < n && !sink->differs; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      sink->differs = !match (item, json_array_get_element (array, i));
    }
}

/* Whether @node is pulse_ticket_to_json()'s text of @self (@header_only:
 * its header, followed by nothing but lists named "messages" and
 * "ratings", whatever they hold, as a `ticket.updated` may carry). */
gboolean
_pulse_ticket_matches_json (PulseTicket *self,
                            JsonNode    *node,
                            gboolean     header_only)
{
  PulseJsonSink sink;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  pulse_json_sink_init_match (&sink, json_node_get_object (node));
  write_header (self, &sink);
  if (!header_only)
    {
      match_items (&sink, "messages", message_matches, G_LIST_MODEL (self->messages));
      match_items (&sink, "ratings", rating_matches, G_LIST_MODEL (self->ratings));
      return pulse_json_sink_matches (&sink);
    }

  if (sink.differs)
    return FALSE;
  for (const char *name; json_object_iter_next_ordered (&sink.iter, &name, &member);)
    {
      if (!g_str_equal (name, "messages") && !g_str_equal (name, "ratings"))
        return FALSE;
    }
  return TRUE;
}

/**
 * pulse_ticket_to_json:
 *
 * Returns: (transfer full): the wire form of @self, with its messages and
 *   ratings.
 */
JsonNode *
pulse_ticket_to_json (PulseTicket *self)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);

  return encode (self, NULL, NULL);
}

/* The wire form of @self's header with @messages and @ratings (the
 * canonical arrays of a stored ticket, shared) as its lists: a
 * `ticket.updated` applied on the ticket a state holds, without
 * encoding the header's own lists only to replace them. */
JsonNode *
_pulse_ticket_to_json_with_lists (PulseTicket *self,
                                  JsonNode    *messages,
                                  JsonNode    *ratings)
{
  g_return_val_if_fail (PULSE_IS_TICKET (self), NULL);
  g_return_val_if_fail (messages != NULL && ratings != NULL, NULL);

  return encode (self, messages, ratings);
}
