/* pulse-coverage-page-fill.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Coverage page's queue menu and what it shows of an answer: the
 * heatmap, the summary, the time zones and the legend
 * (pulse-coverage-page-private.h).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-coverage-page-private.h"
#include "pulse-queue.h"

/* Hour labels every two hours: "06:00" fits in four half-hour cells. */
#define LABEL_EVERY 4

static int
compare_queue_names (gconstpointer a,
                     gconstpointer b)
{
  PulseQueue *qa = *(PulseQueue **) a;
  PulseQueue *qb = *(PulseQueue **) b;

  return g_utf8_collate (pulse_queue_get_name (qa), pulse_queue_get_name (qb));
}

static GPtrArray *
dup_sorted_queues (PulseCoveragePage *self)
{
  GListModel *queues = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (queues); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (queues, i));
  g_ptr_array_sort (sorted, compare_queue_names);
  return sorted;
}

static void
rebuild_queues (PulseCoveragePage *self)
{
  g_autoptr(GPtrArray) queues = dup_sorted_queues (self);
  g_autofree char *current = g_strdup (_pulse_coverage_page_get_queue_id (self));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->queue_ids, 0);
  g_ptr_array_add (self->queue_ids, NULL);
  g_strv_builder_add (names, _("All queues"));
  for (guint i = 0; i < queues->len; i++)
    {
      const char *id = pulse_queue_get_id (queues->pdata[i]);

      if (g_strcmp0 (id, current) == 0)
        selected = i + 1;
      g_ptr_array_add (self->queue_ids, g_strdup (id));
      g_strv_builder_add (names, pulse_queue_get_name (queues->pdata[i]));
    }
  strv = g_strv_builder_end (names);

  self->rebuilding_queues = TRUE;
  gtk_string_list_splice (self->queue_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->queue_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->queue_dropdown, selected);
  self->rebuilding_queues = FALSE;

  /* The queue shown is gone: show all. */
  if (current != NULL && selected == 0 && self->fetched_at != 0)
    _pulse_coverage_page_fetch (self);
}

static void
on_queues_changed_cb (PulseCoveragePage *self)
{
  rebuild_queues (self);
}

static void
on_queue_selected_cb (PulseCoveragePage *self)
{
  if (self->rebuilding_queues)
    return;
  if (g_strcmp0 (_pulse_coverage_page_get_queue_id (self), self->fetched_queue_id) == 0)
    return;

  g_clear_object (&self->report);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _pulse_coverage_page_fetch (self);
  else
    self->fetched_at = 0;
}

void
_pulse_coverage_page_init_queues (PulseCoveragePage *self)
{
  GListModel *queues = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);

  self->queue_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->queue_dropdown, G_LIST_MODEL (self->queue_names));
  rebuild_queues (self);
  g_signal_connect_object (queues, "items-changed", G_CALLBACK (on_queues_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->queue_dropdown, "notify::selected",
                            G_CALLBACK (on_queue_selected_cb), self);
}

const char *
_pulse_coverage_page_get_queue_id (PulseCoveragePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->queue_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->queue_ids->len)
    return NULL;

  return self->queue_ids->pdata[selected];
}

void
_pulse_coverage_page_init_legend (PulseCoveragePage *self)
{
  pulse_heatmap_set_dimensions (self->legend, 1, 7);
  pulse_heatmap_set_cell_height (self->legend, 28);
  pulse_heatmap_set_scale_limit (self->legend, 3);
  for (int gap = -3; gap <= 3; gap++)
    {
      g_autofree char *mark = gap < 0 ? g_strdup_printf ("−%d", -gap) : NULL;

      pulse_heatmap_set_cell (self->legend, 0, gap + 3, gap, mark, NULL);
    }
}

/* Borrowed: the session's list keeps the queue. */
static PulseQueue *
find_queue (PulseCoveragePage *self,
            const char        *queue_id)
{
  GListModel *queues = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);

  for (guint i = 0; i < g_list_model_get_n_items (queues); i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);

      if (g_strcmp0 (pulse_queue_get_id (queue), queue_id) == 0)
        return queue;
    }

  return NULL;
}

/* "Europe/Kyiv", or "Europe/Kyiv, Europe/Madrid" for all queues. */
static char *
dup_queue_zones (PulseCoveragePage *self)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  guint n = pulse_coverage_report_get_n_queues (self->report);

  for (guint i = 0; i < n; i++)
    {
      const PulseCoverageReportQueue *entry = pulse_coverage_report_get_queue (self->report, i);
      PulseQueue *queue = find_queue (self, entry->queue_id);
      const char *zone = queue != NULL ? pulse_queue_get_timezone (queue) : NULL;

      if (zone != NULL && !g_ptr_array_find_with_equal_func (zones, zone, g_str_equal, NULL))
        g_ptr_array_add (zones, (gpointer) zone);
    }
  g_ptr_array_add (zones, NULL);

  return g_strjoinv (", ", (GStrv) zones->pdata);
}

static void
show_zones (PulseCoveragePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->tz);
  g_autofree char *local = g_date_time_format (now, "%Z (UTC%:z)");
  g_autofree char *zones = dup_queue_zones (self);
  g_autofree char *text = NULL;

  if (zones[0] == '\0')
    /* Translators: %s is the user's time zone, "CET (UTC+01:00)". */
    text = g_strdup_printf (_("Times in your time zone, %s."), local);
  else if (self->fetched_queue_id != NULL)
    /* Translators: the user's time zone, then the queue's ("Europe/Kyiv"). */
    text = g_strdup_printf (_("Times in your time zone, %s. The queue works in %s."), local,
                            zones);
  else
    /* Translators: the user's time zone, then the queues' zones, comma-separated. */
    text = g_strdup_printf (_("Times in your time zone, %s. Queues work in %s."), local, zones);

  gtk_label_set_text (self->zone_label, text);
}

