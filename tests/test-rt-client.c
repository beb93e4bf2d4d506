/* test-rt-client.c — the RT REST client against a fake RT on loopback:
 * one login, a re-login when RT forgets the session (302), a refused
 * login, token auth, 404.
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-json.h"
#include "pulse-rt-client.h"
#include "pulse-test-fault-proxy.h"

typedef struct
{
  SoupServer *server;
  char       *url;
  guint       logins;
  guint       session;    /* the valid session number, 0: none */
  gboolean    refuse;     /* wrong password: logins make no valid session */
  guint       empty_logins;  /* logins without a form */
  PulseTestFaultProxy *drop_after_redirect;  /* drops the request after a 302 */
} FakeRt;

static void
login_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  FakeRt *rt = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_autofree char *cookie = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  /* As RT: a session only for the right user and password in the form. */
  form = soup_form_decode (text);
  rt->logins++;
  rt->empty_logins += g_bytes_get_size (body) == 0;
  if (!rt->refuse && g_strcmp0 (g_hash_table_lookup (form, "user"), "root") == 0 &&
      g_strcmp0 (g_hash_table_lookup (form, "pass"), "password") == 0)
    rt->session = rt->logins;
  cookie = g_strdup_printf ("RT_SID_test=%u; path=/", rt->logins);
  soup_message_headers_append (soup_server_message_get_response_headers (message), "Set-Cookie",
                               cookie);
  /* RT 5.0.3 answers 200 to good and bad logins alike. */
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static void
rest_cb (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FakeRt *rt = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *cookie = soup_message_headers_get_one (headers, "Cookie");
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = g_strdup_printf ("RT_SID_test=%u", rt->session);
  const char *body = "{\"id\":\"1\",\"Subject\":\"S\"}";

  if (g_strcmp0 (auth, "token abc") != 0 &&
      (rt->session == 0 || g_strcmp0 (cookie, expected) != 0))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/");
      /* The kept-alive connection closes as the login goes out on it. */
      if (rt->drop_after_redirect != NULL)
        pulse_test_fault_proxy_fault_next (g_steal_pointer (&rt->drop_after_redirect),
                                           PULSE_TEST_FAULT_DROP);
      return;
    }
  if (g_str_has_suffix (path, "/ticket/404"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
fake_rt_start (FakeRt *rt)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  memset (rt, 0, sizeof *rt);
  rt->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (rt->server, "/NoAuth/Login.html", login_cb, rt, NULL);
  soup_server_add_handler (rt->server, "/REST/2.0", rest_cb, rt, NULL);
  g_assert_true (soup_server_listen_local (rt->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (rt->server);
  rt->url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
}

static void
fake_rt_stop (FakeRt *rt)
{
  g_object_unref (rt->server);
  g_free (rt->url);
}

static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A GET, run to its end on the default main context. */
static JsonNode *
get (PulseRtClient  *client,
     const char     *path,
     GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pulse_rt_client_get_async (client, path, NULL, got_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pulse_rt_client_get_finish (client, result, error);
}

static void
test_session (void)
{
  FakeRt rt;
  g_autoptr(PulseRtClient) client = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(GError) error = NULL;

  fake_rt_start (&rt);
  client = pulse_rt_client_new (rt.url, "root", "password", FALSE);

  first = get (client, "ticket/1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "id"), ==, "1");
  second = get (client, "ticket/1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rt.logins, ==, 1);
  g_assert_cmpuint (pulse_rt_client_get_logins (client), ==, 1);

  /* RT restarted and forgot the session: one 302, one new login. */
  rt.session = 0;
  third = get (client, "ticket/1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rt.logins, ==, 2);

  missing = get (client, "ticket/404", &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_clear_object (&client);
  fake_rt_stop (&rt);
}

/* RT forgets the session, and the kept-alive connection closes as the
 * new login goes out on it. libsoup 3.2 resends a request whose kept-alive
 * connection closed before it went out with an empty body (PulseClient
 * sets its body again for that); a login, which always follows a 302 on
 * the same connection, is not resent but fails. That GET fails cleanly,
 * RT never sees a login without its form, and the next GET logs in. */
static void
test_login_dropped (void)
{
  FakeRt rt;
  g_autoptr(PulseTestFaultProxy) proxy = NULL;
  g_autoptr(PulseRtClient) client = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) dropped = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;

  fake_rt_start (&rt);
  uri = g_uri_parse (rt.url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  proxy = pulse_test_fault_proxy_new (g_uri_get_port (uri), 1);
  url = pulse_test_fault_proxy_dup_url (proxy);
  client = pulse_rt_client_new (url, "root", "password", FALSE);

  first = get (client, "ticket/1", &error);
  g_assert_no_error (error);
  rt.session = 0;
  rt.drop_after_redirect = proxy;
  dropped = get (client, "ticket/1", &error);
  g_assert_null (dropped);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (pulse_test_fault_proxy_get_n_faults (proxy, PULSE_TEST_FAULT_DROP), ==, 1);
  g_assert_cmpuint (rt.logins, ==, 1);

  again = get (client, "ticket/1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (rt.logins, ==, 2);
  g_assert_cmpuint (rt.session, ==, 2);
  g_assert_cmpuint (rt.empty_logins, ==, 0);

  g_clear_object (&client);
  fake_rt_stop (&rt);
}

static void
test_refused_and_token (void)
{
  FakeRt rt;
  g_autoptr(PulseRtClient) client = NULL;
  g_autoptr(PulseRtClient) token = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  fake_rt_start (&rt);
  rt.refuse = TRUE;
  client = pulse_rt_client_new (rt.url, "root", "wrong", FALSE);
  refused = get (client, "ticket/1", &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "RT answered HTTP 302 for ticket/1");
  /* The one login before the GET; a refused session is not retried. */
  g_assert_cmpuint (rt.logins, ==, 1);
  g_clear_error (&error);

  token = pulse_rt_client_new (rt.url, "root", "abc", TRUE);
  answer = get (token, "ticket/1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_cmpuint (rt.logins, ==, 1);

  g_clear_object (&client);
  g_clear_object (&token);
  fake_rt_stop (&rt);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rt-client/session", test_session);
  g_test_add_func ("/pulse/server/rt-client/refused-and-token", test_refused_and_token);
  g_test_add_func ("/pulse/server/rt-client/login-dropped", test_login_dropped);

  return g_test_run ();
}
