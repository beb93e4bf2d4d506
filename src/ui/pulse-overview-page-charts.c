/* pulse-overview-page-charts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's last 24 hours: contacts per hour stacked by what became
 * of them, and the service level per hour over the queues' usual goal.
 * Part of PulseOverviewPage.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pulse-hourly-figures.h"
#include "pulse-overview-page-private.h"
#include "pulse-queue.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The queues' usual service-level goal (their median), for the band. */
static double
usual_goal (GListModel *queues)
{
  guint n = g_list_model_get_n_items (queues);
  g_autofree double *goals = g_new (double, MAX (n, 1));

  if (n == 0)
    return NAN;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);

      goals[i] = pulse_queue_get_sl_goal (queue);
    }
  qsort (goals, n, sizeof (double), compare_doubles);
  return goals[n / 2];
}

static void
update_charts (PulseOverviewPage *self)
{
  GListModel *queues = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);
  g_autoptr(GArray) hours = NULL;
  double stacks[HOURS * PULSE_CONTACT_N_OUTCOMES];
  double levels[HOURS];
  char *labels[HOURS] = { NULL };

  self->chart_drawn_at = g_get_monotonic_time ();
  if (self->hours == NULL)
    return;

  hours = pulse_hourly_view_dup_figures (self->hours, g_get_real_time ());
  for (guint h = 0; h < HOURS; h++)
    {
      PulseHourFigures *hour = &g_array_index (hours, PulseHourFigures, h);
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (hour->start
                                                                    / G_USEC_PER_SEC);

      memcpy (&stacks[h * PULSE_CONTACT_N_OUTCOMES], hour->outcomes, sizeof hour->outcomes);
      levels[h] = hour->service_level;
      labels[h] = g_date_time_format (start, "%H");
    }

  pulse_bar_chart_set_stacks (self->hourly_chart, stacks, PULSE_CONTACT_N_OUTCOMES,
                              (const char * const *) labels, HOURS);
  pulse_bar_chart_set_highlight (self->hourly_chart, HOURS - 1);
  pulse_line_chart_set_points (self->sl_chart, levels, (const char * const *) labels, HOURS);
  pulse_line_chart_set_band (self->sl_chart, usual_goal (queues), 1.0);
  for (guint h = 0; h < HOURS; h++)
    g_free (labels[h]);
}

static gboolean
chart_due_cb (gpointer user_data)
{
  PulseOverviewPage *self = user_data;

  self->chart_id = 0;
  update_charts (self);
  return G_SOURCE_REMOVE;
}

/* A change the throttle held back is drawn by the next change after the
 * second is up, with the events that made it and in their frame; the
 * timeout, this much later, only catches a stream that went quiet. Due
 * at the second, it drew a frame of its own at a moment of its own, and
 * the next events' frame had to wait a frame interval behind it. */
#define CHART_QUIET_SLACK_MS 250

/* The hours change slowly: redrawn at most once a second, the last
 * change never lost. Reading them costs a summary per hour
 * (#PulseHourlyView keeps them by each change). */
void
_pulse_overview_page_update_chart (PulseOverviewPage *self)
{
  gint64 since = g_get_monotonic_time () - self->chart_drawn_at;

  if (since >= G_USEC_PER_SEC)
    {
      g_clear_handle_id (&self->chart_id, g_source_remove);
      update_charts (self);
    }
  else if (self->chart_id == 0)
    self->chart_id = g_timeout_add ((G_USEC_PER_SEC - since) / 1000 + CHART_QUIET_SLACK_MS,
                                    chart_due_cb, self);
}
