/* pulse-ws-peer-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-ws-peer.c (lifecycle, writing) and pulse-ws-peer-input.c
 * (reading, pings).
 */

#pragma once

#include "pulse-ws-peer.h"

G_BEGIN_DECLS

typedef enum
{
  STATE_OPEN,
  STATE_CLOSE_SENT,     /* our close is queued; waiting for the client's */
  STATE_CLOSE_AFTER,    /* hang up once the queue is written */
  STATE_CLOSED,
} PeerState;

struct _PulseWsPeer
{
  GObject                parent_instance;

  GIOStream             *stream;
  GPollableInputStream  *input;
  GPollableOutputStream *output;
  GMainContext          *context;
  GSource               *read_source;
  GSource               *write_source;
  GSource               *ping_source;
  GSource               *close_source;

  PulseWsQueue           queue;
  gsize                  max_queue_bytes;
  gboolean               above_low_water;
  GByteArray            *incoming;
  guint                  unanswered_pings;
  PeerState              state;
};

void     _pulse_ws_peer_clear_source   (GSource     **source);
void     _pulse_ws_peer_finish         (PulseWsPeer  *self,
                                        const char   *reason);
void     _pulse_ws_peer_start_close    (PulseWsPeer  *self,
                                        guint         code,
                                        PeerState     next_state);
gboolean _pulse_ws_peer_on_input_ready (GObject      *stream,
                                        gpointer      user_data);
gboolean _pulse_ws_peer_on_ping        (gpointer      user_data);

G_END_DECLS
