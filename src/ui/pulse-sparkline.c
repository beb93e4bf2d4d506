/* pulse-sparkline.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-sparkline.h"

/**
 * PulseSparkline:
 *
 * A word-sized bar chart of a few counts (an agent's contacts per hour),
 * drawn with GtkSnapshot colour nodes only, so a table of 200 of them
 * costs no Cairo. Bars are in the CSS colour of the `sparkline` node
 * (the accent colour, style.css); an empty bin is a faint tick on the
 * baseline, so the time axis stays readable. What the bars mean is for
 * the owner to say in a tooltip. A shared scale (pulse_sparkline_set_scale())
 * makes the sparklines of a table comparable row to row.
 */
struct _PulseSparkline
{
  GtkWidget  parent_instance;

  GArray    *values;
  guint      max;
  guint      scale;
};

G_DEFINE_FINAL_TYPE (PulseSparkline, pulse_sparkline, GTK_TYPE_WIDGET)

#define BAR_GAP 1.0f
#define NATURAL_WIDTH 96
#define NATURAL_HEIGHT 22

static void
pulse_sparkline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PulseSparkline *self = PULSE_SPARKLINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX ((int) self->values->len * 2, 24);
      *natural = MAX (*minimum, NATURAL_WIDTH);
    }
  else
    {
      *minimum = 12;
      *natural = NATURAL_HEIGHT;
    }
}

static void
pulse_sparkline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PulseSparkline *self = PULSE_SPARKLINE (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA color;
  GdkRGBA faint;
  float bar_width;
  guint top = MAX (self->scale, self->max);

  if (self->values->len == 0 || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  faint = color;
  faint.alpha *= 0.3f;

  bar_width = (width - BAR_GAP * (self->values->len - 1)) / self->values->len;
  for (guint i = 0; i < self->values->len; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      float x = i * (bar_width + BAR_GAP);
      float bar_height = top > 0 ? height * value / top : 0;

      if (value == 0)
        gtk_snapshot_append_color (snapshot, &faint,
                                   &GRAPHENE_RECT_INIT (x, height - 1, bar_width, 1));
      else
        gtk_snapshot_append_color (snapshot, &color,
                                   &GRAPHENE_RECT_INIT (x, height - MAX (bar_height, 2),
                                                        bar_width, MAX (bar_height, 2)));
    }
}

static void
pulse_sparkline_finalize (GObject *object)
{
  PulseSparkline *self = PULSE_SPARKLINE (object);

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (pulse_sparkline_parent_class)->finalize (object);
}

static void
pulse_sparkline_class_init (PulseSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pulse_sparkline_finalize;
  widget_class->measure = pulse_sparkline_measure;
  widget_class->snapshot = pulse_sparkline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pulse_sparkline_init (PulseSparkline *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
}

GtkWidget *
pulse_sparkline_new (void)
{
  return g_object_new (PULSE_TYPE_SPARKLINE, NULL);
}

/**
 * pulse_sparkline_set_values:
 * @values: (array length=n_values): the counts, oldest first
 * @n_values: how many
 *
 * Shows @values, scaled to the largest; redraws only if they changed.
 */
void
pulse_sparkline_set_values (PulseSparkline *self,
                            const guint    *values,
                            guint           n_values)
{
  g_return_if_fail (PULSE_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  if (n_values == self->values->len
      && (n_values == 0 || memcmp (self->values->data, values, n_values * sizeof (guint)) == 0))
    return;

  if (n_values != self->values->len)
    gtk_widget_queue_resize (GTK_WIDGET (self));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  self->max = 0;
  for (guint i = 0; i < n_values; i++)
    self->max = MAX (self->max, values[i]);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pulse_sparkline_set_scale:
 * @scale: the value drawn at full height, or 0 for the largest shown
 *
 * A value above @scale is still drawn at full height.
 */
void
pulse_sparkline_set_scale (PulseSparkline *self,
                           guint           scale)
{
  g_return_if_fail (PULSE_IS_SPARKLINE (self));

  if (self->scale == scale)
    return;

  self->scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pulse_sparkline_get_n_values (PulseSparkline *self)
{
  g_return_val_if_fail (PULSE_IS_SPARKLINE (self), 0);

  return self->values->len;
}

guint
pulse_sparkline_get_value (PulseSparkline *self,
                           guint           index)
{
  g_return_val_if_fail (PULSE_IS_SPARKLINE (self), 0);
  g_return_val_if_fail (index < self->values->len, 0);

  return g_array_index (self->values, guint, index);
}
