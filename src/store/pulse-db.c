/* pulse-db.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "pulse-db.h"
#include "pulse-json.h"

/**
 * PulseDb:
 *
 * One SQLite database file, opened in WAL mode and brought to the newest
 * schema by numbered migrations. Migration N (1-based) is the Nth string
 * of the list given to pulse_db_open(); each runs in its own transaction
 * and bumps `PRAGMA user_version`, so a crash mid-migration leaves the
 * file at the previous version, never between two. Every public call is
 * serialised by a recursive mutex, so workers on several threads may share
 * one, and pulse_db_transaction() holds it for the whole transaction.
 */
struct _PulseDb
{
  GObject  parent_instance;

  GRecMutex lock;
  sqlite3 *handle;
  char    *path;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (PulseDb, pulse_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (pulse-store-error-quark, pulse_store_error)

void
pulse_stmt_free (PulseStmt *stmt)
{
  sqlite3_finalize (stmt);
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *handle,
                  int          code,
                  const char  *what)
{
  int primary = code & 0xff;
  PulseStoreError kind = PULSE_STORE_ERROR_QUERY;

  if (primary == SQLITE_CONSTRAINT)
    kind = PULSE_STORE_ERROR_CONSTRAINT;

  g_set_error (error, PULSE_STORE_ERROR, kind, "%s: %s", what,
               handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (code));
}

static gboolean
exec_locked (PulseDb     *self,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->handle, rc, "exec");
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int_locked (PulseDb     *self,
                  const char  *sql,
                  gint64      *value,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->handle, rc, "query");
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate_locked (PulseDb             *self,
                const char * const  *migrations,
                GError             **error)
{
  guint target = migrations != NULL ? g_strv_length ((char **) migrations) : 0;
  gint64 current = 0;

  if (!query_int_locked (self, "PRAGMA user_version", &current, error))
    return FALSE;

  if (current > target)
    {
      g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_MIGRATION,
                   "%s has schema %" G_GINT64_FORMAT ", newer than this program's %u",
                   self->path, current, target);
      return FALSE;
    }

  for (guint i = current; i < target; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      g_autoptr(GError) local_error = NULL;

      if (!exec_locked (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec_locked (self, migrations[i], &local_error) ||
          !exec_locked (self, bump, &local_error) ||
          !exec_locked (self, "COMMIT", &local_error))
        {
          exec_locked (self, "ROLLBACK", NULL);
          g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_MIGRATION,
                       "migration %u failed: %s", i + 1, local_error->message);
          return FALSE;
        }
    }

  self->schema_version = target;
  return TRUE;
}

static void
pulse_db_finalize (GObject *object)
{
  PulseDb *self = (PulseDb *)object;

  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (pulse_db_parent_class)->finalize (object);
}

static void
pulse_db_class_init (PulseDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_db_finalize;
}

static void
pulse_db_init (PulseDb *self)
{
  g_rec_mutex_init (&self->lock);
}

/**
 * pulse_db_open:
 * @path: a file name, or ":memory:"
 * @migrations: (array zero-terminated=1) (nullable): the schema, one SQL
 *   script per version
 * @error: return location for a %PULSE_STORE_ERROR
 *
 * Opens or creates @path in WAL mode with foreign keys on, then applies
 * the migrations the file has not seen yet. A file from a newer version
 * of Pulse is refused rather than damaged.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL on error.
 */
PulseDb *
pulse_db_open (const char          *path,
               const char * const  *migrations,
               GError             **error)
{
  g_autoptr(PulseDb) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PULSE_TYPE_DB, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN, "cannot open %s: %s",
                   path, self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->handle, 5000);

  g_rec_mutex_lock (&self->lock);
  if (!exec_locked (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                          "PRAGMA foreign_keys = ON;", error) ||
      !migrate_locked (self, migrations, error))
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  g_rec_mutex_unlock (&self->lock);

  return g_steal_pointer (&self);
}

const char *
pulse_db_get_path (PulseDb *self)
{
  g_return_val_if_fail (PULSE_IS_DB (self), NULL);

  return self->path;
}

/**
 * pulse_db_get_schema_version:
 *
 * Returns: the schema version after migration: the number of migrations.
 */
int
pulse_db_get_schema_version (PulseDb *self)
{
  g_return_val_if_fail (PULSE_IS_DB (self), 0);

  return self->schema_version;
}

