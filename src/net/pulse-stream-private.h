/* pulse-stream-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseStream is split by concern: pulse-stream.c holds the object, its
 * properties, signals and setters; pulse-stream-accessors.c its getters;
 * pulse-stream-socket.c one connection's life (handshake, frames, close,
 * liveness) and the wait before the next. This header is shared by them
 * and by nothing else.
 */

#pragma once

#include <libsoup/soup.h>

#include "pulse-backoff.h"
#include "pulse-stream.h"

G_BEGIN_DECLS

struct _PulseStream
{
  GObject                  parent_instance;

  PulseClient             *client;
  PulseConnectionState     state;
  GError                  *error;          /* why the last connection ended */
  gint64                   last_seq;
  gint64                   last_event_at;  /* µs since the epoch */
  gint64                   retry_at;       /* µs since the epoch, 0 if none */
  guint                    ping_interval;  /* seconds */
  PulseBackoff             backoff;

  /* One attempt at a time: a handshake in flight, or an open connection,
   * or a wait (retry_id) before the next handshake. */
  GCancellable            *cancellable;
  SoupMessage             *handshake;
  SoupWebsocketConnection *conn;
  gint64                   connected_at;   /* monotonic µs */
  gint64                   heard_at;       /* monotonic µs: last frame or pong */
  guint                    retry_id;
  guint                    watchdog_id;

  /* Frames read but not yet handled, and the source that handles them in
   * slices: libsoup hands over every frame of a read at once, and
   * parsing a thousand of them in one go would hold the main loop. */
  GQueue                   inbox;
  guint                    inbox_id;
};

void _pulse_stream_set_state    (PulseStream          *self,
                                 PulseConnectionState  state,
                                 GError               *error);
void _pulse_stream_set_retry_at (PulseStream          *self,
                                 gint64                retry_at);
void _pulse_stream_set_last_seq (PulseStream          *self,
                                 gint64                seq);
void _pulse_stream_apply_event  (PulseStream          *self,
                                 gint64                seq,
                                 JsonNode             *event);
void _pulse_stream_emit_resync  (PulseStream          *self,
                                 gint64                seq);

void _pulse_stream_hang_up      (PulseStream          *self);
void _pulse_stream_arm_watchdog (PulseStream          *self);

G_END_DECLS
