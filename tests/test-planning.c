/* test-planning.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coverage recomputed while planning: what-if staffing by hand (Erlang C
 * with shrinkage), scheduled agents from shifts, totals, gaps and
 * surpluses.
 */

#include "config.h"

#include <math.h>

#include "pulse-coverage-report.h"
#include "pulse-error.h"
#include "pulse-planning.h"
#include "pulse-test-coverage.h"

#define IV(q, t, fa, ht, rs, s, o) \
  "{\"queue_id\":\"" q "\",\"starts_at\":\"" t "\",\"forecast_arrivals\":" fa "," \
  "\"actual_arrivals\":null,\"handle_time_seconds\":" ht ",\"required\":0," \
  "\"required_with_shrinkage\":" rs ",\"scheduled\":" s ",\"online\":" o ",\"flags\":[]}"

#define QUEUE(q, ivs) \
  "{\"queue_id\":\"" q "\",\"name\":\"" q "\",\"channel\":\"phone\",\"model\":\"erlang-c\"," \
  "\"sl_target_seconds\":20,\"sl_goal\":0.8,\"concurrency\":1,\"agents\":1,\"intervals\":[" \
  ivs "]}"

/* 10:00–11:00 on Monday 7 December 2026, as the server gave it. */
static const char answer[] =
  "{\"from\":\"2026-12-07T10:00:00Z\",\"to\":\"2026-12-07T11:00:00Z\","
  "\"as_of\":\"2026-12-07T10:10:00Z\",\"shrinkage\":0.3,\"queues\":["
  QUEUE ("q-uk",
         IV ("q-uk", "2026-12-07T10:00:00Z", "100.0", "180.0", "20", "0", "3") ","
         IV ("q-uk", "2026-12-07T10:30:00Z", "50.0", "180.0", "12", "0", "null")) ","
  QUEUE ("q-es",
         IV ("q-es", "2026-12-07T10:00:00Z", "20.0", "240.0", "8", "0", "1") ","
         IV ("q-es", "2026-12-07T10:30:00Z", "0.0", "240.0", "0", "0", "null")) ","
  QUEUE ("q-gone", IV ("q-gone", "2026-12-07T10:00:00Z", "1.0", "240.0", "1", "0", "1") ","
         IV ("q-gone", "2026-12-07T10:30:00Z", "1.0", "240.0", "1", "0", "null"))
  "]}";

typedef struct
{
  PulseCoverageReport *report;
  GPtrArray           *queues;
  GPtrArray           *agents;
  GPtrArray           *shifts;
  PulsePlanning       *planning;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) node = pulse_test_parse (answer);
  g_autoptr(GError) error = NULL;

  f->report = pulse_coverage_report_new_from_json (node, &error);
  g_assert_no_error (error);

  f->queues = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->queues, make_queue ("q-es", "phone", ",\"language\":\"es\""));
  g_ptr_array_add (f->queues, make_queue ("q-uk", "phone", NULL));

  f->agents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->agents, make_agent ("a-1", "\"phone\"", "\"uk\"", NULL));
  g_ptr_array_add (f->agents, make_agent ("a-2", "\"phone\"", "\"uk\"", NULL));
  g_ptr_array_add (f->agents, make_agent ("a-3", "\"phone\"", "\"es\"", NULL));

  /* a-1 all hour, a-2 from 10:15 (half of the first interval), a-3 the
   * first interval; a-9 is no agent anyone knows. */
  f->shifts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->shifts, make_shift ("a-1", PULSE_SHIFT_KIND_WORK, "2026-12-07T09:00:00Z",
                                          "2026-12-07T12:00:00Z", NULL, NULL));
  g_ptr_array_add (f->shifts, make_shift ("a-2", PULSE_SHIFT_KIND_WORK, "2026-12-07T10:15:00Z",
                                          "2026-12-07T18:00:00Z", NULL, NULL));
  g_ptr_array_add (f->shifts, make_shift ("a-3", PULSE_SHIFT_KIND_WORK, "2026-12-07T06:00:00Z",
                                          "2026-12-07T10:30:00Z", NULL, NULL));
  g_ptr_array_add (f->shifts, make_shift ("a-9", PULSE_SHIFT_KIND_WORK, "2026-12-07T06:00:00Z",
                                          "2026-12-07T20:30:00Z", NULL, NULL));

  f->planning = pulse_planning_new (f->report, (PulseQueue * const *) f->queues->pdata,
                                    f->queues->len);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pulse_planning_free (f->planning);
  g_ptr_array_unref (f->shifts);
  g_ptr_array_unref (f->agents);
  g_ptr_array_unref (f->queues);
  g_object_unref (f->report);
}

