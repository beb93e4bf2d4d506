/* pulse-time-utils.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-time-utils.h"

/* Years 1970..9999: earlier dates are a helpdesk's "unset" placeholder and
 * later ones cannot be formatted as RFC 3339. */
#define MIN_USEC G_GINT64_CONSTANT (0)
#define MAX_USEC G_GINT64_CONSTANT (253402300799999999)

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (H. Hinnant's civil calendar algorithms). Every event carries several
 * timestamps; GDateTime's allocation and strftime-like formatting were a
 * tenth of applying one, so the canonical form is read and written here
 * by arithmetic, and GLib only sees what is not canonical. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

/* The value of @n digits at @text, or -1 if one is not a digit. */
static gint64
read_digits (const char *text,
             guint       n)
{
  gint64 value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

static void
write_digits (char   *text,
              gint64  value,
              guint   n)
{
  for (guint i = n; i > 0; i--)
    {
      text[i - 1] = '0' + value % 10;
      value /= 10;
    }
}

/* "YYYY-MM-DDTHH:MM:SSZ" or with ".ffffff" before the Z, as
 * pulse_time_format() writes, years 1970…9999: TRUE with its value.
 * FALSE for anything else, which GLib then reads as before. */
static gboolean
parse_canonical (const char *text,
                 gint64     *usec)
{
  static const guint8 month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gsize length = strlen (text);
  gint64 year, month, day, hour, minute, second, frac = 0;

  if ((length != 20 && length != 27) || text[4] != '-' || text[7] != '-' || text[13] != ':' ||
      text[16] != ':' || text[length - 1] != 'Z' || (length == 27 && text[19] != '.'))
    return FALSE;

  year = read_digits (text, 4);
  month = read_digits (text + 5, 2);
  day = read_digits (text + 8, 2);
  hour = read_digits (text + 11, 2);
  minute = read_digits (text + 14, 2);
  second = read_digits (text + 17, 2);
  if (length == 27)
    frac = read_digits (text + 20, 6);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > month_days[month - 1] ||
      (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
      frac < 0)
    return FALSE;

  *usec = ((days_from_civil (year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  *usec = *usec * G_USEC_PER_SEC + frac;
  return TRUE;
}

/**
 * pulse_time_parse:
 * @text: an RFC 3339 timestamp with an explicit offset ("Z" or "+02:00")
 * @usec: (out): microseconds since the epoch, in UTC
 *
 * Returns: %TRUE if @text is a complete RFC 3339 timestamp with a time
 *   zone; a bare local time is refused, since its instant is unknown.
 */
gboolean
pulse_time_parse (const char *text,
                  gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 value;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (text == NULL || strlen (text) < 20 || text[10] != 'T')
    return FALSE;

  if (parse_canonical (text, usec))
    return TRUE;

  /* A NULL default zone makes GLib refuse strings without an offset. */
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return FALSE;

  value = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  if (value < MIN_USEC || value > MAX_USEC)
    return FALSE;

  *usec = value;
  return TRUE;
}

/**
 * pulse_time_format:
 * @usec: microseconds since the epoch
 *
 * Returns: (transfer full): @usec as RFC 3339 in UTC with a "Z" suffix;
 *   fractional seconds appear only when they are not zero.
 */
char *
pulse_time_format (gint64 usec)
{
  char text[28];
  gint64 days, seconds, frac, year;
  guint month, day;

  usec = CLAMP (usec, MIN_USEC, MAX_USEC);
  frac = usec % G_USEC_PER_SEC;
  seconds = usec / G_USEC_PER_SEC;
  days = seconds / 86400;
  seconds %= 86400;
  civil_from_days (days, &year, &month, &day);

  write_digits (text, year, 4);
  text[4] = '-';
  write_digits (text + 5, month, 2);
  text[7] = '-';
  write_digits (text + 8, day, 2);
  text[10] = 'T';
  write_digits (text + 11, seconds / 3600, 2);
  text[13] = ':';
  write_digits (text + 14, seconds / 60 % 60, 2);
  text[16] = ':';
  write_digits (text + 17, seconds % 60, 2);
  text[19] = 'Z';
  if (frac == 0)
    return g_strndup (text, 20);

  text[19] = '.';
  write_digits (text + 20, frac, 6);
  text[26] = 'Z';
  return g_strndup (text, 27);
}
