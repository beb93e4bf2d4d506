/* pulse-stream-accessors.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The getters of PulseStream: where the stream is, why, and the seq and
 * times it has reached. Part of PulseStream (pulse-stream-private.h).
 */

#include "config.h"

#include "pulse-stream-private.h"

/**
 * pulse_stream_get_state:
 *
 * Returns: where the stream is; see #PulseStream.
 */
PulseConnectionState
pulse_stream_get_state (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), PULSE_CONNECTION_STATE_DISCONNECTED);

  return self->state;
}

/**
 * pulse_stream_get_error:
 *
 * Why the stream left #PULSE_CONNECTION_STATE_LIVE or was refused, as a
 * %PULSE_CLIENT_ERROR: %PULSE_CLIENT_ERROR_UNAUTHORIZED (401, 403 or
 * 1008, told apart in the message), %PULSE_CLIENT_ERROR_OFFLINE (lost or
 * unreachable), %PULSE_CLIENT_ERROR_PROTOCOL (a frame out of order or not
 * JSON) or %PULSE_CLIENT_ERROR_NOT_FOUND and %PULSE_CLIENT_ERROR_HTTP.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL while live,
 *   connecting or stopped.
 */
const GError *
pulse_stream_get_error (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), NULL);

  return self->error;
}

/**
 * pulse_stream_get_last_seq:
 *
 * Returns: the seq of the last event emitted, or the `since` of the start.
 */
gint64
pulse_stream_get_last_seq (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), 0);

  return self->last_seq;
}

/**
 * pulse_stream_get_last_event_at:
 *
 * Returns: when the last event arrived (µs since the epoch), or 0.
 */
gint64
pulse_stream_get_last_event_at (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), 0);

  return self->last_event_at;
}

/**
 * pulse_stream_get_retry_at:
 *
 * Returns: when the next attempt starts (µs since the epoch), or 0.
 */
gint64
pulse_stream_get_retry_at (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), 0);

  return self->retry_at;
}

/**
 * pulse_stream_get_heard_at:
 *
 * Returns: when the server was last heard on the open connection (an
 *   event, or a pong to our keepalive ping), monotonic µs; 0 before the
 *   first connection.
 */
gint64
pulse_stream_get_heard_at (PulseStream *self)
{
  g_return_val_if_fail (PULSE_IS_STREAM (self), 0);

  return self->heard_at;
}
