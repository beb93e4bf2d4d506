/* pulse-ticket-memo.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One change of a ticket reaches every view that counts it, in turn, in
 * the same signal emission: the KPI views of each group, the Overview's
 * hours, the queue loads. Each would decode the same node (~12 µs for a
 * short conversation, more for a long one); the last node decoded is
 * remembered instead, so they share one #PulseTicket.
 *
 * Keyed by the node itself: the state never changes a node it holds, and
 * the memo keeps a reference, so the pointer cannot come back as another
 * ticket. Main thread only (JSON nodes and tickets are not shared across
 * threads): elsewhere, and outside a main-loop dispatch, it decodes.
 */

#include "config.h"

#include "pulse-ticket-memo.h"

static JsonNode *memo_node;
static PulseTicket *memo_ticket;

/**
 * pulse_ticket_memo_decode:
 * @node: a ticket, as the state holds it
 *
 * pulse_ticket_new_from_json(), shared with the last caller of the same
 * node. Do not change the ticket.
 *
 * Returns: (transfer full) (nullable): the ticket, or %NULL with @error
 */
PulseTicket *
pulse_ticket_memo_decode (JsonNode  *node,
                          GError   **error)
{
  PulseTicket *ticket;

  g_return_val_if_fail (node != NULL, NULL);

  if (!g_main_context_is_owner (g_main_context_default ()))
    return pulse_ticket_new_from_json (node, error);

  if (node == memo_node)
    return g_object_ref (memo_ticket);

  if ((ticket = pulse_ticket_new_from_json (node, error)) == NULL)
    return NULL;

  g_clear_pointer (&memo_node, json_node_unref);
  g_clear_object (&memo_ticket);
  memo_node = json_node_ref (node);
  memo_ticket = g_object_ref (ticket);
  return ticket;
}
