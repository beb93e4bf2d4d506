/* test-server-process.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse-server as a child process with a database file: SIGTERM in the
 * middle of writes loses none that were acknowledged, --config mistakes
 * stop it at start, and tokens never reach its output.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "pulse-item-store.h"
#include "pulse-server-schema.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define N_WRITES 300

typedef struct
{
  char        *dir;
  char        *db_path;
  char        *token;
  GSubprocess *process;
  char        *url;
  SoupSession *soup;
  guint        answered;
  guint        in_flight;
  GPtrArray   *acknowledged;
} Child;

static char *
add_token (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("PULSE_SERVER"), "token", "add", "--user", "Olena Koval",
                         "--role", "head", "--db", db_path, NULL };
  char *start;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  start = strstr (out, "pulse_");
  g_assert_nonnull (start);
  return g_strndup (start, strcspn (start, " \n"));
}

static void
child_start (Child       *child,
             const char  *extra_env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  child->dir = g_dir_make_tmp ("pulse-server-XXXXXX", &error);
  g_assert_no_error (error);
  child->db_path = g_build_filename (child->dir, "pulse.db", NULL);
  child->token = add_token (child->db_path);
  child->acknowledged = g_ptr_array_new_with_free_func (g_free);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  if (extra_env != NULL)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", extra_env, TRUE);
  child->process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PULSE_SERVER"),
                                                "--db", child->db_path,
                                                "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }
  while (!g_str_has_prefix (line, "listening on "));

  child->url = g_strdup (line + strlen ("listening on "));
  child->soup = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
}

static void
child_stop (Child *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (child->process, SIGTERM);
  g_assert_true (g_subprocess_wait (child->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child->process));
  g_assert_cmpint (g_subprocess_get_exit_status (child->process), ==, 0);
}

static void
child_clear (Child *child)
{
  g_autofree char *wal = g_strconcat (child->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (child->db_path, "-shm", NULL);

  soup_session_abort (child->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&child->soup);
  g_clear_object (&child->process);
  g_unlink (child->db_path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (child->dir);
  g_clear_pointer (&child->acknowledged, g_ptr_array_unref);
  g_free (child->dir);
  g_free (child->db_path);
  g_free (child->token);
  g_free (child->url);
}

typedef struct
{
  Child *child;
  char  *id;
} Write;

static void
on_write_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Write *write = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                              NULL);

  if (body != NULL && soup_message_get_status (msg) == SOUP_STATUS_CREATED)
    g_ptr_array_add (write->child->acknowledged, g_steal_pointer (&write->id));

  write->child->answered++;
  write->child->in_flight--;
  g_free (write->id);
  g_free (write);
}

static void
send_create (Child *child,
             guint  index)
{
  g_autofree char *url = g_strconcat (child->url, "/api/v1/templates", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", child->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  Write *write = g_new0 (Write, 1);
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  write->child = child;
  write->id = g_strdup_printf ("tpl-%03u", index);
  body = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"N\",\"language\":\"en\",\"body\":\"Hi\"}",
                          write->id);
  length = strlen (body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  /* The message takes its own reference on the body. */
  bytes = g_bytes_new_take (g_steal_pointer (&body), length);
  pulse_test_set_json_body (msg, bytes);
  child->in_flight++;
  soup_session_send_and_read_async (child->soup, msg, G_PRIORITY_DEFAULT, NULL, on_write_done_cb,
                                    write);
}

static gboolean
half_answered (gpointer user_data)
{
  return ((Child *) user_data)->answered >= N_WRITES / 2;
}

static gboolean
none_in_flight (gpointer user_data)
{
  return ((Child *) user_data)->in_flight == 0;
}

static void
test_sigterm_loses_no_acknowledged_write (void)
{
  Child child = { 0 };
  g_autoptr(PulseDb) db = NULL;
  g_autoptr(PulseItemStore) items = NULL;
  g_autoptr(GError) error = NULL;

  child_start (&child, NULL);
  for (guint i = 0; i < N_WRITES; i++)
    send_create (&child, i);

  g_assert_true (pulse_test_wait_for (half_answered, &child, 20000));
  child_stop (&child);
  g_assert_true (pulse_test_wait_for (none_in_flight, &child, 20000));
  g_test_message ("%u of %d writes acknowledged before SIGTERM", child.acknowledged->len,
                  N_WRITES);
  g_assert_cmpuint (child.acknowledged->len, >=, N_WRITES / 2);

  db = pulse_server_schema_open (child.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pulse_db_query_int (db, "PRAGMA quick_check = 1", NULL), ==, 0);
  items = pulse_item_store_new (db);
  for (guint i = 0; i < child.acknowledged->len; i++)
    {
      g_autoptr(JsonNode) item = pulse_item_store_get (items, "template",
                                                       child.acknowledged->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (item);
    }

  /* Every stored write has its event: the two commit together. */
  g_assert_cmpint (pulse_db_query_int (db, "SELECT count(*) FROM item", NULL), ==,
                   pulse_db_query_int (db, "SELECT count(*) FROM event", NULL));
  g_clear_object (&items);
  g_clear_object (&db);
  child_clear (&child);
}

static void
on_get_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                              NULL);

  (*(guint *) user_data)--;
}

