/* pulse-hourly-view-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseHourlyView is split by concern:
 *
 * - pulse-hourly-view.c: the object, following the state's changes and
 *   the reset's fill, reading the figures;
 * - pulse-hourly-view-hours.c: the hours: placing a ticket in its hour,
 *   moving the hours on.
 *
 * This header is shared by them and by nothing else.
 */

#pragma once

#include "pulse-hourly-view.h"
#include "pulse-kpi.h"
#include "pulse-ticket-fill.h"

G_BEGIN_DECLS

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

struct _PulseHourlyView
{
  GObject      parent_instance;

  guint        n_hours;
  gint64       first;      /* start of the oldest hour, µs */
  GPtrArray   *hours;      /* PulseKpi, oldest first */
  GHashTable  *queues;     /* id → JsonNode, the state's */
  GHashTable  *placed;     /* ticket id → gint64 *, the start of its hour */
  GHashTable  *later;      /* ticket id → JsonNode, created after the last hour */

  PulseState      *state;
  PulseTicketFill *fill;   /* the reset's tickets still coming in */
};

gint64 _pulse_hourly_view_hour_of    (gint64           at);
void   _pulse_hourly_view_set_queue  (PulseKpi        *kpi,
                                      JsonNode        *node);
void   _pulse_hourly_view_unplace    (PulseHourlyView *self,
                                      const char      *id);
void   _pulse_hourly_view_place      (PulseHourlyView *self,
                                      const char      *id,
                                      JsonNode        *node);
void   _pulse_hourly_view_new_hours  (PulseHourlyView *self,
                                      gint64           first);
void   _pulse_hourly_view_roll_to    (PulseHourlyView *self,
                                      gint64           now);
void   _pulse_hourly_view_start_fill (PulseHourlyView *self);

G_END_DECLS
