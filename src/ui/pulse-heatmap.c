/* pulse-heatmap.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-heatmap-private.h"

/*
 * PulseHeatmap:
 *
 * A grid of rows × columns of values drawn with GtkSnapshot on a
 * diverging scale: negative values orange, positive blue, zero neutral,
 * stronger towards ±scale-limit. Orange and blue stay apart for the
 * common colour-vision deficiencies, and each comes in a light and a
 * dark-mode shade. Colour is never the only cue: a cell can carry a mark
 * (short text, drawn over a hatch pattern) and a tooltip. One cell can be
 * highlighted ("now") and one is the keyboard cursor; arrow keys and
 * clicks move it and emit ::cursor-changed, so a page can show the
 * cursor's figures in words for those who do not hover.
 */

G_DEFINE_FINAL_TYPE (PulseHeatmap, pulse_heatmap, GTK_TYPE_WIDGET)

enum {
  CURSOR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pulse_heatmap_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PulseHeatmap *self = PULSE_HEATMAP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int labels = _pulse_heatmap_label_width (self);

      *minimum = labels + self->n_columns * MIN_CELL_W;
      *natural = labels + self->n_columns * NAT_CELL_W;
    }
  else
    {
      *minimum = *natural = _pulse_heatmap_axis_height (self) + self->n_rows * self->cell_height;
    }
}

static gboolean
cell_at (PulseHeatmap *self,
         double        x,
         double        y,
         guint        *row,
         guint        *column)
{
  Geometry g;

  _pulse_heatmap_get_geometry (self, &g);
  if (x < g.label_w || y < g.axis_h || g.cell_w <= 0 || g.cell_h <= 0)
    return FALSE;

  *row = (y - g.axis_h) / g.cell_h;
  *column = (x - g.label_w) / g.cell_w;
  return *row < self->n_rows && *column < self->n_columns;
}

static gboolean
pulse_heatmap_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  PulseHeatmap *self = PULSE_HEATMAP (widget);
  guint row = self->cursor_row;
  guint column = self->cursor_column;
  const char *text;

  if (!keyboard && !cell_at (self, x, y, &row, &column))
    return FALSE;
  if (keyboard && self->cursor_row < 0)
    return FALSE;

  text = self->tooltips->pdata[_pulse_heatmap_index (self, row, column)];
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     PulseHeatmap    *self)
{
  guint row, column;

  if (!cell_at (self, x, y, &row, &column))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  pulse_heatmap_set_cursor (self, row, column);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   PulseHeatmap          *self)
{
  int row = MAX (self->cursor_row, 0);
  int column = MAX (self->cursor_column, 0);

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: column--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: column++; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: row--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: row++; break;
    case GDK_KEY_Home: column = 0; break;
    case GDK_KEY_End: column = (int) self->n_columns - 1; break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (self->n_rows == 0 || self->n_columns == 0)
    return GDK_EVENT_PROPAGATE;

  pulse_heatmap_set_cursor (self, CLAMP (row, 0, (int) self->n_rows - 1),
                            CLAMP (column, 0, (int) self->n_columns - 1));
  return GDK_EVENT_STOP;
}

static void
on_focus_changed_cb (PulseHeatmap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pulse_heatmap_finalize (GObject *object)
{
  PulseHeatmap *self = PULSE_HEATMAP (object);

  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->column_labels, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->tooltips, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_free);

  G_OBJECT_CLASS (pulse_heatmap_parent_class)->finalize (object);
}

