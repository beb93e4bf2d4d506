/* pulse-cache.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pulse-cache-private.h"

/**
 * PulseCache:
 *
 * The console's local copy of one server's state, so it starts with the
 * last known data before any network, and its outbox, so no saved edit is
 * lost. It only stores: the session decides what events mean and writes
 * them through in batches (#PulseCacheBatch), one transaction each.
 *
 * Every call is synchronous and safe from any thread. Writes (batches,
 * pruning, the outbox) take turns on one connection; reads use a second
 * connection and see only committed data, never half a batch, and are
 * not held up by one. A thread with a batch open must not start another
 * write: it gets an error instead of a deadlock.
 */

G_DEFINE_FINAL_TYPE (PulseCache, pulse_cache, G_TYPE_OBJECT)

static const char * const stmt_sql[] = {
  /* A put at an older version than the stored one changes nothing (the
   * WHERE of the upsert), so a replayed event never rolls data back. */
  [PULSE_CACHE_STMT_PUT_ENTITY] =
    "INSERT INTO entity (kind, id, version, body) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, body = excluded.body"
    " WHERE excluded.version >= entity.version",
  [PULSE_CACHE_STMT_DELETE_ENTITY] =
    "DELETE FROM entity WHERE kind = ?1 AND id = ?2 AND version <= ?3",
  [PULSE_CACHE_STMT_PUT_TICKET] =
    "INSERT INTO ticket (id, version, created_at, updated_at, status, queue_id, body, tail)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
    " created_at = excluded.created_at, updated_at = excluded.updated_at,"
    " status = excluded.status, queue_id = excluded.queue_id, body = excluded.body,"
    " tail = excluded.tail"
    " WHERE excluded.version >= ticket.version",
  /* The common put, a newer version of a stored ticket with the same
   * creation time and status: none of the indexed columns is set, so
   * only the row changes and the ticket indexes are left alone. */
  [PULSE_CACHE_STMT_UPDATE_TICKET] =
    "UPDATE ticket SET version = ?2, updated_at = ?4, queue_id = ?6, body = ?7, tail = ?8"
    " WHERE id = ?1 AND version <= ?2 AND created_at = ?3 AND status = ?5",
  [PULSE_CACHE_STMT_DELETE_TICKET] =
    "DELETE FROM ticket WHERE id = ?1 AND version <= ?2",
  [PULSE_CACHE_STMT_MESSAGE_IDS] =
    "SELECT id FROM message WHERE ticket_id = ?1 ORDER BY ord",
  [PULSE_CACHE_STMT_PUT_MESSAGE] =
    "INSERT OR REPLACE INTO message (ticket_id, ord, id, body) VALUES (?1, ?2, ?3, ?4)",
  [PULSE_CACHE_STMT_TRIM_MESSAGES] =
    "DELETE FROM message WHERE ticket_id = ?1 AND ord >= ?2",
  [PULSE_CACHE_STMT_DATA_VERSION] = "PRAGMA data_version",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stmt_sql) == PULSE_CACHE_N_STMTS);

static void
pulse_cache_finalize (GObject *object)
{
  PulseCache *self = (PulseCache *)object;

  /* Statements first: a connection with live statements cannot close. */
  for (guint i = 0; i < PULSE_CACHE_N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], pulse_stmt_free);
  g_clear_pointer (&self->idle_readers, g_ptr_array_unref);
  _pulse_cache_messages_free (self);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->moved_aside_path, g_free);
  g_mutex_clear (&self->gate_lock);
  g_mutex_clear (&self->readers_lock);
  g_cond_clear (&self->gate_cond);

  G_OBJECT_CLASS (pulse_cache_parent_class)->finalize (object);
}

static void
pulse_cache_class_init (PulseCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_cache_finalize;
}

static void
pulse_cache_init (PulseCache *self)
{
  g_mutex_init (&self->gate_lock);
  g_mutex_init (&self->readers_lock);
  self->idle_readers = g_ptr_array_new_with_free_func (g_object_unref);
  _pulse_cache_messages_init (self);
  g_cond_init (&self->gate_cond);
}

