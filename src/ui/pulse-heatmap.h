/* pulse-heatmap.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PULSE_TYPE_HEATMAP (pulse_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (PulseHeatmap, pulse_heatmap, PULSE, HEATMAP, GtkWidget)

GtkWidget  *pulse_heatmap_new               (void);
void        pulse_heatmap_set_dimensions    (PulseHeatmap *self,
                                             guint         n_rows,
                                             guint         n_columns);
guint       pulse_heatmap_get_n_rows        (PulseHeatmap *self);
guint       pulse_heatmap_get_n_columns     (PulseHeatmap *self);
void        pulse_heatmap_set_row_label     (PulseHeatmap *self,
                                             guint         row,
                                             const char   *label);
void        pulse_heatmap_set_column_label  (PulseHeatmap *self,
                                             guint         column,
                                             const char   *label);
void        pulse_heatmap_set_cell          (PulseHeatmap *self,
                                             guint         row,
                                             guint         column,
                                             double        value,
                                             const char   *mark,
                                             const char   *tooltip);
double      pulse_heatmap_get_cell_value    (PulseHeatmap *self,
                                             guint         row,
                                             guint         column);
const char *pulse_heatmap_get_cell_mark     (PulseHeatmap *self,
                                             guint         row,
                                             guint         column);
const char *pulse_heatmap_get_cell_tooltip  (PulseHeatmap *self,
                                             guint         row,
                                             guint         column);
void        pulse_heatmap_set_scale_limit   (PulseHeatmap *self,
                                             double        limit);
void        pulse_heatmap_set_highlight     (PulseHeatmap *self,
                                             int           row,
                                             int           column);
void        pulse_heatmap_set_cursor        (PulseHeatmap *self,
                                             int           row,
                                             int           column);
gboolean    pulse_heatmap_get_cursor        (PulseHeatmap *self,
                                             guint        *row,
                                             guint        *column);
void        pulse_heatmap_set_cell_height   (PulseHeatmap *self,
                                             int           height);

G_END_DECLS
