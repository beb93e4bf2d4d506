/* pulse-sim-calendar.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-sim-calendar.h"
#include "pulse-time-utils.h"

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/**
 * pulse_sim_days_from_civil:
 * @year: the year
 * @month: 1…12
 * @mday: 1…31
 *
 * Howard Hinnant's days_from_civil, proleptic Gregorian.
 *
 * Returns: days since 1970-01-01.
 */
gint64
pulse_sim_days_from_civil (int year,
                           int month,
                           int mday)
{
  gint64 y = year - (month <= 2);
  gint64 era = floor_div (y, 400);
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * pulse_sim_civil_from_days:
 * @day: days since 1970-01-01
 * @year: (out): the year
 * @month: (out): 1…12
 * @mday: (out): 1…31
 *
 * The inverse of pulse_sim_days_from_civil().
 */
void
pulse_sim_civil_from_days (gint64  day,
                           int    *year,
                           int    *month,
                           int    *mday)
{
  gint64 z = day + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *mday = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

/**
 * pulse_sim_weekday:
 * @day: days since 1970-01-01 (a Thursday)
 *
 * Returns: 0 for Monday … 6 for Sunday.
 */
int
pulse_sim_weekday (gint64 day)
{
  return (int) (((day + 3) % 7 + 7) % 7);
}

/* 01:00 UTC on the last Sunday of @month in @year, in µs. */
static gint64
last_sunday_1am (int year,
                 int month)
{
  gint64 last = pulse_sim_days_from_civil (year, month + 1, 1) - 1;

  last -= (pulse_sim_weekday (last) + 1) % 7;
  return last * PULSE_USEC_PER_DAY + PULSE_USEC_PER_HOUR;
}

/**
 * pulse_sim_zone_offset:
 * @zone: the zone
 * @utc: an instant, µs since the epoch
 *
 * Returns: the zone's offset from UTC at @utc, in µs.
 */
gint64
pulse_sim_zone_offset (const PulseSimZone *zone,
                       gint64              utc)
{
  gint64 offset = zone->offset_minutes * PULSE_USEC_PER_MINUTE;
  int year, month, mday;

  if (!zone->eu_dst)
    return offset;

  pulse_sim_civil_from_days (floor_div (utc, PULSE_USEC_PER_DAY), &year, &month, &mday);
  if (utc >= last_sunday_1am (year, 3) && utc < last_sunday_1am (year, 10))
    offset += PULSE_USEC_PER_HOUR;

  return offset;
}

/**
 * pulse_sim_zone_local:
 * @zone: the zone
 * @utc: an instant
 * @local: (out): the local day, weekday and minute at @utc
 */
void
pulse_sim_zone_local (const PulseSimZone *zone,
                      gint64              utc,
                      PulseSimLocal      *local)
{
  gint64 t = utc + pulse_sim_zone_offset (zone, utc);

  local->day = floor_div (t, PULSE_USEC_PER_DAY);
  local->weekday = pulse_sim_weekday (local->day);
  local->minute = (int) ((t - local->day * PULSE_USEC_PER_DAY) / PULSE_USEC_PER_MINUTE);
}

/**
 * pulse_sim_zone_to_utc:
 * @zone: the zone
 * @day: a local day
 * @minute: minutes after its midnight (may exceed a day)
 *
 * The offset is taken at the local time read as UTC shifted by the
 * standard offset, which is right except in the hour a clock changes;
 * shifts start at 08:00 and 09:00, far from 01:00 UTC.
 *
 * Returns: the instant the zone's clocks show @day at @minute.
 */
gint64
pulse_sim_zone_to_utc (const PulseSimZone *zone,
                       gint64              day,
                       int                 minute)
{
  gint64 local = day * PULSE_USEC_PER_DAY + minute * PULSE_USEC_PER_MINUTE;
  gint64 guess = local - zone->offset_minutes * PULSE_USEC_PER_MINUTE;

  return local - pulse_sim_zone_offset (zone, guess);
}

/**
 * pulse_sim_format_date:
 * @day: days since 1970-01-01
 *
 * Returns: (transfer full): "YYYY-MM-DD".
 */
char *
pulse_sim_format_date (gint64 day)
{
  int year, month, mday;

  pulse_sim_civil_from_days (day, &year, &month, &mday);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
}
