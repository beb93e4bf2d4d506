/* pulse-server-listen.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

GSocketService *pulse_server_listener_new        (SoupServer         *soup);
gboolean        pulse_server_listener_add        (GSocketService     *service,
                                                  GSocketAddress     *address,
                                                  guint              *port,
                                                  GError            **error);
void            pulse_server_listener_stop       (GSocketService     *service);
GSocket        *pulse_server_message_get_socket  (SoupServerMessage  *msg);

G_END_DECLS
