/* pulse-kpi-tile.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-kpi-summary.h"
#include "pulse-stat-tile.h"

G_BEGIN_DECLS

/**
 * PulseKpiTileKind:
 * @PULSE_KPI_TILE_CONTACTS: contacts in the period
 * @PULSE_KPI_TILE_SERVICE_LEVEL: share answered within the queue's target
 * @PULSE_KPI_TILE_FIRST_RESPONSE: median first human reply (p90 beside)
 * @PULSE_KPI_TILE_HANDLE_TIME: mean handle time
 * @PULSE_KPI_TILE_CSAT: share of 4–5 ratings
 * @PULSE_KPI_TILE_NPS: promoters minus detractors
 * @PULSE_KPI_TILE_CES: mean customer effort (1–7, lower is better)
 * @PULSE_KPI_TILE_FCR: weekly first-contact resolution
 * @PULSE_KPI_TILE_REPEAT_RATE: contacts repeated within 7 days
 * @PULSE_KPI_TILE_AUTOMATION: contacts closed by a rule or bot alone
 * @PULSE_KPI_TILE_PER_APPLICATION: contacts per loan application
 * @PULSE_KPI_TILE_QA_SCORE: mean QA score of graded reviews
 *
 * The Overview's headline figures, in their order.
 */
typedef enum
{
  PULSE_KPI_TILE_CONTACTS,
  PULSE_KPI_TILE_SERVICE_LEVEL,
  PULSE_KPI_TILE_FIRST_RESPONSE,
  PULSE_KPI_TILE_HANDLE_TIME,
  PULSE_KPI_TILE_CSAT,
  PULSE_KPI_TILE_NPS,
  PULSE_KPI_TILE_CES,
  PULSE_KPI_TILE_FCR,
  PULSE_KPI_TILE_REPEAT_RATE,
  PULSE_KPI_TILE_AUTOMATION,
  PULSE_KPI_TILE_PER_APPLICATION,
  PULSE_KPI_TILE_QA_SCORE,
  PULSE_KPI_TILE_N_KINDS
} PulseKpiTileKind;

/**
 * PulseKpiTileFigure:
 * @value: (owned): the figure as shown, an en dash when there is none
 * @caption: (owned) (nullable): the change against the previous period
 *   ("▲ 3 pts"), or a detail when there is no comparison
 * @trend: whether that change is for the better
 */
typedef struct
{
  char           *value;
  char           *caption;
  PulseStatTrend  trend;
} PulseKpiTileFigure;

const char *pulse_kpi_tile_get_title       (PulseKpiTileKind          kind);
const char *pulse_kpi_tile_get_definition  (PulseKpiTileKind          kind);
double      pulse_kpi_tile_get_raw         (PulseKpiTileKind          kind,
                                            const PulseKpiSummary    *summary);
void        pulse_kpi_tile_compute         (PulseKpiTileKind          kind,
                                            const PulseKpiSummary    *current,
                                            const PulseKpiSummary    *previous,
                                            PulseKpiTileFigure       *figure);
void        pulse_kpi_tile_figure_clear    (PulseKpiTileFigure       *figure);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseKpiTileFigure, pulse_kpi_tile_figure_clear)

G_END_DECLS
