/* pulse-stream.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-stream-private.h"

#define DEFAULT_PING_INTERVAL 15     /* the server's default ping-interval-seconds */
#define DEFAULT_BACKOFF_BASE  500    /* ms */
#define DEFAULT_BACKOFF_CAP   30000  /* ms */

/**
 * PulseStream:
 *
 * The client of the server's event stream (`GET /api/v1/events?since=SEQ`,
 * docs/protocol.md): one WebSocket at a time through the #PulseClient's
 * session and token, its events handed on in seq order, and a new
 * connection after each loss that resumes from the last seq handed on.
 *
 * #PulseStream:state uses #PulseConnectionState:
 *
 * - %PULSE_CONNECTION_STATE_DISCONNECTED: not started, stopped, or after
 *   a resync (the consumer takes a snapshot and starts again);
 * - %PULSE_CONNECTION_STATE_CONNECTING: the first handshake after
 *   pulse_stream_start();
 * - %PULSE_CONNECTION_STATE_LIVE: the WebSocket is open (replay, live);
 * - %PULSE_CONNECTION_STATE_RECONNECTING: the connection was lost or
 *   refused for a reason that may pass; a wait (#PulseStream:retry-at)
 *   or the next handshake is under way;
 * - %PULSE_CONNECTION_STATE_UNAUTHORIZED: 401 or 403 on the handshake, or
 *   close code 1008 (token revoked). No retry: the user must sign in again;
 * - %PULSE_CONNECTION_STATE_INCOMPATIBLE: another 4xx on the handshake
 *   (no such endpoint, a request the server calls malformed). No retry.
 *
 * Never %PULSE_CONNECTION_STATE_OFFLINE: a stream keeps trying, and when
 * that counts as offline is the session's call. Main thread only.
 */

G_DEFINE_FINAL_TYPE (PulseStream, pulse_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_LAST_SEQ,
  PROP_LAST_EVENT_AT,
  PROP_RETRY_AT,
  PROP_PING_INTERVAL,
  PROP_BACKOFF_BASE,
  PROP_BACKOFF_CAP,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  SIGNAL_RESYNC,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Takes @error (nullable): why the stream is in @state. */
void
_pulse_stream_set_state (PulseStream          *self,
                         PulseConnectionState  state,
                         GError               *error)
{
  g_clear_error (&self->error);
  self->error = error;

  if (self->state == state)
    return;

  g_debug ("event stream: %s → %s%s%s",
           pulse_enum_to_nick (PULSE_TYPE_CONNECTION_STATE, self->state),
           pulse_enum_to_nick (PULSE_TYPE_CONNECTION_STATE, state),
           error != NULL ? ": " : "", error != NULL ? error->message : "");
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_pulse_stream_set_retry_at (PulseStream *self,
                            gint64       retry_at)
{
  if (self->retry_at == retry_at)
    return;

  self->retry_at = retry_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_AT]);
}

void
_pulse_stream_set_last_seq (PulseStream *self,
                            gint64       seq)
{
  if (self->last_seq == seq)
    return;

  self->last_seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
}

/* @event is the next in seq order; the handler may stop, restart or drop
 * the stream. */
void
_pulse_stream_apply_event (PulseStream *self,
                           gint64       seq,
                           JsonNode    *event)
{
  g_autoptr(PulseStream) hold = g_object_ref (self);

  g_assert (seq == self->last_seq + 1);

  /* Property handlers run once the event is applied. */
  g_object_freeze_notify (G_OBJECT (self));
  _pulse_stream_set_last_seq (self, seq);
  self->last_event_at = g_get_real_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT_AT]);
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, event);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_pulse_stream_emit_resync (PulseStream *self,
                           gint64       seq)
{
  g_autoptr(PulseStream) hold = g_object_ref (self);

  g_signal_emit (self, signals[SIGNAL_RESYNC], 0, seq);
}

static void
pulse_stream_dispose (GObject *object)
{
  PulseStream *self = (PulseStream *)object;

  _pulse_stream_hang_up (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pulse_stream_parent_class)->dispose (object);
}

static void
pulse_stream_finalize (GObject *object)
{
  PulseStream *self = (PulseStream *)object;

  g_clear_error (&self->error);

  G_OBJECT_CLASS (pulse_stream_parent_class)->finalize (object);
}

