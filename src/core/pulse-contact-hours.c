/* pulse-contact-hours.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts per clock hour over the last hours: the Overview's bars and
 * an agent's sparkline.
 */

#include "config.h"

#include "pulse-contact-hours.h"
#include "pulse-ticket.h"

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/**
 * pulse_contact_hours_count:
 * @tickets: a #GListModel of #PulseTicket
 * @now: the time, µs since the epoch; the last hour is the one under way
 * @n_hours: how many clock hours, the last one @now's
 * @assignee_id: (nullable): count only this agent's contacts
 * @counts: (out caller-allocates) (array length=n_hours): contacts created
 *   in each hour, oldest first
 *
 * Counts the contacts created in each of the @n_hours clock hours (UTC
 * hours, which are local hours too wherever the offset is whole) up to
 * @now. Contacts from the future are left out.
 *
 * Returns: the start of the first hour, µs since the epoch.
 */
gint64
pulse_contact_hours_count (GListModel *tickets,
                           gint64      now,
                           guint       n_hours,
                           const char *assignee_id,
                           double     *counts)
{
  gint64 first;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), 0);
  g_return_val_if_fail (n_hours > 0 && counts != NULL, 0);

  first = (now / HOUR_USEC - (n_hours - 1)) * HOUR_USEC;
  for (guint h = 0; h < n_hours; h++)
    counts[h] = 0;

  n = g_list_model_get_n_items (tickets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTicket) ticket = g_list_model_get_item (tickets, i);
      gint64 created_at = pulse_ticket_get_created_at (ticket);

      if (created_at < first || created_at > now)
        continue;
      if (assignee_id != NULL
          && g_strcmp0 (pulse_ticket_get_assignee_id (ticket), assignee_id) != 0)
        continue;

      counts[(created_at - first) / HOUR_USEC]++;
    }

  return first;
}
