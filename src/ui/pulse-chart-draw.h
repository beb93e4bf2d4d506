/* pulse-chart-draw.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PULSE_CHART_LEGEND_HEIGHT 20.0

/**
 * PulseChartPalette:
 * @text: the widget's text colour
 * @dim: the same, faded: axes, labels, plain bars
 * @series: the colours of up to four series: the accent, a paler accent,
 *   the theme's error colour, the faded text colour
 * @good: the theme's success colour (a target band)
 * @bad: the theme's error colour (a figure off target)
 *
 * The colours a chart draws with, read from the theme, so they follow
 * dark mode and high contrast.
 */
typedef struct
{
  GdkRGBA text;
  GdkRGBA dim;
  GdkRGBA series[4];
  GdkRGBA good;
  GdkRGBA bad;
} PulseChartPalette;

void           pulse_chart_palette_read   (GtkWidget               *widget,
                                           PulseChartPalette       *palette);
const GdkRGBA *pulse_chart_series_color   (const PulseChartPalette *palette,
                                           guint                    series);
void           pulse_chart_draw_text      (GtkWidget               *widget,
                                           GtkSnapshot             *snapshot,
                                           const char              *text,
                                           double                   center_x,
                                           double                   y,
                                           const GdkRGBA           *color);
void           pulse_chart_draw_legend    (GtkWidget               *widget,
                                           GtkSnapshot             *snapshot,
                                           const PulseChartPalette *palette,
                                           const char * const      *names,
                                           guint                    n_names);

G_END_DECLS
