/* pulse-server-rules.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-server-rules.h"

/**
 * pulse_server_rules_on_ticket_created:
 * @self: the server
 * @ticket: a ticket new to the server, not stored yet
 * @error: return location for a reason to refuse the whole ingest request
 *
 * The place rule execution goes. Ingest calls it for every ticket it
 * creates, inside the transaction that stores the ticket and before the
 * row is written, so whatever the rules change (tags, queue, priority,
 * status, an automatic reply whose author kind is "rule") is stored and
 * announced in the ticket's `ticket.created` event, never as a separate
 * change. Rules are the managed items of kind "rule"
 * (pulse_item_store_list()). Ingest sorts messages by time and moves the
 * ticket's updated-at past any message added here.
 *
 * It runs no rules yet.
 *
 * Returns: %TRUE to go on; %FALSE with @error set rolls the request back.
 */
gboolean
pulse_server_rules_on_ticket_created (PulseServer  *self,
                                      PulseTicket  *ticket,
                                      GError      **error)
{
  g_return_val_if_fail (PULSE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  return TRUE;
}
