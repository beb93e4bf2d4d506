/* test-session.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSession against real servers: pulse-server in-process, a foreign
 * HTTP server that is not Pulse, a closed port, and the demo server as a
 * child process ($PULSE_SERVER).
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-client.h"
#include "pulse-server-schema.h"
#include "pulse-server.h"
#include "pulse-session.h"
#include "pulse-test-util.h"
#include "pulse-token-store.h"

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
wait_is_done (gpointer user_data)
{
  return ((Wait *) user_data)->result != NULL;
}

/* With a token, sign in (the keyring may be missing here; the token is
 * used either way); without one, connect with whatever the keyring has. */
static gboolean
connect_sync (PulseSession  *session,
              const char    *url,
              const char    *token,
              GError       **error)
{
  Wait wait = { NULL };
  gboolean ok;

  if (token != NULL)
    pulse_session_sign_in_async (session, url, token, NULL, on_done_cb, &wait);
  else
    pulse_session_connect_async (session, url, NULL, on_done_cb, &wait);
  pulse_test_wait_for (wait_is_done, &wait, 10000);
  ok = pulse_session_connect_finish (session, wait.result, error);
  g_object_unref (wait.result);
  return ok;
}

static gboolean
session_is_live (gpointer user_data)
{
  return pulse_session_get_connection_state (user_data) == PULSE_CONNECTION_STATE_LIVE;
}

/* Signed in is not yet live: the sync engine takes the snapshot and opens
 * the event stream first. */
static void
wait_live (PulseSession *session)
{
  g_assert_true (pulse_test_wait_for (session_is_live, session, 20000));
}

static void
test_connects_to_pulse_server (void)
{
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), NULL);
  g_autoptr(PulseTokenStore) tokens = pulse_token_store_new (db);
  g_autoptr(PulseServer) server = pulse_server_new (db);
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *version = NULL;
  g_autofree char *token = pulse_token_store_add (tokens, "Olena", PULSE_ROLE_PLANNER, NULL, NULL);

  g_assert_true (pulse_server_listen (server, "127.0.0.1", 0, &error));
  url = pulse_server_dup_url (server);

  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_true (connect_sync (session, url, token, &error));
  g_assert_no_error (error);
  wait_live (session);
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_PLANNER);
  g_assert_cmpstr (pulse_session_get_user_name (session), ==, "Olena");
  g_assert_cmpstr (pulse_session_get_server_url (session), ==, url);
  version = pulse_session_dup_server_version (session);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_false (pulse_session_get_is_demo (session));

  pulse_session_disconnect (session);
  g_assert_null (pulse_session_get_server_url (session));
  g_assert_null (pulse_session_get_user_name (session));
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_VIEWER);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
}

static void
test_wrong_or_missing_token_is_unauthorized (void)
{
  g_autoptr(PulseDb) db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), NULL);
  g_autoptr(PulseServer) server = pulse_server_new (db);
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_assert_true (pulse_server_listen (server, "127.0.0.1", 0, &error));
  url = pulse_server_dup_url (server);

  g_assert_false (connect_sync (session, url, "pulse_not-a-real-token", &error));
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_UNAUTHORIZED);
  g_clear_error (&error);

  /* The test bus has no keyring, so nothing is stored for this server. */
  g_assert_false (connect_sync (session, url, NULL, &error));
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_UNAUTHORIZED);
}

static void
test_closed_port_is_offline (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* Take a free port, then close it, so nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  g_assert_false (connect_sync (session, url, NULL, &error));
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_OFFLINE);
}

