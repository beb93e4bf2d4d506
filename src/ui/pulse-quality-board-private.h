/* pulse-quality-board-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's internals, shared by its plumbing (pulse-quality-board.c)
 * and the code that fills its lists (pulse-quality-board-fill.c).
 */

#pragma once

#include "pulse-quality-board.h"

G_BEGIN_DECLS

/* What changed since the last refresh: each list is recounted only when
 * something it is made of changed. */
typedef enum
{
  PULSE_QUALITY_DIRTY_SCORES   = 1 << 0, /* views, teams, agents */
  PULSE_QUALITY_DIRTY_BACKLOG  = 1 << 1, /* reviews, or the clock */
  PULSE_QUALITY_DIRTY_NEGATIVE = 1 << 2, /* tickets, reviews, queues, the day */
  PULSE_QUALITY_DIRTY_CRITERIA = 1 << 3, /* reviews, scorecards */
  PULSE_QUALITY_DIRTY_ALL      = 0xf,
} PulseQualityDirty;

struct _PulseQualityBoard
{
  GObject             parent_instance;

  PulseSession       *session;
  PulseKpiView       *team_view;
  PulseKpiView       *agent_view;
  GListStore         *lists[PULSE_QUALITY_N_LISTS];
  PulseQualityTotals  totals;
  PulseQualityDirty   dirty;
  guint               refresh_id;
  guint               tick_id;
  gint64              negative_at;    /* monotonic µs of the last scan of the ratings */
  guint               negative_id;    /* the next scan, held back until then */
};

PulseQualityRow *_pulse_quality_board_row_at   (PulseQualityBoard *self,
                                                PulseQualityList   list,
                                                guint              position,
                                                const char        *id);
void             _pulse_quality_board_truncate (PulseQualityBoard *self,
                                                PulseQualityList   list,
                                                guint              n_items);

void             _pulse_quality_fill_scores    (PulseQualityBoard *self);
void             _pulse_quality_fill_backlog   (PulseQualityBoard *self,
                                                gint64             now);
void             _pulse_quality_fill_negative  (PulseQualityBoard *self,
                                                gint64             now);
void             _pulse_quality_fill_criteria  (PulseQualityBoard *self);

G_END_DECLS
