/* pulse-hourly-view-hours.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hours of PulseHourlyView: which hour a ticket is counted in, the
 * tickets kept aside for an hour still to come, and moving the hours on
 * as the clock does. Part of PulseHourlyView (pulse-hourly-view-private.h).
 */

#include "config.h"

#include "pulse-hourly-view-private.h"
#include "pulse-queue.h"
#include "pulse-ticket-memo.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

gint64
_pulse_hourly_view_hour_of (gint64 at)
{
  return (at >= 0 ? at : at - HOUR_USEC + 1) / HOUR_USEC * HOUR_USEC;
}

static gint64
last_hour (PulseHourlyView *self)
{
  return self->first + (gint64) (self->n_hours - 1) * HOUR_USEC;
}

static PulseKpi *
kpi_at (PulseHourlyView *self,
        gint64           hour)
{
  if (hour < self->first || hour > last_hour (self))
    return NULL;

  return g_ptr_array_index (self->hours, (hour - self->first) / HOUR_USEC);
}

/* The state decoded every item before it took it: a failure to decode
 * one here is a bug, reported rather than hidden. */
void
_pulse_hourly_view_set_queue (PulseKpi *kpi,
                              JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseQueue) queue = pulse_queue_new_from_json (node, &error);

  if (queue == NULL)
    g_critical ("hourly view: a queue cannot be read: %s", error->message);
  else
    pulse_kpi_set_queue (kpi, pulse_queue_get_id (queue), pulse_queue_get_country (queue),
                         pulse_queue_get_sl_target_seconds (queue));
}

/* An empty hour, knowing every queue's target before any contact. */
static PulseKpi *
new_hour (PulseHourlyView *self,
          gint64           start)
{
  PulseKpi *kpi = pulse_kpi_new (PULSE_KPI_GROUP_QUEUE, start, start + HOUR_USEC);
  GHashTableIter iter;
  gpointer node;

  g_hash_table_iter_init (&iter, self->queues);
  while (g_hash_table_iter_next (&iter, NULL, &node))
    _pulse_hourly_view_set_queue (kpi, node);

  return kpi;
}

void
_pulse_hourly_view_unplace (PulseHourlyView *self,
                            const char      *id)
{
  gint64 *hour = g_hash_table_lookup (self->placed, id);
  PulseKpi *kpi = hour != NULL ? kpi_at (self, *hour) : NULL;

  if (kpi != NULL)
    pulse_kpi_remove_ticket (kpi, id);
  g_hash_table_remove (self->placed, id);
  g_hash_table_remove (self->later, id);
}

static gint64 *
new_hour_value (gint64 hour)
{
  return g_memdup2 (&hour, sizeof hour);
}

/* Counts @node in the hour it was created in. The creation time is read
 * off the JSON first: a ticket older than the hours is not decoded. */
void
_pulse_hourly_view_place (PulseHourlyView *self,
                          const char      *id,
                          JsonNode        *node)
{
  const char *text = json_object_get_string_member_with_default (json_node_get_object (node),
                                                                 "created_at", NULL);
  g_autoptr(PulseTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  gint64 created_at = 0;
  gint64 hour;

  _pulse_hourly_view_unplace (self, id);
  if (text == NULL || !pulse_time_parse (text, &created_at))
    return;

  hour = _pulse_hourly_view_hour_of (created_at);
  if (hour < self->first)
    return;

  g_hash_table_insert (self->placed, g_strdup (id), new_hour_value (hour));
  if (hour > last_hour (self))
    {
      g_hash_table_insert (self->later, g_strdup (id), json_node_ref (node));
      return;
    }

  if ((ticket = pulse_ticket_memo_decode (node, &error)) == NULL)
    g_critical ("hourly view: a ticket cannot be read: %s", error->message);
  else
    pulse_kpi_add_ticket (kpi_at (self, hour), ticket);
}

void
_pulse_hourly_view_new_hours (PulseHourlyView *self,
                              gint64           first)
{
  self->first = first;
  g_ptr_array_set_size (self->hours, 0);
  for (guint h = 0; h < self->n_hours; h++)
    g_ptr_array_add (self->hours, new_hour (self, first + h * HOUR_USEC));
  g_hash_table_remove_all (self->placed);
  g_hash_table_remove_all (self->later);
}

static void
forget_before (PulseHourlyView *self,
               gint64           first)
{
  GHashTableIter iter;
  gpointer hour;

  g_hash_table_iter_init (&iter, self->placed);
  while (g_hash_table_iter_next (&iter, NULL, &hour))
    if (*(gint64 *) hour < first)
      g_hash_table_iter_remove (&iter);
}

/* Tickets kept aside whose hour is now among the hours (or already past
 * them, after a long sleep: placing those drops them). */
static void
place_later (PulseHourlyView *self)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->later);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      gint64 *hour = g_hash_table_lookup (self->placed, id);

      if (hour == NULL || *hour <= last_hour (self))
        g_ptr_array_add (due, g_strdup (id));
    }

  for (guint i = 0; i < due->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_ref (g_hash_table_lookup (self->later, due->pdata[i]));

      _pulse_hourly_view_place (self, due->pdata[i], node);
    }
}

/* Moves the hours on to end at @now's. Going back (the clock was set
 * back) counts everything again. */
void
_pulse_hourly_view_roll_to (PulseHourlyView *self,
                            gint64           now)
{
  gint64 first = _pulse_hourly_view_hour_of (now) - (gint64) (self->n_hours - 1) * HOUR_USEC;
  guint shift;

  if (first == self->first)
    return;

  if (first < self->first || self->state == NULL)
    {
      _pulse_hourly_view_new_hours (self, first);
      _pulse_hourly_view_start_fill (self);
      return;
    }

  shift = (guint) MIN ((first - self->first) / HOUR_USEC, (gint64) self->n_hours);
  g_ptr_array_remove_range (self->hours, 0, shift);
  for (guint h = self->n_hours - shift; h < self->n_hours; h++)
    g_ptr_array_add (self->hours, new_hour (self, first + h * HOUR_USEC));
  self->first = first;
  place_later (self);
  forget_before (self, first);
}
