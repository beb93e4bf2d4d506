/* pulse-contact-filter.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which contacts stand behind a figure, for drill-downs: the same
 * definitions the KPIs count with (DESIGN.md, Definitions).
 */

#include "config.h"

#include "pulse-contact-filter.h"
#include "pulse-queue-load.h"
#include "pulse-rating.h"

static int
latest_csat (PulseTicket *ticket)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  guint n = g_list_model_get_n_items (ratings);
  gint64 latest_at = G_MININT64;
  int score = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (pulse_rating_get_kind (rating) == PULSE_RATING_KIND_CSAT
          && pulse_rating_get_at (rating) >= latest_at)
        {
          latest_at = pulse_rating_get_at (rating);
          score = pulse_rating_get_score (rating);
        }
    }

  return score;
}

static gboolean
has_tag (PulseTicket *ticket,
         const char  *tag)
{
  const char * const *tags = pulse_ticket_get_tags (ticket);

  return tags != NULL && g_strv_contains (tags, tag);
}

static gboolean
in_focus (PulseContactFocus  focus,
          PulseTicket       *ticket)
{
  switch (focus)
    {
    case PULSE_CONTACT_FOCUS_WAITING:
      return pulse_queue_load_is_waiting (ticket);
    case PULSE_CONTACT_FOCUS_ABANDONED:
      return pulse_ticket_get_status (ticket) == PULSE_TICKET_STATUS_ABANDONED;
    case PULSE_CONTACT_FOCUS_AUTOMATED:
      return pulse_ticket_is_automated (ticket);
    case PULSE_CONTACT_FOCUS_LOW_RATING:
      return latest_csat (ticket) >= 1 && latest_csat (ticket) <= 2;
    case PULSE_CONTACT_FOCUS_RATED:
      return latest_csat (ticket) >= 1;
    case PULSE_CONTACT_FOCUS_ALL:
    default:
      return TRUE;
    }
}

/**
 * pulse_contact_filter_matches:
 * @filter: what to list
 * @ticket: a contact
 *
 * Returns: %TRUE if @ticket stands behind the figure @filter describes.
 *   The satisfaction counted is the latest CSAT rating, as CSAT counts.
 */
gboolean
pulse_contact_filter_matches (const PulseContactFilter *filter,
                              PulseTicket              *ticket)
{
  gint64 created_at;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (PULSE_IS_TICKET (ticket), FALSE);

  created_at = pulse_ticket_get_created_at (ticket);
  if (created_at < filter->from || created_at >= filter->to)
    return FALSE;
  if (filter->queue_id != NULL
      && g_strcmp0 (pulse_ticket_get_queue_id (ticket), filter->queue_id) != 0)
    return FALSE;
  if (filter->assignee_id != NULL
      && g_strcmp0 (pulse_ticket_get_assignee_id (ticket), filter->assignee_id) != 0)
    return FALSE;
  if (filter->tag != NULL && !has_tag (ticket, filter->tag))
    return FALSE;

  return in_focus (filter->focus, ticket);
}

void
pulse_contact_filter_copy (const PulseContactFilter *filter,
                           PulseContactFilter       *copy)
{
  *copy = *filter;
  copy->queue_id = g_strdup (filter->queue_id);
  copy->assignee_id = g_strdup (filter->assignee_id);
  copy->tag = g_strdup (filter->tag);
}

void
pulse_contact_filter_clear (PulseContactFilter *filter)
{
  g_clear_pointer (&filter->queue_id, g_free);
  g_clear_pointer (&filter->assignee_id, g_free);
  g_clear_pointer (&filter->tag, g_free);
}
