/* pulse-server-http.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every route module needs: JSON answers, protocol errors, bodies
 * read within limits, and the token and role check.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pulse-role-policy.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

/* Request bodies larger than this get 413 (docs/protocol.md, Limits). */
#define PULSE_SERVER_MAX_BODY_BYTES (1024 * 1024)

void            pulse_server_respond_json   (SoupServerMessage *msg,
                                             guint              status,
                                             JsonNode          *body);
void            pulse_server_respond_error  (SoupServerMessage *msg,
                                             guint              status,
                                             const char        *code,
                                             const char        *message);
void            pulse_server_respond_internal (SoupServerMessage *msg,
                                             const char        *what,
                                             const GError      *error);
gboolean        pulse_server_accept         (SoupServerMessage *msg,
                                             const char        *path,
                                             const char        *exact_path,
                                             const char        *method,
                                             const char        *name);
JsonNode       *pulse_server_read_body      (SoupServerMessage *msg);
PulseTokenInfo *pulse_server_authenticate   (PulseServer       *self,
                                             SoupServerMessage *msg);
PulseTokenInfo *pulse_server_authorize      (PulseServer       *self,
                                             SoupServerMessage *msg,
                                             PulsePermission    permission);

G_END_DECLS
