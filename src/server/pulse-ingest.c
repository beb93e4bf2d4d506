/* pulse-ingest.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-ingest.h"
#include "pulse-server.h"

/**
 * pulse_ingest_init:
 * @ingest: state on the stack
 * @server: the server the request came to
 *
 * Prepares the state one ingest request shares across its items.
 */
void
pulse_ingest_init (PulseIngest *ingest,
                   PulseServer *server)
{
  g_return_if_fail (ingest != NULL);
  g_return_if_fail (PULSE_IS_SERVER (server));

  ingest->server = server;
  ingest->events = pulse_server_get_event_log (server);
  ingest->tickets = pulse_ticket_store_new (pulse_server_get_db (server));
  ingest->directory = pulse_directory_store_new (pulse_server_get_db (server));
  ingest->ticket_work = NULL;
}

/**
 * pulse_ingest_clear:
 *
 * Releases what pulse_ingest_init() and the items took.
 */
void
pulse_ingest_clear (PulseIngest *ingest)
{
  g_return_if_fail (ingest != NULL);

  g_clear_object (&ingest->tickets);
  g_clear_object (&ingest->directory);
  g_clear_pointer (&ingest->ticket_work, g_hash_table_unref);
}

/**
 * pulse_ingest_emit:
 * @type: the event type ("ticket.created")
 * @data: the event's data, not taken
 *
 * Appends one event inside the request's transaction.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_ingest_emit (PulseIngest  *ingest,
                   const char   *type,
                   JsonNode     *data,
                   GError      **error)
{
  g_return_val_if_fail (ingest != NULL, FALSE);

  return pulse_event_log_append (ingest->events, type, data, error) > 0;
}

/**
 * pulse_ingest_with_version:
 * @item: an item as a bridge sent it
 * @version: the version the server assigns
 *
 * Versions are the server's: whatever @item says is replaced before the
 * codec reads it, so a bridge need not know them.
 *
 * Returns: (transfer full): a copy of @item with @version, or @item itself
 *   when it is not an object (for the codec to refuse).
 */
JsonNode *
pulse_ingest_with_version (JsonNode *item,
                           gint64    version)
{
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (item != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return json_node_ref (item);

  object = json_node_get_object (item);
  copy = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object,
                                                                                   l->data)));
  json_object_set_int_member (copy, "version", version);

  return json_node_init_object (json_node_alloc (), copy);
}
