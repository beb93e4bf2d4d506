/* pulse-forecast-interval-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-forecast-interval.c (the GObject) and
 * pulse-forecast-interval-json.c (its codec), so neither outgrows the size
 * budget.
 */

#pragma once

#include "pulse-forecast-interval.h"

G_BEGIN_DECLS

#define MAX_ARRIVALS            PULSE_FORECAST_INTERVAL_MAX_ARRIVALS
#define MAX_HANDLE_TIME_SECONDS PULSE_FORECAST_INTERVAL_MAX_HANDLE_SECONDS
#define MAX_AGENTS              PULSE_FORECAST_INTERVAL_MAX_AGENTS
#define UNKNOWN                 PULSE_FORECAST_INTERVAL_UNKNOWN
/* Flags are short words; a reader keeps ones it does not know. */
#define MAX_FLAGS               16

struct _PulseForecastInterval
{
  GObject parent_instance;

  char   *queue_id;
  gint64  starts_at;
  double  forecast_arrivals;
  int     actual_arrivals;
  double  handle_time_seconds;
  int     required;
  int     required_with_shrinkage;
  int     scheduled;
  int     online;
  GStrv   flags;
};

G_END_DECLS
