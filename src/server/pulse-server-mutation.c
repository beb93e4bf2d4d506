/* pulse-server-mutation.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-server-http.h"
#include "pulse-server-mutation.h"

/* Keys are the client's: a UUID fits many times over. */
#define MAX_KEY_LENGTH 128

void
pulse_server_mutation_free (PulseServerMutation *m)
{
  if (m == NULL)
    return;

  g_clear_pointer (&m->who, pulse_token_info_free);
  g_clear_pointer (&m->id, g_free);
  g_clear_pointer (&m->input, json_node_unref);
  g_clear_pointer (&m->answer, json_node_unref);
  g_clear_pointer (&m->current, json_node_unref);
  g_clear_pointer (&m->idempotency_key, g_free);
  g_clear_pointer (&m->digest, g_free);
  g_clear_pointer (&m->code, g_free);
  g_clear_pointer (&m->message, g_free);
  g_free (m);
}

static gboolean
is_valid_key (const char *key)
{
  gsize length = strlen (key);

  if (length == 0 || length > MAX_KEY_LENGTH)
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isgraph (*p))
        return FALSE;
    }

  return TRUE;
}

/* What makes two requests "the same" for a key: method, path and body. */
static char *
digest_request (SoupServerMessage *msg,
                GBytes            *body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *method = soup_server_message_get_method (msg);
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  g_checksum_update (checksum, (const guchar *) method, strlen (method));
  g_checksum_update (checksum, (const guchar *) " ", 1);
  g_checksum_update (checksum, (const guchar *) path, strlen (path));
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  return g_strdup (g_checksum_get_string (checksum));
}

/* Answers a retried request as the first one was answered. */
static gboolean
replay_answer (PulseServerMutation *m)
{
  PulseItemStore *store = pulse_server_get_item_store (m->server);
  g_autofree char *request = NULL;
  g_autofree char *response = NULL;
  guint status = 0;
  gsize length;

  if (!pulse_item_store_find_answer (store, m->who->id, m->idempotency_key, &request, &status,
                                     &response))
    return FALSE;

  if (!g_str_equal (request, m->digest))
    {
      pulse_server_respond_error (m->msg, 422, "idempotency_key_reused",
                                  "this Idempotency-Key was used for another request");
      return TRUE;
    }

  length = strlen (response);
  soup_message_headers_replace (soup_server_message_get_response_headers (m->msg),
                                "Idempotent-Replayed", "true");
  soup_server_message_set_status (m->msg, status, NULL);
  soup_server_message_set_response (m->msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&response), length);
  return TRUE;
}

/**
 * pulse_server_mutation_begin:
 * @permission: what the change needs
 *
 * Checks the token and role (401/403), the body size (413) and the
 * Idempotency-Key (400 when malformed). A retry of a request already
 * answered is answered again here, identically.
 *
 * Returns: (transfer full) (nullable): the change to carry on with, or
 *   %NULL when the request has been answered.
 */
PulseServerMutation *
pulse_server_mutation_begin (PulseServer       *server,
                             SoupServerMessage *msg,
                             PulsePermission    permission)
{
  g_autoptr(PulseServerMutation) m = g_new0 (PulseServerMutation, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = NULL;
  const char *key;

  m->server = server;
  m->msg = msg;
  m->if_match = -1;
  m->who = pulse_server_authorize (server, msg, permission);
  if (m->who == NULL)
    return NULL;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > PULSE_SERVER_MAX_BODY_BYTES)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                                  "request bodies are limited to 1 MiB");
      return NULL;
    }

  key = soup_message_headers_get_one (headers, "Idempotency-Key");
  if (key == NULL)
    return g_steal_pointer (&m);

  if (!is_valid_key (key))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                  "Idempotency-Key: 1 to 128 printable ASCII characters");
      return NULL;
    }

  m->idempotency_key = g_strdup (key);
  m->digest = digest_request (msg, body);
  if (replay_answer (m))
    return NULL;

  return g_steal_pointer (&m);
}

/**
 * pulse_server_mutation_require_if_match:
 *
 * Reads `If-Match: <version>` (bare or quoted, as an ETag). Answers 428
 * when it is missing and 400 when it is not a version.
 *
 * Returns: %TRUE if @m->if_match is now set.
 */
