/* pulse-sim-writer.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the simulator writes: one pulse_server_commit() per batch, with
 * tickets, messages, ratings, status reports, applications and the
 * directory going through the ingest functions a helpdesk's requests use
 * (pulse-ingest.h), and managed items through the item store with their
 * events and audit entries, as the CRUD routes store them. No other
 * path: rules fire, events stream, KPIs come from the same rows.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-ingest.h"
#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

typedef struct _PulseSimWriter PulseSimWriter;

/**
 * PulseSimWriteFunc:
 * @writer: the batch's writer
 * @user_data: the caller's data
 * @error: where a failure goes; it rolls the batch back
 *
 * Returns: %TRUE to commit.
 */
typedef gboolean (*PulseSimWriteFunc) (PulseSimWriter  *writer,
                                       gpointer         user_data,
                                       GError         **error);

gboolean pulse_sim_writer_commit      (PulseServer        *server,
                                       PulseSimWriteFunc   func,
                                       gpointer            user_data,
                                       GError            **error);
gboolean pulse_sim_writer_item        (PulseSimWriter     *self,
                                       const char         *kind,
                                       JsonNode           *item,
                                       GError            **error);
gboolean pulse_sim_writer_ingest      (PulseSimWriter     *self,
                                       PulseIngestFunc     func,
                                       JsonNode           *item,
                                       GError            **error);
guint    pulse_sim_writer_get_count   (PulseSimWriter     *self);

G_END_DECLS
