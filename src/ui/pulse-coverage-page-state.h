/* pulse-coverage-page-state.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-forecast-interval.h"

G_BEGIN_DECLS

/* Days shown, from today on; half hours per day. */
#define PULSE_COVERAGE_PAGE_DAYS      7
#define PULSE_COVERAGE_PAGE_INTERVALS 48

/**
 * PulseCoverageSummary:
 * @n_intervals: intervals counted
 * @n_understaffed: of those, with fewer agents scheduled than needed
 * @worst: (nullable): the interval with the largest shortfall (the
 *   first of equals), borrowed; %NULL when none is understaffed
 * @worst_gap: its gap, below 0; 0 when none is understaffed
 *
 * The figures above the heatmap.
 */
typedef struct
{
  guint                  n_intervals;
  guint                  n_understaffed;
  PulseForecastInterval *worst;
  int                    worst_gap;
} PulseCoverageSummary;

GDateTime *pulse_coverage_page_day_start   (GTimeZone              *tz,
                                            gint64                  now);
gboolean   pulse_coverage_page_locate      (GDateTime              *first_day,
                                            gint64                  usec,
                                            guint                  *row,
                                            guint                  *column);
int        pulse_coverage_page_gap         (PulseForecastInterval  *interval);
void       pulse_coverage_page_summarize   (GPtrArray              *intervals,
                                            PulseCoverageSummary   *summary);
char      *pulse_coverage_page_format_tooltip (PulseForecastInterval *interval,
                                               GTimeZone             *tz);
char      *pulse_coverage_page_format_when (PulseForecastInterval  *interval,
                                            GTimeZone              *tz);

G_END_DECLS
