/* pulse-rt-client.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-json.h"
#include "pulse-rt-client.h"

struct _PulseRtClient
{
  GObject      parent_instance;
  SoupSession *session;
  char        *url;      /* without a trailing slash */
  char        *user;
  char        *secret;
  gboolean     token;
  gboolean     logged_in;
  guint        logins;
};

G_DEFINE_FINAL_TYPE (PulseRtClient, pulse_rt_client, G_TYPE_OBJECT)

/* One GET: its path, and whether it already logged in again. */
typedef struct
{
  char     *path;
  gboolean  relogged;
} Request;

static void send_get (GTask *task);

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->path);
  g_free (request);
}

static void
pulse_rt_client_finalize (GObject *object)
{
  PulseRtClient *self = PULSE_RT_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->url);
  g_free (self->user);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);

  G_OBJECT_CLASS (pulse_rt_client_parent_class)->finalize (object);
}

static void
pulse_rt_client_class_init (PulseRtClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_rt_client_finalize;
}

static void
pulse_rt_client_init (PulseRtClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 30, "idle-timeout", 60, NULL);
  soup_session_add_feature_by_type (self->session, SOUP_TYPE_COOKIE_JAR);
}

/**
 * pulse_rt_client_new:
 * @url: RT's base URL ("http://127.0.0.1:8080", with its WebPath)
 * @user: the RT user the bridge reads as
 * @secret: that user's password, or an RT auth token
 * @secret_is_token: whether @secret is a token
 *
 * Returns: (transfer full): a client; nothing is sent yet.
 */
PulseRtClient *
pulse_rt_client_new (const char *url,
                     const char *user,
                     const char *secret,
                     gboolean    secret_is_token)
{
  PulseRtClient *self = g_object_new (PULSE_TYPE_RT_CLIENT, NULL);
  gsize length = strlen (url);

  while (length > 0 && url[length - 1] == '/')
    length--;
  self->url = g_strndup (url, length);
  self->user = g_strdup (user);
  self->secret = g_strdup (secret);
  self->token = secret_is_token;
  return self;
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseRtClient *self = g_task_get_source_object (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* RT 5.0.3 answers 200 to a good login and to a refused one alike (the
   * form again); the next request tells, and a refused session ends as
   * a 302 or 401 there. */
  if (soup_message_get_status (message) != SOUP_STATUS_OK &&
      soup_message_get_status (message) != SOUP_STATUS_FOUND)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "RT refused the login of “%s” (HTTP %u)", self->user,
                               soup_message_get_status (message));
      return;
    }

  self->logged_in = TRUE;
  self->logins++;
  send_get (g_steal_pointer (&task));
}

static void
login (GTask *task)
{
  PulseRtClient *self = g_task_get_source_object (task);
  g_autofree char *uri = g_strconcat (self->url, "/NoAuth/Login.html", NULL);
  g_autoptr(SoupMessage) message = NULL;

  message = soup_message_new_from_encoded_form ("POST", uri,
                                                soup_form_encode ("user", self->user,
                                                                  "pass", self->secret, NULL));
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), login_cb, task);
}

static void
finish_get (GTask       *task,
            SoupMessage *message,
            GBytes      *body)
{
  guint status = soup_message_get_status (message);
  GError *error = NULL;
  JsonNode *node;

  if (status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR,
                               status == SOUP_STATUS_NOT_FOUND ? G_IO_ERROR_NOT_FOUND :
                               status == SOUP_STATUS_FOUND || status == SOUP_STATUS_UNAUTHORIZED ?
                               G_IO_ERROR_PERMISSION_DENIED : G_IO_ERROR_FAILED,
                               "RT answered HTTP %u for %s",
                               status, ((Request *) g_task_get_task_data (task))->path);
      return;
    }

  node = pulse_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseRtClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A session RT forgot (restart, expiry) sends us to the login page. */
  status = soup_message_get_status (message);
  if (!self->token && !request->relogged &&
      (status == SOUP_STATUS_FOUND || status == SOUP_STATUS_UNAUTHORIZED))
    {
      request->relogged = TRUE;
      self->logged_in = FALSE;
      login (g_steal_pointer (&task));
      return;
    }

  finish_get (task, message, body);
}

static void
send_get (GTask *task)
{
  PulseRtClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *uri = g_strconcat (self->url, "/REST/2.0/", request->path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);

  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "not a valid RT URL: %s", uri);
      g_object_unref (task);
      return;
    }

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (self->token)
    {
      g_autofree char *header = g_strconcat ("token ", self->secret, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                    header);
    }
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), get_cb, task);
}

/**
 * pulse_rt_client_get_async:
 * @path: below /REST/2.0/, with its query ("ticket/12",
 *   "transactions?query=…"), already URI-escaped
 *
 * GETs @path, logging in first when there is no session yet.
 */
void
pulse_rt_client_get_async (PulseRtClient       *self,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Request *request;

  g_return_if_fail (PULSE_IS_RT_CLIENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_rt_client_get_async);
  request = g_new0 (Request, 1);
  request->path = g_strdup (path);
  g_task_set_task_data (task, request, request_free);

  if (!self->token && !self->logged_in)
    {
      request->relogged = TRUE;
      login (task);
    }
  else
    send_get (task);
}

/**
 * pulse_rt_client_get_finish:
 *
 * Returns: (transfer full) (nullable): the parsed answer, or %NULL with
 *   an error (network, HTTP status, login refused, not JSON).
 */
JsonNode *
pulse_rt_client_get_finish (PulseRtClient  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pulse_rt_client_get_logins:
 *
 * Returns: how many times the client logged in (tests see re-logins).
 */
guint
pulse_rt_client_get_logins (PulseRtClient *self)
{
  g_return_val_if_fail (PULSE_IS_RT_CLIENT (self), 0);

  return self->logins;
}

/**
 * pulse_rt_client_get_user:
 *
 * Returns: the RT user the client reads as.
 */
const char *
pulse_rt_client_get_user (PulseRtClient *self)
{
  g_return_val_if_fail (PULSE_IS_RT_CLIENT (self), NULL);

  return self->user;
}
