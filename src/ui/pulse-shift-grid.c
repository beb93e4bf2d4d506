/* pulse-shift-grid.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-shift-block.h"
#include "pulse-shift-grid-private.h"
#include "pulse-shift.h"

/*
 * PulseShiftGrid:
 *
 * The week's shifts: one row per agent (their name and time zone), the
 * seven days of the planner's week across, each shift a #PulseShiftBlock
 * placed by time, so a night shift runs over midnight. Blocks are kept
 * per shift id across updates, so the one with the keyboard focus keeps
 * it while its shift moves. Edits asked for on a block are passed on as
 * ::shift-edit and ::shift-remove.
 */

G_DEFINE_FINAL_TYPE (PulseShiftGrid, pulse_shift_grid, GTK_TYPE_WIDGET)

enum {
  SHIFT_EDIT,
  SHIFT_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define LABEL_W  196
#define HEADER_H 30
#define ROW_H    44
#define BLOCK_PAD 6

static void
on_block_edit_cb (PulseShiftGrid *self,
                  PulseShift     *shift,
                  gint64          start_delta,
                  gint64          end_delta)
{
  g_signal_emit (self, signals[SHIFT_EDIT], 0, shift, start_delta, end_delta);
}

static void
on_block_remove_cb (PulseShiftGrid *self,
                    PulseShift     *shift)
{
  g_signal_emit (self, signals[SHIFT_REMOVE], 0, shift);
}

static GtkWidget *
new_block (PulseShiftGrid *self)
{
  GtkWidget *block = pulse_shift_block_new ();

  g_signal_connect_object (block, "edit", G_CALLBACK (on_block_edit_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (block, "remove", G_CALLBACK (on_block_remove_cb), self,
                           G_CONNECT_SWAPPED);
  pulse_shift_block_set_editable (PULSE_SHIFT_BLOCK (block), self->editable);
  gtk_widget_set_parent (block, GTK_WIDGET (self));
  return block;
}

static double
x_of (PulseShiftGrid *self,
      gint64          usec,
      int             width)
{
  double span = (double) (self->to - self->from);

  if (span <= 0)
    return LABEL_W;

  return LABEL_W + (double) (usec - self->from) / span * (width - LABEL_W);
}

static void
allocate_block (PulseShiftGrid  *self,
                PulseShiftBlock *block,
                int              width)
{
  PulseShift *shift = pulse_shift_block_get_shift (block);
  guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows,
                                                     pulse_shift_get_agent_id (shift)));
  gint64 start_delta, end_delta;
  double x0, x1;

  if (row == 0)
    {
      gtk_widget_set_child_visible (GTK_WIDGET (block), FALSE);
      return;
    }

  pulse_shift_block_get_preview (block, &start_delta, &end_delta);
  x0 = CLAMP (x_of (self, pulse_shift_get_starts_at (shift) + start_delta, width), LABEL_W,
              width);
  x1 = CLAMP (x_of (self, pulse_shift_get_ends_at (shift) + end_delta, width), LABEL_W, width);
  pulse_shift_block_set_scale (block, (double) (self->to - self->from) / MAX (width - LABEL_W, 1));
  gtk_widget_set_child_visible (GTK_WIDGET (block), TRUE);
  gtk_widget_size_allocate (GTK_WIDGET (block),
                            &(GtkAllocation) { (int) x0, HEADER_H + (row - 1) * ROW_H + BLOCK_PAD,
                                               MAX ((int) (x1 - x0), 4), ROW_H - 2 * BLOCK_PAD },
                            -1);
}

static void
pulse_shift_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PulseShiftGrid *self = PULSE_SHIFT_GRID (widget);
  double day_w = (double) (width - LABEL_W) / PULSE_SHIFT_GRID_DAYS;

  for (guint d = 0; d < PULSE_SHIFT_GRID_DAYS; d++)
    gtk_widget_size_allocate (self->day_labels[d],
                              &(GtkAllocation) { LABEL_W + (int) (d * day_w), 0, (int) day_w,
                                                 HEADER_H }, -1);
  for (guint r = 0; r < self->row_labels->len; r++)
    gtk_widget_size_allocate (self->row_labels->pdata[r],
                              &(GtkAllocation) { 8, HEADER_H + r * ROW_H, LABEL_W - 12, ROW_H },
                              -1);
  for (guint b = 0; b < self->block_order->len; b++)
    allocate_block (self, self->block_order->pdata[b], width);
}

