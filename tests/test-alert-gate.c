/* test-alert-gate.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseAlertGate: hold before raising, told once, hysteresis, rounds.
 */

#include "config.h"

#include "pulse-alert-gate.h"

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

static void
test_holds_before_raising (void)
{
  g_autoptr(PulseAlertGate) gate = pulse_alert_gate_new ();
  gint64 t = 1000 * MINUTE;

  /* Bad for 4 of the 5 minutes it must hold: nothing. */
  for (int m = 0; m < 5; m++)
    g_assert_cmpint (pulse_alert_gate_update (gate, "sl:q", PULSE_ALERT_BAD, 5 * MINUTE,
                                              t + m * MINUTE), ==, PULSE_ALERT_UNCHANGED);
  /* The fifth minute: raised, once. */
  g_assert_cmpint (pulse_alert_gate_update (gate, "sl:q", PULSE_ALERT_BAD, 5 * MINUTE,
                                            t + 5 * MINUTE), ==, PULSE_ALERT_RAISED);
  g_assert_true (pulse_alert_gate_is_raised (gate, "sl:q"));
  for (int m = 6; m < 60; m++)
    g_assert_cmpint (pulse_alert_gate_update (gate, "sl:q", PULSE_ALERT_BAD, 5 * MINUTE,
                                              t + m * MINUTE), ==, PULSE_ALERT_UNCHANGED);
}

static void
test_interrupted_hold_starts_again (void)
{
  g_autoptr(PulseAlertGate) gate = pulse_alert_gate_new ();
  gint64 t = 0;

  g_assert_cmpint (pulse_alert_gate_update (gate, "k", PULSE_ALERT_BAD, 2 * MINUTE, t), ==,
                   PULSE_ALERT_UNCHANGED);
  /* Back in the band at one minute: the two minutes start over. */
  g_assert_cmpint (pulse_alert_gate_update (gate, "k", PULSE_ALERT_BAND, 2 * MINUTE,
                                            t + MINUTE), ==, PULSE_ALERT_UNCHANGED);
  g_assert_cmpint (pulse_alert_gate_update (gate, "k", PULSE_ALERT_BAD, 2 * MINUTE,
                                            t + 2 * MINUTE), ==, PULSE_ALERT_UNCHANGED);
  g_assert_cmpint (pulse_alert_gate_update (gate, "k", PULSE_ALERT_BAD, 2 * MINUTE,
                                            t + 3 * MINUTE), ==, PULSE_ALERT_UNCHANGED);
  g_assert_cmpint (pulse_alert_gate_update (gate, "k", PULSE_ALERT_BAD, 2 * MINUTE,
                                            t + 4 * MINUTE), ==, PULSE_ALERT_RAISED);
  /* Other keys are their own. */
  g_assert_false (pulse_alert_gate_is_raised (gate, "other"));
  g_assert_cmpint (pulse_alert_gate_update (gate, "other", PULSE_ALERT_BAD, 0, t), ==,
                   PULSE_ALERT_RAISED);
}

