/* pulse-cache-salvage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a cache file is rebuilt, the edits in its outbox are not a copy of
 * anything the server has: they are carried into the fresh file.
 */

#include "config.h"

#include "pulse-cache-private.h"

/* The outbox columns every schema from 1 on must keep, so a later Pulse's
 * outbox can still be carried back into this one's. */
#define OUTBOX_COLUMNS "id, method, path, body, idempotency_key, entity_kind, entity_id, " \
                       "base_version, state, attempts, next_attempt_at, last_status, "     \
                       "last_error, theirs, created_at"

static gboolean
run_with_path (PulseDb     *db,
               const char  *sql,
               const char  *path,
               gint64      *value,
               GError     **error)
{
  g_autoptr(PulseStmt) stmt = pulse_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;

  if (path != NULL)
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  if (!pulse_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (value != NULL)
    *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Copies the old outbox in one transaction, so it comes over whole or
 * not at all. Returns how many entries stay behind, -1 if unknown. */
static int
carry_outbox (PulseDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n_old = 0;

  if (!run_with_path (db, "SELECT count(*) FROM old.outbox", NULL, &n_old, &error))
    {
      g_message ("cannot read the old outbox: %s", error->message);
      return -1;
    }

  if (!pulse_db_exec (db, "BEGIN IMMEDIATE;"
                          "INSERT INTO main.outbox (" OUTBOX_COLUMNS ")"
                          " SELECT " OUTBOX_COLUMNS " FROM old.outbox ORDER BY id;"
                          "COMMIT;", &error))
    {
      pulse_db_exec (db, "ROLLBACK", NULL);
      g_message ("cannot carry %" G_GINT64_FORMAT " outbox entries over: %s",
                 n_old, error->message);
      return (int) MIN (n_old, G_MAXINT);
    }

  return 0;
}

/**
 * _pulse_cache_salvage_outbox:
 * @aside_path: the file moved aside
 * @carry_over: whether its outbox belongs to this cache's server
 *
 * Carries the unsent edits of a moved-aside file into the fresh one. The
 * outbox of another server's file is only counted: its requests mean
 * nothing to this server, and the file is kept with them.
 *
 * Returns: how many outbox entries were left behind in @aside_path, or -1
 *   if its outbox could not be read at all.
 */
int
_pulse_cache_salvage_outbox (PulseCache *self,
                             const char *aside_path,
                             gboolean    carry_over)
{
  g_autoptr(GError) error = NULL;
  gint64 has_outbox = 0, n_old = 0;
  int left = -1;

  if (!run_with_path (self->writer, "ATTACH DATABASE ?1 AS old", aside_path, NULL, &error))
    {
      g_message ("cannot open %s to save its outbox: %s", aside_path, error->message);
      return -1;
    }

  if (!run_with_path (self->writer, "SELECT count(*) FROM old.sqlite_master"
                                    " WHERE type = 'table' AND name = 'outbox'",
                      NULL, &has_outbox, &error))
    g_message ("cannot read %s: %s", aside_path, error->message);
  else if (!has_outbox)
    left = 0;
  else if (carry_over)
    left = carry_outbox (self->writer);
  else if (run_with_path (self->writer, "SELECT count(*) FROM old.outbox", NULL, &n_old, NULL))
    left = (int) MIN (n_old, G_MAXINT);

  pulse_db_exec (self->writer, "DETACH DATABASE old", NULL);
  return left;
}
