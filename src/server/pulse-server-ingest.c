/* pulse-server-ingest.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `POST /api/v1/ingest/…`: how a helpdesk or a bridge feeds the server
 * (docs/protocol.md, Ingest). A body is one item or `{"items":[…]}`, and
 * the whole body is applied in one transaction or not at all.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-ingest.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-server-http.h"
#include "pulse-server-ingest-private.h"
#include "pulse-server-ingest.h"

#define INGEST_PREFIX "/api/v1/ingest/"

typedef struct
{
  const char      *name;
  PulseIngestFunc  func;
} IngestRoute;

static const IngestRoute routes[] = {
  { "tickets", pulse_ingest_ticket },
  { "messages", pulse_ingest_message },
  { "ratings", pulse_ingest_rating },
  { "agent-status", pulse_ingest_agent_status },
  { "applications", pulse_ingest_applications },
  { "directory", pulse_ingest_directory },
};

typedef struct
{
  PulseIngest      ingest;
  const IngestRoute *route;
  PulseTokenInfo  *who;
  JsonNode        *body;
  JsonArray       *items;
  gint64           seq_before;
} IngestRequest;

/* Names the item at fault the way the codecs name nested values. */
static void
prefix_item (GError **error,
             guint    index)
{
  if (strchr ((*error)->message, ':') != NULL)
    g_prefix_error (error, "items[%u].", index);
  else
    g_prefix_error (error, "items[%u]: ", index);
}

/* One audit entry per ingest request, not per item: who fed what and
 * which events it made. The items themselves are in those events. */
static gboolean
audit_request (IngestRequest  *request,
               GError        **error)
{
  PulseServer *server = request->ingest.server;
  gint64 seq = pulse_event_log_get_last_seq (pulse_server_get_event_log (server));
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) after = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "received",
                      request->items != NULL ? json_array_get_length (request->items) : 1);
  pulse_json_add_int (builder, "events", seq - request->seq_before);
  if (seq > request->seq_before)
    {
      pulse_json_add_int (builder, "first_seq", request->seq_before + 1);
      pulse_json_add_int (builder, "last_seq", seq);
    }
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return pulse_item_store_audit (pulse_server_get_item_store (server), request->who,
                                 PULSE_AUDIT_ACTION_CREATE, "ingest", request->route->name, seq,
                                 NULL, after, error);
}

static gboolean
apply_cb (PulseDb   *db,
          gpointer   user_data,
          GError   **error)
{
  IngestRequest *request = user_data;
  PulseIngestFunc func = request->route->func;

  if (request->items == NULL)
    {
      if (!func (&request->ingest, request->body, error))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < json_array_get_length (request->items); i++)
        {
          if (!func (&request->ingest, json_array_get_element (request->items, i), error))
            {
              prefix_item (error, i);
              return FALSE;
            }
        }
    }

  return pulse_ingest_flush_tickets (&request->ingest, error) && audit_request (request, error);
}

/* A batch is an object with "items"; anything else is a single item. */
static gboolean
find_items (JsonNode   *body,
            JsonArray **items,
            GError    **error)
{
  PulseJsonReader reader;

  *items = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (body) ||
      !json_object_has_member (json_node_get_object (body), "items"))
    return TRUE;

  pulse_json_reader_init (&reader, body, "a batch", NULL);
  *items = pulse_json_reader_get_array (&reader, "items", PULSE_JSON_REQUIRED,
                                        PULSE_JSON_MAX_ITEMS);
  return pulse_json_reader_finish (&reader, error);
}

static void
respond_failure (SoupServerMessage *msg,
                 const GError      *error)
{
  if (g_error_matches (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA))
    pulse_server_respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_data",
                                error->message);
  else if (g_error_matches (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND))
    pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", error->message);
  else
    {
      pulse_server_respond_internal (msg, "store the data", error);
    }
}

static void
respond_applied (PulseServer       *self,
                 SoupServerMessage *msg,
                 guint              received,
                 gint64             seq_before)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answer = NULL;
  gint64 seq = pulse_event_log_get_last_seq (pulse_server_get_event_log (self));

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "received", received);
  pulse_json_add_int (builder, "events", seq - seq_before);
  pulse_json_add_int (builder, "seq", seq);
  json_builder_end_object (builder);

  answer = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, answer);
}

/**
 * _pulse_server_ingest_body:
 * @route: the endpoint's last path segment ("tickets", "messages", …)
 * @who: the token that asked, for the audit log
 * @body: the parsed request body
 * @received: (out): how many items the body held
 *
 * What `POST /api/v1/ingest/@route` does with a body once it is JSON:
 * validates it and applies it in one transaction. The fuzz target of
 * tests/fuzz calls it directly.
 *
 * Returns: %TRUE if the body was applied; %FALSE with a %PULSE_ERROR
 *   (or a store error) otherwise, also for an unknown @route.
 */
gboolean
_pulse_server_ingest_body (PulseServer     *self,
                           const char      *route,
                           PulseTokenInfo  *who,
                           JsonNode        *body,
                           guint           *received,
                           GError         **error)
{
  IngestRequest request = { { 0 }, NULL, who, body, NULL, 0 };
  gboolean committed;
  gboolean previous;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (route, routes[i].name))
      request.route = &routes[i];

  if (request.route == NULL)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no such endpoint");
      return FALSE;
    }

  /* Ingest is a mutation: a member the protocol does not know is refused
   * by name, as a misspelt field would otherwise be lost silently. */
  previous = pulse_json_set_strict (TRUE);
  if (!find_items (body, &request.items, error))
    {
      pulse_json_set_strict (previous);
      return FALSE;
    }

  pulse_ingest_init (&request.ingest, self);
  request.seq_before = pulse_event_log_get_last_seq (pulse_server_get_event_log (self));
  committed = pulse_server_commit (self, apply_cb, &request, error);
  pulse_json_set_strict (previous);
  *received = request.items != NULL ? json_array_get_length (request.items) : 1;
  pulse_ingest_clear (&request.ingest);
  return committed;
}

static void
ingest (PulseServer       *self,
        SoupServerMessage *msg,
        const IngestRoute *route,
        PulseTokenInfo    *who)
{
  g_autoptr(JsonNode) body = pulse_server_read_body (msg);
  g_autoptr(GError) error = NULL;
  gint64 seq_before;
  guint received = 0;

  if (body == NULL)
    return;

  seq_before = pulse_event_log_get_last_seq (pulse_server_get_event_log (self));
  if (_pulse_server_ingest_body (self, route->name, who, body, &received, &error))
    respond_applied (self, msg, received, seq_before);
  else
    respond_failure (msg, error);
}

static void
on_ingest_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  const IngestRoute *route = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_has_prefix (path, INGEST_PREFIX) &&
        g_str_equal (path + strlen (INGEST_PREFIX), routes[i].name))
      route = &routes[i];

  if (route == NULL)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (!pulse_server_accept (msg, path, NULL, SOUP_METHOD_POST, "ingest"))
    return;

  info = pulse_server_authorize (self, msg, PULSE_PERMISSION_INGEST);
  if (info != NULL)
    ingest (self, msg, route, info);
}

/**
 * pulse_server_ingest_install:
 *
 * Adds the `/api/v1/ingest/…` endpoints to the server.
 */
void
pulse_server_ingest_install (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  soup_server_add_handler (pulse_server_get_soup (self), "/api/v1/ingest", on_ingest_cb, self,
                           NULL);
}
