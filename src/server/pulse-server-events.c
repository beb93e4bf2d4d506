/* pulse-server-events.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-event-fanout.h"
#include "pulse-event-log.h"
#include "pulse-server-events.h"
#include "pulse-server-http.h"

/**
 * PulseServerEvents:
 *
 * The `/events` route (docs/protocol.md): the checks done over plain HTTP
 * before the upgrade (role, `since`), the WebSocket handshake, and the
 * connection stolen from SoupServer once the 101 is written, handed as a
 * #PulseWsPeer to the #PulseEventFanout. It also keeps the event log to
 * its retention period.
 */
struct _PulseServerEvents
{
  GObject           parent_instance;

  PulseServer      *server;     /* unowned: the server owns us */
  PulseEventLog    *log;
  PulseEventFanout *fanout;
  GSource          *prune;      /* retention: at start, then hourly */
  GSource          *recheck;    /* revoked tokens, every ping interval */
  GPtrArray        *streams;    /* Stream: who opened each open peer */
};

/* A token is checked when its stream opens, and again every ping
 * interval: a revoked token must not keep reading. */
typedef struct
{
  GWeakRef  peer;
  char     *token_id;
} Stream;

static void
stream_free (Stream *stream)
{
  g_weak_ref_clear (&stream->peer);
  g_free (stream->token_id);
  g_free (stream);
}

G_DEFINE_FINAL_TYPE (PulseServerEvents, pulse_server_events, G_TYPE_OBJECT)

#define EVENTS_PATH            "/api/v1/events"
#define EVENTS_DATA_KEY        "pulse-server-events"
#define SINCE_DATA_KEY         "pulse-server-events-since"
#define TOKEN_DATA_KEY         "pulse-server-events-token"
/* Close code 1008, policy violation: the token was revoked. */
#define CLOSE_POLICY_VIOLATION 1008
#define PRUNE_INTERVAL_SECONDS 3600
#define MIN_QUEUE_BYTES        (64 * 1024)

static gboolean
dispatch_when_ready (GSource     *source,
                     GSourceFunc  callback,
                     gpointer     user_data)
{
  return callback (user_data);
}

/* A source that runs when its ready time comes: now, then every hour. */
static GSourceFuncs ready_time_funcs = { NULL, NULL, dispatch_when_ready, NULL, NULL, NULL };

static void
on_upgraded_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  PulseServerEvents *self = user_data;
  const gint64 *since = g_object_get_data (G_OBJECT (msg), SINCE_DATA_KEY);
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *token_id = NULL;
  gint64 value;

  if (since == NULL || soup_server_message_get_status (msg) != SOUP_STATUS_SWITCHING_PROTOCOLS)
    return;

  /* Stealing may free @msg: copy what we need first. */
  value = *since;
  token_id = g_strdup (g_object_get_data (G_OBJECT (msg), TOKEN_DATA_KEY));
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL && self->fanout != NULL)
    {
      const PulseServerConfig *config = pulse_server_get_config (self->server);
      g_autoptr(PulseWsPeer) peer = NULL;
      Stream *entry = g_new0 (Stream, 1);

      /* The config file never allows less; pulse_server_set_config() might. */
      peer = pulse_ws_peer_new (stream, MAX (config->send_queue_bytes, MIN_QUEUE_BYTES),
                                MAX (config->ping_interval_seconds, 1));
      g_weak_ref_init (&entry->peer, peer);
      entry->token_id = g_steal_pointer (&token_id);
      g_ptr_array_add (self->streams, entry);
      pulse_event_fanout_add (self->fanout, peer, value);
    }
}

/* Closes the streams whose token was revoked, and forgets closed ones. */
static gboolean
on_recheck_cb (gpointer user_data)
{
  PulseServerEvents *self = user_data;
  PulseTokenStore *tokens = pulse_server_get_token_store (self->server);
  guint interval = MAX (pulse_server_get_config (self->server)->ping_interval_seconds, 1);

  g_source_set_ready_time (self->recheck, g_get_monotonic_time () +
                                          (gint64) interval * G_USEC_PER_SEC);

  for (guint i = self->streams->len; i > 0; i--)
    {
      Stream *entry = self->streams->pdata[i - 1];
      g_autoptr(PulseWsPeer) peer = g_weak_ref_get (&entry->peer);

      if (peer == NULL || !pulse_ws_peer_is_open (peer))
        g_ptr_array_remove_index_fast (self->streams, i - 1);
      else if (!pulse_token_store_is_active (tokens, entry->token_id))
        {
          g_message ("event stream of token %s closed: the token was revoked", entry->token_id);
          pulse_ws_peer_close (peer, CLOSE_POLICY_VIOLATION);
          g_ptr_array_remove_index_fast (self->streams, i - 1);
        }
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
parse_since (GHashTable *query,
             gint64     *since)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *since = (gint64) value;
  return TRUE;
}

/* Answers 400 itself when @msg is not a WebSocket handshake we accept. */
static gboolean
check_handshake (SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;

  if (soup_websocket_server_check_handshake (msg, NULL, NULL, NULL, &error))
    return TRUE;

  /* libsoup's own messages may be translated; answers stay English. */
  pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                              g_error_matches (error, SOUP_WEBSOCKET_ERROR,
                                               SOUP_WEBSOCKET_ERROR_NOT_WEBSOCKET)
                              ? "events is a WebSocket endpoint: send Upgrade: websocket"
                              : "events: a WebSocket handshake needs Sec-WebSocket-Version 13 "
                                "and a valid Sec-WebSocket-Key");
  return FALSE;
}

