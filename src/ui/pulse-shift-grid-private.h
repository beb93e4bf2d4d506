/* pulse-shift-grid-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseShiftGrid is split by concern: pulse-shift-grid.c lays out, draws
 * and keeps the blocks of the week's shifts; pulse-shift-grid-rows.c
 * makes the agents' rows.
 */

#pragma once

#include "pulse-shift-grid.h"

G_BEGIN_DECLS

struct _PulseShiftGrid
{
  GtkWidget   parent_instance;

  GDateTime  *first_day;
  gint64      from;
  gint64      to;
  GPtrArray  *agents;       /* PulseAgent, one per row */
  GHashTable *rows;         /* agent id → row + 1 */
  GHashTable *zones;        /* agent id → GTimeZone */
  GPtrArray  *row_labels;   /* GtkLabel */
  GtkWidget  *day_labels[PULSE_SHIFT_GRID_DAYS];
  GHashTable *blocks;       /* shift id → PulseShiftBlock */
  GPtrArray  *block_order;  /* PulseShiftBlock, by start */
  char       *agents_key;
  gboolean    editable;
};

G_END_DECLS
