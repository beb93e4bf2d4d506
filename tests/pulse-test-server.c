/* pulse-test-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-server-schema.h"
#include "pulse-test-server.h"

/* libsoup 3.2 sends a message again on a new connection when a kept-alive
 * one closed under it (the server closes idle ones), with the body stream
 * it already read: an empty body. The tests' requests get their body
 * again on each attempt, as PulseClient's do (pulse-client-send.c). */
static void
on_restarted_cb (SoupMessage *msg,
                 gpointer     user_data)
{
  soup_message_set_request_body_from_bytes (msg, "application/json", user_data);
}

/**
 * pulse_test_set_json_body:
 * @msg: a request
 * @body: its JSON body
 *
 * Sets @body, and sets it again whenever libsoup restarts @msg.
 */
void
pulse_test_set_json_body (SoupMessage *msg,
                          GBytes      *body)
{
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  g_signal_connect_data (msg, "restarted", G_CALLBACK (on_restarted_cb), g_bytes_ref (body),
                         (GClosureNotify) (void (*) (void)) g_bytes_unref, 0);
}
#include "pulse-test-util.h"

typedef struct
{
  GBytes   *body;
  gboolean  done;
} Pending;

/**
 * pulse_test_server_new:
 *
 * Returns: (transfer full): a listening server on a fresh in-memory
 *   database, with one token per role made for a user named after it.
 */
PulseTestServer *
pulse_test_server_new (void)
{
  PulseTestServer *self = g_new0 (PulseTestServer, 1);
  g_autoptr(GError) error = NULL;
  GEnumClass *roles = g_type_class_ref (PULSE_TYPE_ROLE);

  self->db = pulse_db_open (":memory:", pulse_server_schema_get_migrations (), &error);
  g_assert_no_error (error);
  self->tokens = pulse_token_store_new (self->db);
  self->server = pulse_server_new (self->db);
  g_assert_true (pulse_server_listen (self->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  self->url = pulse_server_dup_url (self->server);
  self->soup = soup_session_new ();

  for (guint role = 0; role <= PULSE_ROLE_INTEGRATION; role++)
    {
      const char *nick = g_enum_get_value (roles, role)->value_nick;

      self->role_tokens[role] = pulse_token_store_add (self->tokens, nick, role, NULL, &error);
      g_assert_no_error (error);
    }

  g_type_class_unref (roles);
  return self;
}

void
pulse_test_server_free (PulseTestServer *self)
{
  if (self == NULL)
    return;

  /* Close kept-alive connections and let the server see them go, so
   * nothing outlives the test. */
  soup_session_abort (self->soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->soup);
  g_clear_object (&self->server);
  g_clear_object (&self->tokens);
  g_clear_object (&self->db);
  for (guint i = 0; i < G_N_ELEMENTS (self->role_tokens); i++)
    g_free (self->role_tokens[i]);
  g_free (self->url);
  g_free (self);
}

const char *
pulse_test_server_get_token (PulseTestServer *self,
                             PulseRole        role)
{
  return self->role_tokens[role];
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  pending->done = TRUE;
}

static gboolean
pending_is_done (gpointer user_data)
{
  return ((Pending *) user_data)->done;
}

/**
 * pulse_test_server_request_raw:
 * @token: (nullable): the bearer token
 * @body: (nullable): the request body, sent as application/json
 * @headers: (nullable): "Name", "value" pairs, %NULL-terminated
 *
 * Sends one request and waits for the answer. Every answer of the server
 * is JSON; the test fails if one is not.
 *
 * Returns: (transfer full): the answer.
 */
PulseTestResponse *
pulse_test_server_request_raw (PulseTestServer    *self,
                               const char         *method,
                               const char         *path,
                               const char         *token,
                               GBytes             *body,
                               const char * const *headers)
{
  g_autofree char *url = g_strconcat (self->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *request_headers;
  PulseTestResponse *response;
  Pending pending = { NULL, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", auth);
    }

  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);

  if (body != NULL)
    pulse_test_set_json_body (msg, body);

  soup_session_send_and_read_async (self->soup, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb,
                                    &pending);
  /* Generous: an ASan build on a busy machine answers a big ingest or
   * history page in seconds, and the wait ends as soon as it does. */
  g_assert_true (pulse_test_wait_for (pending_is_done, &pending, 60000));
  g_assert_nonnull (pending.body);

  response = g_new0 (PulseTestResponse, 1);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  response->body = pulse_json_parse (g_bytes_get_data (pending.body, NULL),
                                     g_bytes_get_size (pending.body), &error);
  g_assert_no_error (error);
  g_bytes_unref (pending.body);
  return response;
}

/**
 * pulse_test_server_request:
 * @token: (nullable): the bearer token
 * @body: (nullable): the request body as text
 * @...: "Name", "value" header pairs, then %NULL
 *
 * Returns: (transfer full): the answer.
 */
PulseTestResponse *
pulse_test_server_request (PulseTestServer *self,
                           const char      *method,
                           const char      *path,
                           const char      *token,
                           const char      *body,
                           ...)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  const char *name;
  va_list args;

  va_start (args, body);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (headers, (gpointer) name);
      g_ptr_array_add (headers, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (headers, NULL);

  if (body != NULL)
    bytes = g_bytes_new (body, strlen (body));

  return pulse_test_server_request_raw (self, method, path, token, bytes,
                                        (const char * const *) headers->pdata);
}

void
pulse_test_response_free (PulseTestResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

/**
 * pulse_test_response_object:
 *
 * Returns: (transfer none): the answer's object; the test fails if the
 *   answer is not one.
 */
JsonObject *
pulse_test_response_object (PulseTestResponse *response)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->body));
  return json_node_get_object (response->body);
}

/**
 * pulse_test_response_error_code:
 *
 * Returns: (transfer none): `error.code` of an error answer; the test
 *   fails if the answer is not a protocol error.
 */
const char *
pulse_test_response_error_code (PulseTestResponse *response)
{
  JsonObject *error = json_object_get_object_member (pulse_test_response_object (response),
                                                     "error");

  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  return json_object_get_string_member (error, "code");
}
