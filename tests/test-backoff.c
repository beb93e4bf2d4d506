/* test-backoff.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-backoff.h"

/* 0.5 s doubling to a 30 s cap, the event stream's defaults. */
static void
test_ceiling (void)
{
  const guint expected[] = { 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (pulse_backoff_ceiling_ms (500, 30000, i), ==, expected[i]);

  /* No overflow however long the server stays away. */
  g_assert_cmpuint (pulse_backoff_ceiling_ms (500, 30000, 64), ==, 30000);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (500, 30000, G_MAXUINT), ==, 30000);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (3, G_MAXUINT, 40), ==, G_MAXUINT);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (3, G_MAXUINT, 30), ==, 3221225472u);

  /* A cap below the base is the base; a zero base is 1 ms. */
  g_assert_cmpuint (pulse_backoff_ceiling_ms (800, 100, 0), ==, 800);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (800, 100, 5), ==, 800);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (0, 10, 0), ==, 1);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (0, 10, 3), ==, 8);
  g_assert_cmpuint (pulse_backoff_ceiling_ms (0, 10, 4), ==, 10);
}

static void
test_ceiling_monotone (void)
{
  const guint pairs[][2] = {
    { 500, 30000 }, { 1, 1 }, { 7, 1000 }, { 250, 251 }, { 1, G_MAXUINT },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      guint previous = 0;

      for (guint attempt = 0; attempt < 80; attempt++)
        {
          guint ceiling = pulse_backoff_ceiling_ms (pairs[p][0], pairs[p][1], attempt);

          g_assert_cmpuint (ceiling, >=, previous);
          g_assert_cmpuint (ceiling, <=, pairs[p][1]);
          previous = ceiling;
        }
      g_assert_cmpuint (previous, ==, pairs[p][1]);
    }
}

/* splitmix64 from seed 0 gives 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, …
 * (the published test vector); each wait is that word mod (ceiling + 1). */
static void
test_seeded_sequence (void)
{
  const guint expected[] = { 82, 351, 1108, 2622, 3334, 8127, 7036, 13000 };
  PulseBackoff backoff;
  PulseBackoff again;
  PulseBackoff other;
  guint differ = 0;

  pulse_backoff_init (&backoff, 500, 30000, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (pulse_backoff_next_ms (&backoff), ==, expected[i]);
  g_assert_cmpuint (backoff.attempt, ==, 8);

  pulse_backoff_init (&again, 500, 30000, 42);
  pulse_backoff_init (&other, 500, 30000, 42);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (pulse_backoff_next_ms (&again), ==, pulse_backoff_next_ms (&other));

  pulse_backoff_init (&again, 500, 30000, 42);
  pulse_backoff_init (&other, 500, 30000, 43);
  for (guint i = 0; i < 100; i++)
    differ += pulse_backoff_next_ms (&again) != pulse_backoff_next_ms (&other);
  g_assert_cmpuint (differ, >, 90);
}

/* Full jitter: every wait within 0 … ceiling, and the whole range used. */
static void
test_jitter_bounds (void)
{
  PulseBackoff backoff;
  double sum = 0;
  double lowest = 1;
  double highest = 0;
  const guint n = 20000;

  pulse_backoff_init (&backoff, 500, 30000, 7);
  for (guint i = 0; i < n; i++)
    {
      guint attempt;
      guint wait;
      double share;

      if (i % 10 == 0)
        pulse_backoff_reset (&backoff);
      attempt = backoff.attempt;
      wait = pulse_backoff_next_ms (&backoff);
      g_assert_cmpuint (wait, <=, pulse_backoff_ceiling_ms (500, 30000, attempt));

      share = (double) wait / pulse_backoff_ceiling_ms (500, 30000, attempt);
      sum += share;
      lowest = MIN (lowest, share);
      highest = MAX (highest, share);
    }

  /* Uniform over [0, 1]: mean 1/2, with a standard error of 0.002 here. */
  g_assert_cmpfloat (sum / n, >, 0.48);
  g_assert_cmpfloat (sum / n, <, 0.52);
  g_assert_cmpfloat (lowest, <, 0.01);
  g_assert_cmpfloat (highest, >, 0.99);
}

static void
test_reset (void)
{
  PulseBackoff backoff;

  pulse_backoff_init (&backoff, 500, 30000, 1);
  for (guint i = 0; i < 6; i++)
    pulse_backoff_next_ms (&backoff);
  g_assert_cmpuint (backoff.attempt, ==, 6);

  /* Up for less than the cap: the server accepted and dropped us, so the
   * waits keep growing. */
  g_assert_false (pulse_backoff_ended (&backoff, 29999));
  g_assert_cmpuint (backoff.attempt, ==, 6);

  g_assert_true (pulse_backoff_ended (&backoff, 30000));
  g_assert_cmpuint (backoff.attempt, ==, 0);
  g_assert_cmpuint (pulse_backoff_next_ms (&backoff), <=, 500);
  g_assert_cmpuint (pulse_backoff_next_ms (&backoff), <=, 1000);

  pulse_backoff_reset (&backoff);
  g_assert_cmpuint (backoff.attempt, ==, 0);
  g_assert_cmpuint (pulse_backoff_next_ms (&backoff), <=, 500);

  /* init clamps: base 0 → 1 ms, cap below base → base. */
  pulse_backoff_init (&backoff, 0, 0, 1);
  g_assert_cmpuint (backoff.base_ms, ==, 1);
  g_assert_cmpuint (backoff.cap_ms, ==, 1);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpuint (pulse_backoff_next_ms (&backoff), <=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/backoff/ceiling", test_ceiling);
  g_test_add_func ("/pulse/core/backoff/ceiling-monotone", test_ceiling_monotone);
  g_test_add_func ("/pulse/core/backoff/seeded-sequence", test_seeded_sequence);
  g_test_add_func ("/pulse/core/backoff/jitter-bounds", test_jitter_bounds);
  g_test_add_func ("/pulse/core/backoff/reset", test_reset);

  return g_test_run ();
}
