/* pulse-db.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PULSE_STORE_ERROR (pulse_store_error_quark ())

typedef enum
{
  PULSE_STORE_ERROR_OPEN = 1,
  PULSE_STORE_ERROR_MIGRATION,
  PULSE_STORE_ERROR_QUERY,
  PULSE_STORE_ERROR_CONSTRAINT,
} PulseStoreError;

#define PULSE_TYPE_DB (pulse_db_get_type ())

G_DECLARE_FINAL_TYPE (PulseDb, pulse_db, PULSE, DB, GObject)

/* A prepared statement; the store and the server (the two layers that may
 * know SQLite) step it with the sqlite3 API. */
typedef struct sqlite3_stmt PulseStmt;

void pulse_stmt_free (PulseStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseStmt, pulse_stmt_free)

/**
 * PulseDbFunc:
 * @db: the database, locked and inside a transaction
 * @user_data: the caller's data
 * @error: return location for the reason to roll back
 *
 * Returns: %TRUE to commit, %FALSE (with @error set) to roll back.
 */
typedef gboolean (*PulseDbFunc) (PulseDb   *db,
                                 gpointer   user_data,
                                 GError   **error);

GQuark      pulse_store_error_quark     (void);
PulseDb    *pulse_db_open               (const char          *path,
                                         const char * const  *migrations,
                                         GError             **error);
const char *pulse_db_get_path           (PulseDb             *self);
int         pulse_db_get_schema_version (PulseDb             *self);
gboolean    pulse_db_exec               (PulseDb             *self,
                                         const char          *sql,
                                         GError             **error);
gint64      pulse_db_query_int          (PulseDb             *self,
                                         const char          *sql,
                                         GError             **error);
PulseStmt  *pulse_db_prepare            (PulseDb             *self,
                                         const char          *sql,
                                         GError             **error);
gboolean    pulse_db_step               (PulseDb             *self,
                                         PulseStmt           *stmt,
                                         gboolean            *has_row,
                                         GError             **error);
gboolean    pulse_db_transaction        (PulseDb             *self,
                                         PulseDbFunc          func,
                                         gpointer             user_data,
                                         GError             **error);
gint64      pulse_db_changes            (PulseDb             *self);
GPtrArray  *pulse_db_collect_json       (PulseDb             *self,
                                         PulseStmt           *stmt,
                                         guint                max_rows,
                                         GError             **error);
GPtrArray  *pulse_db_collect_text       (PulseDb             *self,
                                         PulseStmt           *stmt,
                                         GError             **error);

G_END_DECLS
