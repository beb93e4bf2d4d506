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
 *
 * Which ids are stored is read back per put unless the writer knows: it
 * remembers the ids it committed for each ticket (up to MAX_KNOWN
 * tickets), forgets a ticket whose row goes (its messages go with it),
 * everything when a batch fails, and everything when another connection
 * has written the file since (`PRAGMA data_version`), so what it knows is
 * what the file holds.
 */

#include "config.h"

#include "pulse-cache-private.h"

/* The open tickets and then some; past it, start again. */
#define MAX_KNOWN 20000

static void
ids_free (gpointer ids)
{
  if (ids != NULL)
    g_ptr_array_unref (ids);
}

void
_pulse_cache_messages_init (PulseCache *self)
{
  self->known_messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ids_free);
  self->staged_messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ids_free);
  self->data_version = -1;
}

void
_pulse_cache_messages_free (PulseCache *self)
{
  g_clear_pointer (&self->known_messages, g_hash_table_unref);
  g_clear_pointer (&self->staged_messages, g_hash_table_unref);
}

/**
 * _pulse_cache_messages_begin:
 *
 * At the start of a batch, inside its transaction: forgets what another
 * connection may have changed.
 *
 * Returns: %FALSE on a database error.
 */
gboolean
_pulse_cache_messages_begin (PulseCache  *self,
                             GError     **error)
{
  PulseStmt *stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_DATA_VERSION, error);
  gboolean has_row = FALSE;
  gint64 version;

  if (stmt == NULL || !pulse_db_step (self->writer, stmt, &has_row, error))
    return FALSE;

  version = has_row ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (version != self->data_version || version == -1)
    g_hash_table_remove_all (self->known_messages);
  self->data_version = version;
  return TRUE;
}

/**
 * _pulse_cache_messages_forget:
 * @ticket_id: (nullable): a ticket whose row this batch deletes, or %NULL
 *   for every ticket
 */
void
_pulse_cache_messages_forget (PulseCache *self,
                              const char *ticket_id)
{
  if (ticket_id != NULL)
    {
      g_hash_table_replace (self->staged_messages, g_strdup (ticket_id), NULL);
      return;
    }

  g_hash_table_remove_all (self->staged_messages);
  self->staged_forget_all = TRUE;
}

/**
 * _pulse_cache_messages_end:
 * @committed: whether the batch committed
 *
 * What the batch wrote becomes known, or (rolled back) nothing is.
 */
void
_pulse_cache_messages_end (PulseCache *self,
                           gboolean    committed)
{
  GHashTableIter iter;
  gpointer key, ids;

  if (!committed || self->staged_forget_all)
    g_hash_table_remove_all (self->known_messages);

  g_hash_table_iter_init (&iter, self->staged_messages);
  while (committed && g_hash_table_iter_next (&iter, &key, &ids))
    {
      if (ids == NULL)
        g_hash_table_remove (self->known_messages, key);
      else
        g_hash_table_replace (self->known_messages, g_strdup (key), g_ptr_array_ref (ids));
    }
  if (g_hash_table_size (self->known_messages) > MAX_KNOWN)
    g_hash_table_remove_all (self->known_messages);
  g_hash_table_remove_all (self->staged_messages);
  self->staged_forget_all = FALSE;
}

/* The ids stored for @ticket_id as far as the writer knows, or NULL. */
static GPtrArray *
known_ids (PulseCache *self,
           const char *ticket_id)
{
  gpointer ids = NULL;

  if (g_hash_table_lookup_extended (self->staged_messages, ticket_id, NULL, &ids))
    return ids;
  if (self->staged_forget_all)
    return NULL;
  return g_hash_table_lookup (self->known_messages, ticket_id);
}

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

/* Counts @stored (an id stored at *n_stored) into *n_kept while it
 * matches @messages at its place. */
static void
count_one (const char *stored,
           JsonArray  *messages,
           gboolean   *same,
           guint      *n_kept,
           guint      *n_stored)
{
  guint n = messages != NULL ? json_array_get_length (messages) : 0;

  *same = *same && *n_stored < n && *stored != '\0' &&
          g_str_equal (stored, message_id (json_array_get_element (messages, *n_stored)));
  *n_kept += *same;
  (*n_stored)++;
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
  GPtrArray *known = known_ids (self, ticket_id);
  gboolean same = TRUE, has_row = FALSE;
  PulseStmt *stmt;
  gboolean ok;

  *n_kept = *n_stored = 0;
  for (guint i = 0; known != NULL && i < known->len; i++)
    count_one (known->pdata[i], messages, &same, n_kept, n_stored);
  if (known != NULL)
    return TRUE;

  stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_MESSAGE_IDS, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  while ((ok = pulse_db_step (self->writer, stmt, &has_row, error)) && has_row)
    count_one ((const char *) sqlite3_column_text (stmt, 0), messages, &same, n_kept, n_stored);
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

/* Notes @messages as the ticket's rows once the batch commits. Messages
 * added at the end extend the known list in place: should the batch
 * roll back, nothing known is kept anyway. */
static void
stage (PulseCache *self,
       const char *ticket_id,
       JsonArray  *messages,
       guint       n_kept)
{
  guint n = messages != NULL ? json_array_get_length (messages) : 0;
  GPtrArray *ids = known_ids (self, ticket_id);

  if (ids != NULL && ids->len == n_kept)
    g_ptr_array_ref (ids);
  else
    {
      ids = g_ptr_array_new_full (n, g_free);
      n_kept = 0;
    }
  for (guint i = n_kept; i < n; i++)
    g_ptr_array_add (ids, g_strdup (message_id (json_array_get_element (messages, i))));
  g_hash_table_replace (self->staged_messages, g_strdup (ticket_id), ids);
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

  if (n_stored > n)
    {
      stmt = _pulse_cache_get_stmt (self, PULSE_CACHE_STMT_TRIM_MESSAGES, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, n);
      if (!_pulse_cache_run (self, stmt, NULL, error))
        return FALSE;
    }

  stage (self, ticket_id, messages, n_kept);
  return TRUE;
}
