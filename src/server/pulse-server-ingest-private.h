/* pulse-server-ingest-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ingest endpoints without HTTP: what a body does once it is JSON.
 * For pulse-server-ingest.c and the fuzz target of tests/fuzz only.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

gboolean _pulse_server_ingest_body (PulseServer     *self,
                                    const char      *route,
                                    PulseTokenInfo  *who,
                                    JsonNode        *body,
                                    guint           *received,
                                    GError         **error);

G_END_DECLS