static void
test_hysteresis (void)
{
  g_autoptr(PulseAlertGate) gate = pulse_alert_gate_new ();

  /* Service level 80 %, margin 3: under 80 bad, 80 to 83 the band. */
  g_assert_cmpint (pulse_alert_reading_below (79.9, 80, 3), ==, PULSE_ALERT_BAD);
  g_assert_cmpint (pulse_alert_reading_below (80, 80, 3), ==, PULSE_ALERT_BAND);
  g_assert_cmpint (pulse_alert_reading_below (82.9, 80, 3), ==, PULSE_ALERT_BAND);
  g_assert_cmpint (pulse_alert_reading_below (83, 80, 3), ==, PULSE_ALERT_GOOD);
  /* A wait over 120 s is bad; good again at 96 s or less. */
  g_assert_cmpint (pulse_alert_reading_above (121, 120, 96), ==, PULSE_ALERT_BAD);
  g_assert_cmpint (pulse_alert_reading_above (120, 120, 96), ==, PULSE_ALERT_BAND);
  g_assert_cmpint (pulse_alert_reading_above (96, 120, 96), ==, PULSE_ALERT_GOOD);

  g_assert_cmpint (pulse_alert_gate_update (gate, "w", pulse_alert_reading_above (150, 120, 96),
                                            0, 0), ==, PULSE_ALERT_RAISED);
  /* Wobbling on the line: no clear, no second raise. */
  g_assert_cmpint (pulse_alert_gate_update (gate, "w", pulse_alert_reading_above (110, 120, 96),
                                            0, 1), ==, PULSE_ALERT_UNCHANGED);
  g_assert_cmpint (pulse_alert_gate_update (gate, "w", pulse_alert_reading_above (125, 120, 96),
                                            0, 2), ==, PULSE_ALERT_UNCHANGED);
  g_assert_cmpint (pulse_alert_gate_update (gate, "w", pulse_alert_reading_above (90, 120, 96),
                                            0, 3), ==, PULSE_ALERT_CLEARED);
  g_assert_false (pulse_alert_gate_is_raised (gate, "w"));
  g_assert_cmpint (pulse_alert_gate_update (gate, "w", PULSE_ALERT_GOOD, 0, 4), ==,
                   PULSE_ALERT_UNCHANGED);
  /* Bad again after clearing: told again. */
  g_assert_cmpint (pulse_alert_gate_update (gate, "w", PULSE_ALERT_BAD, 0, 5), ==,
                   PULSE_ALERT_RAISED);
}

static void
test_rounds_clear_the_unreported (void)
{
  g_autoptr(PulseAlertGate) gate = pulse_alert_gate_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  pulse_alert_gate_begin_round (gate);
  pulse_alert_gate_update (gate, "spike:card", PULSE_ALERT_BAD, 0, 0);
  pulse_alert_gate_update (gate, "spike:loan", PULSE_ALERT_BAND, 0, 0);
  pulse_alert_gate_update (gate, "sl:q", PULSE_ALERT_BAD, 0, 0);
  first = pulse_alert_gate_end_round (gate);
  g_assert_cmpuint (first->len, ==, 0);

  /* The card spike is no longer listed: cleared; the loan one was never
   * raised and is just forgotten. */
  pulse_alert_gate_begin_round (gate);
  pulse_alert_gate_update (gate, "sl:q", PULSE_ALERT_BAD, 0, 1);
  second = pulse_alert_gate_end_round (gate);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (second, 0), ==, "spike:card");
  g_assert_false (pulse_alert_gate_is_raised (gate, "spike:card"));
  g_assert_true (pulse_alert_gate_is_raised (gate, "sl:q"));
}

/* A condition kept through a round stays raised; one never seen is not
 * made up. */
static void
test_keep_through_a_round (void)
{
  g_autoptr(PulseAlertGate) gate = pulse_alert_gate_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;

  pulse_alert_gate_begin_round (gate);
  pulse_alert_gate_update (gate, "wait:q", PULSE_ALERT_BAD, 0, 0);
  first = pulse_alert_gate_end_round (gate);
  g_assert_true (pulse_alert_gate_is_raised (gate, "wait:q"));

  pulse_alert_gate_begin_round (gate);
  pulse_alert_gate_keep (gate, "wait:q");
  pulse_alert_gate_keep (gate, "wait:other");
  second = pulse_alert_gate_end_round (gate);
  g_assert_cmpuint (second->len, ==, 0);
  g_assert_true (pulse_alert_gate_is_raised (gate, "wait:q"));
  g_assert_false (pulse_alert_gate_is_raised (gate, "wait:other"));

  pulse_alert_gate_begin_round (gate);
  third = pulse_alert_gate_end_round (gate);
  g_assert_cmpuint (third->len, ==, 1);
  g_assert_false (pulse_alert_gate_is_raised (gate, "wait:q"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/alert-gate/hold", test_holds_before_raising);
  g_test_add_func ("/pulse/core/alert-gate/keep", test_keep_through_a_round);
  g_test_add_func ("/pulse/core/alert-gate/interrupted", test_interrupted_hold_starts_again);
  g_test_add_func ("/pulse/core/alert-gate/hysteresis", test_hysteresis);
  g_test_add_func ("/pulse/core/alert-gate/rounds", test_rounds_clear_the_unreported);

  return g_test_run ();
}
