/* pulse-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pulse-enums.h"
#include "pulse-event-log.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-rate-limiter.h"
#include "pulse-rule-book.h"
#include "pulse-server-audit.h"
#include "pulse-server-adherence.h"
#include "pulse-server-coverage.h"
#include "pulse-server-events.h"
#include "pulse-server-http.h"
#include "pulse-server-items.h"
#include "pulse-server-listen.h"
#include "pulse-server-metrics.h"
#include "pulse-server-rules-replay.h"
#include "pulse-server-rules-test.h"
#include "pulse-server-sampling.h"
#include "pulse-server-ingest.h"
#include "pulse-server-snapshot.h"
#include "pulse-server-tickets.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

/**
 * PulseServer:
 *
 * The reference helpdesk server speaking protocol v1 (docs/protocol.md).
 * It wraps one SoupServer; each route group lives in its own
 * pulse-server-<resource>.c as the protocol grows.
 */
struct _PulseServer
{
  GObject          parent_instance;

  PulseDb         *db;
  PulseTokenStore *tokens;
  PulseEventLog   *events;
  PulseItemStore  *items;
  PulseRuleBook   *rules;
  SoupServer      *soup;
  GSocketService  *service;
  PulseServerConfig config;
  PulseRateLimiter *limiter;
  char            *host;
  guint            port;
};

G_DEFINE_FINAL_TYPE (PulseServer, pulse_server, G_TYPE_OBJECT)

static void
on_health_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (!pulse_server_accept (msg, path, NULL, SOUP_METHOD_GET, "health"))
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "status", "ok");
  pulse_json_add_string (builder, "version", PACKAGE_VERSION);
  pulse_json_add_int (builder, "seq", pulse_event_log_get_last_seq (self->events));
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

static void
on_whoami_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServer *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (!pulse_server_accept (msg, path, NULL, SOUP_METHOD_GET, "whoami"))
    return;

  /* Every valid token may ask who it is, integration tokens included. */
  info = pulse_server_authenticate (self, msg);
  if (info == NULL)
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "user", info->user);
  pulse_json_add_enum (builder, "role", PULSE_TYPE_ROLE, info->role);
  pulse_json_add_string (builder, "token_id", info->id);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

static void
on_unknown_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
}

/* The access log, at debug level (G_MESSAGES_DEBUG=pulse-server). It
 * names the path and status, never a header: tokens stay out of logs. */
static void
on_request_finished_cb (SoupServer        *soup,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  GUri *uri = soup_server_message_get_uri (msg);

  /* A request cut before its request line was read has no URI. */
  g_debug ("%s %s → %u", soup_server_message_get_method (msg),
           uri != NULL ? g_uri_get_path (uri) : "(no request line)",
           soup_server_message_get_status (msg));
}

/* A connection handed over with soup_server_accept_iostream() (see
 * pulse-server-listen.c) serves one request: libsoup 3.2 closes it after
 * the answer, since it has no GSocket to tell it is still connected.
 * Saying so in the answer keeps clients from reusing it; a client that
 * reused a closed kept-alive connection had libsoup send its request
 * again with an empty body. A WebSocket handshake replaces it with
 * "Upgrade". */
static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                "close");
}

static void
pulse_server_finalize (GObject *object)
{
  PulseServer *self = (PulseServer *)object;

  if (self->service != NULL)
    pulse_server_listener_stop (self->service);
  g_clear_object (&self->service);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->tokens);
  g_clear_object (&self->events);
  g_clear_object (&self->rules);
  g_clear_object (&self->items);
  g_clear_object (&self->db);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->limiter, pulse_rate_limiter_free);

  G_OBJECT_CLASS (pulse_server_parent_class)->finalize (object);
}

static void
pulse_server_class_init (PulseServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_server_finalize;
}

static void
pulse_server_init (PulseServer *self)
{
  pulse_server_config_init_defaults (&self->config);
  self->limiter = pulse_rate_limiter_new (self->config.rate_limit_per_minute,
                                          self->config.rate_limit_burst);
  self->soup = soup_server_new ("server-header", "pulse-server/" PACKAGE_VERSION " ", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started_cb), NULL);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished_cb), NULL);
}

/* Each route group registers its own paths (pulse-server-<group>.c). */
static void
install_routes (PulseServer *self)
{
  soup_server_add_handler (self->soup, NULL, on_unknown_cb, self, NULL);
  soup_server_add_handler (self->soup, "/api/v1/health", on_health_cb, self, NULL);
  soup_server_add_handler (self->soup, "/api/v1/whoami", on_whoami_cb, self, NULL);
  pulse_server_items_install (self);
  pulse_server_audit_install (self);
  pulse_server_rules_test_install (self);
  pulse_server_rules_replay_install (self);
  pulse_server_ingest_install (self);
  pulse_server_tickets_install (self);
  pulse_server_metrics_install (self);
  pulse_server_snapshot_install (self);
  pulse_server_events_install (self);
  pulse_server_coverage_install (self);
  pulse_server_sampling_install (self);
  pulse_server_adherence_install (self);
}

/**
 * pulse_server_new:
 * @db: the server database, migrated with
 *   pulse_server_schema_get_migrations()
 *
 * Returns: (transfer full): a server that is not listening yet.
 */
PulseServer *
pulse_server_new (PulseDb *db)
{
  PulseServer *self;

  g_return_val_if_fail (PULSE_IS_DB (db), NULL);

  self = g_object_new (PULSE_TYPE_SERVER, NULL);
  self->db = g_object_ref (db);
  self->tokens = pulse_token_store_new (db);
  self->events = pulse_event_log_new (db);
  self->items = pulse_item_store_new (db);
  self->rules = pulse_rule_book_new (self->items);
  install_routes (self);
  return self;
}

