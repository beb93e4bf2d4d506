/* test-adherence.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-adherence.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

#define MINUTE PULSE_USEC_PER_MINUTE

static gint64
at (const char *hhmm)
{
  g_autofree char *text = g_strdup_printf ("2026-12-07T%s:00Z", hhmm);
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseShift *
make (const char     *id,
      PulseShiftKind  kind,
      const char     *from,
      const char     *to)
{
  PulseShift *shift = pulse_shift_new (id, "a-1");

  pulse_shift_set_kind (shift, kind);
  pulse_shift_set_starts_at (shift, at (from));
  pulse_shift_set_ends_at (shift, at (to));
  return shift;
}

/* Work 08:00–16:00 with a break 12:00–12:30 and training 15:00–16:00:
 * planned 08:00–12:00 and 12:30–15:00, 240 + 150 = 390 minutes. */
static GPtrArray *
day_plan (void)
{
  GPtrArray *shifts = g_ptr_array_new_with_free_func (g_object_unref);
  PulseShiftBreak pause = { at ("12:00"), at ("12:30") };
  PulseShift *shift = make ("s-1", PULSE_SHIFT_KIND_WORK, "08:00", "16:00");

  pulse_shift_set_breaks (shift, &pause, 1);
  g_ptr_array_add (shifts, shift);
  g_ptr_array_add (shifts, make ("s-2", PULSE_SHIFT_KIND_TRAINING, "15:00", "16:00"));
  return shifts;
}

/* Available 07:50, offline 09:00, busy 09:20, break 12:00, available
 * 12:40, offline 17:00. Online in [08:00, 18:00): 08:00–09:00 (60),
 * 09:20–12:00 (160), 12:40–17:00 (260) = 480 minutes. Of the plan,
 * 60 + 160 + 140 (12:40–15:00) = 360 online; out 20 (09:00–09:20) + 10
 * (12:30–12:40) = 30; online outside the plan 480 − 360 = 120. */
static const PulseCoverageStatus history[] = {
  { 0, PULSE_AGENT_STATUS_AVAILABLE }, { 0, PULSE_AGENT_STATUS_OFFLINE },
  { 0, PULSE_AGENT_STATUS_BUSY }, { 0, PULSE_AGENT_STATUS_BREAK },
  { 0, PULSE_AGENT_STATUS_AVAILABLE }, { 0, PULSE_AGENT_STATUS_OFFLINE },
};
static const char * const history_at[] = { "07:50", "09:00", "09:20", "12:00", "12:40", "17:00" };

static void
fill_history (PulseCoverageStatus *statuses)
{
  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    statuses[i] = (PulseCoverageStatus) { at (history_at[i]), history[i].status };
}

