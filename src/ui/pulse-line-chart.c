/* pulse-line-chart.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-chart-draw.h"
#include "pulse-line-chart.h"

#define LABEL_HEIGHT 18.0
#define TOP_ROOM 8.0
#define AXIS_WIDTH 40.0
#define DOT 3.0

/**
 * PulseLineChart:
 *
 * A share over time (the service level hour by hour) as a line on a 0 to
 * 100 % scale, over a shaded band of the target (the goal up to 100 %).
 * A point under the band is drawn as a larger hollow ring in the error
 * colour, so a missed hour shows by shape as well as colour; a point
 * with no figure (NAN) breaks the line. Each point's label and value are
 * in its tooltip; the accessible description says how many fall under
 * the band.
 */
struct _PulseLineChart
{
  GtkWidget  parent_instance;

  GArray    *values;   /* double, 0…1 or NAN */
  GPtrArray *labels;
  double     band_low;
  double     band_high;
};

G_DEFINE_FINAL_TYPE (PulseLineChart, pulse_line_chart, GTK_TYPE_WIDGET)

static double
value_at (PulseLineChart *self,
          guint           index)
{
  return g_array_index (self->values, double, index);
}

static gboolean
is_below (PulseLineChart *self,
          double          value)
{
  return !isnan (value) && !isnan (self->band_low) && value < self->band_low;
}

typedef struct
{
  double left;
  double top;
  double width;
  double height;
} Plot;

static double
x_of (const Plot *plot,
      guint       index,
      guint       n)
{
  return plot->left + (n > 1 ? plot->width * index / (n - 1) : plot->width / 2);
}

static double
y_of (const Plot *plot,
      double      value)
{
  return plot->top + plot->height * (1 - CLAMP (value, 0, 1));
}

static void
draw_axis (PulseLineChart          *self,
           GtkSnapshot             *snapshot,
           const PulseChartPalette *palette,
           const Plot              *plot)
{
  static const double ticks[] = { 0, 0.5, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *text = g_strdup_printf ("%.0f %%", 100 * ticks[i]);
      double y = y_of (plot, ticks[i]);

      gtk_snapshot_append_color (snapshot, &palette->dim,
                                 &GRAPHENE_RECT_INIT (plot->left, y, plot->width, 1));
      pulse_chart_draw_text (GTK_WIDGET (self), snapshot, text, AXIS_WIDTH / 2, y - 8,
                             &palette->dim);
    }

  if (!isnan (self->band_low))
    {
      GdkRGBA band = palette->good;
      double top = y_of (plot, self->band_high);

      band.alpha *= 0.18;
      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (plot->left, top, plot->width,
                                                      y_of (plot, self->band_low) - top));
    }
}

static void
draw_line (PulseLineChart          *self,
           GtkSnapshot             *snapshot,
           const PulseChartPalette *palette,
           const Plot              *plot)
{
  guint n = self->values->len;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0,
                                                                plot->left + plot->width + DOT * 2,
                                                                plot->top + plot->height
                                                                + DOT * 2));
  gboolean drawing = FALSE;

  cairo_set_line_width (cr, 2);
  gdk_cairo_set_source_rgba (cr, &palette->series[0]);
  for (guint i = 0; i < n; i++)
    {
      double value = value_at (self, i);

      if (isnan (value))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x_of (plot, i, n), y_of (plot, value));
      else
        cairo_move_to (cr, x_of (plot, i, n), y_of (plot, value));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double value = value_at (self, i);
      gboolean below = is_below (self, value);

      if (isnan (value))
        continue;
      gdk_cairo_set_source_rgba (cr, below ? &palette->bad : &palette->series[0]);
      cairo_arc (cr, x_of (plot, i, n), y_of (plot, value), below ? DOT * 1.6 : DOT, 0,
                 2 * G_PI);
      if (below)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
pulse_line_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PulseLineChart *self = PULSE_LINE_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  Plot plot = { AXIS_WIDTH, TOP_ROOM, width - AXIS_WIDTH - DOT * 2,
                height - TOP_ROOM - LABEL_HEIGHT };
  guint n = self->values->len, label_every;
  PulseChartPalette palette;

  if (n == 0 || plot.width <= 0 || plot.height <= 0)
    return;

  pulse_chart_palette_read (widget, &palette);
  draw_axis (self, snapshot, &palette, &plot);
  draw_line (self, snapshot, &palette, &plot);

  label_every = MAX (1, (guint) ceil (36.0 / (plot.width / MAX (n, 1))));
  for (guint i = 0; i < n && i < self->labels->len; i += label_every)
    pulse_chart_draw_text (widget, snapshot, g_ptr_array_index (self->labels, i),
                           x_of (&plot, i, n), plot.top + plot.height + 2, &palette.dim);
}

