/* pulse-demo-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PULSE_TYPE_DEMO_SERVER (pulse_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (PulseDemoServer, pulse_demo_server, PULSE, DEMO_SERVER, GObject)

char            *pulse_demo_server_find_program (void);
void             pulse_demo_server_start_async  (const char           *program,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
PulseDemoServer *pulse_demo_server_start_finish (GAsyncResult         *result,
                                                 GError              **error);
const char      *pulse_demo_server_get_url      (PulseDemoServer      *self);
const char      *pulse_demo_server_get_token    (PulseDemoServer      *self);
void             pulse_demo_server_stop         (PulseDemoServer      *self);

G_END_DECLS
