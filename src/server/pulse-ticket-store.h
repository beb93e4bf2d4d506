/* pulse-ticket-store.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-db.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_TICKET_STORE (pulse_ticket_store_get_type ())

/* The largest page of ticket history one request may ask for. */
#define PULSE_TICKET_STORE_MAX_PAGE 1000

G_DECLARE_FINAL_TYPE (PulseTicketStore, pulse_ticket_store, PULSE, TICKET_STORE, GObject)

PulseTicketStore *pulse_ticket_store_new        (PulseDb           *db);
JsonNode         *pulse_ticket_store_get        (PulseTicketStore  *self,
                                                 const char        *id,
                                                 GError           **error);
gboolean          pulse_ticket_store_put        (PulseTicketStore  *self,
                                                 PulseTicket       *ticket,
                                                 JsonNode          *body,
                                                 GError           **error);
GPtrArray        *pulse_ticket_store_list_page  (PulseTicketStore  *self,
                                                 gint64             since,
                                                 gint64             until,
                                                 gint64             after_updated_at,
                                                 const char        *after_id,
                                                 guint              limit,
                                                 gboolean          *more,
                                                 gint64            *last_updated_at,
                                                 char             **last_id,
                                                 GError           **error);
GPtrArray        *pulse_ticket_store_list_live  (PulseTicketStore  *self,
                                                 gint64             updated_since,
                                                 GError           **error);

G_END_DECLS
