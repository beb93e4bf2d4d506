/* test-token-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pulse-error.h"
#include "pulse-server-schema.h"
#include "pulse-token-store.h"

static PulseDb *
open_memory_db (void)
{
  g_autoptr(GError) error = NULL;
  PulseDb *db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), &error);

  g_assert_no_error (error);
  return db;
}

static void
test_add_and_authenticate (void)
{
  g_autoptr(PulseDb) db = open_memory_db ();
  g_autoptr(PulseTokenStore) store = pulse_token_store_new (db);
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = pulse_token_store_add (store, "Maria", PULSE_ROLE_QA, &id, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "pulse_"));
  /* 32 random bytes in base64url without padding. */
  g_assert_cmpuint (strlen (token), ==, strlen ("pulse_") + 43);
  g_assert_cmpuint (strlen (id), ==, 12);

  info = pulse_token_store_authenticate (store, token);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->user, ==, "Maria");
  g_assert_cmpint (info->role, ==, PULSE_ROLE_QA);
  g_assert_cmpstr (info->id, ==, id);
}

static void
test_tokens_are_unique_and_unguessable (void)
{
  g_autoptr(PulseDb) db = open_memory_db ();
  g_autoptr(PulseTokenStore) store = pulse_token_store_new (db);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 200; i++)
    {
      char *token = pulse_token_store_add (store, "u", PULSE_ROLE_VIEWER, NULL, NULL);

      g_assert_nonnull (token);
      g_assert_true (g_hash_table_add (seen, token));
    }

  g_assert_null (pulse_token_store_authenticate (store, "pulse_"));
  g_assert_null (pulse_token_store_authenticate (store, NULL));
  g_assert_null (pulse_token_store_authenticate (store, "not-a-token"));
}

static void
test_only_the_hash_is_stored (void)
{
  g_autoptr(PulseDb) db = open_memory_db ();
  g_autoptr(PulseTokenStore) store = pulse_token_store_new (db);
  g_autofree char *token = pulse_token_store_add (store, "u", PULSE_ROLE_HEAD, NULL, NULL);
  g_autofree char *sql = NULL;

  /* No column of any row contains the secret part of the token. */
  sql = g_strdup_printf ("SELECT count(*) FROM token WHERE instr(id || hash || user || role, '%s') > 0",
                         token + strlen ("pulse_"));
  g_assert_cmpint (pulse_db_query_int (db, sql, NULL), ==, 0);
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM token", NULL), ==, 1);
}

static void
test_revoke (void)
{
  g_autoptr(PulseDb) db = open_memory_db ();
  g_autoptr(PulseTokenStore) store = pulse_token_store_new (db);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = pulse_token_store_add (store, "u", PULSE_ROLE_PLANNER, &id, NULL);

  g_assert_true (pulse_token_store_revoke (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (pulse_token_store_authenticate (store, token));

  /* Revoking twice, or an unknown id, is an error, not a silent success. */
  g_assert_false (pulse_token_store_revoke (store, id, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pulse_token_store_revoke (store, "000000000000", &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_NOT_FOUND);

  list = pulse_token_store_list (store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((PulseTokenInfo *) list->pdata[0])->revoked_at, >, 0);
}

static void
test_bad_user (void)
{
  g_autoptr(PulseDb) db = open_memory_db ();
  g_autoptr(PulseTokenStore) store = pulse_token_store_new (db);
  g_autofree char *long_user = g_strnfill (129, 'u');
  const char *bad[] = { "", long_user, "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pulse_token_store_add (store, bad[i], PULSE_ROLE_VIEWER, NULL, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
    }
}

static char *
run_cli (const char  *db_path,
         int          expected_status,
         char       **err_out,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PULSE_SERVER"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db_path);
  va_start (args, err_out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err_out, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, expected_status);
  return out;
}

static void
test_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-token-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "server.db", NULL);
  g_autofree char *token = NULL;
  g_autofree char *list = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;

  token = run_cli (db_path, 0, &err, "token", "add", "--user", "Head of support", "--role", "head",
                   NULL);
  g_strstrip (token);
  g_assert_true (g_str_has_prefix (token, "pulse_"));
  /* The public id is the first word after "token" on stderr. */
  g_assert_true (g_str_has_prefix (err, "token "));
  id = g_strndup (err + strlen ("token "), 12);
  g_clear_pointer (&err, g_free);

  list = run_cli (db_path, 0, &err, "token", "list", NULL);
  g_assert_nonnull (strstr (list, id));
  g_assert_nonnull (strstr (list, "Head of support"));
  g_assert_nonnull (strstr (list, "active"));
  g_assert_null (strstr (list, token + strlen ("pulse_")));
  g_clear_pointer (&list, g_free);
  g_clear_pointer (&err, g_free);

  g_free (run_cli (db_path, 0, &err, "token", "revoke", id, NULL));
  g_clear_pointer (&err, g_free);
  list = run_cli (db_path, 0, &err, "token", "list", NULL);
  g_assert_nonnull (strstr (list, "revoked"));
  g_clear_pointer (&err, g_free);

  g_free (run_cli (db_path, 2, &err, "token", "add", "--user", "x", "--role", "king", NULL));
  g_clear_pointer (&err, g_free);
  g_free (run_cli (db_path, 1, &err, "token", "revoke", "ffffffffffff", NULL));
  g_clear_pointer (&err, g_free);
  g_free (run_cli (db_path, 2, &err, "frobnicate", NULL));

  g_remove (db_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/token-store/add-and-authenticate", test_add_and_authenticate);
  g_test_add_func ("/pulse/server/token-store/tokens-are-unique-and-unguessable",
                   test_tokens_are_unique_and_unguessable);
  g_test_add_func ("/pulse/server/token-store/only-the-hash-is-stored",
                   test_only_the_hash_is_stored);
  g_test_add_func ("/pulse/server/token-store/revoke", test_revoke);
  g_test_add_func ("/pulse/server/token-store/bad-user", test_bad_user);
  g_test_add_func ("/pulse/server/token-store/command-line", test_command_line);

  return g_test_run ();
}
