/* test-db.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <sqlite3.h>

#include <json-glib/json-glib.h>

#include "pulse-db.h"

static const char *schema_v2[] = {
  "CREATE TABLE team (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;",
  "ALTER TABLE team ADD COLUMN timezone TEXT;",
  NULL
};

static char *
temp_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-test-db-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "test.db", NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_migrates_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", schema_v2, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_db_get_schema_version (db), ==, 2);
  g_assert_true (pulse_db_exec (db, "INSERT INTO team VALUES ('t', 'N', 'Europe/Kyiv')", &error));
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM team", &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_file_is_wal_and_upgrades (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  const char *schema_v1[] = { schema_v2[0], NULL };

  {
    g_autoptr(PulseDb) db = pulse_db_open (path, schema_v1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pulse_db_get_schema_version (db), ==, 1);
    g_assert_true (pulse_db_exec (db, "INSERT INTO team VALUES ('t', 'N')", &error));
  }

  {
    g_autoptr(PulseDb) db = pulse_db_open (path, schema_v2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pulse_db_get_schema_version (db), ==, 2);
    /* Rows written before the upgrade are kept. */
    g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM team", &error), ==, 1);
    g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM pragma_journal_mode "
                                             "WHERE journal_mode = 'wal'", &error), ==, 1);
  }

  remove_db (path);
}

static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  const char *broken[] = { schema_v2[0], "ALTER TABLE team ADD COLUMN x TEXT; SELECT nope FROM nowhere;", NULL };
  g_autoptr(PulseDb) db = pulse_db_open (path, broken, &error);

  g_assert_null (db);
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_MIGRATION);
  g_clear_error (&error);

  /* The file stays at version 1, without the half-applied column. */
  {
    const char *v1[] = { schema_v2[0], NULL };
    g_autoptr(PulseDb) again = pulse_db_open (path, v1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pulse_db_query_int (again, "SELECT count(*) FROM pragma_table_info('team') "
                                                "WHERE name = 'x'", &error), ==, 0);
  }

  remove_db (path);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  const char *v1[] = { schema_v2[0], NULL };

  {
    g_autoptr(PulseDb) db = pulse_db_open (path, schema_v2, &error);

    g_assert_no_error (error);
  }

  g_assert_null (pulse_db_open (path, v1, &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_MIGRATION);

  remove_db (path);
}

static void
test_errors_are_mapped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", schema_v2, NULL);

  g_assert_false (pulse_db_exec (db, "INSERT INTO team VALUES ('t', NULL, NULL)", &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (pulse_db_exec (db, "SELEC 1", &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY);
  g_clear_error (&error);

  g_assert_null (pulse_db_open ("/nonexistent-dir/x/y.db", NULL, &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_OPEN);
}

static gboolean
insert_two_then_fail (PulseDb  *db,
                      gpointer  user_data,
                      GError  **error)
{
  gboolean fail = GPOINTER_TO_INT (user_data);

  if (!pulse_db_exec (db, "INSERT INTO team VALUES ('a', 'A', NULL)", error) ||
      !pulse_db_exec (db, "INSERT INTO team VALUES ('b', 'B', NULL)", error))
    return FALSE;

  if (fail)
    return pulse_db_exec (db, "INSERT INTO team VALUES ('a', 'dup', NULL)", error);

  return TRUE;
}

static void
test_transaction_is_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", schema_v2, NULL);

  g_assert_false (pulse_db_transaction (db, insert_two_then_fail, GINT_TO_POINTER (TRUE), &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM team", NULL), ==, 0);

  g_assert_true (pulse_db_transaction (db, insert_two_then_fail, GINT_TO_POINTER (FALSE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM team", NULL), ==, 2);
}

static void
test_prepared_statements_bind_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", schema_v2, NULL);
  g_autoptr(PulseStmt) insert = NULL;
  g_autoptr(PulseStmt) select = NULL;
  const char *hostile = "x'); DROP TABLE team; --";
  gboolean has_row = FALSE;

  insert = pulse_db_prepare (db, "INSERT INTO team (id, name) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (insert, 1, "t1", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, hostile, -1, SQLITE_STATIC);
  g_assert_true (pulse_db_step (db, insert, &has_row, &error));
  g_assert_false (has_row);
  g_assert_cmpint (pulse_db_changes (db), ==, 1);

  select = pulse_db_prepare (db, "SELECT name FROM team WHERE id = ?1", &error);
  sqlite3_bind_text (select, 1, "t1", -1, SQLITE_STATIC);
  g_assert_true (pulse_db_step (db, select, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *) sqlite3_column_text (select, 0), ==, hostile);

  g_assert_null (pulse_db_prepare (db, "SELECT nope FROM", &error));
  g_assert_error (error, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY);
}

static void
test_collect_rows (void)
{
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", schema_v2, NULL);
  g_autoptr(PulseStmt) all = NULL;
  g_autoptr(PulseStmt) two = NULL;
  g_autoptr(PulseStmt) bad = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pulse_db_exec (db, "CREATE TABLE j (v TEXT);"
                                "INSERT INTO j VALUES ('{\"a\":1}'), ('[2]'), ('3');", NULL));
  all = pulse_db_prepare (db, "SELECT v FROM j ORDER BY rowid", NULL);
  texts = pulse_db_collect_text (db, all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (texts->pdata[1], ==, "[2]");

  two = pulse_db_prepare (db, "SELECT v FROM j ORDER BY rowid", NULL);
  nodes = pulse_db_collect_json (db, two, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nodes->len, ==, 2);
  g_assert_true (JSON_NODE_HOLDS_ARRAY ((JsonNode *) nodes->pdata[1]));

  /* A stored value that is not JSON is an error, not a skipped row. */
  g_assert_true (pulse_db_exec (db, "INSERT INTO j VALUES ('{oops');", NULL));
  bad = pulse_db_prepare (db, "SELECT v FROM j ORDER BY rowid", NULL);
  none = pulse_db_collect_json (db, bad, G_MAXUINT, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/store/db/migrates-in-memory", test_migrates_in_memory);
  g_test_add_func ("/pulse/store/db/collect-rows", test_collect_rows);
  g_test_add_func ("/pulse/store/db/file-is-wal-and-upgrades", test_file_is_wal_and_upgrades);
  g_test_add_func ("/pulse/store/db/failed-migration-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/pulse/store/db/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/pulse/store/db/errors-are-mapped", test_errors_are_mapped);
  g_test_add_func ("/pulse/store/db/transaction-is-all-or-nothing",
                   test_transaction_is_all_or_nothing);
  g_test_add_func ("/pulse/store/db/prepared-statements-bind-values",
                   test_prepared_statements_bind_values);

  return g_test_run ();
}
