/* pulse-heatmap-draw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a PulseHeatmap draws (pulse-heatmap-private.h).
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "pulse-heatmap-private.h"

static PangoLayout *
new_layout (PulseHeatmap *self,
            const char   *text,
            gboolean      bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }

  return layout;
}

/* Marks sit in half-hour cells of ~18 px: a smaller bold face keeps
 * "−12" inside one. */
static PangoLayout *
new_mark_layout (PulseHeatmap *self,
                 const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (-PANGO_SCALE / 2));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

int
_pulse_heatmap_label_width (PulseHeatmap *self)
{
  int width = 0;

  for (guint i = 0; i < self->row_labels->len; i++)
    {
      const char *text = self->row_labels->pdata[i];
      g_autoptr(PangoLayout) layout = NULL;
      int w;

      if (text == NULL)
        continue;
      layout = new_layout (self, text, TRUE);
      pango_layout_get_pixel_size (layout, &w, NULL);
      width = MAX (width, w);
    }

  return width > 0 ? width + LABEL_GAP : 0;
}

int
_pulse_heatmap_axis_height (PulseHeatmap *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean labelled = FALSE;
  int h;

  /* No column labels, no axis: a legend strip is only its cells. */
  for (guint i = 0; i < self->column_labels->len && !labelled; i++)
    labelled = self->column_labels->pdata[i] != NULL;
  if (!labelled)
    return 0;

  layout = new_layout (self, "0", FALSE);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h + AXIS_GAP;
}

void
_pulse_heatmap_get_geometry (PulseHeatmap *self,
                             Geometry     *geometry)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  geometry->label_w = _pulse_heatmap_label_width (self);
  geometry->axis_h = _pulse_heatmap_axis_height (self);
  geometry->cell_w = self->n_columns > 0 ? (width - geometry->label_w) / self->n_columns : 0;
  geometry->cell_h = self->n_rows > 0 ? (height - geometry->axis_h) / self->n_rows : 0;
}

static void
get_fg (PulseHeatmap *self,
        GdkRGBA      *fg)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
}

/* The cell colour: a shade of orange or blue over the background, more
 * opaque the further from zero; capped so text on it stays readable. */
static void
get_cell_color (PulseHeatmap *self,
                double        value,
                GdkRGBA      *color)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double t = self->limit > 0.0 ? MIN (fabs (value) / self->limit, 1.0) : 1.0;

  if (value == 0.0)
    {
      get_fg (self, color);
      color->alpha = 0.07f;
      return;
    }

  if (value < 0.0)
    gdk_rgba_parse (color, dark ? "#ffa348" : "#e66100");
  else
    gdk_rgba_parse (color, dark ? "#62a0ea" : "#1c71d8");
  color->alpha = 0.2f + 0.5f * t;
}

