/* pulse-bar-chart.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-bar-chart.h"

#define LABEL_HEIGHT 18.0
#define TOP_ROOM 16.0
#define GAP 3.0

/**
 * PulseBarChart:
 *
 * Bars drawn natively with GtkSnapshot: one per value, scaled to the
 * largest, with every few labels under them (as many as fit), the value
 * over the highlighted bar and each bar's label and value in its
 * tooltip. Colours come from the widget's CSS colour, so it follows
 * dark mode and high contrast. A click on a bar emits ::bar-activated.
 */
struct _PulseBarChart
{
  GtkWidget  parent_instance;

  GArray    *values;   /* double */
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
max_value (PulseBarChart *self)
{
  double top = 0;

  for (guint i = 0; i < self->values->len; i++)
    top = MAX (top, g_array_index (self->values, double, i));

  return top;
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           double       center_x,
           double       y,
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

static void
pulse_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PulseBarChart *self = PULSE_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot = height - LABEL_HEIGHT - TOP_ROOM;
  double top = max_value (self), slot;
  guint n = self->values->len, label_every;
  GdkRGBA color, dim, accent;

  if (n == 0 || plot <= 0)
    return;

  /* GTK 4.8 has no gtk_widget_get_color(); the style context's is it. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.35;
  /* The accent, where the theme names one (libadwaita does). */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color",
                                       &accent))
    {
      accent = color;
      accent.alpha *= 0.8;
    }
  slot = width / n;
  /* About one label per 36 px, at a round step. */
  label_every = MAX (1, (guint) ceil (36.0 / slot));

  for (guint i = 0; i < n; i++)
    {
      double value = g_array_index (self->values, double, i);
      double bar = top > 0 ? plot * value / top : 0;
      double x = i * slot + GAP / 2;
      gboolean lit = (int) i == self->highlight;

      gtk_snapshot_append_color (snapshot, lit ? &accent : &dim,
                                 &GRAPHENE_RECT_INIT (x, TOP_ROOM + plot - bar,
                                                      MAX (1.0, slot - GAP), MAX (bar, 1.0)));
      if (lit)
        {
          g_autofree char *text = g_strdup_printf ("%.0f", value);

          draw_text (widget, snapshot, text, x + slot / 2, TOP_ROOM + plot - bar - TOP_ROOM,
                     &color);
        }
      if (i % label_every == 0 && i < self->labels->len)
        draw_text (widget, snapshot, g_ptr_array_index (self->labels, i), x + slot / 2,
                   TOP_ROOM + plot + 2, &dim);
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
      *minimum = (int) self->values->len * 4;
      *natural = (int) self->values->len * 24;
    }
  else
    {
      *minimum = 80;
      *natural = 160;
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
  if (self->values->len == 0 || width <= 0 || x < 0 || x >= width)
    return -1;

  return (int) (x / (width / self->values->len));
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

  text = g_strdup_printf ("%s: %.0f", (const char *) g_ptr_array_index (self->labels, index),
                          g_array_index (self->values, double, index));
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
 * pulse_bar_chart_set_bars:
 * @values: (array length=n_bars): the bars' values, ≥ 0
 * @labels: (array length=n_bars): each bar's label
 * @n_bars: how many
 *
 * Replaces the bars and redraws.
 */
void
pulse_bar_chart_set_bars (PulseBarChart      *self,
                          const double       *values,
                          const char * const *labels,
                          guint               n_bars)
{
  g_return_if_fail (PULSE_IS_BAR_CHART (self));
  g_return_if_fail (n_bars == 0 || (values != NULL && labels != NULL));

  g_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      double value = isfinite (values[i]) ? MAX (values[i], 0.0) : 0.0;

      g_array_append_val (self->values, value);
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pulse_bar_chart_get_n_bars (PulseBarChart *self)
{
  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), 0);

  return self->values->len;
}

double
pulse_bar_chart_get_value (PulseBarChart *self,
                           guint          index)
{
  g_return_val_if_fail (PULSE_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < self->values->len, NAN);

  return g_array_index (self->values, double, index);
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
