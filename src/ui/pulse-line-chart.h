/* pulse-line-chart.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PULSE_TYPE_LINE_CHART (pulse_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (PulseLineChart, pulse_line_chart, PULSE, LINE_CHART, GtkWidget)

GtkWidget *pulse_line_chart_new         (void);
void       pulse_line_chart_set_points  (PulseLineChart     *self,
                                         const double       *values,
                                         const char * const *labels,
                                         guint               n_points);
void       pulse_line_chart_set_band    (PulseLineChart     *self,
                                         double              low,
                                         double              high);
guint      pulse_line_chart_get_n_points (PulseLineChart    *self);
double     pulse_line_chart_get_value   (PulseLineChart     *self,
                                         guint               index);
guint      pulse_line_chart_count_below (PulseLineChart     *self);

G_END_DECLS
