/* pulse-ticket-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-ticket.c (the GObject and its setters),
 * pulse-ticket-accessors.c (its getters), pulse-ticket-json.c (its codec)
 * and pulse-ticket-conversation.c (what its messages say), so no file
 * outgrows the size budget.
 */

#pragma once

#include "pulse-ticket.h"

G_BEGIN_DECLS

struct _PulseTicket
{
  GObject parent_instance;

  char              *id;
  gint64             version;
  char              *queue_id;
  PulseChannelKind   channel;
  char              *subject;
  char              *customer_id;
  PulseTicketStatus  status;
  PulsePriority      priority;
  char              *assignee_id;
  GStrv              tags;
  char              *language;
  gint64             created_at;
  gint64             updated_at;
  gint64             resolved_at;
  int                handle_seconds;  /* or PULSE_TICKET_HANDLE_UNKNOWN */
  GListStore        *messages;
  GListStore        *ratings;
};

JsonNode *_pulse_ticket_to_json_with_lists (PulseTicket *self,
                                            JsonNode    *messages,
                                            JsonNode    *ratings);
gboolean  _pulse_ticket_matches_json       (PulseTicket *self,
                                            JsonNode    *node,
                                            gboolean     header_only);

G_END_DECLS