/**
 * pulse_db_exec:
 * @sql: one or more statements with no parameters
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_db_exec (PulseDb     *self,
               const char  *sql,
               GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (PULSE_IS_DB (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  ok = exec_locked (self, sql, error);
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

/**
 * pulse_db_query_int:
 * @sql: a query whose first row's first column is the answer
 *
 * Returns: the value, or 0 with @error set.
 */
gint64
pulse_db_query_int (PulseDb     *self,
                    const char  *sql,
                    GError     **error)
{
  gint64 value = 0;

  g_return_val_if_fail (PULSE_IS_DB (self), 0);

  g_rec_mutex_lock (&self->lock);
  query_int_locked (self, sql, &value, error);
  g_rec_mutex_unlock (&self->lock);

  return value;
}

/**
 * pulse_db_prepare:
 * @sql: one statement, with `?` or `:name` parameters for every value
 *
 * Values are always bound, never formatted into @sql.
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL on error.
 */
PulseStmt *
pulse_db_prepare (PulseDb     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PULSE_IS_DB (self), NULL);

  g_rec_mutex_lock (&self->lock);
  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    set_sqlite_error (error, self->handle, rc, "prepare");
  g_rec_mutex_unlock (&self->lock);

  return stmt;
}

/**
 * pulse_db_step:
 * @stmt: a statement from pulse_db_prepare() with its values bound
 * @has_row: (out) (optional): whether a row is ready to read
 *
 * Returns: %TRUE if the step succeeded (with or without a row).
 */
gboolean
pulse_db_step (PulseDb    *self,
               PulseStmt  *stmt,
               gboolean   *has_row,
               GError    **error)
{
  int rc;

  g_return_val_if_fail (PULSE_IS_DB (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sqlite_error (error, self->handle, rc, "step");
  g_rec_mutex_unlock (&self->lock);

  if (has_row != NULL)
    *has_row = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * pulse_db_transaction:
 * @func: the work; return %FALSE with an error to roll everything back
 *
 * Runs @func inside BEGIN IMMEDIATE … COMMIT with the database locked, so
 * a change and its event-log entry land together or not at all.
 *
 * Returns: %TRUE if @func succeeded and the transaction committed.
 */
gboolean
pulse_db_transaction (PulseDb      *self,
                      PulseDbFunc   func,
                      gpointer      user_data,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (PULSE_IS_DB (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  ok = exec_locked (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = func (self, user_data, &local_error) && exec_locked (self, "COMMIT", &local_error);
      if (!ok)
        {
          exec_locked (self, "ROLLBACK", NULL);
          if (local_error == NULL)
            local_error = g_error_new_literal (PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY,
                                               "transaction rolled back");
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

/**
 * pulse_db_changes:
 *
 * Returns: rows changed by the last INSERT, UPDATE or DELETE.
 */
gint64
pulse_db_changes (PulseDb *self)
{
  g_return_val_if_fail (PULSE_IS_DB (self), 0);

  return sqlite3_changes64 (self->handle);
}

/**
 * pulse_db_collect_json:
 * @stmt: a statement whose column 0 is JSON text
 * @max_rows: the most rows to read
 *
 * Steps @stmt through up to @max_rows rows, parsing column 0 of each.
 *
 * Returns: (transfer full) (element-type JsonNode): the values, or %NULL
 *   with @error set when a step fails or a value is not JSON.
 */
GPtrArray *
pulse_db_collect_json (PulseDb    *self,
                       PulseStmt  *stmt,
                       guint       max_rows,
                       GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_DB (self), NULL);

  while (items->len < max_rows && pulse_db_step (self, stmt, &has_row, &local_error) && has_row)
    {
      JsonNode *node = pulse_json_parse ((const char *) sqlite3_column_text (stmt, 0), -1,
                                         &local_error);
      if (node == NULL)
        break;
      g_ptr_array_add (items, node);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * pulse_db_collect_text:
 * @stmt: a statement with a text column 0
 *
 * Steps @stmt through every row, keeping column 0 as text (to serve
 * stored JSON as is, without parsing and writing it again).
 *
 * Returns: (transfer full) (element-type utf8): the texts, or %NULL with
 *   @error set.
 */
GPtrArray *
pulse_db_collect_text (PulseDb    *self,
                       PulseStmt  *stmt,
                       GError    **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PULSE_IS_DB (self), NULL);

  while (pulse_db_step (self, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&texts);
}
