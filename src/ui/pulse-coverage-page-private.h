/* pulse-coverage-page-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseCoveragePage is split by concern: pulse-coverage-page.c holds the
 * object and when it fetches, pulse-coverage-page-fill.c the queue menu
 * and what it shows of an answer. Shared by the two.
 */

#pragma once

#include "pulse-coverage-page-state.h"
#include "pulse-coverage-page.h"
#include "pulse-heatmap.h"
#include "pulse-session-coverage.h"

G_BEGIN_DECLS

struct _PulseCoveragePage
{
  AdwBin                parent_instance;

  PulseSession         *session;
  PulseConnectionState  connection_state;
  GCancellable         *cancellable;
  PulseCoverageReport  *report;
  GTimeZone            *tz;
  GDateTime            *first_day;
  char                 *fetched_queue_id;
  gint64                fetched_at;
  guint                 refresh_id;
  guint                 n_fetches;
  gboolean              in_flight;

  /* The queue menu: "All queues", then the queues by name; queue_ids
   * holds the id of each entry (NULL for all). */
  GtkStringList        *queue_names;
  GPtrArray            *queue_ids;
  gboolean              rebuilding_queues;

  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GtkDropDown          *queue_dropdown;
  GtkLabel             *zone_label;
  GtkSpinner           *refresh_spinner;
  GtkLabel             *understaffed_label;
  GtkLabel             *understaffed_detail;
  GtkLabel             *worst_label;
  GtkLabel             *worst_detail;
  PulseHeatmap         *heatmap;
  GtkLabel             *details_label;
  PulseHeatmap         *legend;
  GtkLabel             *footnote_label;
};

void        _pulse_coverage_page_fetch          (PulseCoveragePage *self);
void        _pulse_coverage_page_init_queues    (PulseCoveragePage *self);
void        _pulse_coverage_page_init_legend    (PulseCoveragePage *self);
const char *_pulse_coverage_page_get_queue_id   (PulseCoveragePage *self);
void        _pulse_coverage_page_show_report    (PulseCoveragePage *self);
void        _pulse_coverage_page_show_details   (PulseCoveragePage *self);

G_END_DECLS
