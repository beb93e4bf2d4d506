/* pulse-cache-batch.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-cache-batch.h"
#include "pulse-cache-private.h"

/* Tickets pruned per transaction, so a long-delayed prune of a whole
 * history does not hold up the batches writing live events. */
#define PRUNE_CHUNK 5000

/**
 * PulseCacheBatch:
 *
 * Writes to a #PulseCache that land together or not at all: one
 * transaction from pulse_cache_batch_begin() to
 * pulse_cache_batch_commit(). Readers keep seeing the state before the
 * batch until it commits. The first failing call fails the whole batch:
 * every later call and the commit return an error, and nothing is written.
 * Freeing a batch that was not committed rolls it back.
 *
 * Puts and deletes carry the item's version; one older than the stored
 * version is ignored (`applied` is %FALSE), so a replayed event never
 * rolls data back. An equal version is written again, so replaying the
 * same event is harmless. No tombstones are kept: the server may give a
 * deleted id to a new item at version 1, which a tombstone would hide.
 */

static void
finish (PulseCacheBatch *self,
        gboolean         commit)
{
  if (!commit)
    pulse_db_exec (self->cache->writer, "ROLLBACK", NULL);
  _pulse_cache_messages_end (self->cache, commit);
  self->finished = TRUE;
  _pulse_cache_release_writer (self->cache);
}

/* Records the first failure; the batch can then only roll back. */
gboolean
_pulse_cache_batch_fail (PulseCacheBatch *self,
                         GError          *error,
                         GError         **out)
{
  g_assert (self->failure == NULL);

  self->failure = g_error_copy (error);
  g_propagate_error (out, error);
  return FALSE;
}

