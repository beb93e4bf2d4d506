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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/time-utils/parse", test_parse);
  g_test_add_func ("/pulse/core/time-utils/parse-refuses", test_parse_refuses);
  g_test_add_func ("/pulse/core/time-utils/format", test_format);
  g_test_add_func ("/pulse/core/time-utils/round-trip", test_round_trip);

  return g_test_run ();
}
