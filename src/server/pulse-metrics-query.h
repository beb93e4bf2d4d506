/* pulse-metrics-query.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-db.h"
#include "pulse-kpi.h"
#include "pulse-ticket-rows.h"

G_BEGIN_DECLS

/* The longest window one query may ask for. */
#define PULSE_METRICS_MAX_DAYS 400

/**
 * PulseMetricsQuery:
 * @group: how to split the contacts
 * @from: the window's start (µs), included
 * @to: the window's end (µs), excluded; above @from
 * @now: the time the figures are for (µs): it bounds the service-level
 *   waits and the 7-day follow-up windows
 *
 * One `/api/v1/metrics` question.
 */
typedef struct
{
  PulseKpiGroup group;
  gint64        from;
  gint64        to;
  gint64        now;
} PulseMetricsQuery;

JsonNode *pulse_metrics_query_run         (const PulseMetricsQuery  *query,
                                           PulseDb                  *db,
                                           GCancellable             *cancellable,
                                           GError                  **error);
void      pulse_metrics_contact_from_row  (PulseKpiContact          *contact,
                                           const PulseTicketRow     *row);

G_END_DECLS
