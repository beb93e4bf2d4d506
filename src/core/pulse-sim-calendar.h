/* pulse-sim-calendar.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local time for the simulator without the system's time-zone database:
 * a zone is a fixed UTC offset, optionally with the EU summer-time rule
 * (last Sunday of March to last Sunday of October, 01:00 UTC). The same
 * seed then gives the same operation on every machine, whatever tzdata
 * it has.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *name;          /* the IANA name the directory shows */
  int      offset_minutes;
  gboolean eu_dst;
} PulseSimZone;

typedef struct
{
  gint64 day;             /* local days since 1970-01-01 */
  int    weekday;         /* 0 = Monday … 6 = Sunday */
  int    minute;          /* of the local day, 0…1439 */
} PulseSimLocal;

gint64   pulse_sim_zone_offset      (const PulseSimZone *zone,
                                     gint64              utc);
void     pulse_sim_zone_local       (const PulseSimZone *zone,
                                     gint64              utc,
                                     PulseSimLocal      *local);
gint64   pulse_sim_zone_to_utc      (const PulseSimZone *zone,
                                     gint64              day,
                                     int                 minute);
int      pulse_sim_weekday          (gint64              day);
gint64   pulse_sim_days_from_civil  (int                 year,
                                     int                 month,
                                     int                 mday);
void     pulse_sim_civil_from_days  (gint64              day,
                                     int                *year,
                                     int                *month,
                                     int                *mday);
char    *pulse_sim_format_date      (gint64              day);

G_END_DECLS
