/* pulse-cache-file.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cache file: its schema, the checks made before it is used, and what
 * happens to a file that fails them.
 *
 * A cache is only a copy of what the server has, so a file that is not a
 * database, is damaged, has another schema or belongs to another server is
 * never repaired or migrated: it is moved aside (the newest one is kept
 * for diagnosis) and a fresh cache is filled from the server again. That
 * holds for a NEWER schema too: an older Pulse cannot know what a newer
 * one's columns mean, so it rebuilds instead of writing into them, and
 * the newer Pulse, seeing an older schema, rebuilds in turn. Only the
 * outbox is more than a copy: it holds edits the server has not seen, so
 * it is carried into the fresh file whenever it can still be read
 * (pulse-cache-salvage.c). A check that fails for a reason that may
 * pass (permissions, a full disk, a lock) is an error, never a rebuild.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#include "pulse-cache-private.h"

static const char * const migrations[] = {
  /* 1: the state (entities by kind, tickets with the columns the reads
   * select on), what it is consistent with (meta), and the outbox.
   * Outbox ids never repeat (AUTOINCREMENT): they are its order, and an id
   * the session still holds must never name a newer entry. */
  "CREATE TABLE meta ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  server_url TEXT NOT NULL,"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  snapshot_at INTEGER NOT NULL DEFAULT 0,"
  "  last_event_at INTEGER NOT NULL DEFAULT 0,"
  "  server_version TEXT"
  ") STRICT;"
  "CREATE TABLE entity ("
  "  kind TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (kind, id)"
  ") STRICT;"
  "CREATE TABLE ticket ("
  "  id TEXT NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  queue_id TEXT NOT NULL,"
  "  body TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX ticket_created ON ticket (created_at, id);"
  "CREATE INDEX ticket_open ON ticket (created_at, id) WHERE " PULSE_CACHE_OPEN_SQL ";"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  method TEXT NOT NULL,"
  "  path TEXT NOT NULL,"
  "  body TEXT,"
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  entity_kind TEXT,"
  "  entity_id TEXT,"
  "  base_version INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'pending',"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL DEFAULT 0,"
  "  last_status INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  theirs TEXT,"
  "  created_at INTEGER NOT NULL"
  ") STRICT;",
  /* 2: a ticket's messages as rows of their own, so a new message is one
   * small insert instead of a rewrite of the whole conversation. The
   * ticket's body is then its text up to the messages' "[" and `tail`
   * the text from their "]" on (NULL: the body is whole); `ord` is the
   * message's place in the array. A file at schema 1 is rebuilt, never
   * migrated (see above), so this runs only on a fresh, empty file. */
  "ALTER TABLE ticket ADD COLUMN tail TEXT;"
  "CREATE TABLE message ("
  "  ticket_id TEXT NOT NULL,"
  "  ord INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (ticket_id, ord)"
  ") STRICT, WITHOUT ROWID;"
  /* Every way a ticket leaves (deletion, replacement, pruning) takes its
   * messages with it. */
  "CREATE TRIGGER ticket_messages_gone AFTER DELETE ON ticket BEGIN"
  "  DELETE FROM message WHERE ticket_id = old.id;"
  " END;",
  NULL
};

/* How a moved-aside file is named after its reason: `<file>.<reason>-<time>`. */
static const char * const aside_reasons[] = {
  [PULSE_CACHE_PROBE_CORRUPT] = "corrupt",
  [PULSE_CACHE_PROBE_OLD_SCHEMA] = "old-schema",
  [PULSE_CACHE_PROBE_NEW_SCHEMA] = "new-schema",
  [PULSE_CACHE_PROBE_OTHER_SERVER] = "other-server",
};

const char * const *
_pulse_cache_get_migrations (void)
{
  return migrations;
}

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT;
}

/* Steps @sql to its first row. Returns the SQLite code: SQLITE_ROW,
 * SQLITE_DONE (no row) or an error, with *stmt left to the caller. */
