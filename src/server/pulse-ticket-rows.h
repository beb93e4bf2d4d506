/* pulse-ticket-rows.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-db.h"

G_BEGIN_DECLS

/**
 * PulseTicketRow:
 * @id: the ticket's id
 * @customer_id: its customer
 * @queue_id: its queue
 * @status: its status, as the wire nick
 * @created_at: its creation (µs)
 * @has_details: whether the members below were read
 * @assignee_id: (nullable): its assignee
 * @channel: (nullable): its channel, as the wire nick
 * @first_agent_at: (nullable): the `at` of its first message written by
 *   an agent (in list order, which is time order)
 * @automated_replies: how many of its messages a bot or a rule wrote
 * @ratings: (nullable): its ratings, each "index kind score at" (index in
 *   the list, kind as the nick, at as stored), joined by ","
 * @handle_seconds: its handle time, or %PULSE_KPI_NO_HANDLE_TIME
 *
 * What the KPIs read of one ticket (pulse_kpi_contact_init_from_ticket()
 * reads the same of a #PulseTicket), as pulse_ticket_rows_list_created()
 * finds it.
 */
typedef struct
{
  char     *id;
  char     *customer_id;
  char     *queue_id;
  char     *status;
  gint64    created_at;
  gboolean  has_details;
  char     *assignee_id;
  char     *channel;
  char     *first_agent_at;
  int       automated_replies;
  char     *ratings;
  int       handle_seconds;
} PulseTicketRow;

GPtrArray *pulse_ticket_rows_list_created  (PulseDb        *db,
                                            gint64          from,
                                            gint64          to,
                                            gint64          details_before,
                                            gint64          after_created_at,
                                            const char     *after_id,
                                            guint           limit,
                                            gboolean       *more,
                                            GError        **error);
void       pulse_ticket_row_free           (PulseTicketRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTicketRow, pulse_ticket_row_free)

G_END_DECLS