gboolean
_pulse_cache_batch_check_usable (PulseCacheBatch  *self,
                                 GError          **error)
{
  if (self->finished)
    {
      g_set_error_literal (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY,
                           "the cache batch is already finished");
      return FALSE;
    }

  if (self->failure != NULL)
    {
      g_set_error (error, self->failure->domain, self->failure->code,
                   "the cache batch failed earlier: %s", self->failure->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_cache_batch_begin:
 * @cache: the cache to write
 *
 * Starts a transaction, waiting while another thread has a batch open.
 *
 * Returns: (transfer full) (nullable): the batch, or %NULL on error (also
 *   when this thread has a batch open already).
 */
PulseCacheBatch *
pulse_cache_batch_begin (PulseCache  *cache,
                         GError     **error)
{
  PulseCacheBatch *self;

  g_return_val_if_fail (PULSE_IS_CACHE (cache), NULL);

  if (!_pulse_cache_acquire_writer (cache, error))
    return NULL;

  if (!pulse_db_exec (cache->writer, "BEGIN IMMEDIATE", error))
    {
      _pulse_cache_release_writer (cache);
      return NULL;
    }
  if (!_pulse_cache_messages_begin (cache, error))
    {
      pulse_db_exec (cache->writer, "ROLLBACK", NULL);
      _pulse_cache_release_writer (cache);
      return NULL;
    }

  self = g_new0 (PulseCacheBatch, 1);
  self->cache = g_object_ref (cache);
  return self;
}

/**
 * pulse_cache_batch_begin_replace:
 * @flags: what the batch removes before its puts
 * @snapshot_at: when the snapshot was taken (µs), stored on commit
 *
 * Starts a batch for a fresh snapshot (a resync): the removal and the
 * puts that follow commit as one, so readers see the old state until the
 * new one is complete, never an empty cache.
 *
 * Returns: (transfer full) (nullable): the batch, or %NULL on error.
 */
PulseCacheBatch *
pulse_cache_batch_begin_replace (PulseCache              *cache,
                                 PulseCacheReplaceFlags   flags,
                                 gint64                   snapshot_at,
                                 GError                 **error)
{
  g_autoptr(PulseCacheBatch) self = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PULSE_IS_CACHE (cache), NULL);

  self = pulse_cache_batch_begin (cache, error);
  if (self == NULL)
    return NULL;

  self->snapshot_at = snapshot_at;
  if (flags & PULSE_CACHE_REPLACE_ENTITIES)
    ok = pulse_db_exec (cache->writer, "DELETE FROM entity", error);
  /* The trigger takes their messages. */
  if (flags & (PULSE_CACHE_REPLACE_TICKETS | PULSE_CACHE_REPLACE_OPEN_TICKETS))
    _pulse_cache_messages_forget (cache, NULL);
  if (ok && (flags & PULSE_CACHE_REPLACE_TICKETS))
    ok = pulse_db_exec (cache->writer, "DELETE FROM ticket", error);
  else if (ok && (flags & PULSE_CACHE_REPLACE_OPEN_TICKETS))
    ok = pulse_db_exec (cache->writer, "DELETE FROM ticket WHERE " PULSE_CACHE_OPEN_SQL, error);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * pulse_cache_batch_set_seq:
 * @seq: the last event the batch applies
 *
 * Stored on commit with the rest, so the seq always matches the state.
 */
void
pulse_cache_batch_set_seq (PulseCacheBatch *self,
                           gint64           seq)
{
  g_return_if_fail (self != NULL);

  self->has_seq = TRUE;
  self->seq = seq;
}

/**
 * pulse_cache_batch_set_last_event_at:
 * @at: the time of the last event the batch applies (µs)
 */
void
pulse_cache_batch_set_last_event_at (PulseCacheBatch *self,
                                     gint64           at)
{
  g_return_if_fail (self != NULL);

  self->has_last_event_at = TRUE;
  self->last_event_at = at;
}

/**
 * pulse_cache_batch_set_server_version:
 * @version: the server's version string (from `/health`)
 */
void
pulse_cache_batch_set_server_version (PulseCacheBatch *self,
                                      const char      *version)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (version != NULL);

  g_free (self->server_version);
  self->server_version = g_strdup (version);
}

/**
 * pulse_cache_batch_get_n_stale:
 *
 * Returns: how many puts and deletes of this batch were ignored so far
 *   because a newer version was stored.
 */
guint
pulse_cache_batch_get_n_stale (PulseCacheBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_stale;
}

static gboolean
write_meta (PulseCacheBatch  *self,
            GError          **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  PulseDb *db = self->cache->writer;

  if (!self->has_seq && !self->has_last_event_at && self->server_version == NULL &&
      self->snapshot_at == 0)
    return TRUE;

  stmt = pulse_db_prepare (db, "UPDATE meta SET seq = coalesce (?1, seq),"
                               " last_event_at = coalesce (?2, last_event_at),"
                               " server_version = coalesce (?3, server_version),"
                               " snapshot_at = coalesce (?4, snapshot_at) WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  if (self->has_seq)
    sqlite3_bind_int64 (stmt, 1, self->seq);
  if (self->has_last_event_at)
    sqlite3_bind_int64 (stmt, 2, self->last_event_at);
  if (self->server_version != NULL)
    sqlite3_bind_text (stmt, 3, self->server_version, -1, SQLITE_STATIC);
  if (self->snapshot_at != 0)
    sqlite3_bind_int64 (stmt, 4, self->snapshot_at);
  return pulse_db_step (db, stmt, NULL, error);
}

/**
 * pulse_cache_batch_commit:
 *
 * Commits everything the batch wrote, with its seq and times, or nothing.
 * The commit is on disk when this returns. The batch is finished either
 * way; free it after.
 *
 * Returns: %TRUE if the batch committed; %FALSE (rolled back) if any call
 *   of the batch failed or the commit did.
 */
gboolean
pulse_cache_batch_commit (PulseCacheBatch  *self,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_pulse_cache_batch_check_usable (self, &local_error) ||
      !write_meta (self, &local_error) ||
      !pulse_db_exec (self->cache->writer, "COMMIT", &local_error))
    {
      if (!self->finished)
        finish (self, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  finish (self, TRUE);
  return TRUE;
}

/**
 * pulse_cache_batch_free:
 *
 * Frees the batch, rolling it back if it was not committed.
 */
void
pulse_cache_batch_free (PulseCacheBatch *self)
{
  if (self == NULL)
    return;

  if (!self->finished)
    finish (self, FALSE);

  g_clear_error (&self->failure);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_object (&self->cache);
  g_free (self);
}

static gint64
prune_chunk (PulseCache  *self,
             gint64       before,
             GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;
  gint64 changes = 0;

  if (!_pulse_cache_acquire_writer (self, error))
    return -1;

  /* Outside a batch: its deletions take messages at once. */
  _pulse_cache_messages_forget (self, NULL);
  _pulse_cache_messages_end (self, TRUE);
  stmt = pulse_db_prepare (self->writer, "DELETE FROM ticket WHERE rowid IN"
                                         " (SELECT rowid FROM ticket WHERE created_at < ?1"
                                         "  AND " PULSE_CACHE_CLOSED_SQL " LIMIT ?2)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, before);
      sqlite3_bind_int64 (stmt, 2, PRUNE_CHUNK);
      if (!_pulse_cache_run (self, stmt, &changes, error))
        changes = -1;
    }
  else
    changes = -1;

  _pulse_cache_release_writer (self);
  return changes;
}

/**
 * pulse_cache_prune_tickets_before:
 * @before: tickets created before this time (µs) go, usually now minus
 *   %PULSE_CACHE_HISTORY_DAYS
 *
 * Drops closed history created before @before, a few thousand tickets per
 * transaction. Open tickets stay whatever their age: they are the present,
 * not history.
 *
 * Returns: how many tickets were removed, or -1 on error (the chunks
 *   removed before the error stay removed).
 */
gint64
pulse_cache_prune_tickets_before (PulseCache  *self,
                                  gint64       before,
                                  GError     **error)
{
  gint64 total = 0, removed;

  g_return_val_if_fail (PULSE_IS_CACHE (self), -1);

  do
    {
      removed = prune_chunk (self, before, error);
      if (removed < 0)
        return -1;
      total += removed;
    }
  while (removed == PRUNE_CHUNK);

  return total;
}