static void
pulse_shift_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PulseShiftGrid *self = PULSE_SHIFT_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrower days could not show a day's label or a shift's hours:
       * the page scrolls sideways instead. */
      *minimum = LABEL_W + PULSE_SHIFT_GRID_DAYS * 72;
      *natural = LABEL_W + PULSE_SHIFT_GRID_DAYS * 140;
    }
  else
    {
      *minimum = *natural = HEADER_H + MAX (self->agents->len, 1) * ROW_H;
    }
}

static void
draw_lines (PulseShiftGrid *self,
            GtkSnapshot    *snapshot,
            int             width,
            int             height)
{
  GdkRGBA color, line, shade, now_color = { 0.88, 0.11, 0.14, 1 };
  double day_w = (double) (width - LABEL_W) / PULSE_SHIFT_GRID_DAYS;
  gint64 now = g_get_real_time ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = shade = color;
  line.alpha = 0.15;
  shade.alpha = 0.04;

  for (guint d = 5; d < PULSE_SHIFT_GRID_DAYS; d++)
    gtk_snapshot_append_color (snapshot, &shade,
                               &GRAPHENE_RECT_INIT (LABEL_W + d * day_w, 0, day_w, height));
  for (guint d = 0; d <= PULSE_SHIFT_GRID_DAYS; d++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (LABEL_W + d * day_w - (d == 7), 0, 1,
                                                    height));
  for (guint r = 0; r <= self->agents->len; r++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, HEADER_H + r * ROW_H - (r > 0), width, 1));
  if (now >= self->from && now < self->to)
    gtk_snapshot_append_color (snapshot, &now_color,
                               &GRAPHENE_RECT_INIT (x_of (self, now, width), 0, 2, height));
}

static void
pulse_shift_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PulseShiftGrid *self = PULSE_SHIFT_GRID (widget);
  GtkWidget *child;

  draw_lines (self, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
pulse_shift_grid_dispose (GObject *object)
{
  PulseShiftGrid *self = PULSE_SHIFT_GRID (object);
  GtkWidget *child;

  /* The labels unparent themselves as the array lets go of them. */
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->block_order, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->agents, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_shift_grid_parent_class)->dispose (object);
}

static void
pulse_shift_grid_finalize (GObject *object)
{
  PulseShiftGrid *self = PULSE_SHIFT_GRID (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_free (self->agents_key);

  G_OBJECT_CLASS (pulse_shift_grid_parent_class)->finalize (object);
}

static void
pulse_shift_grid_class_init (PulseShiftGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_shift_grid_dispose;
  object_class->finalize = pulse_shift_grid_finalize;
  widget_class->measure = pulse_shift_grid_measure;
  widget_class->size_allocate = pulse_shift_grid_size_allocate;
  widget_class->snapshot = pulse_shift_grid_snapshot;

  /**
   * PulseShiftGrid::shift-edit:
   * @shift: the shift as it is
   * @start_delta: how far to move its start, microseconds
   * @end_delta: how far to move its end
   *
   * A block was dragged, or moved or resized with the keyboard.
   */
  signals[SHIFT_EDIT] = g_signal_new ("shift-edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, PULSE_TYPE_SHIFT,
                                      G_TYPE_INT64, G_TYPE_INT64);

  /**
   * PulseShiftGrid::shift-remove:
   * @shift: the shift
   *
   * Delete was pressed on a block.
   */
  signals[SHIFT_REMOVE] = g_signal_new ("shift-remove", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        PULSE_TYPE_SHIFT);

  gtk_widget_class_set_css_name (widget_class, "shiftgrid");
}

static void
pulse_shift_grid_init (PulseShiftGrid *self)
{
  self->agents = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_time_zone_unref);
  self->row_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->block_order = g_ptr_array_new ();
  for (guint d = 0; d < PULSE_SHIFT_GRID_DAYS; d++)
    {
      self->day_labels[d] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->day_labels[d], "heading");
      gtk_label_set_ellipsize (GTK_LABEL (self->day_labels[d]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_parent (self->day_labels[d], GTK_WIDGET (self));
    }
}

GtkWidget *
pulse_shift_grid_new (void)
{
  return g_object_new (PULSE_TYPE_SHIFT_GRID, NULL);
}

/* Days are labelled in the planner's zone: the week's columns. */
void
pulse_shift_grid_set_week (PulseShiftGrid *self,
                           GDateTime      *first_day)
{
  g_autoptr(GDateTime) end = NULL;

  g_return_if_fail (PULSE_IS_SHIFT_GRID (self));
  g_return_if_fail (first_day != NULL);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  end = g_date_time_add_days (first_day, PULSE_SHIFT_GRID_DAYS);
  self->from = g_date_time_to_unix (first_day) * G_USEC_PER_SEC;
  self->to = g_date_time_to_unix (end) * G_USEC_PER_SEC;
  for (guint d = 0; d < PULSE_SHIFT_GRID_DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, d);
      /* Translators: a day column of the shift grid (the month is in the
       * week's title), see g_date_time_format() */
      g_autofree char *text = g_date_time_format (day, _("%a %-d"));

      gtk_label_set_text (GTK_LABEL (self->day_labels[d]), text);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static const char *
name_of (PulseShiftGrid *self,
         const char     *agent_id)
{
  guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, agent_id));

  return row > 0 ? pulse_agent_get_name (self->agents->pdata[row - 1]) : agent_id;
}

