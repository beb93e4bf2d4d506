/* pulse-hourly-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last hours, hour by hour: contacts by what became of them and the
 * service level, for the Overview's stacked bars and its line with the
 * target band. Each hour is a PulseKpi of its own, so the figures are the
 * KPI definitions themselves, not a second reading of them.
 */

#include "config.h"

#include <math.h>

#include "pulse-hourly-figures.h"
#include "pulse-kpi.h"
#include "pulse-queue.h"
#include "pulse-ticket.h"

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static void
add_queues (PulseKpi   *kpi,
            GListModel *queues)
{
  guint n = g_list_model_get_n_items (queues);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);

      pulse_kpi_set_queue (kpi, pulse_queue_get_id (queue), pulse_queue_get_country (queue),
                           pulse_queue_get_sl_target_seconds (queue));
    }
}

/**
 * pulse_hour_figures_fill:
 * @hour: the hour to fill, its @start set by the caller
 * @kpi: the hour's contacts, created in it
 * @now: the time, µs since the epoch, for the contacts still waiting
 *
 * Reads one hour's figures off its #PulseKpi: what pulse_hourly_figures()
 * and the session's incremental #PulseHourlyView both give.
 */
void
pulse_hour_figures_fill (PulseHourFigures *hour,
                         PulseKpi         *kpi,
                         gint64            now)
{
  g_autoptr(PulseKpiSummary) summary = pulse_kpi_dup_summary (kpi, NULL, now);
  double unanswered = summary->contacts - summary->responded - summary->automated
                      - summary->abandoned;

  hour->outcomes[PULSE_CONTACT_OUTCOME_ANSWERED] = summary->responded;
  hour->outcomes[PULSE_CONTACT_OUTCOME_AUTOMATED] = summary->automated;
  hour->outcomes[PULSE_CONTACT_OUTCOME_ABANDONED] = summary->abandoned;
  /* An abandoned contact a person had answered is counted once, as
   * answered: the bar's height stays the hour's contacts. */
  hour->outcomes[PULSE_CONTACT_OUTCOME_UNANSWERED] = MAX (unanswered, 0);
  hour->sl_contacts = summary->sl_contacts;
  hour->service_level = summary->sl_contacts > 0 ? summary->service_level : NAN;
}

/**
 * pulse_hourly_figures:
 * @tickets: a #GListModel of #PulseTicket, newest created first (as the
 *   session's list): the reading stops at the first one older than the
 *   first hour
 * @queues: a #GListModel of #PulseQueue, for the service-level targets
 * @now: the time, µs since the epoch; the last hour is the one under way
 * @n_hours: how many clock hours, the last one @now's
 *
 * Returns: (transfer full) (element-type PulseHourFigures): @n_hours
 *   hours, oldest first
 */
GArray *
pulse_hourly_figures (GListModel *tickets,
                      GListModel *queues,
                      gint64      now,
                      guint       n_hours)
{
  GArray *hours = g_array_sized_new (FALSE, TRUE, sizeof (PulseHourFigures), n_hours);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 first;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), hours);
  g_return_val_if_fail (G_IS_LIST_MODEL (queues), hours);
  g_return_val_if_fail (n_hours > 0, hours);

  first = (now / HOUR_USEC - (n_hours - 1)) * HOUR_USEC;
  for (guint h = 0; h < n_hours; h++)
    {
      PulseKpi *kpi = pulse_kpi_new (PULSE_KPI_GROUP_QUEUE, first + h * HOUR_USEC,
                                     first + (h + 1) * HOUR_USEC);

      add_queues (kpi, queues);
      g_ptr_array_add (kpis, kpi);
    }

  n = g_list_model_get_n_items (tickets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTicket) ticket = g_list_model_get_item (tickets, i);
      gint64 created_at = pulse_ticket_get_created_at (ticket);

      if (created_at < first)
        break;
      if (created_at <= now)
        pulse_kpi_add_ticket (g_ptr_array_index (kpis, (created_at - first) / HOUR_USEC),
                              ticket);
    }

  g_array_set_size (hours, n_hours);
  for (guint h = 0; h < n_hours; h++)
    {
      PulseHourFigures *hour = &g_array_index (hours, PulseHourFigures, h);

      hour->start = first + h * HOUR_USEC;
      pulse_hour_figures_fill (hour, g_ptr_array_index (kpis, h), now);
    }

  return hours;
}