static int
first_row (sqlite3       *db,
           const char    *sql,
           sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  return rc == SQLITE_OK ? sqlite3_step (*stmt) : rc;
}

static int
probe_version (sqlite3 *db,
               gint64  *version,
               gint64  *n_tables)
{
  sqlite3_stmt *stmt = NULL;
  int rc = first_row (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                          " (SELECT count(*) FROM sqlite_master)", &stmt);

  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      *n_tables = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The tables the first screen and the outbox live in, checked on every
 * open. The ticket history is checked by pulse_cache_quick_check(), off
 * the start-up path: at a million tickets a full check reads 1.4 GB. */
static int
probe_integrity (sqlite3  *db,
                 gboolean *intact)
{
  static const char * const checks[] = {
    "PRAGMA quick_check (meta)", "PRAGMA quick_check (entity)", "PRAGMA quick_check (outbox)",
  };
  int rc = SQLITE_ROW;

  *intact = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (checks) && rc == SQLITE_ROW && *intact; i++)
    {
      sqlite3_stmt *stmt = NULL;

      rc = first_row (db, checks[i], &stmt);
      *intact = rc == SQLITE_ROW &&
                g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      sqlite3_finalize (stmt);
    }

  /* A table missing from a file at this schema is damage too. */
  if (rc == SQLITE_ERROR)
    {
      *intact = FALSE;
      rc = SQLITE_ROW;
    }
  return rc;
}

static int
probe_server (sqlite3    *db,
              const char *server_url,
              gboolean   *known,
              gboolean   *same)
{
  sqlite3_stmt *stmt = NULL;
  int rc = first_row (db, "SELECT server_url FROM meta WHERE id = 1", &stmt);

  /* A file at this schema without its meta table is not a cache of ours. */
  if (rc == SQLITE_ERROR)
    rc = SQLITE_DONE;
  *known = rc == SQLITE_ROW;
  *same = *known && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), server_url) == 0;
  sqlite3_finalize (stmt);
  return rc;
}

/* Classifies an open database; returns the SQLite code of a check that
 * could not run (SQLITE_OK when every check ran). */
static int
classify (sqlite3         *db,
          const char      *server_url,
          PulseCacheProbe *probe)
{
  gint64 version = 0, n_tables = 0;
  gboolean intact = FALSE, known = FALSE, same = FALSE;
  int rc;

  rc = probe_version (db, &version, &n_tables);
  if (rc != SQLITE_ROW)
    return rc;

  if (version == 0 && n_tables == 0)
    *probe = PULSE_CACHE_PROBE_ABSENT;
  else if (version < PULSE_CACHE_SCHEMA_VERSION)
    *probe = PULSE_CACHE_PROBE_OLD_SCHEMA;
  else if (version > PULSE_CACHE_SCHEMA_VERSION)
    *probe = PULSE_CACHE_PROBE_NEW_SCHEMA;
  else
    {
      rc = probe_integrity (db, &intact);
      if (rc != SQLITE_ROW)
        return rc;
      rc = probe_server (db, server_url, &known, &same);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc;
      if (!intact || !known)
        *probe = PULSE_CACHE_PROBE_CORRUPT;
      else
        *probe = same ? PULSE_CACHE_PROBE_GOOD : PULSE_CACHE_PROBE_OTHER_SERVER;
    }

  return SQLITE_OK;
}

static char *
marker_path (const char *path)
{
  return g_strconcat (path, ".check-failed", NULL);
}

