/* test-rule-order.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions after a reorder (src/core/pulse-rule-order.c): as few
 * changes as possible, always strictly increasing.
 */

#include "config.h"

#include "pulse-rule-order.h"

typedef struct
{
  guint n;
  int   current[6];
  int   expected[6];
} OrderCase;

static const OrderCase order_cases[] = {
  /* In order already, gaps and all. */
  { 4, { 1, 2, 3, 4 }, { 1, 2, 3, 4 } },
  { 3, { 0, 10, 20 }, { 0, 10, 20 } },
  /* The last to the top: 0 is free below 1. */
  { 4, { 4, 1, 2, 3 }, { 0, 1, 2, 3 } },
  /* The first to the bottom: the next number after the last. */
  { 4, { 2, 3, 4, 1 }, { 2, 3, 4, 5 } },
  /* Into a gap. */
  { 3, { 10, 30, 20 }, { 10, 11, 20 } },
  /* Swapping the first two: the second is now first, and 0 is free. */
  { 4, { 2, 1, 3, 4 }, { 0, 1, 3, 4 } },
  /* The second down one in a dense list: no gap, so 1, 2, 3…. */
  { 4, { 1, 3, 2, 4 }, { 1, 2, 3, 4 } },
  /* Moved to the top when the first is at 0: renumbered. */
  { 3, { 2, 0, 1 }, { 1, 2, 3 } },
  /* Equal positions (never saved in order) get distinct numbers. */
  { 3, { 1, 1, 1 }, { 1, 2, 3 } },
  { 1, { 7 }, { 7 } },
};

static void
test_positions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (order_cases); i++)
    {
      const OrderCase *c = &order_cases[i];
      int positions[6] = { -1, -1, -1, -1, -1, -1 };

      g_test_message ("case %u", i);
      pulse_rule_order_positions (c->current, positions, c->n);
      for (guint k = 0; k < c->n; k++)
        g_assert_cmpint (positions[k], ==, c->expected[k]);
    }

  pulse_rule_order_positions (NULL, NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-order/positions", test_positions);

  return g_test_run ();
}
