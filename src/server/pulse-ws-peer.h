/* pulse-ws-peer.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-ws-frame.h"

G_BEGIN_DECLS

#define PULSE_TYPE_WS_PEER (pulse_ws_peer_get_type ())

G_DECLARE_FINAL_TYPE (PulseWsPeer, pulse_ws_peer, PULSE, WS_PEER, GObject)

PulseWsPeer *pulse_ws_peer_new              (GIOStream    *stream,
                                             gsize         max_queue_bytes,
                                             guint         ping_interval_seconds);
gboolean     pulse_ws_peer_is_open          (PulseWsPeer  *self);
gboolean     pulse_ws_peer_wants_more       (PulseWsPeer  *self);
gboolean     pulse_ws_peer_has_room         (PulseWsPeer  *self,
                                             gsize         frame_size);
gboolean     pulse_ws_peer_send             (PulseWsPeer  *self,
                                             GBytes       *frame);
void         pulse_ws_peer_flush            (PulseWsPeer  *self);
void         pulse_ws_peer_close            (PulseWsPeer  *self,
                                             guint         code);
void         pulse_ws_peer_shutdown         (PulseWsPeer  *self,
                                             guint         code);

G_END_DECLS
