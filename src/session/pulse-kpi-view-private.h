/* pulse-kpi-view-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by pulse-kpi-view.c (the object, its window and figures),
 * pulse-kpi-view-window.c (its window and clock), pulse-kpi-view-apply.c
 * (rebuilding from a state and following its changes) and
 * pulse-kpi-view-fill.c (the state's tickets and the cache's history
 * added in idle slices after a rebuild).
 */

#pragma once

#include "pulse-kpi-view.h"

G_BEGIN_DECLS

/* Tickets of history per cache page (one main-loop slice at most). */
#define PULSE_KPI_VIEW_HISTORY_CHUNK 2000

typedef struct _PulseKpiFeed PulseKpiFeed;

struct _PulseKpiView
{
  GObject         parent_instance;

  PulseCache     *cache;            /* nullable: where history comes from */
  PulseKpiWindow  window;
  gint64          custom_from;
  gint64          custom_to;
  gint64          from;             /* the window in force */
  gint64          to;
  PulseKpiGroup   group;
  gint64          now;              /* 0: the real clock */
  guint           history_chunk;

  PulseState     *state;            /* the last reset's, nullable */
  PulseKpi       *kpi;
  GHashTable     *applications;     /* "date/country" → PulseKpiViewDay */
  GHashTable     *country_keys;     /* countries given to kpi's applications */

  PulseKpiFeed   *feed;             /* filling after a rebuild, nullable */
  gboolean        loaded;
  guint           history_tickets;

  guint           changed_id;
  guint           midnight_id;
  gboolean        reset_waiting;    /* a new state waits in the views' queue */
};

/* One day's applications in one country. */
typedef struct
{
  gint64  day;                      /* its UTC midnight, µs */
  char   *country;
  gint64  count;
} PulseKpiViewDay;

gint64    _pulse_kpi_view_get_clock          (PulseKpiView  *self);
gboolean  _pulse_kpi_view_resolve_window     (PulseKpiView  *self);
void      _pulse_kpi_view_schedule_midnight  (PulseKpiView  *self);
void      _pulse_kpi_view_refresh            (PulseKpiView  *self);
void      _pulse_kpi_view_schedule_changed   (PulseKpiView  *self);
void      _pulse_kpi_view_rebuild            (PulseKpiView  *self);
void      _pulse_kpi_view_cancel_reset       (PulseKpiView  *self);
void      _pulse_kpi_view_load_applications  (PulseKpiView  *self);
void      _pulse_kpi_view_set_history_state  (PulseKpiView  *self,
                                              gboolean       loaded,
                                              guint          tickets);
gboolean  _pulse_kpi_view_add_ticket         (PulseKpiView  *self,
                                              PulseTicket   *ticket,
                                              gboolean       history);
void      _pulse_kpi_view_push_applications  (PulseKpiView  *self);
void      _pulse_kpi_view_day_free           (PulseKpiViewDay *day);

gboolean  _pulse_kpi_view_add_state_node     (PulseKpiView  *self,
                                              JsonNode      *node);
void      _pulse_kpi_view_feed_start         (PulseKpiView  *self);
void      _pulse_kpi_view_drop_kpi           (PulseKpi      *kpi);
void      _pulse_kpi_view_feed_stop          (PulseKpiView  *self);
guint     _pulse_kpi_view_get_n_feeds        (void);

G_END_DECLS
