/* pulse-client.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-client-private.h"
#include "pulse-error.h"
#include "pulse-enums.h"
#include "pulse-json.h"

#define TIMEOUT_SECONDS 30

/**
 * PulseClient:
 *
 * The REST side of protocol v1 for one server: one SoupSession, used only
 * from the main thread through libsoup's async API, with the token sent
 * as a bearer header. TLS certificates are verified against the system's
 * trust store (libsoup's default); there is no switch to turn that off.
 */
struct _PulseClient
{
  GObject      parent_instance;

  SoupSession *soup;
  char        *base_url;
  char        *token;
};

G_DEFINE_FINAL_TYPE (PulseClient, pulse_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (pulse-client-error-quark, pulse_client_error)

/**
 * pulse_client_host_is_loopback:
 * @host: (nullable): a host name or literal address, without brackets
 *
 * Returns: %TRUE for `localhost`, 127.0.0.0/8 and ::1.
 */
gboolean
pulse_client_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * pulse_client_check_url:
 * @url: a server base URL
 * @allow_insecure_http: whether the user accepted plain HTTP to remote hosts
 * @error: return location for %PULSE_CLIENT_ERROR_INSECURE or
 *   %PULSE_CLIENT_ERROR_PROTOCOL
 *
 * A bearer token sent over plain HTTP can be read by anyone on the path,
 * so HTTP is accepted only to loopback unless the user said otherwise.
 *
 * Returns: %TRUE if Pulse may connect to @url.
 */
gboolean
pulse_client_check_url (const char  *url,
                        gboolean     allow_insecure_http,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  /* GUri lets a space through in the host; no address has one. */
  if (url != NULL && strpbrk (url, " \t\r\n") == NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || host[0] == '\0')
    {
      g_set_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                   "not a server address: %s", url != NULL ? url : "(none)");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                   "unsupported scheme “%s”: use https or http", scheme);
      return FALSE;
    }

  if (pulse_client_host_is_loopback (host) || allow_insecure_http)
    return TRUE;

  g_set_error (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_INSECURE,
               "plain HTTP to %s would expose the token; use https", host);
  return FALSE;
}

static void
pulse_client_finalize (GObject *object)
{
  PulseClient *self = (PulseClient *)object;

  g_clear_object (&self->soup);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (pulse_client_parent_class)->finalize (object);
}

static void
pulse_client_class_init (PulseClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_client_finalize;
}

static void
pulse_client_init (PulseClient *self)
{
  self->soup = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                              "user-agent", "Pulse/" PACKAGE_VERSION " ",
                                              NULL);
}

/**
 * pulse_client_new:
 * @base_url: the server, such as "https://pulse.example.com"; checked
 *   with pulse_client_check_url() by the caller
 * @token: (nullable): the API token
 *
 * Returns: (transfer full): a client for @base_url.
 */
PulseClient *
pulse_client_new (const char *base_url,
                  const char *token)
{
  PulseClient *self;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (PULSE_TYPE_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  /* Strip one trailing slash so paths join cleanly. */
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->token = g_strdup (token);

  return self;
}

const char *
pulse_client_get_base_url (PulseClient *self)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * pulse_client_error_from_status:
 * @status: an HTTP status that is not a success
 * @path: (nullable): the request's path, named in the message
 *
 * Maps a refusal to the client's error domain: 401 and 403 are
 * %PULSE_CLIENT_ERROR_UNAUTHORIZED, 404 %PULSE_CLIENT_ERROR_NOT_FOUND,
 * anything else %PULSE_CLIENT_ERROR_HTTP.
 *
 * Returns: (transfer full): the error.
 */
GError *
pulse_client_error_from_status (guint       status,
                                const char *path)
{
  PulseClientError code = PULSE_CLIENT_ERROR_HTTP;

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    code = PULSE_CLIENT_ERROR_UNAUTHORIZED;
  else if (status == SOUP_STATUS_NOT_FOUND)
    code = PULSE_CLIENT_ERROR_NOT_FOUND;

  return g_error_new (PULSE_CLIENT_ERROR, code, "%s: HTTP %u %s",
                      path != NULL ? path : "(request)", status,
                      soup_status_get_phrase (status));
}

/* A request for @path with the bearer token, or NULL if the URL is
 * invalid. The token goes only into the header, never into a log line. */
SoupMessage *
_pulse_client_new_message (PulseClient *self,
                           const char  *method,
                           const char  *path)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg != NULL && self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
    }

  return msg;
}

