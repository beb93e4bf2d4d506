/* pulse-ingest.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How one ingested item changes the server's state. Each function runs
 * inside the request's transaction, appends one event per change and
 * bumps the changed item's version; an item that changes nothing (a
 * retry, stale data) appends nothing. The HTTP side is in
 * pulse-server-ingest.c.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-directory-store.h"
#include "pulse-event-log.h"
#include "pulse-server.h"
#include "pulse-ticket-store.h"

G_BEGIN_DECLS

typedef struct
{
  PulseServer         *server;
  PulseEventLog       *events;
  PulseTicketStore    *tickets;
  PulseDirectoryStore *directory;
  /* Tickets this request touched, by id, written once at the end by
   * pulse_ingest_flush_tickets(): a batch of messages for one ticket
   * rewrites its row once, not once per message. */
  GHashTable          *ticket_work;
} PulseIngest;

/**
 * PulseIngestFunc:
 * @ingest: the request's state
 * @item: one item of the request body
 * @error: a %PULSE_ERROR_INVALID_DATA error naming the field, or
 *   %PULSE_ERROR_NOT_FOUND for a reference to nothing
 *
 * Returns: %TRUE if @item was applied or changed nothing.
 */
typedef gboolean (*PulseIngestFunc) (PulseIngest  *ingest,
                                     JsonNode     *item,
                                     GError      **error);

void      pulse_ingest_init          (PulseIngest  *ingest,
                                      PulseServer  *server);
void      pulse_ingest_clear         (PulseIngest  *ingest);
gboolean  pulse_ingest_emit          (PulseIngest  *ingest,
                                      const char   *type,
                                      JsonNode     *data,
                                      GError      **error);
JsonNode *pulse_ingest_with_version  (JsonNode     *item,
                                      gint64        version);

gboolean  pulse_ingest_flush_tickets (PulseIngest  *ingest,
                                      GError      **error);
gboolean  pulse_ingest_ticket        (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);
gboolean  pulse_ingest_message       (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);
gboolean  pulse_ingest_rating        (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);
gboolean  pulse_ingest_directory     (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);
gboolean  pulse_ingest_agent_status  (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);
gboolean  pulse_ingest_applications  (PulseIngest  *ingest,
                                      JsonNode     *item,
                                      GError      **error);

G_END_DECLS
