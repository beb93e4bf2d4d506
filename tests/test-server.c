/* test-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server in-process on 127.0.0.1 port 0, spoken to with a plain
 * SoupSession; client and server share the main context, so only async
 * calls are used (PLATFORM.md).
 */

#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>

#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-token-store.h"

typedef struct
{
  PulseTestServer *ts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->ts = pulse_test_server_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->ts, pulse_test_server_free);
}

/* Sends a request and checks its status and that the answer is JSON. */
static JsonNode *
request_with_token (Fixture    *fixture,
                    const char *method,
                    const char *path,
                    const char *token,
                    guint       expected_status)
{
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (fixture->ts, method, path, token, NULL, NULL);
  g_assert_cmpuint (response->status, ==, expected_status);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (response->headers,
                                                                          NULL),
                                   "application/json"));
  return json_node_ref (response->body);
}

static JsonNode *
request (Fixture    *fixture,
         const char *method,
         const char *path,
         guint       expected_status)
{
  return request_with_token (fixture, method, path, NULL, expected_status);
}

static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) node = request (fixture, "GET", "/api/v1/health", 200);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, PACKAGE_VERSION);
  g_assert_cmpint (json_object_get_int_member (object, "seq"), >=, 0);
}

static void
assert_error_body (JsonNode   *node,
                   const char *code)
{
  JsonObject *error = json_object_get_object_member (json_node_get_object (node), "error");

  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
}

static void
test_unknown_path_is_json_404 (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) node = request (fixture, "GET", "/api/v1/nope", 404);

  assert_error_body (node, "not_found");
}

static void
test_wrong_method (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = request (fixture, "DELETE", "/api/v1/health", 405);

  assert_error_body (node, "method_not_allowed");
}

static void
test_whoami (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = pulse_token_store_add (fixture->ts->tokens, "Olena", PULSE_ROLE_LEAD,
                                                  &id, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  node = request_with_token (fixture, "GET", "/api/v1/whoami", token, 200);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "user"), ==, "Olena");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (object, "token_id"), ==, id);
  /* The token itself is never echoed. */
  text = pulse_json_to_string (node);
  g_assert_null (strstr (text, token + strlen ("pulse_")));
}

static void
test_whoami_needs_a_valid_token (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = pulse_token_store_add (fixture->ts->tokens, "Ivan", PULSE_ROLE_VIEWER,
                                                  &id, &error);
  const char *bad[] = { NULL, "", "pulse_", "pulse_AAAA", "Bearer", "pulse_%00x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = request_with_token (fixture, "GET", "/api/v1/whoami", bad[i], 401);

      assert_error_body (node, "unauthorized");
    }

  g_assert_true (pulse_token_store_revoke (fixture->ts->tokens, id, &error));
  {
    g_autoptr(JsonNode) node = request_with_token (fixture, "GET", "/api/v1/whoami", token, 401);

    assert_error_body (node, "unauthorized");
  }
}

static guint
count_open_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
fds_back_to (gpointer user_data)
{
  return count_open_fds () <= GPOINTER_TO_UINT (user_data);
}

/* A keep-alive connection that its client closes is closed on the
 * server's side too: libsoup 3.2's own listener kept every one open
 * (CLOSE-WAIT), a file descriptor per connection (pulse-server-listen.c). */
static void
test_closed_connections_are_released (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *uri = g_strconcat (fixture->ts->url, "/api/v1/health", NULL);
  guint before;

  /* The fixture's own session may hold a connection: close it first. */
  soup_session_abort (fixture->ts->soup);
  before = count_open_fds ();
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      PulseTestAsync wait = { NULL };

      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                        pulse_test_async_cb, &wait);
      result = pulse_test_async_wait (&wait, 10000);
      body = soup_session_send_and_read_finish (session, result, NULL);
      g_assert_nonnull (body);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      /* The client closes its end of the kept-alive connection. */
      soup_session_abort (session);
    }

  g_assert_true (pulse_test_wait_for (fds_back_to, GUINT_TO_POINTER (before), 10000));
}

static void
test_bad_listen_address (void)
{
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), NULL);
  g_autoptr(PulseServer) server = pulse_server_new (db);
  g_autoptr(GError) error = NULL;

  g_assert_false (pulse_server_listen (server, "not-an-ip", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (pulse_server_dup_url (server));
}

static void
test_cli_rejects_bad_listen (void)
{
  static const char *bad[] = { "127.0.0.1", "127.0.0.1:99999", "127.0.0.1:http", "nohost:0" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err_text = NULL;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                  &error, g_getenv ("PULSE_SERVER"), "--db", ":memory:", "--listen", bad[i],
                                  NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, &error));
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
      g_assert_nonnull (strstr (err_text, "pulse-server:"));
    }
}

static void
test_cli_listens_and_stops_on_sigterm (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              g_getenv ("PULSE_SERVER"), "--db", ":memory:",
                              "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pulse/server/health", Fixture, NULL, fixture_set_up, test_health,
              fixture_tear_down);
  g_test_add ("/pulse/server/unknown-path-is-json-404", Fixture, NULL, fixture_set_up,
              test_unknown_path_is_json_404, fixture_tear_down);
  g_test_add ("/pulse/server/wrong-method", Fixture, NULL, fixture_set_up, test_wrong_method,
              fixture_tear_down);
  g_test_add ("/pulse/server/whoami", Fixture, NULL, fixture_set_up, test_whoami,
              fixture_tear_down);
  g_test_add ("/pulse/server/whoami-needs-a-valid-token", Fixture, NULL, fixture_set_up,
              test_whoami_needs_a_valid_token, fixture_tear_down);
  g_test_add ("/pulse/server/closed-connections-are-released", Fixture, NULL, fixture_set_up,
              test_closed_connections_are_released, fixture_tear_down);
  g_test_add_func ("/pulse/server/bad-listen-address", test_bad_listen_address);
  g_test_add_func ("/pulse/server/cli-rejects-bad-listen", test_cli_rejects_bad_listen);
  g_test_add_func ("/pulse/server/cli-listens-and-stops-on-sigterm",
                   test_cli_listens_and_stops_on_sigterm);

  return g_test_run ();
}