static void
set_shifts (Fixture *f)
{
  pulse_planning_set_shifts (f->planning, (PulseAgent * const *) f->agents->pdata, f->agents->len,
                             (PulseShift * const *) f->shifts->pdata, f->shifts->len);
}

static void
assert_required (Fixture *f,
                 guint    queue,
                 int      first,
                 int      second)
{
  const PulsePlanningCell *cells = pulse_planning_get_cells (f->planning, queue);

  g_assert_cmpint (cells[0].required, ==, first);
  g_assert_cmpint (cells[1].required, ==, second);
}

/* The report's order, less the queue the console does not know. */
static void
test_from_report (Fixture       *f,
                  gconstpointer  data)
{
  const PulsePlanningCell *cells;

  g_assert_cmpuint (pulse_planning_get_n_queues (f->planning), ==, 2);
  g_assert_cmpuint (pulse_planning_get_n_intervals (f->planning), ==, 2);
  g_assert_cmpint (pulse_planning_get_from (f->planning), ==, at ("2026-12-07T10:00:00Z"));
  g_assert_cmpstr (pulse_planning_get_queue_id (f->planning, 0), ==, "q-uk");
  g_assert_cmpstr (pulse_planning_get_queue_name (f->planning, 1), ==, "q-es");
  cells = pulse_planning_get_cells (f->planning, 0);
  g_assert_cmpint (cells[0].required, ==, 20);
  g_assert_cmpint (cells[0].online, ==, 3);
  g_assert_cmpint (cells[1].online, ==, PULSE_FORECAST_INTERVAL_UNKNOWN);
}

/* Erlang C at 80 % in 20 s: 100 calls of 180 s (A = 10) need 14, 50 need
 * 8 (SL 0.7404 with 7, 0.8801 with 8); 20 calls of 240 s (A = 2.67) need
 * 5. With 30 % shrinkage: 14/0.7 = 20, 8/0.7 = 11.4 → 12, 5/0.7 = 7.1 → 8.
 * Goal 90 %: 15 and 9 → 21.4 → 22 and 12.9 → 13. Twice the forecast, no
 * shrinkage: 200 calls need 24, 100 need 14. */
static void
test_whatif (Fixture       *f,
             gconstpointer  data)
{
  PulsePlanningWhatIf whatif = { 0, 1.0, 0.3 };

  pulse_planning_set_whatif (f->planning, &whatif);
  assert_required (f, 0, 20, 12);
  assert_required (f, 1, 8, 0);

  whatif.goal = 0.9;
  pulse_planning_set_whatif (f->planning, &whatif);
  assert_required (f, 0, 22, 13);

  whatif = (PulsePlanningWhatIf) { 0, 2.0, 0 };
  pulse_planning_set_whatif (f->planning, &whatif);
  assert_required (f, 0, 24, 14);

  whatif.multiplier = 0;
  pulse_planning_set_whatif (f->planning, &whatif);
  assert_required (f, 0, 0, 0);
}

