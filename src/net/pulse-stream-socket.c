/* pulse-stream-socket.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection of a PulseStream: the handshake, each frame, the close,
 * the watch for a dead peer, and the wait before the next connection.
 *
 * Liveness: the server pings every ping-interval-seconds and libsoup 3.2
 * answers by itself, but tells us nothing of it (it has no signal for an
 * incoming ping). So we ping too (the connection's keepalive-interval) and
 * count a pong, like any frame, as a sign of life; three intervals of
 * silence mean the peer or the path is gone, even when TCP has not noticed.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-stream-private.h"

/* Events can pass libsoup's 128 KiB default (docs/protocol.md). */
#define MAX_INCOMING_PAYLOAD   (16 * 1024 * 1024)
#define DEAD_AFTER_INTERVALS   3
#define CLOSE_GOING_AWAY       1001
#define CLOSE_POLICY_VIOLATION 1008
#define EVENTS_PATH            "/api/v1/events"
/* libsoup 3.2 has no name for 429 (RFC 6585). */
#define STATUS_TOO_MANY_REQUESTS 429

static void start_handshake (PulseStream *self);

static gboolean
release_connection (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/**
 * _pulse_stream_hang_up:
 *
 * Ends the attempt, whatever its step: cancels the handshake, removes the
 * timers and closes the connection. Callbacks of the attempt see the
 * cancellation or are disconnected, so none of them runs after this.
 */
void
_pulse_stream_hang_up (PulseStream *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->handshake);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_clear_handle_id (&self->inbox_id, g_source_remove);
  g_queue_clear_full (&self->inbox, (GDestroyNotify) g_bytes_unref);
  _pulse_stream_set_retry_at (self, 0);

  if (self->conn != NULL)
    {
      gint64 up_ms = (g_get_monotonic_time () - self->connected_at) / 1000;

      /* A connection that lasted starts the waits over. */
      pulse_backoff_ended (&self->backoff, up_ms);
      g_signal_handlers_disconnect_by_data (self->conn, self);
      if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      /* We may be inside one of its signals, which use it after we
       * return: drop our reference once they are done. */
      g_idle_add (release_connection, g_steal_pointer (&self->conn));
    }
}

static gboolean
on_retry_cb (gpointer user_data)
{
  PulseStream *self = user_data;

  self->retry_id = 0;
  _pulse_stream_set_retry_at (self, 0);
  start_handshake (self);
  return G_SOURCE_REMOVE;
}

/* Takes @error: why. Drops what there is, then waits before trying again
 * from last-seq. Notifications go out once all is set, so a handler may
 * stop the stream. */
static void
retry_later (PulseStream *self,
             GError      *error)
{
  guint wait_ms;

  g_object_freeze_notify (G_OBJECT (self));
  _pulse_stream_hang_up (self);
  wait_ms = pulse_backoff_next_ms (&self->backoff);
  g_debug ("event stream: %s; next attempt in %u ms", error->message, wait_ms);
  self->retry_id = g_timeout_add (wait_ms, on_retry_cb, self);
  _pulse_stream_set_retry_at (self, g_get_real_time () + (gint64) wait_ms * 1000);
  _pulse_stream_set_state (self, PULSE_CONNECTION_STATE_RECONNECTING, error);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Takes @error. A refusal that waiting will not fix. */
static void
give_up (PulseStream          *self,
         PulseConnectionState  state,
         GError               *error)
{
  g_message ("event stream: not retrying: %s", error->message);
  _pulse_stream_hang_up (self);
  _pulse_stream_set_state (self, state, error);
}

static gboolean
on_watchdog_cb (gpointer user_data)
{
  PulseStream *self = user_data;
  gint64 silent = g_get_monotonic_time () - self->heard_at;

  if (silent < (gint64) DEAD_AFTER_INTERVALS * self->ping_interval * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  self->watchdog_id = 0;
  g_message ("event stream: nothing heard for %" G_GINT64_FORMAT " s; reconnecting",
             silent / G_USEC_PER_SEC);
  retry_later (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                                  "no frame or pong for %" G_GINT64_FORMAT " s",
                                  silent / G_USEC_PER_SEC));
  return G_SOURCE_REMOVE;
}

/**
 * _pulse_stream_arm_watchdog:
 *
 * Pings every ping-interval on the open connection, and checks as often
 * that something was heard within the last three.
 */
void
_pulse_stream_arm_watchdog (PulseStream *self)
{
  g_assert (self->conn != NULL);

  soup_websocket_connection_set_keepalive_interval (self->conn, self->ping_interval);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  self->watchdog_id = g_timeout_add_seconds (self->ping_interval, on_watchdog_cb, self);
}

/* The frame's kind and seq; FALSE with @error when it is neither an
 * event nor a resync. */
static gboolean
read_frame (JsonNode  *node,
            gboolean  *resync,
            gint64    *seq,
            GError   **error)
{
  g_autofree char *type = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "an event", error))
    return FALSE;

  type = pulse_json_reader_dup_string (&reader, "type", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_NAME);
  *resync = g_strcmp0 (type, "resync") == 0;
  *seq = pulse_json_reader_get_int (&reader, "seq", PULSE_JSON_REQUIRED, *resync ? 0 : 1,
                                    G_MAXINT64, 0);
  return pulse_json_reader_finish (&reader, error);
}