/**
 * _pulse_cache_acquire_writer:
 *
 * Waits until no other thread writes, then makes this one the writer. A
 * flag rather than a held mutex, so a batch may be finished on another
 * thread than the one that began it.
 *
 * Returns: %FALSE if this thread is the writer already.
 */
gboolean
_pulse_cache_acquire_writer (PulseCache  *self,
                             GError     **error)
{
  GThread *me = g_thread_self ();

  g_mutex_lock (&self->gate_lock);
  if (self->gate_owner == me)
    {
      g_mutex_unlock (&self->gate_lock);
      g_set_error_literal (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY,
                           "this thread has a cache batch open; commit it first");
      return FALSE;
    }

  while (self->gate_owner != NULL)
    g_cond_wait (&self->gate_cond, &self->gate_lock);
  self->gate_owner = me;
  g_mutex_unlock (&self->gate_lock);

  return TRUE;
}

void
_pulse_cache_release_writer (PulseCache *self)
{
  g_mutex_lock (&self->gate_lock);
  g_assert (self->gate_owner != NULL);
  self->gate_owner = NULL;
  g_cond_signal (&self->gate_cond);
  g_mutex_unlock (&self->gate_lock);
}

/**
 * _pulse_cache_get_stmt:
 *
 * Only the writer may call this, and only it uses the statement.
 *
 * Returns: (transfer none) (nullable): the prepared statement, reset.
 */
PulseStmt *
_pulse_cache_get_stmt (PulseCache      *self,
                       PulseCacheStmt   which,
                       GError         **error)
{
  if (self->stmts[which] == NULL)
    self->stmts[which] = pulse_db_prepare (self->writer, stmt_sql[which], error);

  return self->stmts[which];
}

/**
 * _pulse_cache_run:
 * @changes: (out) (optional): rows changed
 *
 * Steps a writer statement to its end and resets it for the next use.
 */