static void
pulse_stream_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PulseStream *self = PULSE_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_SEQ:
      g_value_set_int64 (value, self->last_seq);
      break;
    case PROP_LAST_EVENT_AT:
      g_value_set_int64 (value, self->last_event_at);
      break;
    case PROP_RETRY_AT:
      g_value_set_int64 (value, self->retry_at);
      break;
    case PROP_PING_INTERVAL:
      g_value_set_uint (value, self->ping_interval);
      break;
    case PROP_BACKOFF_BASE:
      g_value_set_uint (value, self->backoff.base_ms);
      break;
    case PROP_BACKOFF_CAP:
      g_value_set_uint (value, self->backoff.cap_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_stream_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PulseStream *self = PULSE_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_PING_INTERVAL:
      pulse_stream_set_ping_interval (self, g_value_get_uint (value));
      break;
    case PROP_BACKOFF_BASE:
      pulse_stream_set_backoff (self, g_value_get_uint (value), self->backoff.cap_ms);
      break;
    case PROP_BACKOFF_CAP:
      pulse_stream_set_backoff (self, self->backoff.base_ms, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_stream_class_init (PulseStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_stream_dispose;
  object_class->finalize = pulse_stream_finalize;
  object_class->get_property = pulse_stream_get_property;
  object_class->set_property = pulse_stream_set_property;

  /**
   * PulseStream:client:
   *
   * The server, session and token the stream connects with.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PULSE_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:state:
   *
   * Where the stream is; see #PulseStream for what each value means here.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PULSE_TYPE_CONNECTION_STATE, PULSE_CONNECTION_STATE_DISCONNECTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:last-seq:
   *
   * The seq of the last event emitted (or the `since` given to
   * pulse_stream_start() before any); the next connection resumes after it.
   */
  properties[PROP_LAST_SEQ] =
    g_param_spec_int64 ("last-seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:last-event-at:
   *
   * When the last event arrived, in µs since the epoch, or 0 if none
   * has; the UI shows the data's age from it.
   */
  properties[PROP_LAST_EVENT_AT] =
    g_param_spec_int64 ("last-event-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:retry-at:
   *
   * When the next connection attempt starts, in µs since the epoch, or
   * 0 if none is waiting.
   */
  properties[PROP_RETRY_AT] =
    g_param_spec_int64 ("retry-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:ping-interval:
   *
   * Seconds between our pings. A connection on which nothing (frame or
   * pong) is heard for three intervals is dropped as dead and replaced.
   */
  properties[PROP_PING_INTERVAL] =
    g_param_spec_uint ("ping-interval", NULL, NULL, 1, 3600, DEFAULT_PING_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:backoff-base:
   *
   * The first wait's ceiling before a reconnect, in ms (see #PulseBackoff).
   */
  properties[PROP_BACKOFF_BASE] =
    g_param_spec_uint ("backoff-base", NULL, NULL, 1, G_MAXINT, DEFAULT_BACKOFF_BASE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseStream:backoff-cap:
   *
   * The longest wait before a reconnect, in ms; a connection that stayed
   * up this long starts the waits over.
   */
  properties[PROP_BACKOFF_CAP] =
    g_param_spec_uint ("backoff-cap", NULL, NULL, 1, G_MAXINT, DEFAULT_BACKOFF_CAP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PulseStream::event:
   * @self: the stream
   * @event: the frame as the server sent it: `seq`, `type`, `at`, `data`
   *
   * One event, each seq exactly once and in order, whatever connections
   * it took. The handler applies it; #PulseStream:last-seq is already
   * its seq. @event is immutable and lives for the emission: take a
   * reference (json_node_ref()) to keep it.
   */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PulseStream::resync:
   * @self: the stream
   * @seq: the server's last seq
   *
   * The server's log cannot bring us up to date (pruned, or we are ahead
   * of it). The stream is now disconnected; the handler takes a snapshot
   * and calls pulse_stream_start() with the snapshot's seq.
   */
  signals[SIGNAL_RESYNC] =
    g_signal_new ("resync", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pulse_stream_init (PulseStream *self)
{
  self->ping_interval = DEFAULT_PING_INTERVAL;
  pulse_backoff_init (&self->backoff, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_CAP,
                      ((guint64) g_random_int () << 32) | g_random_int ());
}

/**
 * pulse_stream_new:
 * @client: the server to follow
 *
 * Returns: (transfer full): a stream that is not started.
 */
PulseStream *
pulse_stream_new (PulseClient *client)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (client), NULL);

  return g_object_new (PULSE_TYPE_STREAM, "client", client, NULL);
}

/**
 * pulse_stream_get_ping_interval:
 *
 * Returns: seconds between our pings.
 */
guint
pulse_stream_get_ping_interval (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), DEFAULT_PING_INTERVAL);

  return self->ping_interval;
}

/**
 * pulse_stream_set_ping_interval:
 * @seconds: seconds between pings, at least 1; set it to the server's
 *   ping-interval-seconds
 *
 * Applies at once to an open connection.
 */
void
pulse_stream_set_ping_interval (PulseStream *self,
                                guint        seconds)
{
  g_return_if_fail (PULSE_IS_STREAM (self));
  g_return_if_fail (seconds >= 1);

  if (self->ping_interval == seconds)
    return;

  self->ping_interval = seconds;
  if (self->conn != NULL)
    _pulse_stream_arm_watchdog (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PING_INTERVAL]);
}

/**
 * pulse_stream_set_backoff:
 * @base_ms: the first wait's ceiling, in ms
 * @cap_ms: the longest wait, in ms
 *
 * Sets the reconnect waits (0.5 s doubling to 30 s by default); tests
 * shorten them. The next wait drawn uses them.
 */
void
pulse_stream_set_backoff (PulseStream *self,
                          guint        base_ms,
                          guint        cap_ms)
{
  PulseBackoff *backoff;

  g_return_if_fail (PULSE_IS_STREAM (self));

  backoff = &self->backoff;
  g_object_freeze_notify (G_OBJECT (self));
  if (backoff->base_ms != MAX (base_ms, 1))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKOFF_BASE]);
  if (backoff->cap_ms != MAX (cap_ms, MAX (base_ms, 1)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKOFF_CAP]);
  backoff->base_ms = MAX (base_ms, 1);
  backoff->cap_ms = MAX (cap_ms, backoff->base_ms);
  g_object_thaw_notify (G_OBJECT (self));
}