/* The shifts to show (PulseShift, borrowed; any agents and times): those
 * of a row's agent in the week get a block, kept per id. */
void
pulse_shift_grid_set_shifts (PulseShiftGrid *self,
                             GPtrArray      *shifts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id, block;

  g_return_if_fail (PULSE_IS_SHIFT_GRID (self));

  g_ptr_array_set_size (self->block_order, 0);
  for (guint i = 0; i < shifts->len; i++)
    {
      PulseShift *shift = shifts->pdata[i];
      const char *agent_id = pulse_shift_get_agent_id (shift);

      if (!g_hash_table_contains (self->rows, agent_id)
          || pulse_shift_get_ends_at (shift) <= self->from
          || pulse_shift_get_starts_at (shift) >= self->to)
        continue;

      block = g_hash_table_lookup (self->blocks, pulse_shift_get_id (shift));
      if (block == NULL)
        {
          block = new_block (self);
          g_hash_table_insert (self->blocks, g_strdup (pulse_shift_get_id (shift)), block);
        }
      pulse_shift_block_set_shift (block, shift, name_of (self, agent_id),
                                   g_hash_table_lookup (self->zones, agent_id));
      g_hash_table_add (seen, (gpointer) pulse_shift_get_id (shift));
      g_ptr_array_add (self->block_order, block);
    }

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &id, &block))
    if (!g_hash_table_contains (seen, id))
      {
        gtk_widget_unparent (block);
        g_hash_table_iter_remove (&iter);
      }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
pulse_shift_grid_set_editable (PulseShiftGrid *self,
                               gboolean        editable)
{
  GHashTableIter iter;
  gpointer block;

  g_return_if_fail (PULSE_IS_SHIFT_GRID (self));

  self->editable = editable;
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &block))
    pulse_shift_block_set_editable (block, editable);
}

guint
pulse_shift_grid_get_n_blocks (PulseShiftGrid *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_GRID (self), 0);

  return self->block_order->len;
}

/* Returns: (transfer none) (nullable): the block of a shift. */
GtkWidget *
pulse_shift_grid_find_block (PulseShiftGrid *self,
                             const char     *shift_id)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_GRID (self), NULL);

  return g_hash_table_lookup (self->blocks, shift_id);
}

/* Returns: (transfer none): the @index-th block, in the order given. */
GtkWidget *
pulse_shift_grid_get_block (PulseShiftGrid *self,
                            guint           index)
{
  g_return_val_if_fail (PULSE_IS_SHIFT_GRID (self), NULL);
  g_return_val_if_fail (index < self->block_order->len, NULL);

  return self->block_order->pdata[index];
}
