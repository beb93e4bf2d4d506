/* pulse-server-http.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-server-http.h"

/**
 * pulse_server_respond_json:
 * @status: the HTTP status
 * @body: the JSON to send
 */
void
pulse_server_respond_json (SoupServerMessage *msg,
                           guint              status,
                           JsonNode          *body)
{
  g_autofree char *text = pulse_json_to_string (body);
  gsize length = strlen (text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
}

/**
 * pulse_server_respond_error:
 * @code: the machine-readable code ("not_found")
 * @message: what a person should know, in English
 *
 * Answers `{"error":{"code","message"}}` with @status.
 */
void
pulse_server_respond_error (SoupServerMessage *msg,
                            guint              status,
                            const char        *code,
                            const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "code", code);
  pulse_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, status, body);
}

/**
 * pulse_server_read_body:
 *
 * Parses the request body as JSON. Answers 413 for a body over
 * %PULSE_SERVER_MAX_BODY_BYTES and 400 for one that is not JSON.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL when the
 *   request has been answered with an error.
 */
JsonNode *
pulse_server_read_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (g_bytes_get_size (bytes) > PULSE_SERVER_MAX_BODY_BYTES)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                                  "request bodies are limited to 1 MiB");
      return NULL;
    }

  node = pulse_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (node == NULL)
    pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed_json", error->message);

  return node;
}

/**
 * pulse_server_authenticate:
 *
 * Answers 401 itself when the request has no valid bearer token, and
 * 429 with Retry-After when the token is over its rate limit. The token
 * is never logged.
 *
 * Returns: (transfer full) (nullable): who asked, or %NULL.
 */
PulseTokenInfo *
pulse_server_authenticate (PulseServer       *self,
                           SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  PulseTokenInfo *info = NULL;
  guint retry_after = 0;

  if (auth != NULL && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    info = pulse_token_store_authenticate (pulse_server_get_token_store (self), auth + 7);

  if (info == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"pulse\"");
      pulse_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                                  "a valid bearer token is required");
      return NULL;
    }

  if (!pulse_server_take_request (self, info->id, &retry_after))
    {
      g_autofree char *seconds = g_strdup_printf ("%u", MAX (retry_after, 1));

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      pulse_server_respond_error (msg, 429, "rate_limited",
                                  "too many requests for this token; retry later");
      g_clear_pointer (&info, pulse_token_info_free);
    }

  return info;
}

/**
 * pulse_server_authorize:
 * @permission: what the request wants to do
 *
 * Answers 401 or 403 itself when the request may not go on.
 *
 * Returns: (transfer full) (nullable): who asked (for the audit log), or
 *   %NULL.
 */
PulseTokenInfo *
pulse_server_authorize (PulseServer       *self,
                        SoupServerMessage *msg,
                        PulsePermission    permission)
{
  PulseTokenInfo *info = pulse_server_authenticate (self, msg);

  if (info != NULL && !pulse_role_can (info->role, permission))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  "this token's role may not do that");
      g_clear_pointer (&info, pulse_token_info_free);
    }

  return info;
}

/**
 * pulse_server_respond_internal:
 * @what: what failed, as a verb phrase ("read the audit log")
 * @error: why, for the server's log only
 *
 * Answers 500 `internal` after a database failure. The reason goes to the
 * log; the client learns only that nothing was done.
 */
void
pulse_server_respond_internal (SoupServerMessage *msg,
                               const char        *what,
                               const GError      *error)
{
  g_autofree char *message = g_strdup_printf ("the server could not %s", what);

  g_warning ("Could not %s: %s", what, error != NULL ? error->message : "unknown error");
  pulse_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", message);
}

/**
 * pulse_server_accept:
 * @path: the request's path
 * @exact_path: (nullable): the one path the handler serves, or %NULL when
 *   it serves sub-paths too
 * @method: the one method it accepts (%SOUP_METHOD_GET …)
 * @name: the endpoint's name for the 405 message ("snapshot")
 *
 * Answers 404 for another path and 405 for another method.
 *
 * Returns: %TRUE if the handler should go on.
 */
gboolean
pulse_server_accept (SoupServerMessage *msg,
                     const char        *path,
                     const char        *exact_path,
                     const char        *method,
                     const char        *name)
{
  if (exact_path != NULL && !g_str_equal (path, exact_path))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return FALSE;
    }

  if (soup_server_message_get_method (msg) != method)
    {
      g_autofree char *message = g_strdup_printf ("%s accepts %s only", name, method);

      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  message);
      return FALSE;
    }

  return TRUE;
}