static void
send_get (Child      *child,
          const char *token,
          guint      *pending)
{
  g_autofree char *url = g_strconcat (child->url, "/api/v1/rules", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  (*pending)++;
  soup_session_send_and_read_async (child->soup, msg, G_PRIORITY_DEFAULT, NULL, on_get_done_cb,
                                    pending);
}

static gboolean
count_is_zero (gpointer user_data)
{
  return *(guint *) user_data == 0;
}

static void
test_tokens_never_logged (void)
{
  Child child = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *wrong = "pulse_wrongwrongwrongwrongwrongwrongwrongwrong1";
  guint pending = 0;

  child_start (&child, "all");
  send_get (&child, child.token, &pending);
  send_get (&child, wrong, &pending);
  send_create (&child, 1);
  g_assert_true (pulse_test_wait_for (count_is_zero, &pending, 10000));
  g_assert_true (pulse_test_wait_for (none_in_flight, &child, 10000));

  g_subprocess_send_signal (child.process, SIGTERM);
  g_assert_true (g_subprocess_communicate_utf8 (child.process, NULL, NULL, &output, NULL,
                                                &error));
  g_assert_no_error (error);
  /* Debug output is on, so the check is not vacuous. */
  g_assert_nonnull (output);
  g_assert_null (strstr (output, child.token + strlen ("pulse_")));
  g_assert_null (strstr (output, wrong + strlen ("pulse_")));
  child_clear (&child);
}

static void
test_token_commands_are_audited (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pulse-token-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "pulse.db", NULL);
  g_autofree char *token = add_token (db_path);
  g_autofree char *id = NULL;
  g_autoptr(PulseDb) db = NULL;
  g_autoptr(PulseItemStore) items = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  int status = -1;
  JsonObject *newest;
  JsonObject *oldest;

  db = pulse_server_schema_open (db_path, &error);
  g_assert_no_error (error);
  items = pulse_item_store_new (db);
  entries = pulse_item_store_list_audit (items, "token", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  id = g_strdup (json_object_get_string_member (json_node_get_object (entries->pdata[0]),
                                                "entity_id"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&items);
  g_clear_object (&db);

  {
    const char *argv[] = { g_getenv ("PULSE_SERVER"), "token", "revoke", id, "--db", db_path,
                           NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }

  db = pulse_server_schema_open (db_path, &error);
  items = pulse_item_store_new (db);
  entries = pulse_item_store_list_audit (items, "token", id, 10, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  newest = json_node_get_object (entries->pdata[0]);
  oldest = json_node_get_object (entries->pdata[1]);
  g_assert_cmpstr (json_object_get_string_member (newest, "action"), ==, "update");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (newest, "after"),
                                                 "revoked"));
  g_assert_cmpstr (json_object_get_string_member (oldest, "action"), ==, "create");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (oldest, "actor"), "local:"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (oldest, "after"),
                                                  "user"), ==, "Olena Koval");

  /* The audit keeps who and what, never the token. */
  dump = json_to_string (entries->pdata[1], FALSE);
  g_assert_null (strstr (dump, token + strlen ("pulse_")));

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&items);
  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (db_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

static void
test_bad_config_stops_at_start (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pulse-config-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "server.conf", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;

  g_assert_true (g_file_set_contents (path, "[server]\nretention-days=zero\n", -1, NULL));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, g_getenv ("PULSE_SERVER"), "--db", ":memory:",
                              "--listen", "127.0.0.1:0", "--config", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err_text, "retention-days"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/process/sigterm-loses-no-acknowledged-write",
                   test_sigterm_loses_no_acknowledged_write);
  g_test_add_func ("/pulse/server/process/tokens-never-logged", test_tokens_never_logged);
  g_test_add_func ("/pulse/server/process/token-commands-are-audited",
                   test_token_commands_are_audited);
  g_test_add_func ("/pulse/server/process/bad-config-stops-at-start",
                   test_bad_config_stops_at_start);

  return g_test_run ();
}
