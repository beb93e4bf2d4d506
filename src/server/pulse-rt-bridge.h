/* pulse-rt-bridge.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `pulse-server --bridge rt`: follows a Request Tracker 5 instance over
 * REST 2 and feeds this server's own ingest, in process. See
 * docs/bridges/rt.md.
 */

#pragma once

#include "pulse-server.h"

G_BEGIN_DECLS

typedef struct
{
  const char *url;
  const char *user;
  const char *secret;           /* a password, or a token */
  gboolean    secret_is_token;
  guint       poll_ms;          /* between polls when RT has nothing new */
  guint       backoff_cap_ms;   /* the longest wait when RT is down */
  GHashTable *channels;         /* RT queue name → channel nick */
  const char *country;
  const char *language;
} PulseRtBridgeOptions;

#define PULSE_TYPE_RT_BRIDGE (pulse_rt_bridge_get_type ())
G_DECLARE_FINAL_TYPE (PulseRtBridge, pulse_rt_bridge, PULSE, RT_BRIDGE, GObject)

PulseRtBridge *pulse_rt_bridge_new        (PulseServer                 *server,
                                           const PulseRtBridgeOptions  *options,
                                           GError                     **error);
void           pulse_rt_bridge_start      (PulseRtBridge               *self);
void           pulse_rt_bridge_stop       (PulseRtBridge               *self);
gint64         pulse_rt_bridge_get_cursor (PulseRtBridge               *self);

G_END_DECLS