static void
pulse_line_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PulseLineChart *self = PULSE_LINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) AXIS_WIDTH + (int) self->values->len * 4;
      *natural = (int) AXIS_WIDTH + (int) self->values->len * 24;
    }
  else
    {
      *minimum = 80;
      *natural = 140;
    }
}

static int
point_at (PulseLineChart *self,
          double          x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - AXIS_WIDTH - DOT * 2;
  guint n = self->values->len;

  if (n == 0 || width <= 0)
    return -1;

  return CLAMP ((int) lround ((x - AXIS_WIDTH) / width * (n > 1 ? n - 1 : 0)), 0, (int) n - 1);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  PulseLineChart *self = PULSE_LINE_CHART (widget);
  int index = point_at (self, x);
  g_autofree char *text = NULL;
  double value;

  if (index < 0)
    return FALSE;

  value = value_at (self, index);
  if (isnan (value))
    /* Translators: a chart's tooltip: an hour with no figure */
    text = g_strdup_printf (_("%s: no contacts measured"),
                            (const char *) g_ptr_array_index (self->labels, index));
  else if (is_below (self, value))
    /* Translators: a chart's tooltip: the hour, its share, the goal */
    text = g_strdup_printf (_("%s: %.0f %%, under the %.0f %% goal"),
                            (const char *) g_ptr_array_index (self->labels, index),
                            floor (100 * value), 100 * self->band_low);
  else
    text = g_strdup_printf ("%s: %.0f %%", (const char *) g_ptr_array_index (self->labels, index),
                            floor (100 * value));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (PulseLineChart *self)
{
  g_autofree char *text = NULL;
  guint measured = 0;

  for (guint i = 0; i < self->values->len; i++)
    measured += !isnan (value_at (self, i));

  /* Translators: a chart's description for screen readers: of the points
   * with a figure, how many fall under the goal */
  text = g_strdup_printf (_("%u of %u points under the goal"),
                          pulse_line_chart_count_below (self), measured);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
pulse_line_chart_finalize (GObject *object)
{
  PulseLineChart *self = PULSE_LINE_CHART (object);

  g_array_unref (self->values);
  g_ptr_array_unref (self->labels);

  G_OBJECT_CLASS (pulse_line_chart_parent_class)->finalize (object);
}

static void
pulse_line_chart_class_init (PulseLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pulse_line_chart_finalize;
  widget_class->snapshot = pulse_line_chart_snapshot;
  widget_class->measure = pulse_line_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pulse_line_chart_init (PulseLineChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->band_low = NAN;
  self->band_high = NAN;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

/**
 * pulse_line_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
pulse_line_chart_new (void)
{
  return g_object_new (PULSE_TYPE_LINE_CHART, NULL);
}

/**
 * pulse_line_chart_set_points:
 * @values: (array length=n_points): shares 0…1, NAN where there is none
 * @labels: (array length=n_points): each point's label
 *
 * Replaces the line and redraws.
 */
void
pulse_line_chart_set_points (PulseLineChart     *self,
                             const double       *values,
                             const char * const *labels,
                             guint               n_points)
{
  g_return_if_fail (PULSE_IS_LINE_CHART (self));
  g_return_if_fail (n_points == 0 || (values != NULL && labels != NULL));

  g_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < n_points; i++)
    {
      double value = isfinite (values[i]) ? CLAMP (values[i], 0, 1) : NAN;

      g_array_append_val (self->values, value);
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * pulse_line_chart_set_band:
 * @low: the goal, 0…1; NAN for no band
 * @high: the band's top, 0…1 (1 for a share)
 *
 * Shades the target band; points under @low are drawn as misses.
 */
void
pulse_line_chart_set_band (PulseLineChart *self,
                           double          low,
                           double          high)
{
  g_return_if_fail (PULSE_IS_LINE_CHART (self));

  self->band_low = low;
  self->band_high = isnan (low) ? NAN : MAX (low, high);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pulse_line_chart_get_n_points (PulseLineChart *self)
{
  g_return_val_if_fail (PULSE_IS_LINE_CHART (self), 0);

  return self->values->len;
}

double
pulse_line_chart_get_value (PulseLineChart *self,
                            guint           index)
{
  g_return_val_if_fail (PULSE_IS_LINE_CHART (self), NAN);
  g_return_val_if_fail (index < self->values->len, NAN);

  return value_at (self, index);
}

/**
 * pulse_line_chart_count_below:
 *
 * Returns: how many points fall under the band
 */
guint
pulse_line_chart_count_below (PulseLineChart *self)
{
  guint below = 0;

  g_return_val_if_fail (PULSE_IS_LINE_CHART (self), 0);

  for (guint i = 0; i < self->values->len; i++)
    below += is_below (self, value_at (self, i));

  return below;
}
