/* pulse-server-audit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /api/v1/audit: who changed what, for heads (docs/protocol.md).
 */

#include "config.h"

#include "pulse-audit-entry.h"
#include "pulse-item-kind.h"
#include "pulse-item-store.h"
#include "pulse-server-audit.h"
#include "pulse-server-http.h"

#define DEFAULT_LIMIT 100
#define MAX_LIMIT     1000

static gboolean
read_limit (SoupServerMessage *msg,
            GHashTable        *query,
            guint             *limit)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  guint64 value = DEFAULT_LIMIT;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, MAX_LIMIT, &value, NULL))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                  "limit: expected a whole number from 1 to 1000");
      return FALSE;
    }

  *limit = (guint) value;
  return TRUE;
}

static void
respond_entries (SoupServerMessage *msg,
                 GPtrArray         *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    json_builder_add_value (builder, json_node_ref (entries->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

/* Heads read the whole log. Whoever may edit a kind of item may read the
 * history of one such item, so the editor can show who changed it: an
 * item's history holds nothing its editors cannot already see. */
static PulsePermission
audit_permission (const char *entity,
                  const char *id)
{
  const PulseItemKind *kind = entity != NULL ? pulse_item_kind_find (entity) : NULL;

  if (kind == NULL || id == NULL || *id == '\0')
    return PULSE_PERMISSION_READ_AUDIT;

  return kind->edit;
}

static void
on_audit_cb (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autoptr(PulseTokenInfo) who = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *entity = NULL;
  const char *id = NULL;
  guint limit = DEFAULT_LIMIT;

  if (!pulse_server_accept (msg, path, "/api/v1/audit", SOUP_METHOD_GET, "audit"))
    return;

  if (query != NULL)
    {
      entity = g_hash_table_lookup (query, "entity");
      id = g_hash_table_lookup (query, "id");
    }

  who = pulse_server_authorize (server, msg, audit_permission (entity, id));
  if (who == NULL || !read_limit (msg, query, &limit))
    return;

  if (entity != NULL && !pulse_audit_entry_is_valid_entity_type (entity))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                  "entity: not an entity type the audit log records");
      return;
    }

  entries = pulse_item_store_list_audit (pulse_server_get_item_store (server), entity, id, limit,
                                         &error);
  if (entries == NULL)
    {
      pulse_server_respond_internal (msg, "read the audit log", error);
      return;
    }

  respond_entries (msg, entries);
}

/**
 * pulse_server_audit_install:
 * @server: the server
 *
 * Adds `GET /api/v1/audit?entity=&id=&limit=`, newest first.
 */
void
pulse_server_audit_install (PulseServer *server)
{
  g_return_if_fail (PULSE_IS_SERVER (server));

  soup_server_add_handler (pulse_server_get_soup (server), "/api/v1/audit", on_audit_cb, server,
                           NULL);
}
