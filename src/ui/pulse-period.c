/* pulse-period.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period the pages count in, as the header's period button names
 * it, and the period before it that trends compare with. Days are UTC
 * days, as #PulseKpiView and the server count them. No GTK: tested
 * without a display.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-period.h"

#define DAY_USEC (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

static gint64
utc_midnight (gint64 usec)
{
  return usec - ((usec % DAY_USEC) + DAY_USEC) % DAY_USEC;
}

/**
 * pulse_period_day_range:
 * @now: the time, µs since the epoch
 * @days_back: 0 for today, 1 for yesterday, …
 * @from: (out): the day's UTC midnight
 * @to: (out): the next midnight
 *
 * One whole UTC day, @days_back days before @now's.
 */
void
pulse_period_day_range (gint64  now,
                        int     days_back,
                        gint64 *from,
                        gint64 *to)
{
  *from = utc_midnight (now) - days_back * DAY_USEC;
  *to = *from + DAY_USEC;
}

/**
 * pulse_period_is_yesterday:
 *
 * Returns: %TRUE if [@from, @to) is the whole UTC day before @now's.
 */
gboolean
pulse_period_is_yesterday (gint64 from,
                           gint64 to,
                           gint64 now)
{
  gint64 day_from, day_to;

  pulse_period_day_range (now, 1, &day_from, &day_to);
  return from == day_from && to == day_to;
}

static char *
format_day (gint64 usec)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  /* Translators: a day in a period's name, strftime format, e.g. "18 Nov" */
  return g_date_time_format (day, C_("period day", "%-d %b"));
}

/**
 * pulse_period_describe:
 * @window: the session's window
 * @from: the custom range's start, for %PULSE_KPI_WINDOW_CUSTOM
 * @to: its end (excluded)
 * @now: the time, µs since the epoch
 *
 * Returns: (transfer full): the period's short name: "Today", "Last 7
 *   days", "Yesterday", or "12 Nov – 18 Nov" for any other range (the
 *   last day shown is the last one counted).
 */
char *
pulse_period_describe (PulseKpiWindow window,
                       gint64         from,
                       gint64         to,
                       gint64         now)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  switch (window)
    {
    case PULSE_KPI_WINDOW_TODAY:
      return g_strdup (C_("period", "Today"));
    case PULSE_KPI_WINDOW_7_DAYS:
      return g_strdup (C_("period", "Last 7 days"));
    case PULSE_KPI_WINDOW_30_DAYS:
      return g_strdup (C_("period", "Last 30 days"));
    case PULSE_KPI_WINDOW_90_DAYS:
      return g_strdup (C_("period", "Last 90 days"));
    case PULSE_KPI_WINDOW_CUSTOM:
    default:
      break;
    }

  if (pulse_period_is_yesterday (from, to, now))
    return g_strdup (C_("period", "Yesterday"));

  first = format_day (from);
  last = format_day (MAX (from, to - 1));
  if (g_strcmp0 (first, last) == 0)
    return g_steal_pointer (&first);

  return g_strdup_printf ("%s – %s", first, last);
}

/**
 * pulse_period_previous:
 * @from: a period's start
 * @to: its end (excluded)
 * @now: the time, µs since the epoch
 * @previous_from: (out): the start of the period to compare with
 * @previous_to: (out): its end (excluded)
 *
 * The period trends compare with: the one just before, as far into it
 * as @now is into this one, so a day under way compares with the same
 * hours of the day before, not with all of it.
 */
void
pulse_period_previous (gint64  from,
                       gint64  to,
                       gint64  now,
                       gint64 *previous_from,
                       gint64 *previous_to)
{
  gint64 length = to - from;

  *previous_from = from - length;
  *previous_to = CLAMP (now, from, to) - length;
}
