/* pulse-kpi-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-cache.h"
#include "pulse-kpi.h"
#include "pulse-state.h"

G_BEGIN_DECLS

/**
 * PulseKpiWindow:
 * @PULSE_KPI_WINDOW_TODAY: the current UTC day
 * @PULSE_KPI_WINDOW_7_DAYS: the last 7 UTC days, today included
 * @PULSE_KPI_WINDOW_30_DAYS: the last 30 UTC days, today included
 * @PULSE_KPI_WINDOW_90_DAYS: the last 90 UTC days, today included
 * @PULSE_KPI_WINDOW_CUSTOM: the range given to pulse_kpi_view_set_range()
 *
 * The period a #PulseKpiView counts contacts in. Days are UTC days, as
 * the server counts loan applications.
 */
typedef enum
{
  PULSE_KPI_WINDOW_TODAY,
  PULSE_KPI_WINDOW_7_DAYS,
  PULSE_KPI_WINDOW_30_DAYS,
  PULSE_KPI_WINDOW_90_DAYS,
  PULSE_KPI_WINDOW_CUSTOM,
} PulseKpiWindow;

#define PULSE_TYPE_KPI_WINDOW (pulse_kpi_window_get_type ())

GType pulse_kpi_window_get_type (void) G_GNUC_CONST;

#define PULSE_TYPE_KPI_VIEW (pulse_kpi_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseKpiView, pulse_kpi_view, PULSE, KPI_VIEW, GObject)

PulseKpiView     *pulse_kpi_view_new                 (PulseCache              *cache);
PulseKpiWindow    pulse_kpi_view_get_window          (PulseKpiView            *self);
void              pulse_kpi_view_set_window          (PulseKpiView            *self,
                                                      PulseKpiWindow           window);
void              pulse_kpi_view_set_range           (PulseKpiView            *self,
                                                      gint64                   from,
                                                      gint64                   to);
gint64            pulse_kpi_view_get_from            (PulseKpiView            *self);
gint64            pulse_kpi_view_get_to              (PulseKpiView            *self);
PulseKpiGroup     pulse_kpi_view_get_group           (PulseKpiView            *self);
void              pulse_kpi_view_set_group           (PulseKpiView            *self,
                                                      PulseKpiGroup            group);
gint64            pulse_kpi_view_get_now             (PulseKpiView            *self);
void              pulse_kpi_view_set_now             (PulseKpiView            *self,
                                                      gint64                   now);
guint             pulse_kpi_view_get_history_chunk   (PulseKpiView            *self);
void              pulse_kpi_view_set_history_chunk   (PulseKpiView            *self,
                                                      guint                    chunk);
gboolean          pulse_kpi_view_get_loaded          (PulseKpiView            *self);
guint             pulse_kpi_view_get_history_tickets (PulseKpiView            *self);

void              pulse_kpi_view_reset               (PulseKpiView            *self,
                                                      PulseState              *state);
void              pulse_kpi_view_apply               (PulseKpiView            *self,
                                                      const PulseStateChange  *change);
void              pulse_kpi_view_add_history_ticket  (PulseKpiView            *self,
                                                      PulseTicket             *ticket);

GStrv             pulse_kpi_view_dup_keys            (PulseKpiView            *self);
PulseKpiSummary  *pulse_kpi_view_dup_summary         (PulseKpiView            *self,
                                                      const char              *key);
PulseKpiSummary  *pulse_kpi_view_dup_ungrouped       (PulseKpiView            *self);
JsonNode         *pulse_kpi_view_to_json             (PulseKpiView            *self);

G_END_DECLS
