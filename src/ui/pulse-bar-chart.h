/* pulse-bar-chart.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PULSE_TYPE_BAR_CHART (pulse_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PulseBarChart, pulse_bar_chart, PULSE, BAR_CHART, GtkWidget)

GtkWidget *pulse_bar_chart_new        (void);
void       pulse_bar_chart_set_bars   (PulseBarChart      *self,
                                       const double       *values,
                                       const char * const *labels,
                                       guint               n_bars);
void       pulse_bar_chart_set_stacks (PulseBarChart      *self,
                                       const double       *values,
                                       guint               n_series,
                                       const char * const *labels,
                                       guint               n_bars);
void       pulse_bar_chart_set_series_names (PulseBarChart      *self,
                                             const char * const *names);
guint      pulse_bar_chart_get_n_bars (PulseBarChart      *self);
double     pulse_bar_chart_get_segment (PulseBarChart     *self,
                                        guint              index,
                                        guint              series);
double     pulse_bar_chart_get_value  (PulseBarChart      *self,
                                       guint               index);
void       pulse_bar_chart_set_highlight (PulseBarChart   *self,
                                          int              index);
int        pulse_bar_chart_bar_at     (PulseBarChart      *self,
                                       double              x);

G_END_DECLS
