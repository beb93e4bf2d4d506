/* pulse-session.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-client.h"
#include "pulse-credentials.h"
#include "pulse-demo-server.h"
#include "pulse-enums.h"
#include "pulse-session.h"
#include "pulse-utils.h"

/**
 * PulseSession:
 *
 * The console's link to one helpdesk server: which server, how current
 * our copy is, and (as the sync engine lands) the live models the pages
 * show. PulseApplication creates one and hands it to each window; widgets
 * read its properties and never reach the network themselves.
 */
struct _PulseSession
{
  GObject               parent_instance;

  PulseClient          *client;
  PulseDemoServer      *demo_server;
  char                 *server_url;
  char                 *server_version;
  char                 *user_name;
  PulseConnectionState  connection_state;
  gint64                last_event_at;
  PulseRole             role;
  gboolean              allow_insecure_http;
};

G_DEFINE_FINAL_TYPE (PulseSession, pulse_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_URL,
  PROP_CONNECTION_STATE,
  PROP_LAST_EVENT_AT,
  PROP_ROLE,
  PROP_USER_NAME,
  PROP_IS_DEMO,
  PROP_ALLOW_INSECURE_HTTP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_server_url (PulseSession *self,
                const char   *server_url)
{
  if (pulse_set_str (&self->server_url, server_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

static void
set_demo_server (PulseSession    *self,
                 PulseDemoServer *demo_server)
{
  if (self->demo_server != NULL)
    pulse_demo_server_stop (self->demo_server);

  if (g_set_object (&self->demo_server, demo_server))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEMO]);
}

static PulseConnectionState
state_for_error (const GError *error)
{
  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED))
    return PULSE_CONNECTION_STATE_UNAUTHORIZED;
  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL) ||
      g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_NOT_FOUND))
    return PULSE_CONNECTION_STATE_INCOMPATIBLE;
  return PULSE_CONNECTION_STATE_OFFLINE;
}

static void
fail_connect (PulseSession *self,
              GTask        *task,
              GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_DISCONNECTED);
  else
    _pulse_session_set_connection_state (self, state_for_error (error));

  g_task_return_error (task, error);
}

static void
set_identity (PulseSession *self,
              const char   *user,
              PulseRole     role)
{
  if (pulse_set_str (&self->user_name, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

static void
connect_whoami_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  PulseRole role = PULSE_ROLE_VIEWER;

  if (!pulse_client_get_whoami_finish (PULSE_CLIENT (object), result, &user, &role, &error))
    {
      fail_connect (self, task, g_steal_pointer (&error));
      return;
    }

  set_identity (self, user, role);
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_LIVE);
  g_task_return_boolean (task, TRUE);
}

static void
connect_health_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  GCancellable *cancellable;

  version = pulse_client_get_health_finish (PULSE_CLIENT (object), result, NULL, &error);
  if (version == NULL)
    {
      fail_connect (self, task, g_steal_pointer (&error));
      return;
    }

  g_free (self->server_version);
  self->server_version = g_steal_pointer (&version);

  if (!pulse_client_has_token (self->client))
    {
      fail_connect (self, task, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED,
                                             "no API token is stored for %s", self->server_url));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  pulse_client_get_whoami_async (self->client, cancellable, connect_whoami_cb,
                                 g_steal_pointer (&task));
}

/* Health first (is it a Pulse v1 server at all?), then whoami (does it
 * take our token, and as what role?). */
static void
connect_with_token (PulseSession *self,
                    GTask        *task,
                    const char   *token)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_object (&self->client);
  self->client = pulse_client_new (self->server_url, token);
  pulse_client_get_health_async (self->client, cancellable, connect_health_cb, task);
}

static void
connect_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = pulse_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail_connect (self, task, g_steal_pointer (&error));
      return;
    }

  /* No keyring (a bare test session, a locked desktop) is not fatal: the
   * server still says whether it is there. Never log the token. */
  if (error != NULL)
    g_debug ("no keyring for %s: %s", self->server_url, error->message);

  connect_with_token (self, g_steal_pointer (&task), token);
}

static void
pulse_session_dispose (GObject *object)
{
  PulseSession *self = (PulseSession *)object;

  set_demo_server (self, NULL);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pulse_session_parent_class)->dispose (object);
}

