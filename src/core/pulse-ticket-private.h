/* pulse-ticket-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-ticket.c (the GObject) and pulse-ticket-json.c (its
 * codec), so neither file outgrows the size budget.
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
  GListStore        *messages;
  GListStore        *ratings;
};

G_END_DECLS
