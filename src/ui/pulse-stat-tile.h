/* pulse-stat-tile.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * PulseStatTrend:
 * @PULSE_STAT_TREND_NONE: no comparison
 * @PULSE_STAT_TREND_BETTER: better than the comparison
 * @PULSE_STAT_TREND_WORSE: worse than it
 * @PULSE_STAT_TREND_SAME: about the same
 *
 * How a figure compares with the previous period; the caption says how
 * (an arrow and a signed change), and colour only repeats it.
 */
typedef enum
{
  PULSE_STAT_TREND_NONE,
  PULSE_STAT_TREND_BETTER,
  PULSE_STAT_TREND_WORSE,
  PULSE_STAT_TREND_SAME,
} PulseStatTrend;

#define PULSE_TYPE_STAT_TILE (pulse_stat_tile_get_type ())

G_DECLARE_FINAL_TYPE (PulseStatTile, pulse_stat_tile, PULSE, STAT_TILE, GtkWidget)

GtkWidget  *pulse_stat_tile_new         (const char     *title);
const char *pulse_stat_tile_get_title   (PulseStatTile  *self);
void        pulse_stat_tile_set_title   (PulseStatTile  *self,
                                         const char     *title);
const char *pulse_stat_tile_get_value   (PulseStatTile  *self);
void        pulse_stat_tile_set_value   (PulseStatTile  *self,
                                         const char     *value);
const char *pulse_stat_tile_get_caption (PulseStatTile  *self);
void        pulse_stat_tile_set_caption (PulseStatTile  *self,
                                         const char     *caption,
                                         PulseStatTrend  trend);

G_END_DECLS