static void
on_foreign_health_cb (SoupServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  static const char body[] = "{\"healthy\":true}";

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
test_foreign_server_is_incompatible (void)
{
  g_autoptr(SoupServer) foreign = soup_server_new (NULL, NULL);
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* Listen on a socket of our own: libsoup 3.2's listen_local() and
   * get_uris() leak the local address. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  bound = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_assert_true (g_socket_bind (socket, bound, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  g_clear_object (&bound);
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  soup_server_add_handler (foreign, "/api/v1/health", on_foreign_health_cb, NULL, NULL);
  g_assert_true (soup_server_listen_socket (foreign, socket, 0, &error));

  g_assert_false (connect_sync (session, url, NULL, &error));
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_INCOMPATIBLE);
}

static void
test_insecure_url_refused_before_network (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (connect_sync (session, "http://pulse.example.com", NULL, &error));
  g_assert_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_INSECURE);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_null (pulse_session_get_server_url (session));
}

static gboolean
server_is_gone (gpointer user_data)
{
  PulseSession *probe = user_data;

  return pulse_session_get_connection_state (probe) == PULSE_CONNECTION_STATE_OFFLINE;
}

static void
test_demo_server_child (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(PulseSession) probe = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Wait wait = { NULL };

  pulse_session_start_demo_async (session, NULL, on_done_cb, &wait);
  pulse_test_wait_for (wait_is_done, &wait, 20000);
  g_assert_true (pulse_session_start_demo_finish (session, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  g_assert_true (pulse_session_get_is_demo (session));
  wait_live (session);
  /* The demo signs us in as a head, with a token that never touches the keyring. */
  g_assert_cmpint (pulse_session_get_role (session), ==, PULSE_ROLE_HEAD);
  url = g_strdup (pulse_session_get_server_url (session));
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));

  /* Stopping the demo stops the child: the address stops answering. */
  pulse_session_disconnect (session);
  g_assert_false (pulse_session_get_is_demo (session));
  while (!server_is_gone (probe))
    {
      Wait attempt = { NULL };

      pulse_session_connect_async (probe, url, NULL, on_done_cb, &attempt);
      pulse_test_wait_for (wait_is_done, &attempt, 10000);
      pulse_session_connect_finish (probe, attempt.result, NULL);
      g_object_unref (attempt.result);
    }

  /* Let GLib deliver the child's exit status, so no wait is left pending. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_demo_missing_program (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("PULSE_SERVER"));
  Wait wait = { NULL };

  g_setenv ("PULSE_SERVER", "/nonexistent/pulse-server", TRUE);
  pulse_session_start_demo_async (session, NULL, on_done_cb, &wait);
  pulse_test_wait_for (wait_is_done, &wait, 10000);
  g_assert_false (pulse_session_start_demo_finish (session, wait.result, &error));
  g_assert_nonnull (error);
  g_assert_false (pulse_session_get_is_demo (session));
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
  g_object_unref (wait.result);
  g_setenv ("PULSE_SERVER", saved, TRUE);
}

typedef struct
{
  PulseDb         *db;
  PulseTokenStore *tokens;
  PulseServer     *server;
  char            *url;
  char            *token;
} TestServer;

static void
test_server_start (TestServer *ts,
                   const char *user)
{
  g_autoptr(GError) error = NULL;

  ts->db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), NULL);
  ts->tokens = pulse_token_store_new (ts->db);
  ts->server = pulse_server_new (ts->db);
  g_assert_true (pulse_server_listen (ts->server, "127.0.0.1", 0, &error));
  ts->url = pulse_server_dup_url (ts->server);
  ts->token = pulse_token_store_add (ts->tokens, user, PULSE_ROLE_HEAD, NULL, NULL);
}

static void
test_server_stop (TestServer *ts)
{
  g_clear_object (&ts->server);
  g_clear_object (&ts->tokens);
  g_clear_object (&ts->db);
  g_clear_pointer (&ts->url, g_free);
  g_clear_pointer (&ts->token, g_free);
}

static void
test_newer_attempt_supersedes_older (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;
  TestServer a = { NULL }, b = { NULL };
  Wait first = { NULL }, second = { NULL };

  test_server_start (&a, "first");
  test_server_start (&b, "second");

  pulse_session_sign_in_async (session, a.url, a.token, NULL, on_done_cb, &first);
  pulse_session_sign_in_async (session, b.url, b.token, NULL, on_done_cb, &second);
  pulse_test_wait_for (wait_is_done, &first, 10000);
  pulse_test_wait_for (wait_is_done, &second, 10000);

  g_assert_false (pulse_session_connect_finish (session, first.result, &first_error));
  g_assert_error (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (pulse_session_connect_finish (session, second.result, &second_error));
  g_assert_no_error (second_error);

  /* The late answers of the first attempt changed nothing. */
  g_assert_cmpstr (pulse_session_get_server_url (session), ==, b.url);
  g_assert_cmpstr (pulse_session_get_user_name (session), ==, "second");
  wait_live (session);

  g_object_unref (first.result);
  g_object_unref (second.result);
  test_server_stop (&a);
  test_server_stop (&b);
}

static void
test_disconnect_during_connect (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  TestServer a = { NULL };
  Wait wait = { NULL };

  test_server_start (&a, "u");
  pulse_session_sign_in_async (session, a.url, a.token, NULL, on_done_cb, &wait);
  pulse_session_disconnect (session);
  pulse_test_wait_for (wait_is_done, &wait, 10000);

  g_assert_false (pulse_session_connect_finish (session, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (pulse_session_get_connection_state (session), ==,
                   PULSE_CONNECTION_STATE_DISCONNECTED);
  g_assert_null (pulse_session_get_server_url (session));

  g_object_unref (wait.result);
  test_server_stop (&a);
}

static void
test_connect_ends_the_demo (void)
{
  g_autoptr(PulseSession) session = pulse_session_new ();
  g_autoptr(GError) error = NULL;
  TestServer a = { NULL };
  Wait wait = { NULL };

  pulse_session_start_demo_async (session, NULL, on_done_cb, &wait);
  pulse_test_wait_for (wait_is_done, &wait, 20000);
  g_assert_true (pulse_session_start_demo_finish (session, wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_true (pulse_session_get_is_demo (session));

  test_server_start (&a, "real");
  g_assert_true (connect_sync (session, a.url, a.token, &error));
  g_assert_false (pulse_session_get_is_demo (session));
  g_assert_cmpstr (pulse_session_get_user_name (session), ==, "real");

  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_server_stop (&a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/connects-to-pulse-server", test_connects_to_pulse_server);
  g_test_add_func ("/pulse/session/wrong-or-missing-token-is-unauthorized",
                   test_wrong_or_missing_token_is_unauthorized);
  g_test_add_func ("/pulse/session/closed-port-is-offline", test_closed_port_is_offline);
  g_test_add_func ("/pulse/session/foreign-server-is-incompatible",
                   test_foreign_server_is_incompatible);
  g_test_add_func ("/pulse/session/insecure-url-refused-before-network",
                   test_insecure_url_refused_before_network);
  g_test_add_func ("/pulse/session/demo-server-child", test_demo_server_child);
  g_test_add_func ("/pulse/session/newer-attempt-supersedes-older",
                   test_newer_attempt_supersedes_older);
  g_test_add_func ("/pulse/session/disconnect-during-connect", test_disconnect_during_connect);
  g_test_add_func ("/pulse/session/connect-ends-the-demo", test_connect_ends_the_demo);
  g_test_add_func ("/pulse/session/demo-missing-program", test_demo_missing_program);

  return g_test_run ();
}