static void
pulse_session_finalize (GObject *object)
{
  PulseSession *self = (PulseSession *)object;

  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_pointer (&self->user_name, g_free);

  G_OBJECT_CLASS (pulse_session_parent_class)->finalize (object);
}

static void
pulse_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PulseSession *self = PULSE_SESSION (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_CONNECTION_STATE:
      g_value_set_enum (value, self->connection_state);
      break;
    case PROP_LAST_EVENT_AT:
      g_value_set_int64 (value, self->last_event_at);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->demo_server != NULL);
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      g_value_set_boolean (value, self->allow_insecure_http);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PulseSession *self = PULSE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ALLOW_INSECURE_HTTP:
      pulse_session_set_allow_insecure_http (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_session_class_init (PulseSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_session_dispose;
  object_class->finalize = pulse_session_finalize;
  object_class->get_property = pulse_session_get_property;
  object_class->set_property = pulse_session_set_property;

  /**
   * PulseSession:server-url:
   *
   * The helpdesk server this session follows, or %NULL before the user
   * has chosen one (the window then shows its first-run page).
   */
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:connection-state:
   *
   * Whether what the pages show is live, being caught up, or stale.
   */
  properties[PROP_CONNECTION_STATE] =
    g_param_spec_enum ("connection-state", NULL, NULL,
                       PULSE_TYPE_CONNECTION_STATE, PULSE_CONNECTION_STATE_DISCONNECTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:last-event-at:
   *
   * When the last event from the server was applied, in microseconds
   * since the epoch, or 0 if none yet; the UI shows the data's age.
   */
  properties[PROP_LAST_EVENT_AT] =
    g_param_spec_int64 ("last-event-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:role:
   *
   * The role of the signed-in user; the UI hides what it cannot do.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       PULSE_TYPE_ROLE, PULSE_ROLE_VIEWER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:user-name:
   *
   * Whom the server knows the token as, or %NULL before it said so.
   */
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:is-demo:
   *
   * Whether the session follows the embedded demo server.
   */
  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:allow-insecure-http:
   *
   * Whether plain HTTP may be used to servers other than loopback; the
   * application binds it to the setting of the same name.
   */
  properties[PROP_ALLOW_INSECURE_HTTP] =
    g_param_spec_boolean ("allow-insecure-http", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_session_init (PulseSession *self)
{
  self->connection_state = PULSE_CONNECTION_STATE_DISCONNECTED;
  self->role = PULSE_ROLE_VIEWER;
}

/**
 * pulse_session_new:
 *
 * Returns: (transfer full): a session not yet attached to a server.
 */
PulseSession *
pulse_session_new (void)
{
  return g_object_new (PULSE_TYPE_SESSION, NULL);
}

const char *
pulse_session_get_server_url (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return self->server_url;
}

static GTask *
begin_connect (PulseSession        *self,
               const char          *server_url,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, pulse_session_connect_async);
  set_server_url (self, server_url);
  set_identity (self, NULL, PULSE_ROLE_VIEWER);
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_CONNECTING);
  return task;
}

/**
 * pulse_session_connect_async:
 * @server_url: the helpdesk server to follow
 *
 * Checks @server_url against the transport policy (see
 * pulse_client_check_url()), looks up its token in the keyring and asks
 * the server whether it speaks protocol v1. The connection-state property
 * follows every step; on failure it tells why (offline, unauthorised,
 * incompatible), and the error says the same in words.
 */
void
pulse_session_connect_async (PulseSession        *self,
                             const char          *server_url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (server_url != NULL);

  if (!pulse_client_check_url (server_url, self->allow_insecure_http, &error))
    {
      g_task_report_error (self, callback, user_data, pulse_session_connect_async,
                           g_steal_pointer (&error));
      return;
    }

  task = begin_connect (self, server_url, cancellable, callback, user_data);
  pulse_credentials_lookup_async (server_url, cancellable, connect_lookup_cb, task);
}

typedef struct
{
  char *token;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_free (sign_in->token);
  g_free (sign_in);
}

static void
sign_in_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Without a keyring the token still works for this run; it just is not
   * remembered. Cancellation stops everything. */
  if (!pulse_credentials_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          fail_connect (self, g_steal_pointer (&task), g_steal_pointer (&error));
          return;
        }
      g_debug ("token for %s not saved: %s", self->server_url, error->message);
    }

  /* The task, and with it the token, lives until the connection is made. */
  connect_with_token (self, g_steal_pointer (&task), sign_in->token);
}

/**
 * pulse_session_sign_in_async:
 * @server_url: the helpdesk server
 * @token: the API token the user was given for it
 *
 * Saves @token in the keyring for @server_url (if there is a keyring) and
 * connects with it, as pulse_session_connect_async() does with a stored
 * token. Finish with pulse_session_connect_finish().
 */
void
pulse_session_sign_in_async (PulseSession        *self,
                             const char          *server_url,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  SignIn *sign_in;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (token != NULL);

  if (!pulse_client_check_url (server_url, self->allow_insecure_http, &error))
    {
      g_task_report_error (self, callback, user_data, pulse_session_connect_async,
                           g_steal_pointer (&error));
      return;
    }

  task = begin_connect (self, server_url, cancellable, callback, user_data);
  sign_in = g_new0 (SignIn, 1);
  sign_in->token = g_strdup (token);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  pulse_credentials_store_async (server_url, token, cancellable, sign_in_stored_cb, task);
}

gboolean
pulse_session_connect_finish (PulseSession  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pulse_session_connect_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
demo_connect_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!pulse_session_connect_finish (PULSE_SESSION (object), result, &error))
    {
      set_demo_server (PULSE_SESSION (object), NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  g_autoptr(PulseDemoServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  server = pulse_demo_server_start_finish (result, &error);
  if (server == NULL)
    {
      _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_DISCONNECTED);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_demo_server (self, server);
  cancellable = g_task_get_cancellable (task);
  connect_with_token (self,
                      begin_connect (self, pulse_demo_server_get_url (server), cancellable,
                                     demo_connect_cb, g_steal_pointer (&task)),
                      pulse_demo_server_get_token (server));
}

/**
 * pulse_session_start_demo_async:
 *
 * Starts the embedded demo server (`pulse-server` on a free loopback
 * port, as a child process) and connects to it. A running demo or
 * connection is dropped first.
 */
void
pulse_session_start_demo_async (PulseSession        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *program = pulse_demo_server_find_program ();
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));

  pulse_session_disconnect (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_start_demo_async);
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_CONNECTING);
  pulse_demo_server_start_async (program, cancellable, demo_started_cb, task);
}

