/* pulse-coverage-page-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Coverage page shows, without GTK: where an interval sits in
 * the week's grid, the staffing gap, the summary and the figures in
 * words. Tested without a display (tests/test-ui-coverage-state.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-coverage-page-state.h"

/**
 * pulse_coverage_page_day_start:
 * @tz: the zone the grid is drawn in
 * @now: the current time
 *
 * Returns: (transfer full): the start of the day of @now in @tz: the
 *   grid's first row.
 */
GDateTime *
pulse_coverage_page_day_start (GTimeZone *tz,
                               gint64     now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 0, 0, 0);
}

/**
 * pulse_coverage_page_locate:
 * @first_day: the first row's midnight, in the grid's zone
 * @usec: an interval's start
 * @row: (out): the day, from 0
 * @column: (out): the half hour of the day in the grid's zone, from 0
 *
 * Places an interval by its local wall time. On the night clocks go back
 * two intervals share a cell (the later wins); on the night they go
 * forward one cell stays empty. A zone 15 or 45 minutes off the half hour
 * puts an interval in the cell its start falls in.
 *
 * Returns: whether @usec falls within the grid's days.
 */
gboolean
pulse_coverage_page_locate (GDateTime *first_day,
                            gint64     usec,
                            guint     *row,
                            guint     *column)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, g_date_time_get_timezone (first_day));
  g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                         g_date_time_get_month (local),
                                         g_date_time_get_year (local));
  g_autoptr(GDate) first = g_date_new_dmy (g_date_time_get_day_of_month (first_day),
                                           g_date_time_get_month (first_day),
                                           g_date_time_get_year (first_day));
  int days = g_date_days_between (first, day);

  if (days < 0 || days >= PULSE_COVERAGE_PAGE_DAYS)
    return FALSE;

  *row = days;
  *column = (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local)) / 30;
  return TRUE;
}

/**
 * pulse_coverage_page_gap:
 *
 * Returns: agents scheduled minus agents to schedule (required after
 *   shrinkage): below 0 understaffed, above 0 a surplus. The plan is
 *   compared with what it must hold after shrinkage, as the protocol
 *   advises; "required" alone is what must be on the line.
 */
int
pulse_coverage_page_gap (PulseForecastInterval *interval)
{
  return pulse_forecast_interval_get_scheduled (interval)
         - pulse_forecast_interval_get_required_with_shrinkage (interval);
}

/**
 * pulse_coverage_page_summarize:
 * @intervals: (element-type PulseForecastInterval): in time order
 * @summary: (out): the figures
 */
void
pulse_coverage_page_summarize (GPtrArray            *intervals,
                               PulseCoverageSummary *summary)
{
  *summary = (PulseCoverageSummary) { 0 };

  for (guint i = 0; i < intervals->len; i++)
    {
      PulseForecastInterval *interval = intervals->pdata[i];
      int gap = pulse_coverage_page_gap (interval);

      summary->n_intervals++;
      if (gap >= 0)
        continue;

      summary->n_understaffed++;
      if (gap < summary->worst_gap)
        {
          summary->worst_gap = gap;
          summary->worst = interval;
        }
    }
}

/**
 * pulse_coverage_page_format_when:
 *
 * Returns: (transfer full): the interval's day and times in @tz,
 *   "Tue 1 Dec, 14:00–14:30".
 */
char *
pulse_coverage_page_format_when (PulseForecastInterval *interval,
                                 GTimeZone             *tz)
{
  gint64 starts = pulse_forecast_interval_get_starts_at (interval) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (starts);
  g_autoptr(GDateTime) end_utc = g_date_time_add_minutes (start_utc, 30);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, tz);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (end_utc, tz);
  /* Translators: a day in the coverage grid, see g_date_time_format(). */
  g_autofree char *day = g_date_time_format (start, _("%a %-d %b"));
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");

  g_strstrip (day);
  /* Translators: day, start and end of a half hour: "Tue 1 Dec, 14:00–14:30". */
  return g_strdup_printf (_("%s, %s–%s"), day, from, to);
}

static char *
format_online (PulseForecastInterval *interval)
{
  int online = pulse_forecast_interval_get_online (interval);

  if (online == PULSE_FORECAST_INTERVAL_UNKNOWN)
    return g_strdup (_("Online: not yet started"));

  return g_strdup_printf (_("Online: %d"), online);
}

static char *
format_gap (int gap)
{
  if (gap < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Short by %d agent",
                                         "Short by %d agents", -gap), -gap);
  if (gap > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d agent to spare",
                                         "%d agents to spare", gap), gap);
  return g_strdup (_("Exactly staffed"));
}

/**
 * pulse_coverage_page_format_tooltip:
 *
 * Returns: (transfer full): the interval's figures, one per line.
 */
char *
pulse_coverage_page_format_tooltip (PulseForecastInterval *interval,
                                    GTimeZone             *tz)
{
  g_autofree char *when = pulse_coverage_page_format_when (interval, tz);
  g_autofree char *online = format_online (interval);
  g_autofree char *gap = format_gap (pulse_coverage_page_gap (interval));
  g_autofree char *forecast = NULL;
  g_autofree char *required = NULL;
  g_autofree char *scheduled = NULL;

  /* Translators: forecast contacts in a half hour and their mean handle time in minutes. */
  forecast = g_strdup_printf (_("Forecast: %.1f contacts, %.1f min each"),
                              pulse_forecast_interval_get_forecast_arrivals (interval),
                              pulse_forecast_interval_get_handle_time_seconds (interval) / 60.0);
  /* Translators: agents needed on the line, and to schedule after shrinkage. */
  required = g_strdup_printf (_("Required: %d on the line, %d to schedule"),
                              pulse_forecast_interval_get_required (interval),
                              pulse_forecast_interval_get_required_with_shrinkage (interval));
  scheduled = g_strdup_printf (_("Scheduled: %d"),
                               pulse_forecast_interval_get_scheduled (interval));

  return g_strjoin ("\n", when, forecast, required, scheduled, online, gap, NULL);
}
