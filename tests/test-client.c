/* test-client.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-client.h"
#include "pulse-json.h"
#include "pulse-test-util.h"

static void
assert_url (const char       *url,
            gboolean          allow_insecure,
            PulseClientError  expected)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pulse_client_check_url (url, allow_insecure, &error);

  if (expected == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, PULSE_CLIENT_ERROR, (int) expected);
    }
}

static void
test_transport_policy (void)
{
  assert_url ("https://pulse.example.com", FALSE, 0);
  assert_url ("HTTPS://pulse.example.com:8443/", FALSE, 0);
  assert_url ("http://127.0.0.1:8787", FALSE, 0);
  assert_url ("http://127.9.9.9", FALSE, 0);
  assert_url ("http://[::1]:8787", FALSE, 0);
  assert_url ("http://localhost:8787", FALSE, 0);

  /* A token over plain HTTP to another host is refused unless allowed. */
  assert_url ("http://pulse.example.com", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://10.0.0.5:8787", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://localhost.example.com", FALSE, PULSE_CLIENT_ERROR_INSECURE);
  assert_url ("http://pulse.example.com", TRUE, 0);

  assert_url ("ftp://pulse.example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("pulse.example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url ("https://pulse example.com", TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
  assert_url (NULL, TRUE, PULSE_CLIENT_ERROR_PROTOCOL);
}

static void
test_loopback (void)
{
  g_assert_false (pulse_client_host_is_loopback (NULL));
  g_assert_false (pulse_client_host_is_loopback (""));
  g_assert_true (pulse_client_host_is_loopback ("localhost"));
  g_assert_true (pulse_client_host_is_loopback ("LocalHost"));
  g_assert_true (pulse_client_host_is_loopback ("127.0.0.1"));
  g_assert_true (pulse_client_host_is_loopback ("127.42.0.7"));
  g_assert_true (pulse_client_host_is_loopback ("::1"));
  g_assert_false (pulse_client_host_is_loopback ("[::1]"));
  g_assert_false (pulse_client_host_is_loopback ("128.0.0.1"));
  g_assert_false (pulse_client_host_is_loopback ("localhost.localdomain.example"));
}

static void
test_base_url_trailing_slash (void)
{
  g_autoptr(PulseClient) client = pulse_client_new ("http://127.0.0.1:1/", NULL);

  g_assert_cmpstr (pulse_client_get_base_url (client), ==, "http://127.0.0.1:1");
}

/* A document of about 2 MB: 5,000 tickets of ~400 bytes. */
static char *
big_document (void)
{
  g_autoptr(GString) text = g_string_new ("{\"seq\":7,\"tickets\":[");

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s{\"id\":\"t-%u\",\"version\":%u,\"subject\":\"Картка %u\","
                            "\"tags\":[\"a\",\"b\"],\"score\":%u.5,\"open\":%s,\"messages\":"
                            "[{\"id\":\"m-%u\",\"body\":\"%0300u\"}]}", i > 0 ? "," : "", i,
                            i % 7, i, i, i % 2 ? "true" : "false", i, i);
  g_string_append (text, "]}");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_get_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *body = g_str_equal (path, "/big") ? user_data : "{\"a\":[1,2,";

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

typedef struct
{
  GThread  *caller;
  GThread  *called_on;
  JsonNode *node;
  GError   *error;
  gboolean  done;
} Got;

static void
got_json_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Got *got = user_data;

  got->called_on = g_thread_self ();
  got->node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &got->error);
  got->done = TRUE;
}

static gboolean
got_done (gpointer user_data)
{
  return ((Got *) user_data)->done;
}

static void
get_json (PulseClient *client,
          const char  *path,
          Got         *got)
{
  got->caller = g_thread_self ();
  pulse_client_get_json_async (client, path, NULL, got_json_cb, got);
  g_assert_true (pulse_test_wait_for (got_done, got, 10000));
  g_assert_true (got->called_on == got->caller);
}

/* The answer is parsed in a worker and comes back on the caller's
 * context: the same tree a parse on the main thread makes. Malformed
 * JSON is a protocol error that says where the text broke. */
static void
test_get_json_worker (void)
{
  g_autofree char *document = big_document ();
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(PulseClient) client = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *base = NULL;
  Got big = { 0 }, bad = { 0 };

  soup_server_add_handler (server, NULL, on_get_cb, document, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  client = pulse_client_new (base, NULL);

  get_json (client, "/big", &big);
  g_assert_no_error (big.error);
  expected = pulse_json_parse (document, -1, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (big.node, expected));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (big.node), "tickets")), ==, 5000);

  get_json (client, "/bad", &bad);
  g_assert_null (bad.node);
  g_assert_error (bad.error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (bad.error->message, "malformed JSON"));

  json_node_unref (big.node);
  g_clear_error (&bad.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/net/client/transport-policy", test_transport_policy);
  g_test_add_func ("/pulse/net/client/loopback", test_loopback);
  g_test_add_func ("/pulse/net/client/base-url-trailing-slash", test_base_url_trailing_slash);
  g_test_add_func ("/pulse/net/client/get-json-worker", test_get_json_worker);

  return g_test_run ();
}
