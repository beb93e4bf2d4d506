/* pulse-kpi-contact.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * #PulseKpiContact: what the KPIs read of a ticket, and its checks.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-kpi-private.h"
#include "pulse-rating.h"
#include "pulse-ticket.h"

static gboolean
check_rating (int          score,
              int          min,
              int          max,
              const char  *field,
              GError     **error)
{
  if (score == PULSE_KPI_NO_RATING || (score >= min && score <= max))
    return TRUE;

  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
               "%s: must be %d…%d, or %d for no rating (got %d)",
               field, min, max, PULSE_KPI_NO_RATING, score);
  return FALSE;
}

G_STATIC_ASSERT (PULSE_KPI_NO_HANDLE_TIME == PULSE_TICKET_HANDLE_UNKNOWN);

/* The checks of pulse_kpi_add_contact(). */
gboolean
_pulse_kpi_contact_check (const PulseKpiContact  *contact,
                          GError                **error)
{
  const char *field = NULL;

  if (contact->id == NULL || contact->id[0] == '\0')
    field = "id: is required";
  else if (contact->created_at < 0)
    field = "created_at: must not be before 1970";
  else if (contact->first_response_at < 0)
    field = "first_response_at: must not be before 1970";
  else if ((guint) contact->status > PULSE_TICKET_STATUS_ABANDONED)
    field = "status: unknown value";
  else if ((guint) contact->channel > PULSE_CHANNEL_KIND_IN_APP)
    field = "channel: unknown value";

  if (field != NULL)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, field);
      return FALSE;
    }

  if (contact->handle_seconds != PULSE_KPI_NO_HANDLE_TIME
      && (contact->handle_seconds < 0
          || contact->handle_seconds > PULSE_TICKET_MAX_HANDLE_SECONDS))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "handle_seconds: must be 0…%d, or %d when unknown (got %d)",
                   PULSE_TICKET_MAX_HANDLE_SECONDS, PULSE_KPI_NO_HANDLE_TIME,
                   contact->handle_seconds);
      return FALSE;
    }

  return check_rating (contact->csat, 1, 5, "csat", error)
         && check_rating (contact->nps, 0, 10, "nps", error)
         && check_rating (contact->ces, 1, 7, "ces", error);
}

/**
 * pulse_kpi_contact_init:
 * @contact: (out caller-allocates): a contact to fill
 *
 * Clears @contact: no strings, no times, no handle time, no ratings.
 */
void
pulse_kpi_contact_init (PulseKpiContact *contact)
{
  g_return_if_fail (contact != NULL);

  *contact = (PulseKpiContact) {
    .channel = PULSE_CHANNEL_KIND_EMAIL,
    .status = PULSE_TICKET_STATUS_NEW,
    .handle_seconds = PULSE_KPI_NO_HANDLE_TIME,
    .csat = PULSE_KPI_NO_RATING,
    .nps = PULSE_KPI_NO_RATING,
    .ces = PULSE_KPI_NO_RATING,
  };
}

/**
 * pulse_kpi_contact_init_from_ticket:
 * @contact: (out caller-allocates): a contact to fill
 * @ticket: the ticket; its strings are borrowed, so it must outlive the
 *   use of @contact
 *
 * Fills @contact from @ticket: the first human reply by
 * pulse_ticket_get_first_response_at(), automation by
 * pulse_ticket_is_automated(), the handle time as the ticket reports it,
 * and of each rating kind the latest rating
 * (the later in the list when two share a time).
 */
void
pulse_kpi_contact_init_from_ticket (PulseKpiContact *contact,
                                    PulseTicket     *ticket)
{
  GListModel *ratings;
  gint64 latest[3] = { G_MININT64, G_MININT64, G_MININT64 };
  int *scores[3];
  guint n;

  g_return_if_fail (contact != NULL);
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  pulse_kpi_contact_init (contact);
  contact->id = pulse_ticket_get_id (ticket);
  contact->customer_id = pulse_ticket_get_customer_id (ticket);
  contact->queue_id = pulse_ticket_get_queue_id (ticket);
  contact->assignee_id = pulse_ticket_get_assignee_id (ticket);
  contact->channel = pulse_ticket_get_channel (ticket);
  contact->status = pulse_ticket_get_status (ticket);
  contact->created_at = pulse_ticket_get_created_at (ticket);
  contact->first_response_at = pulse_ticket_get_first_response_at (ticket);
  contact->automated = pulse_ticket_is_automated (ticket);
  contact->handle_seconds = pulse_ticket_get_handle_seconds (ticket);

  scores[PULSE_RATING_KIND_CSAT] = &contact->csat;
  scores[PULSE_RATING_KIND_NPS] = &contact->nps;
  scores[PULSE_RATING_KIND_CES] = &contact->ces;
  ratings = pulse_ticket_get_ratings (ticket);
  n = g_list_model_get_n_items (ratings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);
      PulseRatingKind kind = pulse_rating_get_kind (rating);

      if (kind > PULSE_RATING_KIND_CES || pulse_rating_get_at (rating) < latest[kind])
        continue;
      latest[kind] = pulse_rating_get_at (rating);
      *scores[kind] = pulse_rating_get_score (rating);
    }
}
