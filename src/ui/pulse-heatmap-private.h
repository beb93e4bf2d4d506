/* pulse-heatmap-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseHeatmap is split by concern: pulse-heatmap.c holds the object, its
 * input and API, pulse-heatmap-draw.c how it draws. Shared by the two.
 */

#pragma once

#include "pulse-heatmap.h"

G_BEGIN_DECLS

struct _PulseHeatmap
{
  GtkWidget  parent_instance;

  guint      n_rows;
  guint      n_columns;
  GPtrArray *row_labels;
  GPtrArray *column_labels;
  double    *values;
  GPtrArray *marks;
  GPtrArray *tooltips;
  double     limit;
  int        highlight_row;
  int        highlight_column;
  int        cursor_row;
  int        cursor_column;
  int        cell_height;
};

#define LABEL_GAP     12
#define AXIS_GAP      4
#define MIN_CELL_W    12
#define NAT_CELL_W    24
#define CELL_GAP      1

typedef struct
{
  double label_w;
  double axis_h;
  double cell_w;
  double cell_h;
} Geometry;


static inline guint
_pulse_heatmap_index (PulseHeatmap *self,
                      guint         row,
                      guint         column)
{
  return row * self->n_columns + column;
}

int  _pulse_heatmap_label_width  (PulseHeatmap *self);
int  _pulse_heatmap_axis_height  (PulseHeatmap *self);
void _pulse_heatmap_get_geometry (PulseHeatmap *self,
                                  Geometry     *geometry);
void _pulse_heatmap_snapshot     (GtkWidget    *widget,
                                  GtkSnapshot  *snapshot);

G_END_DECLS
