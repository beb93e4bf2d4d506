/* pulse-shift-grid.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SHIFT_GRID (pulse_shift_grid_get_type ())

#define PULSE_SHIFT_GRID_DAYS 7

G_DECLARE_FINAL_TYPE (PulseShiftGrid, pulse_shift_grid, PULSE, SHIFT_GRID, GtkWidget)

GtkWidget *pulse_shift_grid_new          (void);
void       pulse_shift_grid_set_week     (PulseShiftGrid  *self,
                                          GDateTime       *first_day);
void       pulse_shift_grid_set_agents   (PulseShiftGrid  *self,
                                          GPtrArray       *agents);
void       pulse_shift_grid_set_shifts   (PulseShiftGrid  *self,
                                          GPtrArray       *shifts);
void       pulse_shift_grid_set_editable (PulseShiftGrid  *self,
                                          gboolean         editable);
guint      pulse_shift_grid_get_n_blocks (PulseShiftGrid  *self);
GtkWidget *pulse_shift_grid_find_block   (PulseShiftGrid  *self,
                                          const char      *shift_id);
GtkWidget *pulse_shift_grid_get_block    (PulseShiftGrid  *self,
                                          guint            index);

G_END_DECLS
