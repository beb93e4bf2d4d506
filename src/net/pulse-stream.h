/* pulse-stream.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-client.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_STREAM (pulse_stream_get_type ())

G_DECLARE_FINAL_TYPE (PulseStream, pulse_stream, PULSE, STREAM, GObject)

PulseStream          *pulse_stream_new                (PulseClient  *client);
void                  pulse_stream_start              (PulseStream  *self,
                                                       gint64        since);
void                  pulse_stream_stop               (PulseStream  *self);
PulseConnectionState  pulse_stream_get_state          (PulseStream  *self);
const GError         *pulse_stream_get_error          (PulseStream  *self);
gint64                pulse_stream_get_last_seq       (PulseStream  *self);
gint64                pulse_stream_get_last_event_at  (PulseStream  *self);
gint64                pulse_stream_get_retry_at       (PulseStream  *self);
guint                 pulse_stream_get_ping_interval  (PulseStream  *self);
void                  pulse_stream_set_ping_interval  (PulseStream  *self,
                                                       guint         seconds);
void                  pulse_stream_set_backoff        (PulseStream  *self,
                                                       guint         base_ms,
                                                       guint         cap_ms);

gint64                pulse_stream_get_heard_at      (PulseStream          *self);

G_END_DECLS