static gboolean
has_marker (const char *path)
{
  g_autofree char *marker = marker_path (path);

  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

static void
remove_marker (const char *path)
{
  g_autofree char *marker = marker_path (path);

  if (g_remove (marker) != 0 && errno != ENOENT)
    g_message ("cannot remove %s: %s", marker, g_strerror (errno));
}

/**
 * _pulse_cache_mark_damaged:
 * @reason: what the check found, kept in the marker for diagnosis
 *
 * Leaves a marker beside the file (not in it: it is damaged) so the next
 * pulse_cache_open() moves the file aside, even after a crash.
 */
void
_pulse_cache_mark_damaged (const char *path,
                           const char *reason)
{
  g_autofree char *marker = marker_path (path);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (marker, reason, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_warning ("cannot mark %s as damaged: %s", path, error->message);
}

/**
 * _pulse_cache_probe:
 * @probe: (out): what the file is
 *
 * Looks at @path with a connection of its own, closed before returning,
 * so the file may be moved afterwards.
 *
 * Returns: %FALSE if the file could not be judged (it is then left alone).
 */
gboolean
_pulse_cache_probe (const char       *path,
                    const char       *server_url,
                    PulseCacheProbe  *probe,
                    GError          **error)
{
  sqlite3 *db = NULL;
  int rc;

  *probe = PULSE_CACHE_PROBE_ABSENT;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      remove_marker (path);
      return TRUE;
    }

  if (has_marker (path))
    {
      *probe = PULSE_CACHE_PROBE_CORRUPT;
      return TRUE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = classify (db, server_url, probe);
    }

  if (rc != SQLITE_OK && is_corruption (rc))
    {
      *probe = PULSE_CACHE_PROBE_CORRUPT;
      rc = SQLITE_OK;
    }
  else if (rc != SQLITE_OK)
    g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot check %s: %s",
                 path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
is_aside_of (const char *name,
             const char *base)
{
  gsize length = strlen (base);

  if (strncmp (name, base, length) != 0 || name[length] != '.')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (aside_reasons); i++)
    {
      if (aside_reasons[i] != NULL && g_str_has_prefix (name + length + 1, aside_reasons[i]) &&
          name[length + 1 + strlen (aside_reasons[i])] == '-')
        return TRUE;
    }

  return FALSE;
}

/* Only the newest moved-aside file is kept: one is enough to diagnose,
 * and a cache that keeps failing must not fill the disk. */
static void
remove_old_asides (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (is_aside_of (name, base))
        {
          g_autofree char *victim = g_build_filename (dirname, name, NULL);

          if (g_remove (victim) != 0)
            g_debug ("cannot remove %s: %s", victim, g_strerror (errno));
        }
    }
}

static gboolean
rename_if_present (const char  *from,
                   const char  *to,
                   GError     **error)
{
  int saved_errno;

  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot move %s aside: %s",
               from, g_strerror (saved_errno));
  return FALSE;
}

/**
 * _pulse_cache_move_aside:
 * @probe: why; names the file
 *
 * Renames @path to `<path>.<reason>-<UTC time>` together with its WAL (the
 * WAL holds committed transactions of that file, and left in place it
 * would be replayed into the fresh one), removes the shared-memory index
 * and every older moved-aside file.
 *
 * Returns: (transfer full) (nullable): the new name, or %NULL on error.
 */
char *
_pulse_cache_move_aside (const char       *path,
                         PulseCacheProbe   probe,
                         GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.%s-%s", path, aside_reasons[probe], stamp);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert (probe < G_N_ELEMENTS (aside_reasons) && aside_reasons[probe] != NULL);

  remove_old_asides (path);
  if (!rename_if_present (path, aside, error) || !rename_if_present (wal, aside_wal, error))
    return NULL;
  remove_marker (path);

  if (g_remove (shm) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot remove %s: %s",
                   shm, g_strerror (saved_errno));
      return NULL;
    }

  g_message ("cache %s moved aside to %s (%s)", path, aside, aside_reasons[probe]);
  return g_steal_pointer (&aside);
}

/**
 * _pulse_cache_create_file:
 *
 * Creates an empty @path readable by the user only: the cache holds
 * customers' messages, and SQLite gives its WAL the database's mode.
 */
gboolean
_pulse_cache_create_file (const char  *path,
                          GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno = errno;

  if (fd >= 0)
    return g_close (fd, error);

  if (saved_errno == EEXIST)
    return TRUE;

  g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot create %s: %s",
               path, g_strerror (saved_errno));
  return FALSE;
}
