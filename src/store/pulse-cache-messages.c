/* pulse-cache-messages.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ticket's messages as rows of their own (schema 2, pulse-cache-file.c).
 * Every event on a ticket stores the whole ticket again, and a busy chat
 * has dozens of messages: rewriting them all was most of the cache
 * writer's time. Messages never change once sent (docs/protocol.md: a
 * message.created inserts one in time order, nothing edits or removes
 * one), so a message stored at its place under its id is the same
 * message; only the places from the first that differs on are written.
 * The common case, a message added at the end, is one insert.
 */

#include "config.h"

#include "pulse-cache-private.h"

/* The message's id, or "" for one without (it is then always written). */
static const char *
message_id (JsonNode *message)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (message))
    return "";

  id = json_object_get_member (json_node_get_object (message), "id");
  return id != NULL && JSON_NODE_HOLDS_VALUE (id) &&
         json_node_get_value_type (id) == G_TYPE_STRING ? json_node_get_string (id) : "";
}

/* How many of @messages are stored at their place already; *n_stored is
 * how many rows the ticket has. */
static gboolean
count_kept (PulseCache  *self,
            const char  *ticket_id,
            JsonArray   *messages,
            guint       *n_kept,
            guint       *n_stored,
            GError     **error)
{
  PulseStmt *stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_MESSAGE_IDS, error);
  guint n = messages != NULL ? json_array_get_length (messages) : 0;
  gboolean same = TRUE, has_row = FALSE;
  gboolean ok;

  *n_kept = *n_stored = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  while ((ok = pulse_db_step (self->writer, stmt, &has_row, error)) && has_row)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 0);

      same = same && *n_stored < n && *stored != '\0' &&
             g_str_equal (stored, message_id (json_array_get_element (messages, *n_stored)));
      *n_kept += same;
      (*n_stored)++;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
put_message (PulseCache  *self,
             const char  *ticket_id,
             guint        ord,
             JsonNode    *message,
             GError     **error)
{
  PulseStmt *stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_PUT_MESSAGE, error);
  gsize length;
  char *text;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ord);
  sqlite3_bind_text (stmt, 3, message_id (message), -1, SQLITE_TRANSIENT);
  text = _pulse_cache_json_to_string (message, &length);
  sqlite3_bind_text64 (stmt, 4, text, length, g_free, SQLITE_UTF8);
  return _pulse_cache_run (self, stmt, NULL, error);
}

/**
 * _pulse_cache_put_messages:
 * @ticket_id: the ticket, just stored
 * @messages: (nullable): its messages, in order; %NULL for none
 *
 * Makes the ticket's message rows @messages, writing only what differs.
 * Only the writer calls this, inside a batch.
 *
 * Returns: %FALSE on a database error.
 */
gboolean
_pulse_cache_put_messages (PulseCache  *self,
                           const char  *ticket_id,
                           JsonArray   *messages,
                           GError     **error)
{
  guint n = messages != NULL ? json_array_get_length (messages) : 0;
  guint n_kept = 0, n_stored = 0;
  PulseStmt *stmt;

  if (!count_kept (self, ticket_id, messages, &n_kept, &n_stored, error))
    return FALSE;

  for (guint i = n_kept; i < n; i++)
    if (!put_message (self, ticket_id, i, json_array_get_element (messages, i), error))
      return FALSE;

  if (n_stored <= n)
    return TRUE;

  stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_TRIM_MESSAGES, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, n);
  return _pulse_cache_run (self, stmt, NULL, error);
}
