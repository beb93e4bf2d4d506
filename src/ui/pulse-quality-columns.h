/* pulse-quality-columns.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * PulseQualityCell:
 * @PULSE_QUALITY_CELL_TITLE: the row's title over its subtitle, sorted by
 *   title
 * @PULSE_QUALITY_CELL_NAME: the title alone, sorted by it
 * @PULSE_QUALITY_CELL_SUBTITLE: the subtitle alone, sorted by it
 * @PULSE_QUALITY_CELL_VALUE: the main figure, sorted by its number
 * @PULSE_QUALITY_CELL_COUNT: the count, sorted by its number
 * @PULSE_QUALITY_CELL_EXTRA: the second figure, sorted by its number
 * @PULSE_QUALITY_CELL_TIME: the time, sorted by it
 * @PULSE_QUALITY_CELL_DETAIL: free text over up to three lines, unsorted
 *
 * What a column of #PulseQualityRow shows.
 */
typedef enum
{
  PULSE_QUALITY_CELL_TITLE,
  PULSE_QUALITY_CELL_NAME,
  PULSE_QUALITY_CELL_SUBTITLE,
  PULSE_QUALITY_CELL_VALUE,
  PULSE_QUALITY_CELL_COUNT,
  PULSE_QUALITY_CELL_EXTRA,
  PULSE_QUALITY_CELL_TIME,
  PULSE_QUALITY_CELL_DETAIL,
} PulseQualityCell;

GtkColumnViewColumn *pulse_quality_columns_add (GtkColumnView    *view,
                                                const char       *title,
                                                PulseQualityCell  cell);
GtkWidget           *pulse_quality_columns_new_row (gpointer       item,
                                                    gpointer       user_data);

G_END_DECLS
