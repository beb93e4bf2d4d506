/* pulse-ticket-conversation.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a #PulseTicket's conversation says for the KPIs: when the first
 * human reply came, and whether a rule or bot closed it alone.
 */

#include "config.h"

#include "pulse-message.h"
#include "pulse-ticket-private.h"

/**
 * pulse_ticket_get_first_response_at:
 *
 * The first human reply, as first response time counts it: bot and rule
 * replies do not count (DESIGN.md, Definitions).
 *
 * Returns: the time of the first message written by an agent, or 0 if no
 *   agent has replied.
 */
gint64
pulse_ticket_get_first_response_at (PulseTicket *self)
{
  guint n;

  g_return_val_if_fail (PULSE_IS_TICKET (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

      if (pulse_message_is_human_reply (message))
        return pulse_message_get_at (message);
    }

  return 0;
}

/**
 * pulse_ticket_is_automated:
 *
 * Whether @self counts towards the automation share: closed by a rule or
 * bot with no human reply.
 *
 * Returns: %TRUE if @self is resolved or closed, has at least one bot or
 *   rule message and no agent message.
 */
gboolean
pulse_ticket_is_automated (PulseTicket *self)
{
  gboolean automated = FALSE;
  guint n;

  g_return_val_if_fail (PULSE_IS_TICKET (self), FALSE);

  if (self->status != PULSE_TICKET_STATUS_RESOLVED && self->status != PULSE_TICKET_STATUS_CLOSED)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

      if (pulse_message_is_human_reply (message))
        return FALSE;
      automated |= pulse_message_is_automated_reply (message);
    }

  return automated;
}
