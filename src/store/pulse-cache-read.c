/* pulse-cache-read.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads of a #PulseCache, each on a reader connection of its own: a
 * statement sees one committed state, never part of a batch.
 */

#include "config.h"

#include "pulse-cache-private.h"
#include "pulse-json.h"

/**
 * pulse_cache_meta_clear:
 *
 * Frees the strings of @meta (it is a caller-allocated struct).
 */
void
pulse_cache_meta_clear (PulseCacheMeta *meta)
{
  g_clear_pointer (&meta->server_url, g_free);
  g_clear_pointer (&meta->server_version, g_free);
}

/**
 * pulse_cache_cursor_clear:
 *
 * Frees the id of @cursor; it then points before the first page again.
 */
void
pulse_cache_cursor_clear (PulseCacheCursor *cursor)
{
  cursor->created_at = 0;
  g_clear_pointer (&cursor->id, g_free);
}

static PulseDb *
open_reader (PulseCache  *self,
             GError     **error)
{
  g_autoptr(PulseDb) db = pulse_db_open (self->path, _pulse_cache_get_migrations (), error);

  if (db == NULL || !pulse_db_exec (db, "PRAGMA query_only = ON", error))
    return NULL;

  return g_steal_pointer (&db);
}

/**
 * _pulse_cache_read_begin:
 * @read: (out caller-allocates): the read, to clear after
 * @sql: the statement
 *
 * Takes an idle reader connection, or opens one, and prepares @sql on it.
 *
 * Returns: %FALSE on error (@read is then empty).
 */
