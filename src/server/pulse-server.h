/* pulse-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-db.h"
#include "pulse-server-config.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SERVER (pulse_server_get_type ())

G_DECLARE_FINAL_TYPE (PulseServer, pulse_server, PULSE, SERVER, GObject)

PulseServer *pulse_server_new        (PulseDb      *db);
gboolean     pulse_server_listen     (PulseServer  *self,
                                      const char   *host,
                                      guint         port,
                                      GError      **error);
void         pulse_server_disconnect (PulseServer  *self);
guint        pulse_server_get_port   (PulseServer  *self);
char        *pulse_server_dup_url    (PulseServer  *self);

/* For the route modules (pulse-server-<resource>.c). */
typedef struct _PulseEventLog   PulseEventLog;
typedef struct _PulseItemStore  PulseItemStore;
typedef struct _PulseRuleBook   PulseRuleBook;
typedef struct _PulseTokenStore PulseTokenStore;
typedef struct _SoupServer      SoupServer;

PulseDb                 *pulse_server_get_db          (PulseServer             *self);
PulseEventLog           *pulse_server_get_event_log   (PulseServer             *self);
PulseItemStore          *pulse_server_get_item_store  (PulseServer             *self);
PulseTokenStore         *pulse_server_get_token_store (PulseServer             *self);
PulseRuleBook           *pulse_server_get_rule_book   (PulseServer             *self);
SoupServer              *pulse_server_get_soup        (PulseServer             *self);
const PulseServerConfig *pulse_server_get_config      (PulseServer             *self);
void                     pulse_server_set_config      (PulseServer             *self,
                                                       const PulseServerConfig *config);
gboolean                 pulse_server_take_request    (PulseServer             *self,
                                                       const char              *token_id,
                                                       guint                   *retry_after);
gboolean                 pulse_server_commit          (PulseServer             *self,
                                                       PulseDbFunc              func,
                                                       gpointer                 user_data,
                                                       GError                 **error);

G_END_DECLS
