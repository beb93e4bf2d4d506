/* bench-server-coverage.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the coverage benchmark's two files: bench-server-coverage.c
 * (the server and the measurements) and bench-server-coverage-data.c (the
 * synthetic contact centre).
 */

#pragma once

#include <libsoup/soup.h>

#include "pulse-forecast-interval.h"
#include "pulse-server.h"

G_BEGIN_DECLS

#define N_QUEUES    40
#define N_AGENTS    200
#define N_WEEKS     12

#define INTERVAL PULSE_FORECAST_INTERVAL_USEC
#define HOUR     PULSE_USEC_PER_HOUR
#define DAY      PULSE_USEC_PER_DAY
#define WEEK     (7 * DAY)

typedef struct
{
  PulseDb         *db;
  PulseServer     *server;
  SoupSession     *soup;
  char            *url;
  char            *dir;
  char            *viewer;
  char            *planner;
  gint64           now;
} Bench;

typedef struct
{
  GBytes   *body;
  guint     status;
  gboolean  done;
} Pending;

Pending bench_request          (Bench      *bench,
                                const char *method,
                                const char *path,
                                const char *token,
                                const char *body);
void    bench_ingest_directory (Bench      *bench);
guint   bench_ingest_history   (Bench      *bench,
                                guint       per_week);
guint   bench_plan_shifts      (Bench      *bench,
                                gint64      first_day,
                                guint       n_days,
                                gboolean    report);

G_END_DECLS