static void
resync (PulseStream *self,
        gint64       seq)
{
  g_message ("event stream: resync: the server's log cannot bring seq %" G_GINT64_FORMAT
             " up to date (its last is %" G_GINT64_FORMAT ")", self->last_seq, seq);
  _pulse_stream_hang_up (self);
  _pulse_stream_set_state (self, PULSE_CONNECTION_STATE_DISCONNECTED, NULL);
  _pulse_stream_emit_resync (self, seq);
}

/* A frame we cannot use means our copy could miss what it said: start
 * over from the last event we did apply. Takes @error. */
static void
drop_for_bad_frame (PulseStream *self,
                    GError      *error)
{
  g_message ("event stream: %s; reconnecting from seq %" G_GINT64_FORMAT, error->message,
             self->last_seq);
  retry_later (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                                  "%s", error->message));
  g_error_free (error);
}

/* A slice of frame handling: about a quarter of a frame at 60 Hz. */
#define INBOX_SLICE_USEC 4000

static void
handle_frame (PulseStream *self,
              GBytes      *message)
{
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  gboolean is_resync = FALSE;
  gint64 seq = 0;
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  node = pulse_json_parse (data, size, &error);
  if (node == NULL || !read_frame (node, &is_resync, &seq, &error))
    drop_for_bad_frame (self, error);
  else if (is_resync)
    resync (self, seq);
  else if (seq != self->last_seq + 1)
    drop_for_bad_frame (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                                           "event seq %" G_GINT64_FORMAT " after %"
                                           G_GINT64_FORMAT, seq, self->last_seq));
  else
    _pulse_stream_apply_event (self, seq, node);
}

static gboolean
on_inbox_cb (gpointer user_data)
{
  /* A handler may stop the stream or drop the last reference to it. */
  g_autoptr(PulseStream) self = g_object_ref (user_data);
  gint64 deadline = g_get_monotonic_time () + INBOX_SLICE_USEC;

  while (self->inbox_id != 0 && !g_queue_is_empty (&self->inbox))
    {
      g_autoptr(GBytes) frame = g_queue_pop_head (&self->inbox);

      handle_frame (self, frame);
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  /* Hung up meanwhile: its source is gone already. */
  if (self->inbox_id == 0)
    return G_SOURCE_REMOVE;

  if (g_queue_is_empty (&self->inbox))
    {
      self->inbox_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Handles every frame still waiting, now. Returns %FALSE when one of them
 * ended the connection itself (a resync, a bad frame). */
static gboolean
drain_inbox (PulseStream *self)
{
  g_autoptr(PulseStream) keep = g_object_ref (self);

  while (self->inbox_id != 0 && !g_queue_is_empty (&self->inbox))
    {
      g_autoptr(GBytes) frame = g_queue_pop_head (&self->inbox);

      handle_frame (self, frame);
    }

  if (self->inbox_id == 0)
    return g_queue_is_empty (&self->inbox) && self->conn != NULL;

  g_clear_handle_id (&self->inbox_id, g_source_remove);
  return TRUE;
}

static void
on_message_cb (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *message,
               gpointer                 user_data)
{
  PulseStream *self = user_data;

  self->heard_at = g_get_monotonic_time ();
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  g_queue_push_tail (&self->inbox, g_bytes_ref (message));
  if (self->inbox_id == 0)
    self->inbox_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_inbox_cb, self, NULL);
}

static void
on_pong_cb (SoupWebsocketConnection *conn,
            GBytes                  *message,
            gpointer                 user_data)
{
  PulseStream *self = user_data;

  self->heard_at = g_get_monotonic_time ();
}

static void
on_error_cb (SoupWebsocketConnection *conn,
             GError                  *error,
             gpointer                 user_data)
{
  g_debug ("event stream: %s", error->message);
}

static void
on_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  PulseStream *self = user_data;
  gushort code = soup_websocket_connection_get_close_code (conn);

  /* The frames read before the close are its last words: a resync is
   * often the very one before it. */
  if (!drain_inbox (self))
    return;

  if (code == CLOSE_POLICY_VIOLATION)
    {
      give_up (self, PULSE_CONNECTION_STATE_UNAUTHORIZED,
               g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED,
                            "%s: closed with 1008: the token was revoked", EVENTS_PATH));
      return;
    }

  /* 1001 is a server stopping, most likely to restart: come back at the
   * first, shortest wait, however long this connection lasted. */
  _pulse_stream_hang_up (self);
  if (code == CLOSE_GOING_AWAY)
    pulse_backoff_reset (&self->backoff);

  retry_later (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                                  "%s: the connection closed (code %u)", EVENTS_PATH, code));
}

