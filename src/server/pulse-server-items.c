/* pulse-server-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CRUD on the managed collections: rules, templates, scorecards,
 * mentorships, shifts and reviews (docs/protocol.md, "Managed items").
 * Every change is one transaction holding the item, its event, its audit
 * entry and, for a request with an Idempotency-Key, the answer to replay.
 */

#include "config.h"

#include "pulse-item-kind.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rule-book.h"
#include "pulse-server-followups.h"
#include "pulse-server-http.h"
#include "pulse-server-items-private.h"
#include "pulse-server-items.h"
#include "pulse-server-mutation.h"

#define API_PREFIX "/api/v1/"

static void
respond_list (PulseServer         *server,
              SoupServerMessage   *msg,
              PulseTokenInfo      *who,
              const PulseItemKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  items = pulse_item_store_list (pulse_server_get_item_store (server), kind->kind, &error);
  if (items == NULL)
    {
      pulse_server_respond_internal (msg, "read the items", error);
      return;
    }
  /* A lead lists their own teams' follow-ups only. */
  if (g_str_equal (kind->kind, "followup"))
    {
      GPtrArray *kept = pulse_server_followups_filter (server, who, items);

      g_ptr_array_unref (items);
      items = kept;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, kind->collection);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (builder, json_node_ref (items->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

static void
respond_item (PulseServer         *server,
              SoupServerMessage   *msg,
              const PulseItemKind *kind,
              const char          *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) item = NULL;

  item = pulse_item_store_get (pulse_server_get_item_store (server), kind->kind, id, &error);
  if (item == NULL)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", error->message);
      return;
    }

  pulse_server_respond_json (msg, SOUP_STATUS_OK, item);
}

static void
handle_mutation (PulseServer         *server,
                 SoupServerMessage   *msg,
                 const PulseItemKind *kind,
                 const char          *id)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(PulseServerMutation) m = NULL;
  PulseDbFunc func;

  m = pulse_server_mutation_begin (server, msg, kind->edit);
  if (m == NULL)
    return;

  m->kind = kind;
  if (method == SOUP_METHOD_POST && id == NULL)
    func = _pulse_server_items_create;
  else if (method == SOUP_METHOD_PUT && id != NULL)
    func = _pulse_server_items_update;
  else if (method == SOUP_METHOD_DELETE && id != NULL)
    func = _pulse_server_items_delete;
  else
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  id == NULL ? "a collection accepts GET and POST"
                                             : "an item accepts GET, PUT and DELETE");
      return;
    }

  if (func != _pulse_server_items_create && !pulse_server_mutation_require_if_match (m))
    return;

  if (func != _pulse_server_items_delete && !pulse_server_mutation_read_input (m))
    return;

  pulse_server_mutation_set_id (m, id != NULL ? id : pulse_server_mutation_input_id (m));

  /* /api/v1/rules/test, /replay and /stats are the test bench and the
   * figures, so no rule may take those ids. */
  if (g_str_equal (kind->kind, "rule") &&
      (g_str_equal (m->id, "test") || g_str_equal (m->id, "replay") ||
       g_str_equal (m->id, "stats")))
    {
      g_autofree char *text = g_strdup_printf ("id: “%s” is reserved for rules", m->id);

      pulse_server_respond_error (msg, 422, "invalid_data", text);
      return;
    }
  /* Nor a review "draw": POST /api/v1/reviews/draw draws the week. */
  if (g_str_equal (kind->kind, "review") && g_str_equal (m->id, "draw"))
    {
      pulse_server_respond_error (msg, 422, "invalid_data",
                                  "id: “draw” is reserved for reviews");
      return;
    }

  pulse_server_mutation_run (m, func);

  /* Recompiled on next use; a rolled-back change costs one compilation. */
  if (g_str_equal (kind->kind, "rule"))
    pulse_rule_book_invalidate (pulse_server_get_rule_book (server));
}

/* Splits "/api/v1/rules/ID" into its collection and id; %FALSE for any
 * other shape (a nested path, an empty or over-long id). */
static gboolean
split_path (const char  *path,
            char       **collection,
            char       **id)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (path, API_PREFIX))
    return FALSE;

  parts = g_strsplit (path + strlen (API_PREFIX), "/", 3);
  if (parts[0] == NULL || (parts[1] != NULL && (parts[1][0] == '\0' || parts[2] != NULL)))
    return FALSE;

  if (parts[1] != NULL && strlen (parts[1]) > PULSE_JSON_MAX_ID)
    return FALSE;

  *collection = g_strdup (parts[0]);
  *id = g_strdup (parts[1]);
  return TRUE;
}

static void
on_items_cb (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autofree char *collection = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PulseTokenInfo) who = NULL;
  const PulseItemKind *kind;

  if (!split_path (path, &collection, &id) ||
      (kind = pulse_item_kind_find_collection (collection)) == NULL)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      handle_mutation (server, msg, kind, id);
      return;
    }

  who = pulse_server_authorize (server, msg, PULSE_PERMISSION_READ);
  if (who == NULL)
    return;

  if (id == NULL)
    respond_list (server, msg, who, kind);
  else
    respond_item (server, msg, kind, id);
}

/**
 * pulse_server_items_install:
 * @server: the server
 *
 * Adds `/api/v1/<collection>` and `/api/v1/<collection>/<id>` for every
 * managed collection.
 */
void
pulse_server_items_install (PulseServer *server)
{
  const PulseItemKind *kinds;
  guint n_kinds;

  g_return_if_fail (PULSE_IS_SERVER (server));

  kinds = pulse_item_kind_get_all (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *path = g_strconcat (API_PREFIX, kinds[i].collection, NULL);

      soup_server_add_handler (pulse_server_get_soup (server), path, on_items_cb, server, NULL);
    }
}
