/* pulse-test-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Client and server share the main context, so only async calls are used
 * (PLATFORM.md).
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
  gboolean     done;
} Request;

static char *
add_token (PulseTestServer *fixture,
           const char      *user,
           PulseRole        role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char *token = pulse_token_store_add (fixture->tokens, user, role, &id, &error);

  g_assert_no_error (error);
  return token;
}

/**
 * pulse_test_server_set_up:
 *
 * A fixture set-up: a fresh in-memory database, a listening server and a
 * token for the roles head, lead, viewer and integration.
 */
void
pulse_test_server_set_up (PulseTestServer *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = pulse_server_schema_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->tokens = pulse_token_store_new (fixture->db);
  fixture->server = pulse_server_new (fixture->db);
  g_assert_true (pulse_server_listen (fixture->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->url = pulse_server_dup_url (fixture->server);
  fixture->soup = soup_session_new ();
  fixture->head = add_token (fixture, "Hanna", PULSE_ROLE_HEAD);
  fixture->lead = add_token (fixture, "Olena", PULSE_ROLE_LEAD);
  fixture->viewer = add_token (fixture, "Ivan", PULSE_ROLE_VIEWER);
  fixture->integration = add_token (fixture, "bridge", PULSE_ROLE_INTEGRATION);
}

void
pulse_test_server_tear_down (PulseTestServer *fixture,
                             gconstpointer    data)
{
  /* Close the client's kept-alive connections and let the server see
   * them close, so nothing outlives the test. */
  soup_session_abort (fixture->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->soup);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->tokens);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->head, g_free);
  g_clear_pointer (&fixture->lead, g_free);
  g_clear_pointer (&fixture->viewer, g_free);
  g_clear_pointer (&fixture->integration, g_free);
}

static void
on_request_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Request *request = user_data;

  request->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  request->done = TRUE;
}

static gboolean
request_is_done (gpointer user_data)
{
  return ((Request *) user_data)->done;
}

/**
 * pulse_test_server_request:
 * @token: (nullable): the bearer token, or %NULL for none
 * @body: (nullable): a JSON request body
 * @expected_status: the status the test requires
 *
 * Sends one request and checks its status and that the answer is JSON.
 *
 * Returns: (transfer full): the parsed answer.
 */
JsonNode *
pulse_test_server_request (PulseTestServer *fixture,
                           const char      *method,
                           const char      *path,
                           const char      *token,
                           const char      *body,
                           guint            expected_status)
{
  g_autofree char *url = g_strconcat (fixture->url, path, NULL);
  Request req = { soup_message_new (method, url), NULL, FALSE };
  SoupMessageHeaders *headers;
  JsonNode *node;

  g_assert_nonnull (req.msg);
  headers = soup_message_get_request_headers (req.msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_append (headers, "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (req.msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (fixture->soup, req.msg, G_PRIORITY_DEFAULT, NULL,
                                    on_request_done_cb, &req);
  pulse_test_wait_for (request_is_done, &req, 20000);

  g_assert_nonnull (req.body);
  if (soup_message_get_status (req.msg) != expected_status)
    g_test_message ("answer: %.*s", (int) MIN (g_bytes_get_size (req.body), 2000),
                    (const char *) g_bytes_get_data (req.body, NULL));
  g_assert_cmpuint (soup_message_get_status (req.msg), ==, expected_status);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (
                   soup_message_get_response_headers (req.msg), NULL), "application/json"));

  node = pulse_json_parse (g_bytes_get_data (req.body, NULL), g_bytes_get_size (req.body), NULL);
  g_assert_nonnull (node);

  g_bytes_unref (req.body);
  g_object_unref (req.msg);
  return node;
}

gint64
pulse_test_server_last_seq (PulseTestServer *fixture)
{
  return pulse_event_log_get_last_seq (pulse_server_get_event_log (fixture->server));
}

/**
 * pulse_test_server_events_since:
 *
 * Returns: (transfer full) (element-type JsonNode): the events in the
 *   server's log after @since, in their wire form.
 */
GPtrArray *
pulse_test_server_events_since (PulseTestServer *fixture,
                                gint64           since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = pulse_event_log_read_since (pulse_server_get_event_log (fixture->server),
                                                  since, G_MAXUINT, &error);

  g_assert_no_error (error);
  return events;
}

/**
 * pulse_test_assert_error:
 * @message_part: (nullable): a fragment the message must contain
 *
 * Checks an error answer: `{"error":{"code","message"}}`.
 */
void
pulse_test_assert_error (JsonNode   *node,
                         const char *code,
                         const char *message_part)
{
  JsonObject *error = json_object_get_object_member (json_node_get_object (node), "error");
  const char *message;

  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  message = json_object_get_string_member (error, "message");
  g_assert_nonnull (message);
  if (message_part == NULL)
    return;
  if (strstr (message, message_part) == NULL)
    g_test_message ("“%s” lacks “%s”", message, message_part);
  g_assert_nonnull (strstr (message, message_part));
}
