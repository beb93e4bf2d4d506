/* pulse-shifts-coverage-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-shifts-coverage.c (data, what-if),
 * pulse-shifts-coverage-staff.c (the staffing worked out in a thread) and
 * pulse-shifts-coverage-fill.c (the grid, lists and summary).
 */

#pragma once

#include "pulse-heatmap.h"
#include "pulse-shifts-coverage.h"

G_BEGIN_DECLS

/* A planning shared with the worker that staffs it, so that a new week
 * can replace it while a what-if is being computed. */
typedef struct
{
  PulsePlanning *planning;
} PlanningRef;

struct _PulseShiftsCoverage
{
  AdwBin           parent_instance;

  GtkCheckButton  *goal_check;
  GtkSpinButton   *goal_spin;
  GtkSpinButton   *multiplier_spin;
  GtkSpinButton   *shrinkage_spin;
  GtkDropDown     *queue_dropdown;
  GtkLabel        *summary_label;
  PulseHeatmap    *heatmap;
  GtkListBox      *gap_list;
  GtkListBox      *surplus_list;

  PulseSession    *session;
  PulseConnectionState connection_state;
  GDateTime       *first_day;
  GCancellable    *cancellable;
  PlanningRef     *planning;
  GPtrArray       *agents;       /* PulseAgent */
  GPtrArray       *shifts;       /* PulseShift */
  double           report_shrinkage;
  guint            staff_generation;
  guint            timer_id;
  guint            settle_id;
  double           forecast_total;  /* of the last fetch; < 0: none yet */
  gboolean         staffing;
  gboolean         fetching;
  gboolean         filling_queues;
  char            *summary;
};

void _pulse_shifts_coverage_show (PulseShiftsCoverage *self);
void _pulse_shifts_coverage_fill_queues (PulseShiftsCoverage *self);

void _pulse_shifts_coverage_planning_ref_release (PlanningRef         *ref);
void _pulse_shifts_coverage_start_staffing       (PulseShiftsCoverage *self);

G_END_DECLS