static void
test_day (void)
{
  g_autoptr(GPtrArray) shifts = day_plan ();
  PulseCoverageStatus statuses[G_N_ELEMENTS (history)];
  PulseAdherence adherence;

  fill_history (statuses);
  pulse_adherence_compute ((PulseShift * const *) shifts->pdata, shifts->len, statuses,
                           G_N_ELEMENTS (statuses), at ("08:00"), at ("18:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 390 * MINUTE);
  g_assert_cmpint (adherence.adherent_usec, ==, 360 * MINUTE);
  g_assert_cmpint (adherence.out_usec, ==, 30 * MINUTE);
  g_assert_cmpint (adherence.unplanned_usec, ==, 120 * MINUTE);
  g_assert_cmpfloat_with_epsilon (pulse_adherence_share (&adherence), 360.0 / 390.0, 1e-12);

  /* Live at 10:00: planned 120, online 60 + 40 = 100, out 20. */
  pulse_adherence_compute ((PulseShift * const *) shifts->pdata, shifts->len, statuses,
                           G_N_ELEMENTS (statuses), at ("08:00"), at ("10:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 120 * MINUTE);
  g_assert_cmpint (adherence.adherent_usec, ==, 100 * MINUTE);
  g_assert_cmpint (adherence.out_usec, ==, 20 * MINUTE);
  g_assert_cmpint (adherence.unplanned_usec, ==, 0);
}

static void
test_edges (void)
{
  g_autoptr(GPtrArray) shifts = day_plan ();
  PulseCoverageStatus statuses[G_N_ELEMENTS (history)];
  PulseAdherence adherence;

  fill_history (statuses);

  /* No status at all: the whole plan is out of adherence. */
  pulse_adherence_compute ((PulseShift * const *) shifts->pdata, shifts->len, NULL, 0,
                           at ("00:00"), at ("23:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 390 * MINUTE);
  g_assert_cmpint (adherence.out_usec, ==, 390 * MINUTE);
  g_assert_cmpfloat (pulse_adherence_share (&adherence), ==, 0.0);

  /* No shifts: nothing planned, share 1, all online time unplanned. */
  pulse_adherence_compute (NULL, 0, statuses, G_N_ELEMENTS (statuses), at ("08:00"),
                           at ("18:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 0);
  g_assert_cmpint (adherence.unplanned_usec, ==, 480 * MINUTE);
  g_assert_cmpfloat (pulse_adherence_share (&adherence), ==, 1.0);

  /* An empty or reversed range measures nothing. */
  pulse_adherence_compute ((PulseShift * const *) shifts->pdata, shifts->len, statuses,
                           G_N_ELEMENTS (statuses), at ("10:00"), at ("09:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 0);
  g_assert_cmpint (adherence.unplanned_usec, ==, 0);

  /* Two overlapping work shifts count once: 08:00–16:00 ∪ 14:00–18:00
   * less the break and the training is 390 + 120 (16:00–18:00). */
  g_ptr_array_add (shifts, make ("s-3", PULSE_SHIFT_KIND_WORK, "14:00", "18:00"));
  pulse_adherence_compute ((PulseShift * const *) shifts->pdata, shifts->len, statuses,
                           G_N_ELEMENTS (statuses), at ("08:00"), at ("20:00"), &adherence);
  g_assert_cmpint (adherence.planned_usec, ==, 510 * MINUTE);
  /* 360 + 16:00–17:00 online = 420. */
  g_assert_cmpint (adherence.adherent_usec, ==, 420 * MINUTE);
}

static void
test_state (void)
{
  g_autoptr(GPtrArray) shifts = day_plan ();
  PulseShift * const *s = (PulseShift * const *) shifts->pdata;
  guint n = shifts->len;
  PulseAdherenceState state = PULSE_ADHERENCE_STATE_IN;

  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_AVAILABLE, at ("08:30")),
                   ==, PULSE_ADHERENCE_STATE_IN);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_OFFLINE, at ("09:10")),
                   ==, PULSE_ADHERENCE_STATE_MISSING);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_AWAY, at ("09:10")),
                   ==, PULSE_ADHERENCE_STATE_MISSING);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_BREAK, at ("12:10")),
                   ==, PULSE_ADHERENCE_STATE_BREAK);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_BUSY, at ("15:30")),
                   ==, PULSE_ADHERENCE_STATE_UNPLANNED);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_OFFLINE, at ("15:30")),
                   ==, PULSE_ADHERENCE_STATE_BREAK);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_OFFLINE, at ("16:00")),
                   ==, PULSE_ADHERENCE_STATE_OFF);
  g_assert_cmpint (pulse_adherence_state_at (s, n, PULSE_AGENT_STATUS_AVAILABLE, at ("17:30")),
                   ==, PULSE_ADHERENCE_STATE_UNPLANNED);
  g_assert_cmpint (pulse_adherence_state_at (NULL, 0, PULSE_AGENT_STATUS_OFFLINE, at ("09:00")),
                   ==, PULSE_ADHERENCE_STATE_OFF);

  g_assert_cmpstr (pulse_adherence_state_to_string (PULSE_ADHERENCE_STATE_MISSING), ==,
                   "missing");
  g_assert_true (pulse_adherence_state_from_string ("break", &state));
  g_assert_cmpint (state, ==, PULSE_ADHERENCE_STATE_BREAK);
  g_assert_false (pulse_adherence_state_from_string ("late", &state));
  g_assert_false (pulse_adherence_state_from_string (NULL, &state));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/adherence/day", test_day);
  g_test_add_func ("/pulse/core/adherence/edges", test_edges);
  g_test_add_func ("/pulse/core/adherence/state", test_state);

  return g_test_run ();
}
