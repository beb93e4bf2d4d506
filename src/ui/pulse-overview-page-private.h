/* pulse-overview-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseOverviewPage is split by concern: pulse-overview-page.c keeps the
 * figures current; pulse-overview-page-alerts.c the alerts and
 * pulse-overview-page-charts.c the charts of the last 24 hours;
 * pulse-overview-page-open.c opens what they stand for (drill-downs) and
 * prints the page.
 */

#pragma once

#include "pulse-bar-chart.h"
#include "pulse-line-chart.h"
#include "pulse-breakdown-view.h"
#include "pulse-kpi-tile.h"
#include "pulse-live-strip.h"
#include "pulse-overview-page.h"
#include "pulse-queue-board.h"
#include "pulse-stat-tile.h"

G_BEGIN_DECLS

/* Bars of the contacts-per-hour chart. */
#define HOURS 24
#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

struct _PulseOverviewPage
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkWidget        *content;
  PulseLiveStrip   *live_strip;
  GtkLabel         *period_label;
  GtkLabel         *loading_label;
  GtkFlowBox       *tiles;
  PulseBarChart    *hourly_chart;
  PulseLineChart   *sl_chart;
  GtkListBox       *alerts;
  PulseBreakdownView *breakdown;

  PulseStatTile    *tile[PULSE_KPI_TILE_N_KINDS];
  PulseSession     *session;
  PulseQueueBoard  *board;
  PulseKpiView     *view;
  PulseKpiView     *previous;
  PulseHourlyView  *hours;
  guint             previous_id;
  guint             chart_id;
  guint             tiles_id;
  gint64            chart_drawn_at;  /* monotonic */
};

void _pulse_overview_page_print_action    (GtkWidget         *widget,
                                           const char        *action_name,
                                           GVariant          *parameter);
void _pulse_overview_page_tile_activated  (PulseOverviewPage *self,
                                           GtkFlowBoxChild   *child);
void _pulse_overview_page_alert_activated (PulseOverviewPage *self,
                                           GtkListBoxRow     *row);
void _pulse_overview_page_bar_activated   (PulseOverviewPage *self,
                                           guint              index);
void _pulse_overview_page_update_chart    (PulseOverviewPage *self);
void _pulse_overview_page_update_alerts   (PulseOverviewPage *self);

G_END_DECLS
