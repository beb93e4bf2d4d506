/* pulse-session.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-session-private.h"
#include "pulse-utils.h"

/**
 * PulseSession:
 *
 * The console's link to one helpdesk server: which server, how current
 * our copy is, and (as the sync engine lands) the live models the pages
 * show. PulseApplication creates one and hands it to each window; widgets
 * read its properties and never reach the network themselves.
 */

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
  PROP_OUTBOX,
  PROP_KPI_WINDOW,
  PROP_KPI_GROUP,
  N_PROPS
};

enum {
  DATA_RESET,
  QUEUE_LOADS_COMPLETE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_pulse_session_set_server_url (PulseSession *self,
                               const char   *server_url)
{
  if (pulse_set_str (&self->server_url, server_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

void
_pulse_session_set_demo_server (PulseSession    *self,
                                PulseDemoServer *demo_server)
{
  if (self->demo_server != NULL && self->demo_server != demo_server)
    pulse_demo_server_stop (self->demo_server);

  if (g_set_object (&self->demo_server, demo_server))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEMO]);
}

void
_pulse_session_set_identity (PulseSession *self,
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
pulse_session_dispose (GObject *object)
{
  PulseSession *self = (PulseSession *)object;

  _pulse_session_clear_live (self);
  _pulse_session_set_demo_server (self, NULL);
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
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      g_value_set_boolean (value, self->allow_insecure_http);
      break;
    case PROP_KPI_WINDOW:
      g_value_set_enum (value, self->kpi_window);
      break;
    case PROP_KPI_GROUP:
      g_value_set_enum (value, self->kpi_group);
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
    case PROP_KPI_WINDOW:
      pulse_session_set_kpi_window (self, g_value_get_enum (value));
      break;
    case PROP_KPI_GROUP:
      pulse_session_set_kpi_group (self, g_value_get_enum (value));
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

  /**
   * PulseSession:outbox:
   *
   * The outbox of the server followed, or %NULL before its cache is
   * open (and when no server is followed).
   */
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, PULSE_TYPE_OUTBOX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:kpi-window:
   *
   * The period every page counts its figures in; the views of
   * pulse_session_get_kpi_view() follow it. %PULSE_KPI_WINDOW_CUSTOM
   * counts in the range of pulse_session_set_kpi_range().
   */
  properties[PROP_KPI_WINDOW] =
    g_param_spec_enum ("kpi-window", NULL, NULL, PULSE_TYPE_KPI_WINDOW, PULSE_KPI_WINDOW_TODAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSession:kpi-group:
   *
   * How the pages break their figures down (team, queue, channel or
   * country), chosen once for all of them.
   */
  properties[PROP_KPI_GROUP] =
    g_param_spec_enum ("kpi-group", NULL, NULL, PULSE_TYPE_KPI_GROUP, PULSE_KPI_GROUP_TEAM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PulseSession::data-reset:
   *
   * Emitted when the lists have been refilled as a whole: the cached or
   * a fresh snapshot, another server, or none. Views from
   * pulse_session_get_kpi_view() may have been replaced: fetch them
   * again.
   */
  signals[DATA_RESET] =
    g_signal_new ("data-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PulseSession::queue-loads-complete:
   *
   * Emitted when the loads pulse_session_dup_queue_loads() gives have
   * every ticket of a new state in: until then they were partial.
   */
  signals[QUEUE_LOADS_COMPLETE] =
    g_signal_new ("queue-loads-complete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_pulse_session_emit_data_reset (PulseSession *self)
{
  g_signal_emit (self, signals[DATA_RESET], 0);
}

void
_pulse_session_emit_queue_loads_complete (PulseSession *self)
{
  g_signal_emit (self, signals[QUEUE_LOADS_COMPLETE], 0);
}

static void
pulse_session_init (PulseSession *self)
{
  self->connection_state = PULSE_CONNECTION_STATE_DISCONNECTED;
  self->role = PULSE_ROLE_VIEWER;
  self->kpi_group = PULSE_KPI_GROUP_TEAM;
  _pulse_session_init_live (self);
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

void
_pulse_session_set_last_event_at (PulseSession *self,
                                  gint64        last_event_at)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  if (self->last_event_at == last_event_at)
    return;

  self->last_event_at = last_event_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT_AT]);
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
