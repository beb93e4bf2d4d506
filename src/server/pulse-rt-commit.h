/* pulse-rt-commit.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the RT bridge writes: one database transaction per batch with the
 * directory (queues, agents), the tickets through the server's own
 * ingest functions (pulse-ingest.h), an audit entry, and the bridge's
 * cursor. The cursor moves only with what it covers, so a batch is
 * ingested once or not at all.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-server.h"

G_BEGIN_DECLS

typedef struct
{
  const char *source;   /* the helpdesk, its URL */
  gint64      cursor;   /* the new cursor, or -1 to leave it */
  GPtrArray  *queues;   /* (element-type JsonNode) Pulse queue items */
  GPtrArray  *agents;   /* (element-type JsonNode) Pulse agent items */
  GPtrArray  *tickets;  /* (element-type JsonNode) Pulse ticket items */
} PulseRtBatch;

gboolean pulse_rt_cursor_load (PulseDb             *db,
                               const char          *source,
                               gint64              *cursor,
                               GError             **error);
gboolean pulse_rt_commit      (PulseServer         *server,
                               const PulseRtBatch  *batch,
                               guint               *events,
                               GError             **error);

G_END_DECLS
