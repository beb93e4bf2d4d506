/* pulse-sim-driver-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-sim-contact.h"
#include "pulse-sim-catalog.h"
#include "pulse-sim-driver.h"
#include "pulse-sim-writer.h"

G_BEGIN_DECLS

struct _PulseSimulator
{
  GObject        parent_instance;

  PulseServer   *server;
  PulseSimModel *model;
  gint64         clock;
  guint64        contacts;
  GPtrArray     *pending;          /* Pending: contacts with changes to come */
  gint64         cached_hour;
  GArray        *cached;           /* the contacts of cached_hour */
  /* For pulse_simulator_run() (pulse-sim-run.c). */
  double         speed;
  gint64         wall_start;
  gint64         sim_start;
  gint64         backfill_next;    /* the next history hour to write, going back */
  gint64         backfill_first;
  guint          tick_id;
  guint          backfill_id;
};

typedef struct
{
  PulseSimContact contact;
  gint64          done_until;      /* changes up to here are written */
  gint64          last_step;
} Pending;

enum
{
  ACTION_SHIFTS,
  ACTION_APPLICATIONS,
  ACTION_REVIEWS,
  ACTION_STATUS,
  ACTION_CONTACT,
};

typedef struct
{
  gint64          at;
  int             kind;
  gint64          day;
  PulseSimStatus  status;
  Pending        *pending;
} Action;

gboolean _pulse_simulator_shifts       (PulseSimulator  *self,
                                         PulseSimWriter  *writer,
                                         gint64           first_day,
                                         gint64           last_day,
                                         GError         **error);
gboolean _pulse_simulator_statuses     (PulseSimulator  *self,
                                         PulseSimWriter  *writer,
                                         gint64           from,
                                         gint64           to,
                                         GError         **error);
gboolean _pulse_simulator_status       (PulseSimulator        *self,
                                         PulseSimWriter        *writer,
                                         const PulseSimStatus  *status,
                                         GError               **error);
gboolean _pulse_simulator_applications (PulseSimulator  *self,
                                         PulseSimWriter  *writer,
                                         gint64           day,
                                         GError         **error);
gboolean _pulse_simulator_reviews      (PulseSimulator  *self,
                                         PulseSimWriter  *writer,
                                         gint64           day,
                                         GError         **error);

G_END_DECLS
