/* pulse-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-db.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SERVER (pulse_server_get_type ())

G_DECLARE_FINAL_TYPE (PulseServer, pulse_server, PULSE, SERVER, GObject)

PulseServer *pulse_server_new        (PulseDb      *db);
gboolean     pulse_server_listen     (PulseServer  *self,
                                      const char   *host,
                                      guint         port,
                                      GError      **error);
guint        pulse_server_get_port   (PulseServer  *self);
char        *pulse_server_dup_url    (PulseServer  *self);

/* For the route modules (pulse-server-<resource>.c). */
typedef struct _PulseEventLog   PulseEventLog;
typedef struct _PulseTokenStore PulseTokenStore;

PulseDb         *pulse_server_get_db          (PulseServer *self);
PulseEventLog   *pulse_server_get_event_log   (PulseServer *self);
PulseTokenStore *pulse_server_get_token_store (PulseServer *self);

G_END_DECLS