static void
label_grid (PulseCoveragePage *self)
{
  pulse_heatmap_set_dimensions (self->heatmap, PULSE_COVERAGE_PAGE_DAYS,
                                PULSE_COVERAGE_PAGE_INTERVALS);
  pulse_heatmap_set_cell_height (self->heatmap, 52);
  for (guint row = 0; row < PULSE_COVERAGE_PAGE_DAYS; row++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->first_day, row);
      /* Translators: a row of the coverage grid, see g_date_time_format(). */
      g_autofree char *label = g_date_time_format (day, _("%a %-d %b"));

      pulse_heatmap_set_row_label (self->heatmap, row, g_strstrip (label));
    }
  for (guint column = 0; column < PULSE_COVERAGE_PAGE_INTERVALS; column += LABEL_EVERY)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", column / 2);

      pulse_heatmap_set_column_label (self->heatmap, column, label);
    }
}

static void
fill_grid (PulseCoveragePage *self,
           GPtrArray         *intervals)
{
  int limit = 3;
  guint row, column;

  label_grid (self);
  for (guint i = 0; i < intervals->len; i++)
    {
      PulseForecastInterval *interval = intervals->pdata[i];
      int gap = pulse_coverage_page_gap (interval);
      g_autofree char *mark = gap < 0 ? g_strdup_printf ("−%d", -gap) : NULL;
      g_autofree char *tooltip = NULL;

      if (!pulse_coverage_page_locate (self->first_day,
                                       pulse_forecast_interval_get_starts_at (interval),
                                       &row, &column))
        continue;

      tooltip = pulse_coverage_page_format_tooltip (interval, self->tz);
      pulse_heatmap_set_cell (self->heatmap, row, column, gap, mark, tooltip);
      limit = MAX (limit, ABS (gap));
    }

  pulse_heatmap_set_scale_limit (self->heatmap, limit);
  if (pulse_coverage_page_locate (self->first_day, g_get_real_time (), &row, &column))
    pulse_heatmap_set_highlight (self->heatmap, row, column);
}

static void
show_summary (PulseCoveragePage *self,
              GPtrArray         *intervals)
{
  PulseCoverageSummary summary;
  g_autofree char *count = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *worst = NULL;
  g_autofree char *when = NULL;

  pulse_coverage_page_summarize (intervals, &summary);
  if (summary.n_understaffed == 0)
    {
      gtk_label_set_text (self->understaffed_label, _("None"));
      gtk_label_set_text (self->understaffed_detail,
                          _("Every interval of the next 7 days is covered"));
      gtk_label_set_text (self->worst_label, _("None"));
      gtk_label_set_text (self->worst_detail, "");
      return;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u interval", "%u intervals",
                                        summary.n_understaffed), summary.n_understaffed);
  /* Translators: hours understaffed, "6.5 hours over the next 7 days". */
  hours = g_strdup_printf (_("%.1f hours over the next 7 days"), summary.n_understaffed / 2.0);
  worst = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Short by %d agent",
                                        "Short by %d agents", -summary.worst_gap),
                           -summary.worst_gap);
  when = pulse_coverage_page_format_when (summary.worst, self->tz);
  gtk_label_set_text (self->understaffed_label, count);
  gtk_label_set_text (self->understaffed_detail, hours);
  gtk_label_set_text (self->worst_label, worst);
  gtk_label_set_text (self->worst_detail, when);
}

static void
show_footnote (PulseCoveragePage *self)
{
  double shrinkage = pulse_coverage_report_get_shrinkage (self->report) * 100;
  g_autofree char *text = NULL;

  if (self->fetched_queue_id != NULL)
    /* Translators: %.0f is the shrinkage in percent; the %% is a percent sign. */
    text = g_strdup_printf (_("Each cell shows agents scheduled minus agents to schedule: those "
                              "required on the line, plus %.0f %% shrinkage. Striped cells with "
                              "a number are short of agents."), shrinkage);
  else
    /* Translators: %.0f is the shrinkage in percent; the %% is a percent sign. */
    text = g_strdup_printf (_("Each cell shows agents scheduled minus agents to schedule: those "
                              "required on the line, plus %.0f %% shrinkage. Striped cells with "
                              "a number are short of agents. An agent who serves several queues "
                              "counts in each."), shrinkage);
  gtk_label_set_text (self->footnote_label, text);
}

void
_pulse_coverage_page_show_report (PulseCoveragePage *self)
{
  const PulseCoverageReportQueue *queue = NULL;
  g_autoptr(GPtrArray) intervals = NULL;

  if (self->fetched_queue_id != NULL)
    queue = pulse_coverage_report_find_queue (self->report, self->fetched_queue_id);
  if (queue != NULL)
    intervals = g_ptr_array_ref (queue->intervals);
  else
    intervals = pulse_coverage_report_dup_totals (self->report);

  fill_grid (self, intervals);
  show_summary (self, intervals);
  show_zones (self);
  show_footnote (self);
  _pulse_coverage_page_show_details (self);
}

void
_pulse_coverage_page_show_details (PulseCoveragePage *self)
{
  const char *tooltip = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  guint row, column;

  if (pulse_heatmap_get_cursor (self->heatmap, &row, &column))
    tooltip = pulse_heatmap_get_cell_tooltip (self->heatmap, row, column);

  if (tooltip == NULL)
    {
      gtk_label_set_text (self->details_label,
                          _("Point at a cell, or select it and move with the arrow keys, to see "
                            "its figures."));
      return;
    }

  lines = g_strsplit (tooltip, "\n", -1);
  text = g_strjoinv (" · ", lines);
  gtk_label_set_text (self->details_label, text);
}
