/* test-sorted-bag.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-sorted-bag.h"

/* Percentiles by linear interpolation, h = (n − 1)·p:
 * {10, 20, 30, 40}: median h = 1.5 → 20 + 0.5·10 = 25; p90 h = 2.7 → 30 + 0.7·10 = 37.
 * {10, 20, 30, 40, 50}: median h = 2 → 30; p90 h = 3.6 → 40 + 0.6·10 = 46.
 * {7}: every percentile is 7. */
static void
test_percentiles (void)
{
  g_autoptr(PulseSortedBag) bag = pulse_sorted_bag_new ();

  g_assert_true (isnan (pulse_sorted_bag_get_percentile (bag, 500)));
  pulse_sorted_bag_insert (bag, 7);
  g_assert_cmpfloat (pulse_sorted_bag_get_percentile (bag, 500), ==, 7.0);
  g_assert_cmpfloat (pulse_sorted_bag_get_percentile (bag, 900), ==, 7.0);
  g_assert_true (pulse_sorted_bag_remove (bag, 7));

  pulse_sorted_bag_insert (bag, 40);
  pulse_sorted_bag_insert (bag, 10);
  pulse_sorted_bag_insert (bag, 30);
  pulse_sorted_bag_insert (bag, 20);
  g_assert_cmpfloat_with_epsilon (pulse_sorted_bag_get_percentile (bag, 500), 25.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (pulse_sorted_bag_get_percentile (bag, 900), 37.0, 1e-12);
  g_assert_cmpfloat (pulse_sorted_bag_get_percentile (bag, 0), ==, 10.0);
  g_assert_cmpfloat (pulse_sorted_bag_get_percentile (bag, 1000), ==, 40.0);

  pulse_sorted_bag_insert (bag, 50);
  g_assert_cmpfloat (pulse_sorted_bag_get_percentile (bag, 500), ==, 30.0);
  g_assert_cmpfloat_with_epsilon (pulse_sorted_bag_get_percentile (bag, 900), 46.0, 1e-12);
}

static void
test_counts_and_repeats (void)
{
  g_autoptr(PulseSortedBag) bag = pulse_sorted_bag_new ();

  pulse_sorted_bag_insert (bag, 5);
  pulse_sorted_bag_insert (bag, 5);
  pulse_sorted_bag_insert (bag, -3);
  g_assert_cmpuint (pulse_sorted_bag_get_size (bag), ==, 3);
  g_assert_cmpuint (pulse_sorted_bag_count_at_most (bag, 4), ==, 1);
  g_assert_cmpuint (pulse_sorted_bag_count_at_most (bag, 5), ==, 3);
  g_assert_cmpuint (pulse_sorted_bag_count_at_most (bag, -4), ==, 0);
  g_assert_false (pulse_sorted_bag_remove (bag, 4));
  g_assert_true (pulse_sorted_bag_remove (bag, 5));
  g_assert_cmpuint (pulse_sorted_bag_count_at_most (bag, 5), ==, 2);
  g_assert_cmpint (pulse_sorted_bag_get_nth (bag, 1), ==, 5);
}

/* Many values, spread over many chunks, against a plain sorted array. */
static void
test_against_sorted_array (void)
{
  g_autoptr(PulseSortedBag) bag = pulse_sorted_bag_new ();
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint step = 0; step < 20000; step++)
    {
      gint64 value = g_rand_int_range (rand, 0, 3000);

      if (plain->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          guint index = g_rand_int_range (rand, 0, plain->len);

          value = g_array_index (plain, gint64, index);
          g_array_remove_index (plain, index);
          g_assert_true (pulse_sorted_bag_remove (bag, value));
          continue;
        }

      for (guint i = 0; i <= plain->len; i++)
        if (i == plain->len || g_array_index (plain, gint64, i) >= value)
          {
            g_array_insert_val (plain, i, value);
            break;
          }
      pulse_sorted_bag_insert (bag, value);
    }

  g_assert_cmpuint (pulse_sorted_bag_get_size (bag), ==, plain->len);
  for (guint i = 0; i < plain->len; i += 7)
    g_assert_cmpint (pulse_sorted_bag_get_nth (bag, i), ==, g_array_index (plain, gint64, i));
  for (gint64 v = -1; v < 3001; v += 97)
    {
      guint expected = 0;

      while (expected < plain->len && g_array_index (plain, gint64, expected) <= v)
        expected++;
      g_assert_cmpuint (pulse_sorted_bag_count_at_most (bag, v), ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/sorted-bag/percentiles", test_percentiles);
  g_test_add_func ("/pulse/core/sorted-bag/counts-and-repeats", test_counts_and_repeats);
  g_test_add_func ("/pulse/core/sorted-bag/against-sorted-array", test_against_sorted_array);

  return g_test_run ();
}