gboolean
_pulse_cache_run (PulseCache  *self,
                  PulseStmt   *stmt,
                  gint64      *changes,
                  GError     **error)
{
  gboolean ok = pulse_db_step (self->writer, stmt, NULL, error);

  if (changes != NULL)
    *changes = ok ? pulse_db_changes (self->writer) : 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/**
 * _pulse_cache_check_text:
 * @what: the argument's name, for the error
 *
 * Returns: %TRUE if @value is 1 to @max_length bytes of UTF-8.
 */
gboolean
_pulse_cache_check_text (const char  *what,
                         const char  *value,
                         gsize        max_length,
                         GError     **error)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length == 0 || length > max_length || !g_utf8_validate (value, length, NULL))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "%s: must be 1 to %" G_GSIZE_FORMAT " bytes of UTF-8", what, max_length);
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_cache_default_path:
 * @server_url: the server's URL, as the session normalises it
 *
 * One file per server, named by a digest so the URL (which may carry a
 * host name worth keeping private) is not in the name.
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/pulse/<first 16 hex digits
 *   of the SHA-256 of @server_url>.db`.
 */
char *
pulse_cache_default_path (const char *server_url)
{
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (server_url != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, server_url, -1);
  name = g_strdup_printf ("%.16s.db", digest);
  return g_build_filename (g_get_user_cache_dir (), "pulse", name, NULL);
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved_errno;

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot create %s: %s",
               dir, g_strerror (saved_errno));
  return FALSE;
}

static const PulseCacheOpenStatus status_of_probe[] = {
  [PULSE_CACHE_PROBE_ABSENT] = PULSE_CACHE_CREATED,
  [PULSE_CACHE_PROBE_GOOD] = PULSE_CACHE_OPENED,
  [PULSE_CACHE_PROBE_CORRUPT] = PULSE_CACHE_REBUILT_CORRUPT,
  [PULSE_CACHE_PROBE_OLD_SCHEMA] = PULSE_CACHE_REBUILT_OLD_SCHEMA,
  [PULSE_CACHE_PROBE_NEW_SCHEMA] = PULSE_CACHE_REBUILT_NEW_SCHEMA,
  [PULSE_CACHE_PROBE_OTHER_SERVER] = PULSE_CACHE_REBUILT_OTHER_SERVER,
};

/* Moves a failing file aside and makes sure a file exists at @path. */
static gboolean
prepare_file (PulseCache       *self,
              PulseCacheProbe   probe,
              GError          **error)
{
  self->open_status = status_of_probe[probe];
  if (probe == PULSE_CACHE_PROBE_GOOD)
    return TRUE;

  if (probe != PULSE_CACHE_PROBE_ABSENT)
    {
      self->moved_aside_path = _pulse_cache_move_aside (self->path, probe, error);
      if (self->moved_aside_path == NULL)
        return FALSE;
    }

  return _pulse_cache_create_file (self->path, error);
}

static gboolean
open_connections (PulseCache  *self,
                  GError     **error)
{
  g_autoptr(PulseStmt) stmt = NULL;

  self->writer = pulse_db_open (self->path, _pulse_cache_get_migrations (), error);
  if (self->writer == NULL)
    return FALSE;

  /* FULL: a commit is on disk before it returns, so an edit in the outbox
   * survives a power cut too; at one fsync per batch this costs little.
   * The bigger page cache keeps the ticket indexes in memory while writing.
   * Checkpoints every 8192 pages (32 MiB), not 1000: a batch of events
   * dirties the same few thousand ticket pages over and over, and each
   * batch reached 1000 and copied them back; now once per many batches. */
  if (!pulse_db_exec (self->writer, "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384;"
                                    " PRAGMA wal_autocheckpoint = 8192", error))
    return FALSE;

  stmt = pulse_db_prepare (self->writer, "INSERT INTO meta (id, server_url) VALUES (1, ?1)"
                                         " ON CONFLICT (id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->server_url, -1, SQLITE_STATIC);
  if (!pulse_db_step (self->writer, stmt, NULL, error))
    return FALSE;

  if (self->moved_aside_path != NULL)
    self->outbox_left_behind =
      _pulse_cache_salvage_outbox (self, self->moved_aside_path,
                                   self->open_status != PULSE_CACHE_REBUILT_OTHER_SERVER);

  /* Open the first reader now, so a file readers cannot use fails here. */
  {
    g_auto(PulseCacheRead) read = { 0 };

    return _pulse_cache_read_begin (self, &read, "SELECT 1", error);
  }
}

/**
 * pulse_cache_open:
 * @path: the cache file, usually pulse_cache_default_path(); not ":memory:"
 *   (reads need a second connection to the same data)
 * @server_url: the server the cache belongs to
 * @error: return location for a %PULSE_STORE_ERROR
 *
 * Opens the cache of @server_url at @path, creating it (in a folder only
 * the user may enter) if needed. A file that is not a database, fails
 * `PRAGMA quick_check` of its small tables (meta, entities, outbox), was
 * found damaged by pulse_cache_quick_check(), has another schema than this
 * Pulse's (older or newer) or belongs to another server is moved aside and
 * replaced by an empty cache; pulse_cache_get_open_status() tells which, and unsent
 * outbox entries are carried over where they can be read. A file that
 * cannot be checked at all (permissions, I/O) is left alone and is an
 * error.
 *
 * Returns: (transfer full) (nullable): the cache, or %NULL on error.
 */
PulseCache *
pulse_cache_open (const char  *path,
                  const char  *server_url,
                  GError     **error)
{
  g_autoptr(PulseCache) self = NULL;
  PulseCacheProbe probe = PULSE_CACHE_PROBE_ABSENT;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  if (*path == '\0' || g_str_equal (path, ":memory:") || *server_url == '\0')
    {
      g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN,
                   "%s: a cache needs a file name and a server URL",
                   *path == '\0' ? "path" : *server_url == '\0' ? "server_url" : path);
      return NULL;
    }

  self = g_object_new (PULSE_TYPE_CACHE, NULL);
  self->path = g_strdup (path);
  self->server_url = g_strdup (server_url);

  if (!ensure_folder (path, error) ||
      !_pulse_cache_probe (path, server_url, &probe, error) ||
      !prepare_file (self, probe, error) ||
      !open_connections (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_cache_get_path:
 *
 * Returns: (transfer none): the cache file's name.
 */
const char *
pulse_cache_get_path (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  return self->path;
}

/**
 * pulse_cache_get_server_url:
 *
 * Returns: (transfer none): the server the cache belongs to.
 */
const char *
pulse_cache_get_server_url (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  return self->server_url;
}

/**
 * pulse_cache_get_open_status:
 *
 * Returns: what pulse_cache_open() found at the path.
 */
PulseCacheOpenStatus
pulse_cache_get_open_status (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), PULSE_CACHE_CREATED);

  return self->open_status;
}

/**
 * pulse_cache_was_rebuilt:
 *
 * Returns: %TRUE if a file was there but could not be used, so what the
 *   user last saw is gone and must come from the server ("cache rebuilt").
 */
gboolean
pulse_cache_was_rebuilt (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);

  return self->open_status >= PULSE_CACHE_REBUILT_CORRUPT;
}

/**
 * pulse_cache_get_moved_aside_path:
 *
 * Returns: (nullable): where the unusable file was moved, kept for
 *   diagnosis until the next rebuild; %NULL if none was.
 */
const char *
pulse_cache_get_moved_aside_path (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), NULL);

  return self->moved_aside_path;
}

/**
 * pulse_cache_get_outbox_left_behind:
 *
 * After a rebuild, unsent edits of the old file are carried over when it
 * belonged to this server and its outbox could be read.
 *
 * Returns: how many outbox entries stayed in the moved-aside file (those
 *   of another server, or of one whose outbox could not be copied), or -1
 *   if its outbox could not be read to tell; 0 when nothing was left.
 */
int
pulse_cache_get_outbox_left_behind (PulseCache *self)
{
  g_return_val_if_fail (PULSE_IS_CACHE (self), 0);

  return self->outbox_left_behind;
}

/**
 * pulse_cache_quick_check:
 *
 * Runs `PRAGMA quick_check` over the whole file, history included. Opening
 * checks only the small tables (the full check reads every page: about
 * 1 s warm, several seconds cold, at a million tickets), so the session
 * runs this in a worker once the first screen shows. A file that fails is
 * marked: close the cache and open it again, and it is rebuilt.
 *
 * Returns: %TRUE if the file is intact; otherwise %FALSE with the first
 *   problem SQLite reports.
 */
gboolean
pulse_cache_quick_check (PulseCache  *self,
                         GError     **error)
{
  g_auto(PulseCacheRead) read = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;
  int rc;

  g_return_val_if_fail (PULSE_IS_CACHE (self), FALSE);

  if (!_pulse_cache_read_begin (self, &read, "PRAGMA quick_check", error))
    return FALSE;

  if (_pulse_cache_read_step (&read, &has_row, &local_error))
    {
      const char *answer = has_row ? (const char *) sqlite3_column_text (read.stmt, 0) : NULL;

      if (g_strcmp0 (answer, "ok") == 0)
        return TRUE;
      local_error = g_error_new (PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY, "quick_check: %s",
                                 answer != NULL ? answer : "no answer");
      _pulse_cache_mark_damaged (self->path, local_error->message);
    }
  else
    {
      /* Damage bad enough to stop the check; other failures (I/O) may pass. */
      rc = sqlite3_errcode (sqlite3_db_handle (read.stmt)) & 0xff;
      if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
        _pulse_cache_mark_damaged (self->path, local_error->message);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