static void
pulse_heatmap_class_init (PulseHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pulse_heatmap_finalize;
  widget_class->snapshot = _pulse_heatmap_snapshot;
  widget_class->measure = pulse_heatmap_measure;
  widget_class->query_tooltip = pulse_heatmap_query_tooltip;

  /**
   * PulseHeatmap::cursor-changed:
   *
   * The keyboard cursor moved to another cell (arrow keys, a click, or
   * pulse_heatmap_set_cursor()).
   */
  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GPtrArray *
new_strings (guint n)
{
  GPtrArray *array = g_ptr_array_new_full (n, g_free);

  g_ptr_array_set_size (array, n);
  return array;
}

static void
pulse_heatmap_init (PulseHeatmap *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->row_labels = new_strings (0);
  self->column_labels = new_strings (0);
  self->marks = new_strings (0);
  self->tooltips = new_strings (0);
  self->limit = 1.0;
  self->highlight_row = self->highlight_column = -1;
  self->cursor_row = self->cursor_column = -1;
  self->cell_height = 32;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
pulse_heatmap_new (void)
{
  return g_object_new (PULSE_TYPE_HEATMAP, NULL);
}

/* Clears every cell and label; the highlight and the cursor go too. */
void
pulse_heatmap_set_dimensions (PulseHeatmap *self,
                              guint         n_rows,
                              guint         n_columns)
{
  guint n = n_rows * n_columns;

  g_return_if_fail (PULSE_IS_HEATMAP (self));

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  g_ptr_array_set_size (self->row_labels, 0);
  g_ptr_array_set_size (self->row_labels, n_rows);
  g_ptr_array_set_size (self->column_labels, 0);
  g_ptr_array_set_size (self->column_labels, n_columns);
  g_ptr_array_set_size (self->marks, 0);
  g_ptr_array_set_size (self->marks, n);
  g_ptr_array_set_size (self->tooltips, 0);
  g_ptr_array_set_size (self->tooltips, n);
  g_free (self->values);
  self->values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->values[i] = NAN;
  self->highlight_row = self->highlight_column = -1;
  self->cursor_row = self->cursor_column = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pulse_heatmap_get_n_rows (PulseHeatmap *self)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), 0);

  return self->n_rows;
}

guint
pulse_heatmap_get_n_columns (PulseHeatmap *self)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), 0);

  return self->n_columns;
}

static void
set_string (GPtrArray  *array,
            guint       index,
            const char *text)
{
  g_free (array->pdata[index]);
  array->pdata[index] = g_strdup (text);
}

void
pulse_heatmap_set_row_label (PulseHeatmap *self,
                             guint         row,
                             const char   *label)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (row < self->n_rows);

  set_string (self->row_labels, row, label);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A column label is drawn from the column's left edge on: label only
 * every few columns (hours of half hours) so they do not collide. */
void
pulse_heatmap_set_column_label (PulseHeatmap *self,
                                guint         column,
                                const char   *label)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (column < self->n_columns);

  set_string (self->column_labels, column, label);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* @value NAN leaves the cell empty; @mark (nullable) is drawn over a
 * hatch; @tooltip (nullable) shows on hover and for the cursor. */
void
pulse_heatmap_set_cell (PulseHeatmap *self,
                        guint         row,
                        guint         column,
                        double        value,
                        const char   *mark,
                        const char   *tooltip)
{
  guint i;

  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  i = _pulse_heatmap_index (self, row, column);
  self->values[i] = value;
  set_string (self->marks, i, mark);
  set_string (self->tooltips, i, tooltip);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
pulse_heatmap_get_cell_value (PulseHeatmap *self,
                              guint         row,
                              guint         column)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), NAN);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NAN);

  return self->values[_pulse_heatmap_index (self, row, column)];
}

const char *
pulse_heatmap_get_cell_mark (PulseHeatmap *self,
                             guint         row,
                             guint         column)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  return self->marks->pdata[_pulse_heatmap_index (self, row, column)];
}

const char *
pulse_heatmap_get_cell_tooltip (PulseHeatmap *self,
                                guint         row,
                                guint         column)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  return self->tooltips->pdata[_pulse_heatmap_index (self, row, column)];
}

/* Values at or beyond ±@limit get the strongest shade. */
void
pulse_heatmap_set_scale_limit (PulseHeatmap *self,
                               double        limit)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (limit > 0.0);

  self->limit = limit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* -1 for none. */
void
pulse_heatmap_set_highlight (PulseHeatmap *self,
                             int           row,
                             int           column)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));

  self->highlight_row = row < (int) self->n_rows ? row : -1;
  self->highlight_column = column < (int) self->n_columns ? column : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pulse_heatmap_set_cursor (PulseHeatmap *self,
                          int           row,
                          int           column)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (row < (int) self->n_rows && column < (int) self->n_columns);

  if (self->cursor_row == row && self->cursor_column == column)
    return;

  self->cursor_row = row < 0 || column < 0 ? -1 : row;
  self->cursor_column = row < 0 || column < 0 ? -1 : column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

gboolean
pulse_heatmap_get_cursor (PulseHeatmap *self,
                          guint        *row,
                          guint        *column)
{
  g_return_val_if_fail (PULSE_IS_HEATMAP (self), FALSE);

  if (self->cursor_row < 0)
    return FALSE;

  *row = self->cursor_row;
  *column = self->cursor_column;
  return TRUE;
}

/* The height of one row of cells. */
void
pulse_heatmap_set_cell_height (PulseHeatmap *self,
                               int           height)
{
  g_return_if_fail (PULSE_IS_HEATMAP (self));
  g_return_if_fail (height > 0);

  self->cell_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
