/* pulse-shifts-coverage-fill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What PulseShiftsCoverage shows of its planning: a day × half-hour grid
 * of scheduled less required agents (all queues, or the one chosen), the
 * largest gaps and surpluses in words, and a one-line summary.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-coverage-page-state.h"
#include "pulse-shifts-coverage-private.h"

#define DAYS        7
#define INTERVALS   48
#define LIST_LENGTH 8

void
_pulse_shifts_coverage_fill_queues (PulseShiftsCoverage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  PulsePlanning *planning = self->planning->planning;
  /* A new answer for the same week lists the same queues, by id. */
  guint previous = gtk_drop_down_get_selected (self->queue_dropdown);

  gtk_string_list_append (names, _("All queues"));
  for (guint q = 0; q < pulse_planning_get_n_queues (planning); q++)
    gtk_string_list_append (names, pulse_planning_get_queue_name (planning, q));

  self->filling_queues = TRUE;
  gtk_drop_down_set_model (self->queue_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->queue_dropdown,
                              previous <= pulse_planning_get_n_queues (planning) ? previous : 0);
  self->filling_queues = FALSE;
}

/* The figures of interval @i, one queue's or summed over all, and the
 * value its cell shows: scheduled less required, except that over all
 * queues the shortfalls are summed alone when there are any, so that
 * one queue's surplus never hides another's gap (an agent of one queue
 * cannot take another's contacts). */
static int
cell_at (PulsePlanning     *planning,
         guint              queue,
         guint              i,
         PulsePlanningCell *cell)
{
  int short_by = 0;

  if (queue > 0 && queue <= pulse_planning_get_n_queues (planning))
    {
      *cell = pulse_planning_get_cells (planning, queue - 1)[i];
      return cell->scheduled - cell->required;
    }

  pulse_planning_get_total (planning, i, cell);
  for (guint q = 0; q < pulse_planning_get_n_queues (planning); q++)
    {
      const PulsePlanningCell *one = &pulse_planning_get_cells (planning, q)[i];

      short_by += MIN (one->scheduled - one->required, 0);
    }

  return short_by < 0 ? short_by : cell->scheduled - cell->required;
}

static char *
format_tooltip (GDateTime               *start,
                const PulsePlanningCell *cell)
{
  g_autofree char *when = g_date_time_format (start, "%a %H:%M");

  if (cell->online < 0)
    /* Translators: a planning grid cell: when, agents required, scheduled */
    return g_strdup_printf (_("%s: required %d, scheduled %d"), when, cell->required,
                            cell->scheduled);

  /* Translators: a planning grid cell: when, agents required, scheduled, online */
  return g_strdup_printf (_("%s: required %d, scheduled %d, online %d"), when, cell->required,
                          cell->scheduled, cell->online);
}

static void
fill_grid (PulseShiftsCoverage *self,
           guint                queue)
{
  PulsePlanning *planning = self->planning->planning;
  gint64 from = pulse_planning_get_from (planning);
  int limit = 3;
  guint row, column;

  pulse_heatmap_set_dimensions (self->heatmap, DAYS, INTERVALS);
  pulse_heatmap_set_cell_height (self->heatmap, 30);
  for (guint d = 0; d < DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->first_day, d);
      /* Translators: a row of the planning grid, see g_date_time_format() */
      g_autofree char *label = g_date_time_format (day, _("%a %-d %b"));

      pulse_heatmap_set_row_label (self->heatmap, d, label);
    }
  for (guint c = 0; c < INTERVALS; c += 6)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", c / 2);

      pulse_heatmap_set_column_label (self->heatmap, c, label);
    }

  for (guint i = 0; i < pulse_planning_get_n_intervals (planning); i++)
    {
      gint64 at = from + (gint64) i * PULSE_FORECAST_INTERVAL_USEC;
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
      g_autoptr(GDateTime) start = g_date_time_to_timezone (utc,
                                                            g_date_time_get_timezone (
                                                              self->first_day));
      g_autofree char *tooltip = NULL;
      g_autofree char *mark = NULL;
      PulsePlanningCell cell;
      int gap;

      if (!pulse_coverage_page_locate (self->first_day, at, &row, &column))
        continue;
      gap = cell_at (planning, queue, i, &cell);
      mark = gap < 0 ? g_strdup_printf ("−%d", -gap) : NULL;
      tooltip = format_tooltip (start, &cell);
      pulse_heatmap_set_cell (self->heatmap, row, column, gap, mark, tooltip);
      limit = MAX (limit, ABS (gap));
    }
  pulse_heatmap_set_scale_limit (self->heatmap, limit);
}