gboolean
pulse_session_start_demo_finish (PulseSession  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pulse_session_disconnect:
 *
 * Stops following the server (and stops the demo server if it runs).
 */
void
pulse_session_disconnect (PulseSession *self)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  g_clear_object (&self->client);
  set_demo_server (self, NULL);
  g_clear_pointer (&self->server_version, g_free);
  set_server_url (self, NULL);
  set_identity (self, NULL, PULSE_ROLE_VIEWER);
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_DISCONNECTED);
}

gboolean
pulse_session_get_is_demo (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), FALSE);

  return self->demo_server != NULL;
}

gboolean
pulse_session_get_allow_insecure_http (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), FALSE);

  return self->allow_insecure_http;
}

void
pulse_session_set_allow_insecure_http (PulseSession *self,
                                       gboolean      allow)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  allow = !!allow;
  if (self->allow_insecure_http == allow)
    return;

  self->allow_insecure_http = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_INSECURE_HTTP]);
}

/**
 * pulse_session_dup_server_version:
 *
 * Returns: (transfer full) (nullable): the version the server reported,
 *   or %NULL before a successful connection.
 */
char *
pulse_session_dup_server_version (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return g_strdup (self->server_version);
}

PulseConnectionState
pulse_session_get_connection_state (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), PULSE_CONNECTION_STATE_DISCONNECTED);

  return self->connection_state;
}

gint64
pulse_session_get_last_event_at (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), 0);

  return self->last_event_at;
}

PulseRole
pulse_session_get_role (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), PULSE_ROLE_VIEWER);

  return self->role;
}

/* For the sync engine (and tests of widgets that show the state). */
void
_pulse_session_set_connection_state (PulseSession         *self,
                                     PulseConnectionState  state)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  if (self->connection_state == state)
    return;

  self->connection_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

const char *
pulse_session_get_user_name (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return self->user_name;
}
