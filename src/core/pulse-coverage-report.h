/* pulse-coverage-report.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-forecast-interval.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/* The queue id of the intervals pulse_coverage_report_dup_totals() makes. */
#define PULSE_COVERAGE_REPORT_ALL_QUEUES "*"

/**
 * PulseCoverageReportQueue:
 * @queue_id: the queue
 * @name: (nullable): its name
 * @channel: its channel
 * @model: how its required agents are computed ("erlang-c", …)
 * @sl_target_seconds: the service-level target planned for
 * @sl_goal: the goal planned for, above 0 and below 1
 * @agents: how many agents serve the queue
 * @intervals: (element-type PulseForecastInterval): one per interval of
 *   the report's range, in time order
 *
 * One queue of a coverage answer.
 */
typedef struct
{
  char             *queue_id;
  char             *name;
  PulseChannelKind  channel;
  char             *model;
  int               sl_target_seconds;
  double            sl_goal;
  guint             agents;
  GPtrArray        *intervals;
} PulseCoverageReportQueue;

#define PULSE_TYPE_COVERAGE_REPORT (pulse_coverage_report_get_type ())

G_DECLARE_FINAL_TYPE (PulseCoverageReport, pulse_coverage_report, PULSE, COVERAGE_REPORT, GObject)

PulseCoverageReport *pulse_coverage_report_new_from_json (JsonNode            *node,
                                                          GError             **error);
gint64               pulse_coverage_report_get_from      (PulseCoverageReport *self);
gint64               pulse_coverage_report_get_to        (PulseCoverageReport *self);
gint64               pulse_coverage_report_get_as_of     (PulseCoverageReport *self);
double               pulse_coverage_report_get_shrinkage (PulseCoverageReport *self);
guint                pulse_coverage_report_get_n_queues  (PulseCoverageReport *self);
guint                pulse_coverage_report_get_n_intervals (PulseCoverageReport *self);
const PulseCoverageReportQueue *
                     pulse_coverage_report_get_queue     (PulseCoverageReport *self,
                                                          guint                index);
const PulseCoverageReportQueue *
                     pulse_coverage_report_find_queue    (PulseCoverageReport *self,
                                                          const char          *queue_id);
GPtrArray           *pulse_coverage_report_dup_totals    (PulseCoverageReport *self);

G_END_DECLS