gboolean
_pulse_cache_read_begin (PulseCache      *self,
                         PulseCacheRead  *read,
                         const char      *sql,
                         GError         **error)
{
  read->cache = self;
  read->stmt = NULL;

  g_mutex_lock (&self->readers_lock);
  read->db = self->idle_readers->len > 0 ?
    g_ptr_array_steal_index_fast (self->idle_readers, self->idle_readers->len - 1) : NULL;
  g_mutex_unlock (&self->readers_lock);

  if (read->db == NULL)
    read->db = open_reader (self, error);
  if (read->db != NULL)
    read->stmt = pulse_db_prepare (read->db, sql, error);

  if (read->stmt == NULL)
    {
      _pulse_cache_read_clear (read);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pulse_cache_read_step (PulseCacheRead  *read,
                        gboolean        *has_row,
                        GError         **error)
{
  return pulse_db_step (read->db, read->stmt, has_row, error);
}

/**
 * _pulse_cache_read_clear:
 *
 * Ends the statement first (so the connection holds no snapshot), then
 * gives the connection back.
 */
void
_pulse_cache_read_clear (PulseCacheRead *read)
{
  g_clear_pointer (&read->stmt, pulse_stmt_free);
  if (read->db == NULL)
    return;

  g_mutex_lock (&read->cache->readers_lock);
  g_ptr_array_add (read->cache->idle_readers, g_steal_pointer (&read->db));
  g_mutex_unlock (&read->cache->readers_lock);
}

/**
 * _pulse_cache_collect_json:
 * @column: the column holding JSON text
 *
 * Returns: (transfer full) (element-type JsonNode): every row's @column,
 *   parsed; %NULL on error.
 */
GPtrArray *
_pulse_cache_collect_json (PulseCacheRead  *read,
                           int              column,
                           GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  while (_pulse_cache_read_step (read, &has_row, &local_error) && has_row)
    {
      JsonNode *node = pulse_json_parse ((const char *) sqlite3_column_text (read->stmt, column),
                                         sqlite3_column_bytes (read->stmt, column),
                                         &local_error);
      if (node == NULL)
        {
          g_prefix_error (&local_error, "cache row unreadable: ");
          break;
        }
      g_ptr_array_add (items, node);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* The one row of a single-row query, or NOT_FOUND naming @what. */
static JsonNode *
single_json (PulseCacheRead  *read,
             const char      *what,
             const char      *id,
             GError         **error)
{
  g_autoptr(GPtrArray) items = _pulse_cache_collect_json (read, 0, error);

  if (items == NULL)
    return NULL;

  if (items->len == 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND, "no %s with id %s in the cache",
                   what, id);
      return NULL;
    }

  return json_node_ref (items->pdata[0]);
}

static gint64
single_int (PulseCacheRead  *read,
            GError         **error)
{
  gboolean has_row = FALSE;

  if (!_pulse_cache_read_step (read, &has_row, error))
    return -1;

  return has_row ? sqlite3_column_int64 (read->stmt, 0) : 0;
}

/**
 * pulse_cache_read_meta:
 * @meta: (out caller-allocates): filled on success; clear it with
 *   pulse_cache_meta_clear()
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_cache_read_meta (PulseCache      *self,
                       PulseCacheMeta  *meta,
                       GError         **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  memset (meta, 0, sizeof *meta);
  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT server_url, seq, snapshot_at, last_event_at, server_version"
                                " FROM meta WHERE id = 1", error) ||
      !_pulse_cache_read_step (&read, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error_literal (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY,
                           "the cache has no meta row");
      return FALSE;
    }

  meta->server_url = g_strdup ((const char *) sqlite3_column_text (read.stmt, 0));
  meta->seq = sqlite3_column_int64 (read.stmt, 1);
  meta->snapshot_at = sqlite3_column_int64 (read.stmt, 2);
  meta->last_event_at = sqlite3_column_int64 (read.stmt, 3);
  meta->server_version = g_strdup ((const char *) sqlite3_column_text (read.stmt, 4));
  return TRUE;
}

/**
 * pulse_cache_get_counts:
 * @counts: (out caller-allocates): filled on success
 *
 * Counts everything in one statement, so the numbers come from one
 * committed state.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_cache_get_counts (PulseCache        *self,
                        PulseCacheCounts  *counts,
                        GError           **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT (SELECT count(*) FROM entity),"
                                " (SELECT count(*) FROM ticket),"
                                " (SELECT count(*) FROM ticket WHERE " PULSE_CACHE_OPEN_SQL "),"
                                " (SELECT count(*) FROM outbox"
                                "  WHERE state IN ('pending', 'failed')),"
                                " (SELECT count(*) FROM outbox"
                                "  WHERE state NOT IN ('pending', 'failed'))", error) ||
      !_pulse_cache_read_step (&read, &has_row, error))
    return FALSE;

  counts->entities = sqlite3_column_int64 (read.stmt, 0);
  counts->tickets = sqlite3_column_int64 (read.stmt, 1);
  counts->open_tickets = sqlite3_column_int64 (read.stmt, 2);
  counts->outbox_pending = sqlite3_column_int64 (read.stmt, 3);
  counts->outbox_held = sqlite3_column_int64 (read.stmt, 4);
  return TRUE;
}

/**
 * pulse_cache_list_entities:
 * @kind: the collection
 *
 * Returns: (transfer full) (element-type JsonNode): every item of @kind,
 *   by id; %NULL on error.
 */
GPtrArray *
pulse_cache_list_entities (PulseCache  *self,
                           const char  *kind,
                           GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT body FROM entity WHERE kind = ?1 ORDER BY id", error))
    return NULL;

  sqlite3_bind_text (read.stmt, 1, kind, -1, SQLITE_STATIC);
  return _pulse_cache_collect_json (&read, 0, error);
}

/**
 * pulse_cache_get_entity:
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with
 *   %PULSE_ERROR_NOT_FOUND.
 */
JsonNode *
pulse_cache_get_entity (PulseCache  *self,
                        const char  *kind,
                        const char  *id,
                        GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT body FROM entity WHERE kind = ?1 AND id = ?2", error))
    return NULL;

  sqlite3_bind_text (read.stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (read.stmt, 2, id, -1, SQLITE_STATIC);
  return single_json (&read, kind, id, error);
}

/**
 * pulse_cache_count_entities:
 * @kind: (nullable): the collection, or %NULL for all
 *
 * Returns: the number of items, or -1 on error.
 */
gint64
pulse_cache_count_entities (PulseCache  *self,
                            const char  *kind,
                            GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), -1);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT count(*) FROM entity WHERE ?1 IS NULL OR kind = ?1", error))
    return -1;

  if (kind != NULL)
    sqlite3_bind_text (read.stmt, 1, kind, -1, SQLITE_STATIC);
  return single_int (&read, error);
}

/**
 * pulse_cache_get_ticket:
 *
 * Returns: (transfer full) (nullable): the ticket's JSON as stored, or
 *   %NULL with %PULSE_ERROR_NOT_FOUND.
 */
JsonNode *
pulse_cache_get_ticket (PulseCache  *self,
                        const char  *id,
                        GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT " PULSE_CACHE_TICKET_BODY_SQL " FROM ticket AS t"
                                " WHERE t.id = ?1", error))
    return NULL;

  sqlite3_bind_text (read.stmt, 1, id, -1, SQLITE_STATIC);
  return single_json (&read, "ticket", id, error);
}

