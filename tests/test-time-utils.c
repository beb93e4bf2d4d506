/* test-time-utils.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-time-utils.h"

#define T_2026_11_20_0930Z (G_GINT64_CONSTANT (1795167000) * G_USEC_PER_SEC)

static void
test_parse (void)
{
  gint64 usec = -1;

  g_assert_true (pulse_time_parse ("2026-11-20T09:30:00Z", &usec));
  g_assert_cmpint (usec, ==, T_2026_11_20_0930Z);

  /* The same instant written in Kyiv's winter offset. */
  g_assert_true (pulse_time_parse ("2026-11-20T11:30:00+02:00", &usec));
  g_assert_cmpint (usec, ==, T_2026_11_20_0930Z);

  g_assert_true (pulse_time_parse ("2026-11-20T09:30:00.25Z", &usec));
  g_assert_cmpint (usec, ==, T_2026_11_20_0930Z + 250000);
}

static void
test_parse_refuses (void)
{
  static const char *bad[] = {
    "", "2026-11-20", "2026-11-20T09:30:00", "2026-11-20 09:30:00Z", "20261120T093000Z",
    "2026-13-20T09:30:00Z", "2026-11-20T25:30:00Z", "yesterday", "1969-12-31T23:59:59Z",
  };
  gint64 usec = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (pulse_time_parse (bad[i], &usec))
        g_test_message ("accepted %s", bad[i]);
      g_assert_false (pulse_time_parse (bad[i], &usec));
    }
  g_assert_false (pulse_time_parse (NULL, &usec));
}

static void
test_format (void)
{
  g_autofree char *whole = pulse_time_format (T_2026_11_20_0930Z);
  g_autofree char *frac = pulse_time_format (T_2026_11_20_0930Z + 250000);
  g_autofree char *epoch = pulse_time_format (0);

  g_assert_cmpstr (whole, ==, "2026-11-20T09:30:00Z");
  g_assert_cmpstr (frac, ==, "2026-11-20T09:30:00.250000Z");
  g_assert_cmpstr (epoch, ==, "1970-01-01T00:00:00Z");
}

static void
test_round_trip (void)
{
  gint64 samples[] = { 1, T_2026_11_20_0930Z, T_2026_11_20_0930Z + 999999,
                       G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *text = pulse_time_format (samples[i]);
      gint64 back = 0;

      g_assert_true (pulse_time_parse (text, &back));
      g_assert_cmpint (back, ==, samples[i]);
    }
}

/* GDateTime's reading and writing, as pulse-time-utils.c did before it
 * read and wrote the canonical form itself. */
static char *
glib_format (gint64 usec)
{
  g_autoptr(GDateTime) base = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) dt = g_date_time_add (base, usec % G_USEC_PER_SEC);

  return g_date_time_format (dt, usec % G_USEC_PER_SEC == 0 ? "%Y-%m-%dT%H:%M:%SZ"
                                                            : "%Y-%m-%dT%H:%M:%S.%fZ");
}

static gboolean
glib_parse (const char *text,
            gint64     *usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  if (dt == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

/* The arithmetic agrees with GLib on every day from 1970 to 9999 (at a
 * random time of it) and on random instants; the canonical reader
 * refuses what GLib refuses, and the damaged forms go to GLib. */
static void
test_same_as_glib (void)
{
  static const char * const odd[] = {
    "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2100-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z",
    "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T23:59:59.12345xZ",
    "2026-01-01T23:59:59.123456Z", "2026-01-01T23:59:59.000000Z", "2026-1-01T23:59:59Z",
    "2026-01-01T23:59:59+00:00", "1969-12-31T23:59:59Z", "2026-01-01T23:59:5aZ",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (gint64 day = 0; day < 2932897; day += 1 + (day > 30000 ? 13 : 0))
    {
      gint64 usec = day * 86400 * G_USEC_PER_SEC +
                    (gint64) g_rand_int_range (rand, 0, 86400) * G_USEC_PER_SEC +
                    (g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 1000000) : 0);
      g_autofree char *ours = pulse_time_format (usec);
      g_autofree char *theirs = glib_format (usec);
      gint64 back = -1;

      g_assert_cmpstr (ours, ==, theirs);
      g_assert_true (pulse_time_parse (ours, &back));
      g_assert_cmpint (back, ==, usec);
    }

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      gint64 ours = -1, theirs = -1;
      gboolean ok = pulse_time_parse (odd[i], &ours);

      g_test_message ("%s", odd[i]);
      g_assert_cmpint (ok, ==, glib_parse (odd[i], &theirs) && theirs >= 0);
      if (ok)
        g_assert_cmpint (ours, ==, theirs);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/time-utils/parse", test_parse);
  g_test_add_func ("/pulse/core/time-utils/parse-refuses", test_parse_refuses);
  g_test_add_func ("/pulse/core/time-utils/format", test_format);
  g_test_add_func ("/pulse/core/time-utils/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/time-utils/same-as-glib", test_same_as_glib);

  return g_test_run ();
}