static void
test_bad_whatif (void)
{
  static const struct { PulsePlanningWhatIf whatif; const char *message; } cases[] = {
    { { 1.0, 1.0, 0.3 }, "goal: must be above 0 and below 1, or 0" },
    { { -0.1, 1.0, 0.3 }, "goal: must be above 0 and below 1, or 0" },
    { { 0, 11.0, 0.3 }, "multiplier: must be 0 to 10" },
    { { 0, -1.0, 0.3 }, "multiplier: must be 0 to 10" },
    { { 0, 1.0, 1.0 }, "shrinkage: must be 0 or more and below 1" },
    { { 0, NAN, 0.3 }, "multiplier: must be 0 to 10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pulse_planning_whatif_check (&cases[i].whatif, &error));
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  g_assert_true (pulse_planning_whatif_check (&(PulsePlanningWhatIf) { 0.8, 10.0, 0 }, NULL));
}

/* q-uk: a-1 (1) + a-2 (half) = 1.5, which rounds to 2; then 2. q-es: a-3
 * for the first interval only. */
static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  const PulsePlanningCell *uk, *es;
  PulsePlanningCell total;

  set_shifts (f);
  uk = pulse_planning_get_cells (f->planning, 0);
  es = pulse_planning_get_cells (f->planning, 1);
  g_assert_cmpint (uk[0].scheduled, ==, 2);
  g_assert_cmpint (uk[1].scheduled, ==, 2);
  g_assert_cmpint (es[0].scheduled, ==, 1);
  g_assert_cmpint (es[1].scheduled, ==, 0);

  pulse_planning_get_total (f->planning, 0, &total);
  g_assert_cmpint (total.required, ==, 28);
  g_assert_cmpint (total.scheduled, ==, 3);
  g_assert_cmpint (total.online, ==, 4);
  pulse_planning_get_total (f->planning, 1, &total);
  g_assert_cmpint (total.online, ==, PULSE_FORECAST_INTERVAL_UNKNOWN);

  /* Moving a-2's shift to start at 10:30 leaves 1 in the first interval. */
  pulse_shift_set_starts_at (f->shifts->pdata[1], at ("2026-12-07T10:30:00Z"));
  set_shifts (f);
  g_assert_cmpint (uk[0].scheduled, ==, 1);
  g_assert_cmpint (uk[1].scheduled, ==, 2);
}

/* Gaps: q-uk short by 18 and 10 (14 agent-hours), q-es by 7 (3.5). With
 * no forecast everything scheduled is a surplus: q-uk 2 and 2 (2 h),
 * q-es 1 (0.5 h). */
static void
test_runs (Fixture       *f,
           gconstpointer  data)
{
  PulsePlanningWhatIf whatif = { 0, 0, 0.3 };
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GArray) surpluses = NULL;
  const PulsePlanningRun *run;

  set_shifts (f);
  gaps = pulse_planning_dup_runs (f->planning, TRUE);
  g_assert_cmpuint (gaps->len, ==, 2);
  run = &g_array_index (gaps, PulsePlanningRun, 0);
  g_assert_cmpuint (run->queue_index, ==, 0);
  g_assert_cmpuint (run->first, ==, 0);
  g_assert_cmpuint (run->n_intervals, ==, 2);
  g_assert_cmpint (run->worst, ==, 18);
  g_assert_cmpfloat (run->agent_hours, ==, 14.0);
  run = &g_array_index (gaps, PulsePlanningRun, 1);
  g_assert_cmpuint (run->queue_index, ==, 1);
  g_assert_cmpuint (run->n_intervals, ==, 1);
  g_assert_cmpint (run->worst, ==, 7);
  g_assert_cmpfloat (run->agent_hours, ==, 3.5);

  surpluses = pulse_planning_dup_runs (f->planning, FALSE);
  g_assert_cmpuint (surpluses->len, ==, 0);
  g_clear_pointer (&surpluses, g_array_unref);

  pulse_planning_set_whatif (f->planning, &whatif);
  surpluses = pulse_planning_dup_runs (f->planning, FALSE);
  g_assert_cmpuint (surpluses->len, ==, 2);
  run = &g_array_index (surpluses, PulsePlanningRun, 0);
  g_assert_cmpuint (run->queue_index, ==, 0);
  g_assert_cmpint (run->worst, ==, 2);
  g_assert_cmpfloat (run->agent_hours, ==, 2.0);
  run = &g_array_index (surpluses, PulsePlanningRun, 1);
  g_assert_cmpuint (run->queue_index, ==, 1);
  g_assert_cmpfloat (run->agent_hours, ==, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/pulse/core/planning/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("from-report", test_from_report);
  ADD ("whatif", test_whatif);
  ADD ("scheduled", test_scheduled);
  ADD ("runs", test_runs);
#undef ADD
  g_test_add_func ("/pulse/core/planning/bad-whatif", test_bad_whatif);

  return g_test_run ();
}
