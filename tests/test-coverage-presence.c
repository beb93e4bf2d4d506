/* test-coverage-presence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time on the line per interval: from shifts (less breaks, absence and
 * training) and from status history, and how it rounds to agents.
 */

#include "config.h"

#include <string.h>

#include "pulse-coverage-presence.h"
#include "pulse-test-coverage.h"

/* 09:00–13:00 with a 10:00–10:15 break; a second work shift 12:00–14:00
 * overlaps the first (counted once) and an absence 13:30–14:00 removes
 * its last half hour. From 09:00, eleven intervals. */
static void
test_shift_time (void)
{
  g_autoptr(PulseShift) morning = make_shift ("a", PULSE_SHIFT_KIND_WORK,
                                              "2026-11-16T09:00:00Z", "2026-11-16T13:00:00Z",
                                              "2026-11-16T10:00:00Z", "2026-11-16T10:15:00Z");
  g_autoptr(PulseShift) extra = make_shift ("a", PULSE_SHIFT_KIND_WORK, "2026-11-16T12:00:00Z",
                                            "2026-11-16T14:00:00Z", NULL, NULL);
  g_autoptr(PulseShift) doctor = make_shift ("a", PULSE_SHIFT_KIND_ABSENCE,
                                             "2026-11-16T13:30:00Z", "2026-11-16T14:00:00Z",
                                             NULL, NULL);
  g_autoptr(PulseShift) late = make_shift ("a", PULSE_SHIFT_KIND_WORK, "2026-11-16T13:40:00Z",
                                           "2026-11-16T16:00:00Z", NULL, NULL);
  PulseShift *shifts[] = { extra, doctor, morning };
  const gint64 expected[11] = { 30, 30, 15, 30, 30, 30, 30, 30, 30, 0, 0 };
  gint64 usec[11] = { 0 };

  pulse_coverage_add_shift_time (shifts, G_N_ELEMENTS (shifts), at ("2026-11-16T09:00:00Z"),
                                 11, usec);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (usec[i], ==, expected[i] * MINUTE);

  /* Starting at 13:40 inside the absence: on the line from 14:00 on. */
  memset (usec, 0, sizeof usec);
  shifts[0] = doctor;
  shifts[1] = late;
  pulse_coverage_add_shift_time (shifts, 2, at ("2026-11-16T09:00:00Z"), 11, usec);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (usec[i], ==, 0);
  g_assert_cmpint (usec[10], ==, 30 * MINUTE);

  /* Starting at 13:40 with nothing in the way: 20 minutes of 13:30. */
  memset (usec, 0, sizeof usec);
  pulse_coverage_add_shift_time (&late, 1, at ("2026-11-16T13:30:00Z"), 2, usec);
  g_assert_cmpint (usec[0], ==, 20 * MINUTE);
  g_assert_cmpint (usec[1], ==, 30 * MINUTE);

  /* Training is off the line. */
  memset (usec, 0, sizeof usec);
  pulse_shift_set_kind (late, PULSE_SHIFT_KIND_TRAINING);
  pulse_coverage_add_shift_time (&late, 1, at ("2026-11-16T13:30:00Z"), 2, usec);
  g_assert_cmpint (usec[0] + usec[1], ==, 0);
}

static void
test_status_time (void)
{
  const PulseCoverageStatus history[] = {
    { at ("2026-11-16T08:00:00Z"), PULSE_AGENT_STATUS_AVAILABLE },
    { at ("2026-11-16T10:00:00Z"), PULSE_AGENT_STATUS_BREAK },
    { at ("2026-11-16T10:15:00Z"), PULSE_AGENT_STATUS_BUSY },
    { at ("2026-11-16T10:35:00Z"), PULSE_AGENT_STATUS_AFTER_CALL },
    { at ("2026-11-16T10:40:00Z"), PULSE_AGENT_STATUS_OFFLINE },
    { at ("2026-11-16T10:50:00Z"), PULSE_AGENT_STATUS_AWAY },
  };
  gint64 usec[4] = { 0 };

  /* 09:00 and 09:30 whole; 10:00: 10:15–10:30; 10:30: 10:30–10:40. */
  pulse_coverage_add_status_time (history, G_N_ELEMENTS (history), at ("2026-11-16T09:00:00Z"),
                                  at ("2026-11-16T11:00:00Z"), 4, usec);
  g_assert_cmpint (usec[0], ==, 30 * MINUTE);
  g_assert_cmpint (usec[1], ==, 30 * MINUTE);
  g_assert_cmpint (usec[2], ==, 15 * MINUTE);
  g_assert_cmpint (usec[3], ==, 10 * MINUTE);

  /* Known only until 10:20: the current interval has 5 minutes so far. */
  memset (usec, 0, sizeof usec);
  pulse_coverage_add_status_time (history, G_N_ELEMENTS (history), at ("2026-11-16T09:00:00Z"),
                                  at ("2026-11-16T10:20:00Z"), 3, usec);
  g_assert_cmpint (usec[2], ==, 5 * MINUTE);

  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AVAILABLE));
  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_BUSY));
  g_assert_true (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AFTER_CALL));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_BREAK));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_AWAY));
  g_assert_false (pulse_coverage_status_is_online (PULSE_AGENT_STATUS_OFFLINE));
}

static void
test_agents_from_usec (void)
{
  g_assert_cmpuint (pulse_coverage_agents_from_usec (0, 30 * MINUTE), ==, 0);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (15 * MINUTE, 30 * MINUTE), ==, 1);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (15 * MINUTE - 1, 30 * MINUTE), ==, 0);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (45 * MINUTE, 30 * MINUTE), ==, 2);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (4 * 20 * MINUTE, 30 * MINUTE), ==, 3);
  g_assert_cmpuint (pulse_coverage_agents_from_usec (7, 7), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/coverage/shift-time", test_shift_time);
  g_test_add_func ("/pulse/core/coverage/status-time", test_status_time);
  g_test_add_func ("/pulse/core/coverage/agents-from-usec", test_agents_from_usec);

  return g_test_run ();
}