static void
get_health_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *version = NULL;
  PulseJsonReader reader;
  gint64 *seq = g_task_get_task_data (task);

  node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (pulse_json_reader_init (&reader, node, "a health", &error))
    {
      status = pulse_json_reader_dup_string (&reader, "status", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
      version = pulse_json_reader_dup_string (&reader, "version", PULSE_JSON_REQUIRED,
                                              PULSE_JSON_MAX_NAME);
      *seq = pulse_json_reader_get_int (&reader, "seq", PULSE_JSON_REQUIRED, 0, G_MAXINT64, 0);
      pulse_json_reader_finish (&reader, &error);
    }

  if (error != NULL || g_strcmp0 (status, "ok") != 0)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                               "not a Pulse v1 server: %s",
                               error != NULL ? error->message : "status is not “ok”");
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&version), g_free);
}

/**
 * pulse_client_get_health_async:
 *
 * Asks the server whether it is up and speaks protocol v1.
 */
void
pulse_client_get_health_async (PulseClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_client_get_health_async);
  g_task_set_task_data (task, g_new0 (gint64, 1), g_free);
  pulse_client_get_json_async (self, "/api/v1/health", cancellable, get_health_cb, task);
}

/**
 * pulse_client_get_health_finish:
 * @seq: (out) (optional): the server's latest event sequence number
 *
 * Returns: (transfer full) (nullable): the server's version string.
 */
char *
pulse_client_get_health_finish (PulseClient   *self,
                                GAsyncResult  *result,
                                gint64        *seq,
                                GError       **error)
{
  char *version;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  version = g_task_propagate_pointer (G_TASK (result), error);
  if (version != NULL && seq != NULL)
    *seq = *(gint64 *) g_task_get_task_data (G_TASK (result));

  return version;
}

typedef struct
{
  char      *user;
  PulseRole  role;
} Whoami;

static void
whoami_free (Whoami *whoami)
{
  g_free (whoami->user);
  g_free (whoami);
}

static void
get_whoami_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  Whoami *whoami = g_new0 (Whoami, 1);
  PulseJsonReader reader;

  node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (node != NULL && pulse_json_reader_init (&reader, node, "a whoami", &error))
    {
      whoami->user = pulse_json_reader_dup_string (&reader, "user", PULSE_JSON_REQUIRED,
                                                   PULSE_JSON_MAX_NAME);
      whoami->role = pulse_json_reader_get_enum (&reader, "role", PULSE_TYPE_ROLE,
                                                 PULSE_JSON_REQUIRED, PULSE_ROLE_VIEWER);
      if (!pulse_json_reader_finish (&reader, &error))
        g_prefix_error (&error, "not a Pulse v1 server: ");
    }

  if (error != NULL)
    {
      whoami_free (whoami);
      if (error->domain == PULSE_ERROR)
        g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL, "%s",
                                 error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, whoami, (GDestroyNotify) whoami_free);
}

/**
 * pulse_client_get_whoami_async:
 *
 * Asks the server whose token this client holds and what its role is.
 */
void
pulse_client_get_whoami_async (PulseClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_client_get_whoami_async);
  pulse_client_get_json_async (self, "/api/v1/whoami", cancellable, get_whoami_cb, task);
}

/**
 * pulse_client_get_whoami_finish:
 * @user: (out) (optional) (transfer full): the token's user
 * @role: (out) (optional): the token's role
 *
 * Returns: %TRUE on success; %PULSE_CLIENT_ERROR_UNAUTHORIZED if the
 *   server does not accept the token.
 */
gboolean
pulse_client_get_whoami_finish (PulseClient   *self,
                                GAsyncResult  *result,
                                char         **user,
                                PulseRole     *role,
                                GError       **error)
{
  Whoami *whoami;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  whoami = g_task_propagate_pointer (G_TASK (result), error);
  if (whoami == NULL)
    return FALSE;

  if (user != NULL)
    *user = g_steal_pointer (&whoami->user);
  if (role != NULL)
    *role = whoami->role;

  whoami_free (whoami);
  return TRUE;
}

gboolean
pulse_client_has_token (PulseClient *self)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (self), FALSE);

  return self->token != NULL;
}

/**
 * pulse_client_get_soup:
 *
 * The one SoupSession this client's requests go through, for the event
 * stream's WebSocket; it carries the client's timeout and User-Agent.
 *
 * Returns: (transfer none): the session.
 */
SoupSession *
pulse_client_get_soup (PulseClient *self)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (self), NULL);

  return self->soup;
}

/**
 * pulse_client_new_events_message:
 * @since: the seq of the last event the caller has, 0 for all
 *
 * The handshake request of `GET /api/v1/events?since=SEQ`, with the
 * bearer token, for soup_session_websocket_connect_async().
 *
 * Returns: (transfer full) (nullable): the message, or %NULL if the base
 *   URL is not a valid URL.
 */
SoupMessage *
pulse_client_new_events_message (PulseClient *self,
                                 gint64       since)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PULSE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (since >= 0, NULL);

  path = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT, since);
  return _pulse_client_new_message (self, SOUP_METHOD_GET, path);
}
