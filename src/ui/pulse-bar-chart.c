/* pulse-bar-chart.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-bar-chart.h"
#include "pulse-chart-draw.h"

#define LABEL_HEIGHT 18.0
#define TOP_ROOM 16.0
#define GAP 3.0

/**
 * PulseBarChart:
 *
 * Bars drawn natively with GtkSnapshot: one per value, scaled to the
 * largest, with every few labels under them (as many as fit), the value
 * over the highlighted bar and each bar's label and value in its
 * tooltip. A bar may be a stack of several series (contacts by what
 * became of them), with a legend over the bars naming each colour, and
 * each segment's value in the tooltip, so colour is never the only way
 * to tell them apart. Colours come from the widget's CSS colour and the
 * theme's named colours, so it follows dark mode and high contrast. A
 * click on a bar emits ::bar-activated.
 */
struct _PulseBarChart
{
  GtkWidget  parent_instance;

  GArray    *values;   /* double, n_series per bar, bar after bar */
  guint      n_series;
  GStrv      series_names;
  GPtrArray *labels;   /* char * */
  int        highlight;
};

G_DEFINE_FINAL_TYPE (PulseBarChart, pulse_bar_chart, GTK_TYPE_WIDGET)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
segment (PulseBarChart *self,
         guint          bar,
         guint          series)
{
  return g_array_index (self->values, double, bar * self->n_series + series);
}

static double
bar_total (PulseBarChart *self,
           guint          bar)
{
  double total = 0;

  for (guint k = 0; k < self->n_series; k++)
    total += segment (self, bar, k);

  return total;
}

static guint
count_bars (PulseBarChart *self)
{
  return self->values->len / self->n_series;
}

static double
max_value (PulseBarChart *self)
{
  double top = 0;

  for (guint i = 0; i < count_bars (self); i++)
    top = MAX (top, bar_total (self, i));

  return top;
}

static gboolean
has_legend (PulseBarChart *self)
{
  return self->n_series > 1 && self->series_names != NULL;
}

/* One bar, its segments bottom up. */
static void
draw_bar (PulseBarChart           *self,
          GtkSnapshot             *snapshot,
          const PulseChartPalette *palette,
          guint                    index,
          double                   x,
          double                   width,
          double                   base,
          double                   scale)
{
  gboolean lit = (int) index == self->highlight;
  double y = base;

  for (guint k = 0; k < self->n_series; k++)
    {
      double height = segment (self, index, k) * scale;
      const GdkRGBA *color = self->n_series > 1 ? pulse_chart_series_color (palette, k)
                             : lit ? &palette->series[0] : &palette->dim;

      if (height <= 0)
        continue;
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x, y - height, width, height));
      y -= height;
    }

  /* An empty hour still shows where it is. */
  if (y == base)
    gtk_snapshot_append_color (snapshot, &palette->dim,
                               &GRAPHENE_RECT_INIT (x, base - 1, width, 1));
}

static void
pulse_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PulseBarChart *self = PULSE_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double legend = has_legend (self) ? PULSE_CHART_LEGEND_HEIGHT : 0;
  double plot = height - LABEL_HEIGHT - TOP_ROOM - legend;
  double top = max_value (self), slot, base;
  guint n = count_bars (self), label_every;
  PulseChartPalette palette;

  if (n == 0 || plot <= 0)
    return;

  pulse_chart_palette_read (widget, &palette);
  if (legend > 0)
    pulse_chart_draw_legend (widget, snapshot, &palette,
                             (const char * const *) self->series_names, self->n_series);
  slot = width / n;
  base = legend + TOP_ROOM + plot;
  /* About one label per 36 px, at a round step. */
  label_every = MAX (1, (guint) ceil (36.0 / slot));

  for (guint i = 0; i < n; i++)
    {
      double total = bar_total (self, i);
      double x = i * slot + GAP / 2;

      draw_bar (self, snapshot, &palette, i, x, MAX (1.0, slot - GAP), base,
                top > 0 ? plot / top : 0);
      if ((int) i == self->highlight)
        {
          g_autofree char *text = g_strdup_printf ("%.0f", total);
          double bar = top > 0 ? plot * total / top : 0;

          pulse_chart_draw_text (widget, snapshot, text, x + slot / 2, base - bar - TOP_ROOM, &palette.text);
        }
      if (i % label_every == 0 && i < self->labels->len)
        pulse_chart_draw_text (widget, snapshot, g_ptr_array_index (self->labels, i), x + slot / 2,
                   base + 2, &palette.dim);
    }
}

static void
pulse_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PulseBarChart *self = PULSE_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) count_bars (self) * 4;
      *natural = (int) count_bars (self) * 24;
    }
  else
    {
      *minimum = 80 + (has_legend (self) ? (int) PULSE_CHART_LEGEND_HEIGHT : 0);
      *natural = 160 + (has_legend (self) ? (int) PULSE_CHART_LEGEND_HEIGHT : 0);
    }
}

/**
 * pulse_bar_chart_bar_at:
 * @x: a position across the widget
 *
 * Returns: the index of the bar under @x, or -1.
 */
int
pulse_bar_chart_bar_at (PulseBarChart *self,
                        double         x)
{
  double width;

  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), -1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (count_bars (self) == 0 || width <= 0 || x < 0 || x >= width)
    return -1;

  return (int) (x / (width / count_bars (self)));
}