gboolean
pulse_server_mutation_require_if_match (PulseServerMutation *m)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (m->msg);
  const char *value = soup_message_headers_get_one (headers, "If-Match");
  g_autofree char *bare = NULL;
  guint64 version;

  if (value == NULL)
    {
      pulse_server_respond_error (m->msg, 428, "precondition_required",
                                  "changes to an item need If-Match: <version>");
      return FALSE;
    }

  bare = g_strstrip (g_strdup (value));
  if (bare[0] == '"' && strlen (bare) >= 2 && bare[strlen (bare) - 1] == '"')
    {
      bare[strlen (bare) - 1] = '\0';
      memmove (bare, bare + 1, strlen (bare));
    }

  if (!g_ascii_string_to_unsigned (bare, 10, 0, G_MAXINT64, &version, NULL))
    {
      pulse_server_respond_error (m->msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                  "If-Match: expected a version number");
      return FALSE;
    }

  m->if_match = (gint64) version;
  return TRUE;
}

/**
 * pulse_server_mutation_read_input:
 *
 * Parses the body into @m->input. Answers 400 for what is not JSON and
 * 422 for JSON that is not an object.
 *
 * Returns: %TRUE if @m->input is set.
 */
gboolean
pulse_server_mutation_read_input (PulseServerMutation *m)
{
  g_autoptr(JsonNode) input = pulse_server_read_body (m->msg);

  if (input == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (input))
    {
      pulse_server_respond_error (m->msg, 422, "invalid_data", "expected a JSON object");
      return FALSE;
    }

  m->input = g_steal_pointer (&input);
  return TRUE;
}

/**
 * pulse_server_mutation_input_id:
 *
 * Returns: (transfer none): the `id` the body names, or a fresh UUID when
 *   it names none (the client may choose ids, so an offline console can
 *   refer to what it made before it is sent).
 */
const char *
pulse_server_mutation_input_id (PulseServerMutation *m)
{
  JsonObject *object = json_node_get_object (m->input);
  JsonNode *id = json_object_get_member (object, "id");

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
    return json_node_get_string (id);

  if (m->id == NULL)
    m->id = g_uuid_string_random ();

  return m->id;
}

void
pulse_server_mutation_set_id (PulseServerMutation *m,
                              const char          *id)
{
  char *copy = g_strdup (id);

  g_free (m->id);
  m->id = copy;
}

/**
 * pulse_server_mutation_reject:
 * @status: the HTTP status to answer
 * @code: the error code
 * @error: the transaction's error, set so it rolls back
 *
 * Returns: %FALSE, for `return pulse_server_mutation_reject (…);`.
 */
gboolean
pulse_server_mutation_reject (PulseServerMutation  *m,
                              guint                 status,
                              const char           *code,
                              GError              **error,
                              const char           *format,
                              ...)
{
  va_list args;

  g_free (m->code);
  g_free (m->message);
  va_start (args, format);
  m->message = g_strdup_vprintf (format, args);
  va_end (args);
  m->code = g_strdup (code);
  m->status = status;

  g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, m->message);
  return FALSE;
}

/**
 * pulse_server_mutation_remember:
 *
 * Inside the transaction: keeps the answer for retries of a request with
 * an Idempotency-Key, so the change and its remembered answer commit
 * together.
 *
 * Returns: %TRUE on success, or when there is no key.
 */
gboolean
pulse_server_mutation_remember (PulseServerMutation  *m,
                                GError              **error)
{
  g_autofree char *text = NULL;

  if (m->idempotency_key == NULL)
    return TRUE;

  text = pulse_json_to_string (m->answer);
  return pulse_item_store_remember_answer (pulse_server_get_item_store (m->server), m->who->id,
                                           m->idempotency_key, m->digest, m->status, text,
                                           error);
}

static void
respond_rejection (PulseServerMutation *m)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "code", m->code);
  pulse_json_add_string (builder, "message", m->message);
  json_builder_end_object (builder);
  if (m->current != NULL)
    {
      json_builder_set_member_name (builder, "current");
      json_builder_add_value (builder, json_node_ref (m->current));
    }
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (m->msg, m->status, body);
}

/**
 * pulse_server_mutation_run:
 * @func: the change, run in one transaction with @m as its data
 *
 * Runs the change and answers: @m->answer with @m->status when it
 * committed, the rejection when @func rejected it, 500 otherwise (the
 * database failed; nothing was applied).
 */
void
pulse_server_mutation_run (PulseServerMutation *m,
                           PulseDbFunc          func)
{
  g_autoptr(GError) error = NULL;

  if (pulse_server_commit (m->server, func, m, &error))
    {
      pulse_server_respond_json (m->msg, m->status, m->answer);
      return;
    }

  if (m->code != NULL)
    {
      respond_rejection (m);
      return;
    }

  g_warning ("A change to %s failed: %s", m->id != NULL ? m->id : "(new)", error->message);
  pulse_server_respond_error (m->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                              "the change could not be saved; nothing was applied");
}
