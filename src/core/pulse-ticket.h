/* pulse-ticket.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_TICKET (pulse_ticket_get_type ())

/* The handle time of a ticket whose helpdesk reports none. */
#define PULSE_TICKET_HANDLE_UNKNOWN (-1)

/* The longest handle time a ticket may carry: 7 days, in seconds. More is
 * a unit mix-up (milliseconds) or a clock that never stopped. */
#define PULSE_TICKET_MAX_HANDLE_SECONDS (7 * 24 * 60 * 60)

G_DECLARE_FINAL_TYPE (PulseTicket, pulse_ticket, PULSE, TICKET, GObject)

PulseTicket         *pulse_ticket_new                     (const char          *id);
PulseTicket         *pulse_ticket_new_from_json           (JsonNode            *node,
                                                           GError             **error);
JsonNode            *pulse_ticket_to_json                 (PulseTicket         *self);
const char          *pulse_ticket_get_id                  (PulseTicket         *self);
gint64               pulse_ticket_get_version             (PulseTicket         *self);
void                 pulse_ticket_set_version             (PulseTicket         *self,
                                                           gint64               version);
const char          *pulse_ticket_get_queue_id            (PulseTicket         *self);
PulseChannelKind     pulse_ticket_get_channel             (PulseTicket         *self);
const char          *pulse_ticket_get_subject             (PulseTicket         *self);
const char          *pulse_ticket_get_customer_id         (PulseTicket         *self);
PulseTicketStatus    pulse_ticket_get_status              (PulseTicket         *self);
void                 pulse_ticket_set_status              (PulseTicket         *self,
                                                           PulseTicketStatus    status);
PulsePriority        pulse_ticket_get_priority            (PulseTicket         *self);
void                 pulse_ticket_set_priority            (PulseTicket         *self,
                                                           PulsePriority        priority);
const char          *pulse_ticket_get_assignee_id         (PulseTicket         *self);
void                 pulse_ticket_set_assignee_id         (PulseTicket         *self,
                                                           const char          *assignee_id);
void                 pulse_ticket_set_queue_id            (PulseTicket         *self,
                                                           const char          *queue_id);
void                 pulse_ticket_set_resolved_at         (PulseTicket         *self,
                                                           gint64               resolved_at);
void                 pulse_ticket_add_message             (PulseTicket         *self,
                                                           PulseMessage        *message);
const char * const  *pulse_ticket_get_tags                (PulseTicket         *self);
void                 pulse_ticket_set_tags                (PulseTicket         *self,
                                                           const char * const  *tags);
const char          *pulse_ticket_get_language            (PulseTicket         *self);
gint64               pulse_ticket_get_created_at          (PulseTicket         *self);
gint64               pulse_ticket_get_updated_at          (PulseTicket         *self);
gint64               pulse_ticket_get_resolved_at         (PulseTicket         *self);
int                  pulse_ticket_get_handle_seconds      (PulseTicket         *self);
void                 pulse_ticket_set_handle_seconds      (PulseTicket         *self,
                                                           int                  handle_seconds);
GListModel          *pulse_ticket_get_messages            (PulseTicket         *self);
GListModel          *pulse_ticket_get_ratings             (PulseTicket         *self);
gint64               pulse_ticket_get_first_response_at   (PulseTicket         *self);
gboolean             pulse_ticket_is_automated            (PulseTicket         *self);
void                 pulse_ticket_update_from             (PulseTicket         *self,
                                                           PulseTicket         *source);

G_END_DECLS
