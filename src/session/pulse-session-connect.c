/* pulse-session-connect.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a PulseSession connects: to a server with the token in the keyring,
 * with a token the user just typed, or to the embedded demo server.
 *
 * Each attempt carries the session's connect generation. Starting another
 * attempt or disconnecting bumps it, so the late callbacks of an older
 * attempt return "cancelled" without touching the session: the newest
 * attempt alone decides the client, the identity and the state.
 */

#include "config.h"

#include "pulse-credentials.h"
#include "pulse-session-private.h"

typedef struct
{
  guint  generation;
  char  *token;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->token);
  g_free (attempt);
}

static gboolean
attempt_is_current (PulseSession *self,
                    GTask        *task)
{
  Attempt *attempt = g_task_get_task_data (task);

  return attempt->generation == self->connect_generation;
}

/* Returns TRUE (and finishes @task) when a newer attempt took over. */
static gboolean
return_if_superseded (PulseSession *self,
                      GTask        *task)
{
  if (attempt_is_current (self, task))
    return FALSE;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "superseded by a newer connection");
  return TRUE;
}

static PulseConnectionState
state_for_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return PULSE_CONNECTION_STATE_DISCONNECTED;
  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED))
    return PULSE_CONNECTION_STATE_UNAUTHORIZED;
  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL) ||
      g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_NOT_FOUND))
    return PULSE_CONNECTION_STATE_INCOMPATIBLE;
  return PULSE_CONNECTION_STATE_OFFLINE;
}

/* A server out of reach with a cache here is followed from the cache
 * (pulse-session-identity.c): the sign-in succeeds, not live. */
static void
fail_connect (PulseSession *self,
              GTask        *task,
              GError       *error)
{
  PulseConnectionState state = state_for_error (error);

  if (attempt_is_current (self, task))
    {
      if (state == PULSE_CONNECTION_STATE_OFFLINE && _pulse_session_follow_offline (self))
        {
          g_error_free (error);
          g_task_return_boolean (task, TRUE);
          return;
        }
      _pulse_session_set_connection_state (self, state);
    }

  g_task_return_error (task, error);
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

  if (return_if_superseded (self, task))
    return;

  _pulse_session_set_identity (self, user, role);
  self->identity_unconfirmed = FALSE;
  _pulse_session_remember_identity (self);
  /* Signed in: from here the sync engine says how live the data is. */
  _pulse_session_start_live (self);
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

  if (return_if_superseded (self, task))
    return;

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
 * take our token, and as what role?). Takes @task. */
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

  if (return_if_superseded (self, task))
    return;

  /* No keyring (a bare test session, a locked desktop) is not fatal: the
   * server still says whether it is there. Never log the token. */
  if (error != NULL)
    g_debug ("no keyring for %s: %s", self->server_url, error->message);

  connect_with_token (self, g_steal_pointer (&task), token);
}

static void
sign_in_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PulseSession *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
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

  if (return_if_superseded (self, task))
    return;

  /* The task, and with it the token, lives until the connection is made. */
  connect_with_token (self, g_steal_pointer (&task), attempt->token);
}

static GTask *
begin_connect (PulseSession        *self,
               const char          *server_url,
               const char          *token,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->generation = ++self->connect_generation;
  attempt->token = g_strdup (token);
  g_task_set_source_tag (task, pulse_session_connect_async);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);

  _pulse_session_set_server_url (self, server_url);
  _pulse_session_set_identity (self, NULL, PULSE_ROLE_VIEWER);
  self->identity_unconfirmed = FALSE;
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_CONNECTING);
  return task;
}

/* Connecting to a server of the user's choice ends any demo. */
static gboolean
check_url_and_leave_demo (PulseSession         *self,
                          const char           *server_url,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pulse_client_check_url (server_url, self->allow_insecure_http, &error))
    {
      g_task_report_error (self, callback, user_data, pulse_session_connect_async,
                           g_steal_pointer (&error));
      return FALSE;
    }

  _pulse_session_set_demo_server (self, NULL);
  return TRUE;
}

/**
 * pulse_session_connect_async:
 * @server_url: the helpdesk server to follow
 *
 * Checks @server_url against the transport policy (see
 * pulse_client_check_url()), looks up its token in the keyring and asks
 * the server whether it speaks protocol v1 and whom the token belongs to.
 * The connection-state property follows every step; on failure it tells
 * why (offline, unauthorised, incompatible), and the error says the same
 * in words. A running demo is stopped; an earlier attempt is superseded.
 */
void
pulse_session_connect_async (PulseSession        *self,
                             const char          *server_url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (server_url != NULL);

  if (!check_url_and_leave_demo (self, server_url, callback, user_data))
    return;

  task = begin_connect (self, server_url, NULL, cancellable, callback, user_data);
  pulse_credentials_lookup_async (server_url, cancellable, connect_lookup_cb, task);
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
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (token != NULL);

  if (!check_url_and_leave_demo (self, server_url, callback, user_data))
    return;

  task = begin_connect (self, server_url, token, cancellable, callback, user_data);
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
  PulseSession *self = PULSE_SESSION (object);
  g_autoptr(GError) error = NULL;

  if (!pulse_session_connect_finish (self, result, &error))
    {
      if (attempt_is_current (self, task))
        _pulse_session_set_demo_server (self, NULL);
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
  GTask *connect_task;

  server = pulse_demo_server_start_finish (result, &error);
  if (server != NULL && !attempt_is_current (self, task))
    pulse_demo_server_stop (server);

  if (server == NULL)
    {
      /* No server ever answered: "not connected", not "offline". */
      if (attempt_is_current (self, task))
        _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_DISCONNECTED);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (return_if_superseded (self, task))
    return;

  _pulse_session_set_demo_server (self, server);
  cancellable = g_task_get_cancellable (task);
  connect_task = begin_connect (self, pulse_demo_server_get_url (server), NULL, cancellable,
                                demo_connect_cb, task);
  /* The connect attempt supersedes the start; the start task follows it. */
  ((Attempt *) g_task_get_task_data (task))->generation = self->connect_generation;
  g_steal_pointer (&task);
  connect_with_token (self, connect_task, pulse_demo_server_get_token (server));
}

/**
 * pulse_session_start_demo_async:
 *
 * Starts the embedded demo server (`pulse-server` on a free loopback
 * port, as a child process) and connects to it as a head with the token
 * the child printed. A running demo or connection is dropped first.
 */
void
pulse_session_start_demo_async (PulseSession        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *program = pulse_demo_server_find_program ();
  Attempt *attempt;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));

  pulse_session_disconnect (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_start_demo_async);
  attempt = g_new0 (Attempt, 1);
  attempt->generation = ++self->connect_generation;
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);

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
 * Attempts still under way are superseded and finish as cancelled.
 */
void
pulse_session_disconnect (PulseSession *self)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  self->connect_generation++;
  _pulse_session_stop_live (self);
  g_clear_object (&self->client);
  _pulse_session_set_demo_server (self, NULL);
  g_clear_pointer (&self->server_version, g_free);
  _pulse_session_set_server_url (self, NULL);
  _pulse_session_set_identity (self, NULL, PULSE_ROLE_VIEWER);
  _pulse_session_set_connection_state (self, PULSE_CONNECTION_STATE_DISCONNECTED);
}