static void
opened (PulseStream             *self,
        SoupWebsocketConnection *conn)
{
  self->conn = conn;
  self->connected_at = self->heard_at = g_get_monotonic_time ();
  soup_websocket_connection_set_max_incoming_payload_size (conn, MAX_INCOMING_PAYLOAD);
  g_signal_connect (conn, "message", G_CALLBACK (on_message_cb), self);
  g_signal_connect (conn, "pong", G_CALLBACK (on_pong_cb), self);
  g_signal_connect (conn, "error", G_CALLBACK (on_error_cb), self);
  g_signal_connect (conn, "closed", G_CALLBACK (on_closed_cb), self);
  _pulse_stream_arm_watchdog (self);
  _pulse_stream_set_state (self, PULSE_CONNECTION_STATE_LIVE, NULL);
}

/* Takes @soup_error. 401 and 403 need another token and any other 4xx
 * another server (or client); the rest may pass: network errors, 5xx,
 * 408, 429, and a 101 whose handshake libsoup refused. */
static void
refused (PulseStream *self,
         guint        status,
         GError      *soup_error)
{
  g_autoptr(GError) cause = soup_error;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    give_up (self, PULSE_CONNECTION_STATE_UNAUTHORIZED,
             pulse_client_error_from_status (status, EVENTS_PATH));
  else if (status == SOUP_STATUS_FORBIDDEN)
    give_up (self, PULSE_CONNECTION_STATE_UNAUTHORIZED,
             g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED,
                          "%s: HTTP 403 Forbidden: this token's role may not read events",
                          EVENTS_PATH));
  else if (SOUP_STATUS_IS_CLIENT_ERROR (status) && status != SOUP_STATUS_REQUEST_TIMEOUT &&
           status != STATUS_TOO_MANY_REQUESTS)
    give_up (self, PULSE_CONNECTION_STATE_INCOMPATIBLE,
             pulse_client_error_from_status (status, EVENTS_PATH));
  else if (status == SOUP_STATUS_NONE)
    retry_later (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                                    "%s: %s", EVENTS_PATH, cause->message));
  else if (status == SOUP_STATUS_SWITCHING_PROTOCOLS)
    retry_later (self, g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                                    "%s: %s", EVENTS_PATH, cause->message));
  else
    retry_later (self, pulse_client_error_from_status (status, EVENTS_PATH));
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;
  PulseStream *self;
  guint status;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  /* Stopped, restarted or disposed: @user_data may be gone already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PULSE_STREAM (user_data);
  status = soup_message_get_status (self->handshake);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->handshake);

  if (conn == NULL)
    refused (self, status, g_steal_pointer (&error));
  else
    opened (self, conn);
}

/* Starts the handshake for the events after last-seq. The state is the
 * caller's to set (connecting or reconnecting). */
static void
start_handshake (PulseStream *self)
{
  SoupMessage *msg;

  g_assert (self->conn == NULL && self->cancellable == NULL);

  msg = pulse_client_new_events_message (self->client, self->last_seq);
  if (msg == NULL)
    {
      give_up (self, PULSE_CONNECTION_STATE_INCOMPATIBLE,
               g_error_new (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL,
                            "not a valid server address: %s",
                            pulse_client_get_base_url (self->client)));
      return;
    }

  g_debug ("event stream: connecting since seq %" G_GINT64_FORMAT, self->last_seq);
  self->handshake = msg;
  self->cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (pulse_client_get_soup (self->client), msg, NULL, NULL,
                                        G_PRIORITY_DEFAULT, self->cancellable, connect_cb, self);
}

/**
 * pulse_stream_start:
 * @since: the seq of the last event the caller has applied, 0 for all
 *
 * Connects (dropping any connection or wait of an earlier start) and
 * emits #PulseStream::event for each event after @since, replayed then
 * live, until pulse_stream_stop(), a resync or a refusal.
 */
void
pulse_stream_start (PulseStream *self,
                    gint64       since)
{
  g_return_if_fail (PULSE_IS_STREAM (self));
  g_return_if_fail (since >= 0);

  /* Notifications wait until all is set, so a handler may stop us. */
  g_object_freeze_notify (G_OBJECT (self));
  _pulse_stream_hang_up (self);
  _pulse_stream_set_last_seq (self, since);
  pulse_backoff_reset (&self->backoff);
  _pulse_stream_set_state (self, PULSE_CONNECTION_STATE_CONNECTING, NULL);
  start_handshake (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * pulse_stream_stop:
 *
 * Closes the connection (or cancels the handshake or wait) and emits no
 * more events. #PulseStream:last-seq stays, so pulse_stream_start() with
 * it resumes without a gap.
 */
void
pulse_stream_stop (PulseStream *self)
{
  g_return_if_fail (PULSE_IS_STREAM (self));

  _pulse_stream_hang_up (self);
  _pulse_stream_set_state (self, PULSE_CONNECTION_STATE_DISCONNECTED, NULL);
}
