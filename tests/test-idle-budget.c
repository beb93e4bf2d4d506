/* test-idle-budget.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-idle-budget.h"

typedef struct
{
  gint64 deadline;
  gint64 began;
  guint  runs;
} Slice;

/* A slicer that spends what is left of the budget, as the fills do. */
static gboolean
spend_cb (gpointer user_data)
{
  Slice *slice = user_data;

  slice->began = g_get_monotonic_time ();
  slice->deadline = pulse_idle_budget_deadline ();
  slice->runs++;
  while (g_get_monotonic_time () < slice->deadline)
    ;
  return G_SOURCE_REMOVE;
}

static void
wait_for_clock_past (gint64 t)
{
  while (g_get_monotonic_time () <= t)
    ;
}

/* Two idles GLib dispatches in one iteration share its deadline: the
 * second finds it spent; the next iteration has a new one. */
static void
test_shared_per_iteration (void)
{
  Slice a = { 0 }, b = { 0 }, c = { 0 };

  g_idle_add (spend_cb, &a);
  g_idle_add (spend_cb, &b);
  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (a.runs, ==, 1);
  g_assert_cmpuint (b.runs, ==, 1);
  g_assert_cmpint (b.deadline, ==, a.deadline);
  g_assert_cmpint (a.deadline, >=, a.began + PULSE_IDLE_BUDGET_USEC);
  g_assert_cmpint (b.began, >=, b.deadline);

  wait_for_clock_past (a.deadline);
  g_idle_add (spend_cb, &c);
  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (c.runs, ==, 1);
  g_assert_cmpint (c.deadline, >, a.deadline);
  g_assert_cmpint (c.deadline, >=, c.began + PULSE_IDLE_BUDGET_USEC);
}

static gpointer
two_deadlines (gpointer data)
{
  gint64 *deadlines = data;

  deadlines[0] = pulse_idle_budget_deadline ();
  wait_for_clock_past (deadlines[0]);
  deadlines[1] = pulse_idle_budget_deadline ();
  return NULL;
}

/* Off the main context's dispatch each call is a budget of its own. */
static void
test_own_outside_dispatch (void)
{
  gint64 deadlines[2];
  GThread *thread = g_thread_new ("budget", two_deadlines, deadlines);

  g_thread_join (thread);
  g_assert_cmpint (deadlines[1], >, deadlines[0]);
  two_deadlines (deadlines);
  g_assert_cmpint (deadlines[1], >, deadlines[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/idle-budget/shared-per-iteration", test_shared_per_iteration);
  g_test_add_func ("/pulse/idle-budget/own-outside-dispatch", test_own_outside_dispatch);
  return g_test_run ();
}