static void
on_events_cb (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServerEvents *self = user_data;
  g_autoptr(PulseTokenInfo) info = NULL;
  gint64 since = 0;

  if (!g_str_equal (path, EVENTS_PATH))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  "events accepts GET only");
      return;
    }

  info = pulse_server_authorize (self->server, msg, PULSE_PERMISSION_READ);
  if (info == NULL)
    return;

  if (!parse_since (query, &since))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                  "since: must be a non-negative integer, the seq of the last "
                                  "event the client has (0 for all)");
      return;
    }

  if (!check_handshake (msg))
    return;

  /* No extension is offered: frames go out as they are. */
  soup_websocket_server_process_handshake (msg, NULL, NULL, NULL, NULL);
  g_object_set_data_full (G_OBJECT (msg), SINCE_DATA_KEY, g_memdup2 (&since, sizeof since),
                          g_free);
  g_object_set_data_full (G_OBJECT (msg), TOKEN_DATA_KEY, g_strdup (info->id), g_free);
  g_signal_connect_object (msg, "wrote-informational", G_CALLBACK (on_upgraded_cb), self, 0);
}

static gboolean
on_prune_cb (gpointer user_data)
{
  PulseServerEvents *self = user_data;
  const PulseServerConfig *config = pulse_server_get_config (self->server);
  g_autoptr(GError) error = NULL;
  gint64 before;
  gint64 pruned;

  g_source_set_ready_time (self->prune, g_get_monotonic_time () +
                                        (gint64) PRUNE_INTERVAL_SECONDS * G_USEC_PER_SEC);

  /* 0 days, possible only through pulse_server_set_config(), keeps all. */
  if (config->retention_days == 0)
    return G_SOURCE_CONTINUE;

  before = g_get_real_time () - (gint64) config->retention_days * 24 * 3600 * G_USEC_PER_SEC;
  pruned = pulse_event_log_prune_before (self->log, before, &error);
  if (pruned < 0)
    g_warning ("event log: cannot prune: %s", error->message);
  else if (pruned > 0)
    g_message ("event log: pruned %" G_GINT64_FORMAT " events older than %u days", pruned,
               config->retention_days);

  return G_SOURCE_CONTINUE;
}

static void
pulse_server_events_dispose (GObject *object)
{
  PulseServerEvents *self = (PulseServerEvents *)object;

  if (self->prune != NULL)
    g_source_destroy (self->prune);
  g_clear_pointer (&self->prune, g_source_unref);
  if (self->recheck != NULL)
    g_source_destroy (self->recheck);
  g_clear_pointer (&self->recheck, g_source_unref);
  g_clear_pointer (&self->streams, g_ptr_array_unref);

  /* The server is going away: every client gets 1001 and is hung up. */
  if (self->fanout != NULL)
    pulse_event_fanout_shutdown (self->fanout);
  g_clear_object (&self->fanout);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (pulse_server_events_parent_class)->dispose (object);
}

static void
pulse_server_events_class_init (PulseServerEventsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pulse_server_events_dispose;
}

static void
pulse_server_events_init (PulseServerEvents *self)
{
}

/**
 * pulse_server_events_install:
 * @server: the server, from its install_routes()
 *
 * Adds `GET /api/v1/events` to @server and starts the event log's
 * retention: one prune on the first main-loop iteration (so after
 * pulse_server_set_config()), then every hour. The streams live as long
 * as @server; when it is finalized, each client gets close code 1001.
 */
void
pulse_server_events_install (PulseServer *server)
{
  PulseServerEvents *self;

  g_return_if_fail (PULSE_IS_SERVER (server));

  self = g_object_new (PULSE_TYPE_SERVER_EVENTS, NULL);
  self->server = server;
  self->log = g_object_ref (pulse_server_get_event_log (server));
  self->fanout = pulse_event_fanout_new (self->log);

  self->prune = g_source_new (&ready_time_funcs, sizeof (GSource));
  g_source_set_callback (self->prune, on_prune_cb, self, NULL);
  g_source_set_ready_time (self->prune, 0);
  g_source_attach (self->prune, g_main_context_get_thread_default ());

  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
  self->recheck = g_source_new (&ready_time_funcs, sizeof (GSource));
  g_source_set_callback (self->recheck, on_recheck_cb, self, NULL);
  g_source_set_ready_time (self->recheck, g_get_monotonic_time () + G_USEC_PER_SEC);
  g_source_attach (self->recheck, g_main_context_get_thread_default ());

  soup_server_add_handler (pulse_server_get_soup (server), EVENTS_PATH, on_events_cb, self, NULL);
  g_object_set_data_full (G_OBJECT (server), EVENTS_DATA_KEY, self, g_object_unref);
}
