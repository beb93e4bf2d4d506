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
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 frac;

  usec = CLAMP (usec, MIN_USEC, MAX_USEC);
  base = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  frac = usec % G_USEC_PER_SEC;
  dt = g_date_time_add (base, frac);

  if (frac == 0)
    return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.%fZ");
}