/**
 * pulse_server_listen:
 * @host: an IP address to bind, such as "127.0.0.1"
 * @port: the port, or 0 to let the system pick a free one
 *
 * Returns: %TRUE if the server now accepts connections; the chosen port
 *   is then pulse_server_get_port().
 */
gboolean
pulse_server_listen (PulseServer  *self,
                     const char   *host,
                     guint         port,
                     GError      **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  guint port_bound = 0;

  g_return_val_if_fail (PULSE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  address = g_inet_address_new_from_string (host);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", host);
      return FALSE;
    }

  /* Our own listener, not soup_server_listen(): see pulse-server-listen.c. */
  if (self->service == NULL)
    self->service = pulse_server_listener_new (self->soup);
  socket_address = g_inet_socket_address_new (address, port);
  if (!pulse_server_listener_add (self->service, socket_address, &port_bound, error))
    return FALSE;
  self->port = port_bound;

  g_free (self->host);
  self->host = g_strdup (host);
  return TRUE;
}

/**
 * pulse_server_disconnect:
 *
 * Stops listening and closes every connection, as when the process
 * stops; pulse_server_listen() may be called again (tests use it for an
 * outage).
 */
void
pulse_server_disconnect (PulseServer *self)
{
  g_return_if_fail (PULSE_IS_SERVER (self));

  if (self->service != NULL)
    pulse_server_listener_stop (self->service);
  g_clear_object (&self->service);
  soup_server_disconnect (self->soup);
}

guint
pulse_server_get_port (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), 0);

  return self->port;
}

/**
 * pulse_server_dup_url:
 *
 * Returns: (transfer full) (nullable): the base URL clients use, or %NULL
 *   before pulse_server_listen() succeeded.
 */
char *
pulse_server_dup_url (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  if (self->host == NULL)
    return NULL;

  if (strchr (self->host, ':') != NULL)
    return g_strdup_printf ("http://[%s]:%u", self->host, self->port);

  return g_strdup_printf ("http://%s:%u", self->host, self->port);
}

/**
 * pulse_server_get_db:
 *
 * Returns: (transfer none): the server database.
 */
PulseDb *
pulse_server_get_db (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->db;
}

/**
 * pulse_server_get_event_log:
 *
 * Returns: (transfer none): the event log.
 */
PulseEventLog *
pulse_server_get_event_log (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->events;
}

/**
 * pulse_server_get_token_store:
 *
 * Returns: (transfer none): the API tokens.
 */
PulseTokenStore *
pulse_server_get_token_store (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->tokens;
}

/**
 * pulse_server_get_item_store:
 *
 * Returns: (transfer none): the managed items, audit and idempotency store.
 */
PulseItemStore *
pulse_server_get_item_store (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->items;
}

/**
 * pulse_server_get_rule_book:
 *
 * Returns: (transfer none): the compiled rules.
 */
PulseRuleBook *
pulse_server_get_rule_book (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->rules;
}

/**
 * pulse_server_get_soup:
 *
 * Returns: (transfer none): the SoupServer, for route modules to add
 *   their handlers to.
 */
SoupServer *
pulse_server_get_soup (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return self->soup;
}

/**
 * pulse_server_get_config:
 *
 * Returns: (transfer none): the settings in force.
 */
const PulseServerConfig *
pulse_server_get_config (PulseServer *self)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), NULL);

  return &self->config;
}

/**
 * pulse_server_set_config:
 * @config: the settings, copied
 *
 * Replaces the settings. Call it before pulse_server_listen().
 */
void
pulse_server_set_config (PulseServer             *self,
                         const PulseServerConfig *config)
{
  g_return_if_fail (PULSE_IS_SERVER (self));
  g_return_if_fail (config != NULL);

  self->config = *config;
  g_clear_pointer (&self->limiter, pulse_rate_limiter_free);
  self->limiter = pulse_rate_limiter_new (config->rate_limit_per_minute,
                                          config->rate_limit_burst);
}

/**
 * pulse_server_take_request:
 * @token_id: the public id of the token that asks
 * @retry_after: (out): when refused, seconds to wait
 *
 * Counts one request against the token's rate limit.
 *
 * Returns: %TRUE if the request may go on.
 */
gboolean
pulse_server_take_request (PulseServer *self,
                           const char  *token_id,
                           guint       *retry_after)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), FALSE);

  return pulse_rate_limiter_take (self->limiter, token_id, g_get_monotonic_time (), retry_after);
}

/**
 * pulse_server_commit:
 * @func: the change; it appends its events with pulse_event_log_append()
 *
 * Runs one change as one transaction: the change, its events and its
 * audit entries are written together or not at all. Once committed, the
 * event streams are told, so they send the new events.
 *
 * Returns: %TRUE if @func succeeded and the transaction committed.
 */
gboolean
pulse_server_commit (PulseServer  *self,
                     PulseDbFunc   func,
                     gpointer      user_data,
                     GError      **error)
{
  gint64 before;

  g_return_val_if_fail (PULSE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  before = pulse_event_log_get_last_seq (self->events);
  if (!pulse_db_transaction (self->db, func, user_data, error))
    return FALSE;

  if (pulse_event_log_get_last_seq (self->events) != before)
    pulse_event_log_notify_appended (self->events);

  return TRUE;
}
