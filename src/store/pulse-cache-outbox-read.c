/* pulse-cache-outbox-read.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the outbox of a #PulseCache, on reader connections.
 */

#include "config.h"

#include "pulse-cache-outbox.h"
#include "pulse-cache-private.h"
#include "pulse-json.h"

#define ENTRY_COLUMNS "id, method, path, body, idempotency_key, entity_kind, entity_id, " \
                      "base_version, state, attempts, next_attempt_at, last_status, "    \
                      "last_error, theirs, created_at"

static const char * const state_names[] = {
  [PULSE_OUTBOX_PENDING] = "pending",
  [PULSE_OUTBOX_FAILED] = "failed",
  [PULSE_OUTBOX_CONFLICT] = "conflict",
  [PULSE_OUTBOX_REJECTED] = "rejected",
};

/**
 * pulse_outbox_entry_free:
 * @entry: (nullable): an entry from the outbox
 */
void
pulse_outbox_entry_free (PulseOutboxEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->method);
  g_free (entry->path);
  g_clear_pointer (&entry->body, json_node_unref);
  g_free (entry->idempotency_key);
  g_free (entry->entity_kind);
  g_free (entry->entity_id);
  g_free (entry->last_error);
  g_clear_pointer (&entry->theirs, json_node_unref);
  g_free (entry);
}

/**
 * pulse_outbox_state_to_string:
 *
 * Returns: (transfer none): the state's name as stored ("pending" …).
 */
const char *
pulse_outbox_state_to_string (PulseOutboxState state)
{
  g_return_val_if_fail (state <= PULSE_OUTBOX_REJECTED, NULL);

  return state_names[state];
}

/* A state this Pulse does not know (carried from a newer one's outbox)
 * reads as pending: sending again is safe under the idempotency key,
 * dropping it would lose an edit. */
static PulseOutboxState
state_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (name, state_names[i]) == 0)
        return i;
    }

  return PULSE_OUTBOX_PENDING;
}

static char *
dup_column (PulseStmt *stmt,
            int        column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static JsonNode *
json_column (PulseStmt *stmt,
             int        column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (text == NULL)
    return NULL;

  node = pulse_json_parse (text, sqlite3_column_bytes (stmt, column), &error);
  if (node == NULL)
    g_warning ("outbox entry %" G_GINT64_FORMAT ": unreadable JSON: %s",
               (gint64) sqlite3_column_int64 (stmt, 0), error->message);
  return node;
}

static PulseOutboxEntry *
read_entry (PulseStmt *stmt)
{
  PulseOutboxEntry *entry = g_new0 (PulseOutboxEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->method = dup_column (stmt, 1);
  entry->path = dup_column (stmt, 2);
  entry->body = json_column (stmt, 3);
  entry->idempotency_key = dup_column (stmt, 4);
  entry->entity_kind = dup_column (stmt, 5);
  entry->entity_id = dup_column (stmt, 6);
  entry->base_version = sqlite3_column_int64 (stmt, 7);
  entry->state = state_from_string ((const char *) sqlite3_column_text (stmt, 8));
  entry->attempts = (guint) CLAMP (sqlite3_column_int64 (stmt, 9), 0, G_MAXUINT);
  entry->next_attempt_at = sqlite3_column_int64 (stmt, 10);
  entry->last_status = (guint) CLAMP (sqlite3_column_int64 (stmt, 11), 0, 999);
  entry->last_error = dup_column (stmt, 12);
  entry->theirs = json_column (stmt, 13);
  entry->created_at = sqlite3_column_int64 (stmt, 14);
  return entry;
}

static GPtrArray *
list_where (PulseCache  *self,
            const char  *where,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM outbox %s ORDER BY id",
                                          where);
  g_auto(PulseCacheRead) read = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  gboolean has_row = FALSE;

  if (!_pulse_cache_read_begin (self, &read, sql, error))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_outbox_entry_free);
  while (_pulse_cache_read_step (&read, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&entries);
      g_ptr_array_add (entries, read_entry (read.stmt));
    }

  return NULL;
}

/**
 * pulse_cache_outbox_list_pending:
 *
 * Returns: (transfer full) (element-type PulseOutboxEntry): the entries to
 *   send (pending, and failed ones with their next attempt time), in the
 *   order they were saved; %NULL on error.
 */
GPtrArray *
pulse_cache_outbox_list_pending (PulseCache  *self,
                                 GError     **error)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  return list_where (self, "WHERE state NOT IN ('conflict', 'rejected')", error);
}

/**
 * pulse_cache_outbox_list_all:
 *
 * Returns: (transfer full) (element-type PulseOutboxEntry): every entry,
 *   held ones (conflicts, rejections) included, in order; %NULL on error.
 */
GPtrArray *
pulse_cache_outbox_list_all (PulseCache  *self,
                             GError     **error)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  return list_where (self, "", error);
}

/**
 * pulse_cache_outbox_get:
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %PULSE_ERROR_NOT_FOUND.
 */
PulseOutboxEntry *
pulse_cache_outbox_get (PulseCache  *self,
                        gint64       id,
                        GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  if (!_pulse_cache_read_begin (self, &read, "SELECT " ENTRY_COLUMNS " FROM outbox WHERE id = ?1",
                                error))
    return NULL;

  sqlite3_bind_int64 (read.stmt, 1, id);
  if (!_pulse_cache_read_step (&read, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND,
                   "no outbox entry %" G_GINT64_FORMAT, id);
      return NULL;
    }

  return read_entry (read.stmt);
}