static char *
format_run (PulseShiftsCoverage    *self,
            const PulsePlanningRun *run,
            gboolean                gap)
{
  PulsePlanning *planning = self->planning->planning;
  gint64 from = pulse_planning_get_from (planning) + run->first * PULSE_FORECAST_INTERVAL_USEC;
  gint64 to = from + run->n_intervals * PULSE_FORECAST_INTERVAL_USEC;
  GTimeZone *tz = g_date_time_get_timezone (self->first_day);
  g_autoptr(GDateTime) utc_start = g_date_time_new_from_unix_utc (from / G_USEC_PER_SEC);
  g_autoptr(GDateTime) utc_end = g_date_time_new_from_unix_utc (to / G_USEC_PER_SEC);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (utc_start, tz);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (utc_end, tz);
  g_autofree char *start_text = g_date_time_format (start, "%a %H:%M");
  /* A run past midnight names the day it ends. */
  g_autofree char *end_text = g_date_time_format (end, g_date_time_get_day_of_year (end)
                                                  != g_date_time_get_day_of_year (start)
                                                  && (g_date_time_get_hour (end) != 0
                                                      || g_date_time_get_minute (end) != 0)
                                                  ? "%a %H:%M" : "%H:%M");
  const char *queue = pulse_planning_get_queue_name (planning, run->queue_index);

  if (gap)
    /* Translators: a coverage gap: day and start, end, queue, agents short at
     * worst, agent-hours short in all */
    return g_strdup_printf (_("%s–%s · %s · short by %d (%.1f agent-hours)"), start_text,
                            end_text, queue, run->worst, run->agent_hours);

  /* Translators: a coverage surplus, as a gap */
  return g_strdup_printf (_("%s–%s · %s · over by %d (%.1f agent-hours)"), start_text,
                          end_text, queue, run->worst, run->agent_hours);
}

static double
fill_list (PulseShiftsCoverage *self,
           GtkListBox          *list,
           gboolean             gaps,
           guint               *n_runs)
{
  g_autoptr(GArray) runs = pulse_planning_dup_runs (self->planning->planning, gaps);
  GtkWidget *child;
  double hours = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < runs->len; i++)
    {
      const PulsePlanningRun *run = &g_array_index (runs, PulsePlanningRun, i);

      hours += run->agent_hours;
      if (i < LIST_LENGTH)
        {
          g_autofree char *text = format_run (self, run, gaps);
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_widget_set_margin_top (label, 8);
          gtk_widget_set_margin_bottom (label, 8);
          gtk_list_box_append (list, label);
        }
    }
  if (runs->len == 0)
    {
      GtkWidget *label = gtk_label_new (gaps ? _("No gaps: every half hour is covered")
                                             : _("No surpluses"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (list, label);
    }

  *n_runs = runs->len;
  return hours;
}

void
_pulse_shifts_coverage_show (PulseShiftsCoverage *self)
{
  guint queue = gtk_drop_down_get_selected (self->queue_dropdown);
  g_autofree char *gaps_text = NULL;
  g_autofree char *surplus_text = NULL;
  guint n_gaps, n_surpluses;
  double short_hours, over_hours;

  if (self->planning == NULL)
    return;

  fill_grid (self, queue == GTK_INVALID_LIST_POSITION ? 0 : queue);
  short_hours = fill_list (self, self->gap_list, TRUE, &n_gaps);
  over_hours = fill_list (self, self->surplus_list, FALSE, &n_surpluses);

  /* Translators: the week's gaps: agent-hours short, number of gaps */
  gaps_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Short %.1f agent-hours in %u gap",
                                            "Short %.1f agent-hours in %u gaps", n_gaps),
                               short_hours, n_gaps);
  /* Translators: the week's surpluses: agent-hours over, number of surpluses */
  surplus_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%.1f agent-hours over in %u surplus",
                                               "%.1f agent-hours over in %u surpluses",
                                               n_surpluses),
                                  over_hours, n_surpluses);
  g_free (self->summary);
  /* Translators: the two halves of the planning summary */
  self->summary = g_strdup_printf (_("%s · %s"), gaps_text, surplus_text);
  gtk_label_set_text (self->summary_label, self->summary);
  g_object_notify (G_OBJECT (self), "summary");
}
