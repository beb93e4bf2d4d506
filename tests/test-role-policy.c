/* test-role-policy.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-role-policy.h"

/* The whole matrix, written out by hand from DESIGN.md so that a change
 * to the policy has to change this table too. Columns: read, rules,
 * templates, mentorships, scorecards, reviews, shifts, ingest, audit. */
static const struct {
  PulseRole role;
  gboolean  can[9];
} matrix[] = {
  { PULSE_ROLE_HEAD,        { 1, 1, 1, 1, 1, 1, 1, 1, 1 } },
  { PULSE_ROLE_LEAD,        { 1, 1, 1, 1, 0, 0, 0, 0, 0 } },
  { PULSE_ROLE_QA,          { 1, 0, 0, 0, 1, 1, 0, 0, 0 } },
  { PULSE_ROLE_PLANNER,     { 1, 0, 0, 0, 0, 0, 1, 0, 0 } },
  { PULSE_ROLE_VIEWER,      { 1, 0, 0, 0, 0, 0, 0, 0, 0 } },
  { PULSE_ROLE_INTEGRATION, { 0, 0, 0, 0, 0, 0, 0, 1, 0 } },
};

static void
test_matrix (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (matrix); r++)
    for (PulsePermission p = PULSE_PERMISSION_READ; p <= PULSE_PERMISSION_READ_AUDIT; p++)
      {
        gboolean expected = matrix[r].can[p - PULSE_PERMISSION_READ];

        if (pulse_role_can (matrix[r].role, p) != expected)
          g_test_message ("role %d permission %d", matrix[r].role, p);
        g_assert_cmpint (pulse_role_can (matrix[r].role, p), ==, expected);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/role-policy/matrix", test_matrix);

  return g_test_run ();
}