/* "14: 42" or, stacked, "14: 42 — Answered 30 · Automated 8 …". */
static char *
dup_bar_text (PulseBarChart *self,
              guint          index)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s: %.0f", (const char *) g_ptr_array_index (self->labels, index),
                          bar_total (self, index));
  for (guint k = 0; has_legend (self) && k < self->n_series && self->series_names[k]; k++)
    g_string_append_printf (text, "%s%s %.0f", k == 0 ? " — " : " · ", self->series_names[k],
                            segment (self, index, k));

  return g_string_free (text, FALSE);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  PulseBarChart *self = PULSE_BAR_CHART (widget);
  int index = pulse_bar_chart_bar_at (self, x);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  text = dup_bar_text (self, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               PulseBarChart   *self)
{
  int index = pulse_bar_chart_bar_at (self, x);

  if (index >= 0)
    g_signal_emit (self, signals[BAR_ACTIVATED], 0, (guint) index);
}

static void
pulse_bar_chart_finalize (GObject *object)
{
  PulseBarChart *self = PULSE_BAR_CHART (object);

  g_array_unref (self->values);
  g_ptr_array_unref (self->labels);
  g_strfreev (self->series_names);

  G_OBJECT_CLASS (pulse_bar_chart_parent_class)->finalize (object);
}

static void
pulse_bar_chart_class_init (PulseBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pulse_bar_chart_finalize;
  widget_class->snapshot = pulse_bar_chart_snapshot;
  widget_class->measure = pulse_bar_chart_measure;

  /**
   * PulseBarChart::bar-activated:
   * @index: the bar clicked
   *
   * Emitted when a bar is clicked, to open what is behind it.
   */
  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pulse_bar_chart_init (PulseBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  self->n_series = 1;
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->highlight = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
pulse_bar_chart_new (void)
{
  return g_object_new (PULSE_TYPE_BAR_CHART, NULL);
}

/**
 * pulse_bar_chart_set_stacks:
 * @values: (array): @n_series values ≥ 0 per bar, bar after bar
 * @n_series: how many segments each bar has (1 to 4)
 * @labels: (array length=n_bars): each bar's label
 * @n_bars: how many bars
 *
 * Replaces the bars and redraws; the accessible description says what
 * they show.
 */
void
pulse_bar_chart_set_stacks (PulseBarChart      *self,
                            const double       *values,
                            guint               n_series,
                            const char * const *labels,
                            guint               n_bars)
{
  guint busiest = 0;
  g_autofree char *description = NULL;

  g_return_if_fail (PULSE_IS_BAR_CHART (self));
  g_return_if_fail (n_series >= 1 && n_series <= 4);
  g_return_if_fail (n_bars == 0 || (values != NULL && labels != NULL));

  self->n_series = n_series;
  g_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < n_bars * n_series; i++)
    {
      double value = isfinite (values[i]) ? MAX (values[i], 0.0) : 0.0;

      g_array_append_val (self->values, value);
    }
  for (guint i = 0; i < n_bars; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      if (bar_total (self, i) > bar_total (self, busiest))
        busiest = i;
    }

  if (n_bars > 0)
    {
      /* Translators: a chart's description for screen readers: bars, the
       * highest one's label, and its value */
      description = g_strdup_printf (_("%u bars; the highest, %s, at %.0f"), n_bars,
                                     labels[busiest], bar_total (self, busiest));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * pulse_bar_chart_set_bars:
 * @values: (array length=n_bars): the bars' values, ≥ 0
 * @labels: (array length=n_bars): each bar's label
 * @n_bars: how many
 *
 * Replaces the bars with plain ones, one value each.
 */
void
pulse_bar_chart_set_bars (PulseBarChart      *self,
                          const double       *values,
                          const char * const *labels,
                          guint               n_bars)
{
  pulse_bar_chart_set_stacks (self, values, 1, labels, n_bars);
}

/**
 * pulse_bar_chart_set_series_names:
 * @names: (nullable) (array zero-terminated=1): a name per series, for
 *   the legend and the tooltip
 */
void
pulse_bar_chart_set_series_names (PulseBarChart      *self,
                                  const char * const *names)
{
  g_return_if_fail (PULSE_IS_BAR_CHART (self));

  g_strfreev (self->series_names);
  self->series_names = g_strdupv ((char **) names);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pulse_bar_chart_get_n_bars (PulseBarChart *self)
{
  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), 0);

  return count_bars (self);
}

double
pulse_bar_chart_get_value (PulseBarChart *self,
                           guint          index)
{
  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < count_bars (self), NAN);

  return bar_total (self, index);
}

/**
 * pulse_bar_chart_get_segment:
 * @index: a bar
 * @series: one of its segments
 *
 * Returns: that segment's value
 */
double
pulse_bar_chart_get_segment (PulseBarChart *self,
                             guint          index,
                             guint          series)
{
  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < count_bars (self) && series < self->n_series, NAN);

  return segment (self, index, series);
}

/**
 * pulse_bar_chart_set_highlight:
 * @index: the bar to stress (the current hour), or -1
 */
void
pulse_bar_chart_set_highlight (PulseBarChart *self,
                               int            index)
{
  g_return_if_fail (PULSE_IS_BAR_CHART (self));

  self->highlight = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