static void
get_accent (PulseHeatmap *self,
            GdkRGBA      *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static graphene_rect_t
cell_rect (const Geometry *g,
           guint           row,
           guint           column)
{
  graphene_rect_t rect;

  graphene_rect_init (&rect, g->label_w + column * g->cell_w + CELL_GAP,
                      g->axis_h + row * g->cell_h + CELL_GAP,
                      MAX (g->cell_w - 2 * CELL_GAP, 1), MAX (g->cell_h - 2 * CELL_GAP, 1));
  return rect;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_labels (PulseHeatmap   *self,
             GtkSnapshot    *snapshot,
             const Geometry *g)
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA accent;

  get_fg (self, &fg);
  get_accent (self, &accent);
  dim = fg;
  dim.alpha *= 0.7f;

  for (guint row = 0; row < self->n_rows; row++)
    {
      const char *text = self->row_labels->pdata[row];
      gboolean now = (int) row == self->highlight_row;
      g_autoptr(PangoLayout) layout = NULL;
      int h;

      if (text == NULL)
        continue;
      layout = new_layout (self, text, TRUE);
      pango_layout_get_pixel_size (layout, NULL, &h);
      draw_layout (snapshot, layout, 0, g->axis_h + row * g->cell_h + (g->cell_h - h) / 2,
                   now ? &accent : &fg);
    }

  for (guint column = 0; column < self->n_columns; column++)
    {
      const char *text = self->column_labels->pdata[column];
      double x = g->label_w + column * g->cell_w;
      g_autoptr(PangoLayout) layout = NULL;

      if (text == NULL)
        continue;
      /* A tick down the grid's top edge, and the label beside it. */
      gtk_snapshot_append_color (snapshot, &dim,
                                 &GRAPHENE_RECT_INIT (x, g->axis_h - AXIS_GAP, 1, AXIS_GAP));
      layout = new_layout (self, text, FALSE);
      draw_layout (snapshot, layout, x + 2, 0,
                   (int) column == self->highlight_column ? &accent : &dim);
    }
}

static void
draw_hatch (cairo_t               *cr,
            const graphene_rect_t *rect)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_clip (cr);
  for (double d = -rect->size.height; d < rect->size.width; d += 6)
    {
      cairo_move_to (cr, rect->origin.x + d, rect->origin.y + rect->size.height);
      cairo_line_to (cr, rect->origin.x + d + rect->size.height, rect->origin.y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Marked cells get diagonal stripes under their text: a second cue that
 * survives greyscale printing and any colour vision. */
static void
draw_hatches (PulseHeatmap   *self,
              GtkSnapshot    *snapshot,
              const Geometry *g)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr = NULL;
  GdkRGBA fg;

  get_fg (self, &fg);
  for (guint i = 0; i < self->marks->len; i++)
    {
      graphene_rect_t rect;

      if (self->marks->pdata[i] == NULL)
        continue;
      if (cr == NULL)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.22);
          cairo_set_line_width (cr, 1.5);
        }
      rect = cell_rect (g, i / self->n_columns, i % self->n_columns);
      draw_hatch (cr, &rect);
    }
  g_clear_pointer (&cr, cairo_destroy);
}

static void
draw_cells (PulseHeatmap   *self,
            GtkSnapshot    *snapshot,
            const Geometry *g)
{
  GdkRGBA fg;

  get_fg (self, &fg);
  for (guint row = 0; row < self->n_rows; row++)
    for (guint column = 0; column < self->n_columns; column++)
      {
        double value = self->values[_pulse_heatmap_index (self, row, column)];
        graphene_rect_t rect = cell_rect (g, row, column);
        GdkRGBA color;

        if (isnan (value))
          continue;
        get_cell_color (self, value, &color);
        gtk_snapshot_append_color (snapshot, &color, &rect);
      }

  draw_hatches (self, snapshot, g);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const char *mark = self->marks->pdata[i];
      graphene_rect_t rect;
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (mark == NULL)
        continue;
      rect = cell_rect (g, i / self->n_columns, i % self->n_columns);
      layout = new_mark_layout (self, mark);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* Too wide for the cell: the hatch and the tooltip still say it. */
      if (w <= rect.size.width)
        draw_layout (snapshot, layout, rect.origin.x + (rect.size.width - w) / 2,
                     rect.origin.y + (rect.size.height - h) / 2, &fg);
    }
}

static void
draw_outline (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  width,
              const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  const float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, rect, 2);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

void
_pulse_heatmap_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PulseHeatmap *self = PULSE_HEATMAP (widget);
  Geometry g;
  GdkRGBA accent;

  if (self->n_rows == 0 || self->n_columns == 0)
    return;

  _pulse_heatmap_get_geometry (self, &g);
  get_accent (self, &accent);
  draw_labels (self, snapshot, &g);
  draw_cells (self, snapshot, &g);

  if (self->highlight_row >= 0 && self->highlight_column >= 0)
    {
      graphene_rect_t rect = cell_rect (&g, self->highlight_row, self->highlight_column);

      /* "Now": a line through the whole day, and the cell ringed. */
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (rect.origin.x - CELL_GAP - 1, g.axis_h,
                                                      2, self->n_rows * g.cell_h));
      draw_outline (snapshot, &GRAPHENE_RECT_INIT (rect.origin.x - 2, rect.origin.y - 2,
                                                   rect.size.width + 4, rect.size.height + 4),
                    2, &accent);
    }

  if (self->cursor_row >= 0 && gtk_widget_has_visible_focus (widget))
    {
      graphene_rect_t rect = cell_rect (&g, self->cursor_row, self->cursor_column);
      GdkRGBA fg;

      get_fg (self, &fg);
      draw_outline (snapshot, &rect, 2, &fg);
    }
}
