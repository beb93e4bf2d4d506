/* pulse-chart-draw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Pulse's charts draw alike: their colours from the theme, centred
 * labels, and a legend that names each series' colour (so colour is
 * never the only way to tell series apart).
 */

#include "config.h"

#include "pulse-chart-draw.h"

#define SWATCH 10.0

static void
lookup (GtkStyleContext *style,
        const char      *name,
        const GdkRGBA   *fallback,
        GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (style, name, color))
    *color = *fallback;
}

/**
 * pulse_chart_palette_read:
 * @widget: the chart
 * @palette: (out caller-allocates): its colours now
 */
void
pulse_chart_palette_read (GtkWidget         *widget,
                          PulseChartPalette *palette)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA strong;

  /* GTK 4.8 has no gtk_widget_get_color(); the style context's is it. */
  gtk_style_context_get_color (style, &palette->text);
  palette->dim = palette->text;
  palette->dim.alpha *= 0.35;
  strong = palette->text;
  strong.alpha *= 0.8;
  /* The accent and the state colours, where the theme names them
   * (libadwaita does). */
  lookup (style, "accent_bg_color", &strong, &palette->series[0]);
  palette->series[1] = palette->series[0];
  palette->series[1].alpha *= 0.45;
  lookup (style, "error_color", &palette->text, &palette->bad);
  palette->series[2] = palette->bad;
  palette->series[3] = palette->dim;
  lookup (style, "success_color", &strong, &palette->good);
}

/**
 * pulse_chart_series_color:
 * @series: a series' index (past the fourth, the fourth's)
 *
 * Returns: (transfer none): its colour
 */
const GdkRGBA *
pulse_chart_series_color (const PulseChartPalette *palette,
                          guint                    series)
{
  return &palette->series[MIN (series, G_N_ELEMENTS (palette->series) - 1)];
}

/**
 * pulse_chart_draw_text:
 * @center_x: where the text's middle goes
 * @y: its top
 *
 * Draws @text centred on @center_x.
 */
void
pulse_chart_draw_text (GtkWidget     *widget,
                       GtkSnapshot   *snapshot,
                       const char    *text,
                       double         center_x,
                       double         y,
                       const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - width / 2.0, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * pulse_chart_draw_legend:
 * @names: (array length=n_names): the series' names
 *
 * Draws a swatch and the name of each series along the top, in a band
 * PULSE_CHART_LEGEND_HEIGHT high.
 */
void
pulse_chart_draw_legend (GtkWidget               *widget,
                         GtkSnapshot             *snapshot,
                         const PulseChartPalette *palette,
                         const char * const      *names,
                         guint                    n_names)
{
  double x = 0;

  for (guint k = 0; k < n_names && names[k] != NULL; k++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, names[k]);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      gtk_snapshot_append_color (snapshot, pulse_chart_series_color (palette, k),
                                 &GRAPHENE_RECT_INIT (x, (PULSE_CHART_LEGEND_HEIGHT - SWATCH) / 2,
                                                      SWATCH, SWATCH));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x + SWATCH + 4,
                                                    (PULSE_CHART_LEGEND_HEIGHT - height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &palette->text);
      gtk_snapshot_restore (snapshot);
      x += SWATCH + 4 + width + 14;
    }
}