/**
 * pulse_cache_list_tickets:
 * @from: the earliest creation time (µs), included
 * @to: the latest creation time (µs), excluded
 * @cursor: (inout): where the previous page ended: start with
 *   %PULSE_CACHE_CURSOR_INIT; moved to the last ticket returned
 * @limit: the most tickets to return, at least 1
 *
 * One page of the tickets created in [@from, @to), in (created_at, id)
 * order. Keyset paging: a ticket written between two pages is neither
 * skipped nor repeated if it sorts after the cursor.
 *
 * Returns: (transfer full) (element-type JsonNode): the page, empty after
 *   the last; %NULL on error.
 */
GPtrArray *
pulse_cache_list_tickets (PulseCache        *self,
                          gint64             from,
                          gint64             to,
                          PulseCacheCursor  *cursor,
                          guint              limit,
                          GError           **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;
  gboolean after_start;

  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);
  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  /* The cursor as the only lower bound, so it is where the index search
   * starts; with `created_at >= from` beside it SQLite would start every
   * page at @from, and paging would be quadratic. (from, '') stands for
   * "from @from on": every id sorts after ''. */
  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT " PULSE_CACHE_TICKET_BODY_SQL ", t.created_at, t.id"
                                " FROM ticket AS t"
                                " WHERE (created_at, id) > (?1, ?2) AND created_at < ?3"
                                " ORDER BY created_at, id LIMIT ?4", error))
    return NULL;

  after_start = cursor->id != NULL && cursor->created_at >= from;
  sqlite3_bind_int64 (read.stmt, 1, after_start ? cursor->created_at : from);
  sqlite3_bind_text (read.stmt, 2, after_start ? cursor->id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (read.stmt, 3, to);
  sqlite3_bind_int64 (read.stmt, 4, limit);

  page = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  while (_pulse_cache_read_step (&read, &has_row, &local_error) && has_row)
    {
      JsonNode *node = pulse_json_parse ((const char *) sqlite3_column_text (read.stmt, 0),
                                         sqlite3_column_bytes (read.stmt, 0), &local_error);
      if (node == NULL)
        break;
      g_ptr_array_add (page, node);
      cursor->created_at = sqlite3_column_int64 (read.stmt, 1);
      g_free (cursor->id);
      cursor->id = g_strdup ((const char *) sqlite3_column_text (read.stmt, 2));
    }

  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "ticket page: ");
      return NULL;
    }

  return g_steal_pointer (&page);
}

/**
 * pulse_cache_count_tickets:
 *
 * Returns: how many tickets were created in [@from, @to), or -1 on error.
 */
gint64
pulse_cache_count_tickets (PulseCache  *self,
                           gint64       from,
                           gint64       to,
                           GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };

  g_return_val_if_fail (PULSE_IS_CACHE (self), -1);

  if (!_pulse_cache_read_begin (self, &read,
                                "SELECT count(*) FROM ticket"
                                " WHERE created_at >= ?1 AND created_at < ?2", error))
    return -1;

  sqlite3_bind_int64 (read.stmt, 1, from);
  sqlite3_bind_int64 (read.stmt, 2, to);
  return single_int (&read, error);
}
