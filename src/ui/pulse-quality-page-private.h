/* pulse-quality-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseQualityPage is split by concern: pulse-quality-page.c sets up and
 * refreshes the tiles, tables and lists; pulse-quality-page-open.c
 * exports the tables and opens a negative rating's contact.
 */

#pragma once

#include "pulse-quality-board.h"
#include "pulse-quality-page.h"
#include "pulse-stat-tile.h"

G_BEGIN_DECLS

typedef enum
{
  TILE_QA_SCORE,
  TILE_CSAT,
  TILE_NEGATIVE,
  TILE_BACKLOG,
  TILE_CALIBRATION,
  N_TILES,
} Tile;

struct _PulseQualityPage
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  GtkLabel          *period_label;
  GtkFlowBox        *tiles;
  GtkStack          *negative_stack;
  GtkColumnView     *negative_view;
  GtkListBox        *backlog_list;
  GtkStack          *teams_stack;
  GtkColumnView     *teams_view;
  GtkStack          *agents_stack;
  GtkColumnView     *agents_view;
  GtkListBox        *criteria_list;

  PulseStatTile     *tile[N_TILES];
  PulseSession      *session;
  PulseQualityBoard *board;
};

void _pulse_quality_page_export_action      (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);
void _pulse_quality_page_negative_activated (PulseQualityPage *self,
                                             guint             position);

G_END_DECLS
