/* test-ui-period.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header's period: names, yesterday's range and the period before.
 */

#include "config.h"

#include <locale.h>

#include "pulse-period.h"
#include "pulse-time-utils.h"

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_days (void)
{
  gint64 now = at ("2026-11-18T09:15:00Z"), from, to;

  pulse_period_day_range (now, 0, &from, &to);
  g_assert_cmpint (from, ==, at ("2026-11-18T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2026-11-19T00:00:00Z"));
  pulse_period_day_range (now, 1, &from, &to);
  g_assert_cmpint (from, ==, at ("2026-11-17T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2026-11-18T00:00:00Z"));
  g_assert_true (pulse_period_is_yesterday (from, to, now));
  g_assert_false (pulse_period_is_yesterday (from, to - 1, now));
  /* Before 1970 too: midnights are floors, not truncations. */
  pulse_period_day_range (-G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC, 0, &from, &to);
  g_assert_cmpint (from, ==, -G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC);
}

static void
test_names (void)
{
  gint64 now = at ("2026-11-18T09:15:00Z");
  g_autofree char *today = pulse_period_describe (PULSE_KPI_WINDOW_TODAY, 0, 0, now);
  g_autofree char *week = pulse_period_describe (PULSE_KPI_WINDOW_7_DAYS, 0, 0, now);
  g_autofree char *yesterday = NULL;
  g_autofree char *range = NULL;
  g_autofree char *one_day = NULL;

  yesterday = pulse_period_describe (PULSE_KPI_WINDOW_CUSTOM, at ("2026-11-17T00:00:00Z"),
                                     at ("2026-11-18T00:00:00Z"), now);
  range = pulse_period_describe (PULSE_KPI_WINDOW_CUSTOM, at ("2026-11-02T00:00:00Z"),
                                 at ("2026-11-16T00:00:00Z"), now);
  one_day = pulse_period_describe (PULSE_KPI_WINDOW_CUSTOM, at ("2026-11-02T00:00:00Z"),
                                   at ("2026-11-03T00:00:00Z"), now);
  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (week, ==, "Last 7 days");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  /* The end is excluded: the last day named is the 15th. */
  g_assert_cmpstr (range, ==, "2 Nov – 15 Nov");
  g_assert_cmpstr (one_day, ==, "2 Nov");
}

static void
test_previous (void)
{
  gint64 from, to;

  /* A week in the past: the whole week before. */
  pulse_period_previous (at ("2026-11-11T00:00:00Z"), at ("2026-11-18T00:00:00Z"),
                         at ("2026-11-30T00:00:00Z"), &from, &to);
  g_assert_cmpint (from, ==, at ("2026-11-04T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2026-11-11T00:00:00Z"));

  /* Today at 09:15: yesterday until 09:15. */
  pulse_period_previous (at ("2026-11-18T00:00:00Z"), at ("2026-11-19T00:00:00Z"),
                         at ("2026-11-18T09:15:00Z"), &from, &to);
  g_assert_cmpint (from, ==, at ("2026-11-17T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2026-11-17T09:15:00Z"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/period/days", test_days);
  g_test_add_func ("/pulse/ui/period/names", test_names);
  g_test_add_func ("/pulse/ui/period/previous", test_previous);

  return g_test_run ();
}
