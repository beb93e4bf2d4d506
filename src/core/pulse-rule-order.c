/* pulse-rule-order.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions for rules put in a new order. Rules run by ascending
 * position, and each changed position is one update sent to the server,
 * so a move should change as few rules as it can.
 */

#include "config.h"

#include "pulse-rule-order.h"

static gboolean
increasing_without (const int *current,
                    guint      n,
                    guint      skip)
{
  int last = -1;

  for (guint i = 0; i < n; i++)
    {
      if (i == skip)
        continue;
      if (current[i] <= last)
        return FALSE;
      last = current[i];
    }

  return TRUE;
}

/* One rule moved, the others still in order: give it a free number
 * between its new neighbours if there is one. */
static gboolean
place_one (const int *current,
           int       *positions,
           guint      n)
{
  for (guint k = 0; k < n; k++)
    {
      gint64 low = k > 0 ? current[k - 1] : -1;
      gint64 high = k + 1 < n ? current[k + 1] : (gint64) G_MAXINT + 1;

      if (!increasing_without (current, n, k) || high - low < 2)
        continue;

      for (guint i = 0; i < n; i++)
        positions[i] = current[i];
      /* Below the first rule the closest free number, else the next one
       * up, which leaves room for a later move in front of it. */
      positions[k] = k == 0 ? (int) (high - 1) : (int) (low + 1);
      return TRUE;
    }

  return FALSE;
}

/**
 * pulse_rule_order_positions:
 * @current: (array length=n): the rules' positions, in their new order
 * @positions: (out caller-allocates) (array length=n): strictly
 *   increasing positions for them, 0 or more
 * @n: how many rules
 *
 * Numbers the rules in the order given. Already increasing: unchanged.
 * One rule moved: only it changes, when a free number sits between its
 * neighbours. Otherwise the rules are numbered 1, 2, 3…, which keeps
 * every rule already at its place in a dense list.
 */
void
pulse_rule_order_positions (const int *current,
                            int       *positions,
                            guint      n)
{
  g_return_if_fail (n == 0 || (current != NULL && positions != NULL));

  if (increasing_without (current, n, n))
    {
      for (guint i = 0; i < n; i++)
        positions[i] = current[i];
      return;
    }

  if (place_one (current, positions, n))
    return;

  for (guint i = 0; i < n; i++)
    positions[i] = (int) i + 1;
}
