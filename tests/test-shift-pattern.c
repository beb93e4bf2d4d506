/* test-shift-pattern.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-shift-edit.h"
#include "pulse-shift-pattern.h"
#include "pulse-shift.h"
#include "pulse-time-utils.h"

#define HOUR PULSE_USEC_PER_HOUR
#define MINUTE PULSE_USEC_PER_MINUTE

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
assert_shift (PulseShift *shift,
              const char *starts_at,
              const char *ends_at)
{
  g_autofree char *start = pulse_time_format (pulse_shift_get_starts_at (shift));
  g_autofree char *end = pulse_time_format (pulse_shift_get_ends_at (shift));

  g_assert_cmpstr (start, ==, starts_at);
  g_assert_cmpstr (end, ==, ends_at);
}

static PulseShift *
work (const char *id,
      const char *agent_id,
      const char *starts_at,
      const char *ends_at,
      PulseShiftKind kind)
{
  PulseShift *shift = pulse_shift_new (id, agent_id);

  pulse_shift_set_kind (shift, kind);
  pulse_shift_set_starts_at (shift, at (starts_at));
  pulse_shift_set_ends_at (shift, at (ends_at));
  return shift;
}

/* 2/2 from Monday 7 December 2026 in Kyiv (UTC+2): on Mon, Tue, off Wed,
 * Thu, on Fri, Sat, off Sun. 08:00 local is 06:00 UTC, 20:00 is 18:00;
 * the break 13:00–14:00 local is 11:00–12:00 UTC. */
static void
test_two_two (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Kyiv");
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  PulseShiftPattern pattern;
  GDate *monday = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  const PulseShiftBreak *pause;

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  shifts = pulse_shift_pattern_expand (&pattern, "a-1", tz, monday, 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shifts->len, ==, 4);
  assert_shift (shifts->pdata[0], "2026-12-07T06:00:00Z", "2026-12-07T18:00:00Z");
  assert_shift (shifts->pdata[1], "2026-12-08T06:00:00Z", "2026-12-08T18:00:00Z");
  assert_shift (shifts->pdata[2], "2026-12-11T06:00:00Z", "2026-12-11T18:00:00Z");
  assert_shift (shifts->pdata[3], "2026-12-12T06:00:00Z", "2026-12-12T18:00:00Z");
  g_assert_cmpuint (pulse_shift_get_n_breaks (shifts->pdata[0]), ==, 1);
  pause = pulse_shift_get_break (shifts->pdata[0], 0);
  g_assert_cmpint (pause->starts_at, ==, at ("2026-12-07T11:00:00Z"));
  g_assert_cmpint (pause->ends_at, ==, at ("2026-12-07T12:00:00Z"));
  g_assert_cmpstr (pulse_shift_get_agent_id (shifts->pdata[0]), ==, "a-1");
  g_assert_true (g_str_has_prefix (pulse_shift_get_id (shifts->pdata[0]), "shift-"));
  g_assert_cmpstr (pulse_shift_get_id (shifts->pdata[0]), !=,
                   pulse_shift_get_id (shifts->pdata[1]));
  g_assert_cmpint (pulse_shift_get_version (shifts->pdata[0]), ==, 0);
  g_clear_pointer (&shifts, g_ptr_array_unref);

  /* Staggered by two days: Wed, Thu and Sun. */
  shifts = pulse_shift_pattern_expand (&pattern, "a-2", tz, monday, 7, 2, &error);
  g_assert_cmpuint (shifts->len, ==, 3);
  assert_shift (shifts->pdata[0], "2026-12-09T06:00:00Z", "2026-12-09T18:00:00Z");
  assert_shift (shifts->pdata[1], "2026-12-10T06:00:00Z", "2026-12-10T18:00:00Z");
  assert_shift (shifts->pdata[2], "2026-12-13T06:00:00Z", "2026-12-13T18:00:00Z");
  g_date_free (monday);
}

/* 5/2 in UTC over two weeks: ten shifts, Monday to Friday 09:00–18:00. */
static void
test_five_two (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) shifts = NULL;
  PulseShiftPattern pattern;
  GDate *monday = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_5_2);
  shifts = pulse_shift_pattern_expand (&pattern, "a-1", tz, monday, 14, 0, NULL);
  g_assert_cmpuint (shifts->len, ==, 10);
  assert_shift (shifts->pdata[0], "2026-12-07T09:00:00Z", "2026-12-07T18:00:00Z");
  assert_shift (shifts->pdata[4], "2026-12-11T09:00:00Z", "2026-12-11T18:00:00Z");
  assert_shift (shifts->pdata[5], "2026-12-14T09:00:00Z", "2026-12-14T18:00:00Z");
  assert_shift (shifts->pdata[9], "2026-12-18T09:00:00Z", "2026-12-18T18:00:00Z");
  g_assert_cmpint (pulse_shift_get_break (shifts->pdata[0], 0)->starts_at, ==,
                   at ("2026-12-07T13:00:00Z"));
  g_date_free (monday);
}

/* Kyiv moves to UTC+3 on Sunday 28 March 2027: 08:00 local is 06:00 UTC
 * on Saturday and 05:00 UTC on Monday. A custom 22:00 night shift of
 * 10 hours runs past midnight, with no break. */
static void
test_custom_and_dst (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Kyiv");
  g_autoptr(GPtrArray) shifts = NULL;
  PulseShiftPattern pattern = { 1, 0, 8 * 60, 12 * 60, 0, 0 };
  GDate *saturday = g_date_new_dmy (27, G_DATE_MARCH, 2027);

  shifts = pulse_shift_pattern_expand (&pattern, "a-1", tz, saturday, 3, 0, NULL);
  g_assert_cmpuint (shifts->len, ==, 3);
  assert_shift (shifts->pdata[0], "2027-03-27T06:00:00Z", "2027-03-27T18:00:00Z");
  assert_shift (shifts->pdata[2], "2027-03-29T05:00:00Z", "2027-03-29T17:00:00Z");
  g_assert_cmpuint (pulse_shift_get_n_breaks (shifts->pdata[0]), ==, 0);
  g_clear_pointer (&shifts, g_ptr_array_unref);

  pattern = (PulseShiftPattern) { 3, 1, 22 * 60, 10 * 60, 0, 0 };
  shifts = pulse_shift_pattern_expand (&pattern, "a-1", tz, saturday, 2, 0, NULL);
  g_assert_cmpuint (shifts->len, ==, 2);
  /* 22:00 on Saturday (UTC+2) to 09:00 on Sunday (UTC+3) is 10 hours. */
  assert_shift (shifts->pdata[0], "2027-03-27T20:00:00Z", "2027-03-28T06:00:00Z");
  g_date_free (saturday);
}

static void
assert_refused (const PulseShiftPattern *pattern,
                guint                    n_days,
                const char              *message)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  GDate *day = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  shifts = pulse_shift_pattern_expand (pattern, "a-1", tz, day, n_days, 0, &error);
  g_assert_null (shifts);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, message);
  g_date_free (day);
}

static void
test_bad_patterns (void)
{
  PulseShiftPattern pattern;

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  assert_refused (&pattern, 0, "days: must be 1 to 56");
  assert_refused (&pattern, 57, "days: must be 1 to 56");
  pattern.days_on = 0;
  assert_refused (&pattern, 7, "days_on: must be 1 to 14");
  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  pattern.days_off = 15;
  assert_refused (&pattern, 7, "days_off: must be 0 to 14");
  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  pattern.start_minute = 24 * 60;
  assert_refused (&pattern, 7, "start_minute: must be before midnight");
  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  pattern.length_minutes = 20;
  assert_refused (&pattern, 7, "length_minutes: must be 30 minutes to 24 hours");
  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_5_2);
  pattern.break_after_minutes = 8 * 60 + 30;  /* 17:30 + 60 min ends after 18:00 */
  assert_refused (&pattern, 7, "break_minutes: the break must end before the shift does");
}

/* Applying 2/2 for the week of 7 December (UTC) to a-1 replaces their
 * work shift of Monday, skips Tuesday (an absence is booked) and leaves
 * another agent's shift and a-1's shift of the week after alone. */
static void
test_plan (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(PulseShiftPlan) plan = { 0 };
  PulseShiftPattern pattern;
  GDate *monday = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  g_ptr_array_add (existing, work ("old", "a-1", "2026-12-07T10:00:00Z", "2026-12-07T19:00:00Z",
                                   PULSE_SHIFT_KIND_WORK));
  g_ptr_array_add (existing, work ("sick", "a-1", "2026-12-08T00:00:00Z",
                                   "2026-12-09T00:00:00Z", PULSE_SHIFT_KIND_ABSENCE));
  g_ptr_array_add (existing, work ("other", "a-2", "2026-12-07T10:00:00Z",
                                   "2026-12-07T19:00:00Z", PULSE_SHIFT_KIND_WORK));
  g_ptr_array_add (existing, work ("later", "a-1", "2026-12-14T10:00:00Z",
                                   "2026-12-14T19:00:00Z", PULSE_SHIFT_KIND_WORK));

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_2_2);
  g_assert_true (pulse_shift_pattern_plan (&pattern, "a-1", tz, monday, 7, 0, existing, &plan,
                                           NULL));
  g_assert_cmpuint (plan.deletes->len, ==, 1);
  g_assert_cmpstr (pulse_shift_get_id (plan.deletes->pdata[0]), ==, "old");
  g_assert_cmpuint (plan.creates->len, ==, 3);
  assert_shift (plan.creates->pdata[0], "2026-12-07T08:00:00Z", "2026-12-07T20:00:00Z");
  assert_shift (plan.creates->pdata[1], "2026-12-11T08:00:00Z", "2026-12-11T20:00:00Z");
  assert_shift (plan.creates->pdata[2], "2026-12-12T08:00:00Z", "2026-12-12T20:00:00Z");
  g_date_free (monday);
}

/* A 08:00–20:00 shift with a 13:00–14:00 break. */
static PulseShift *
day_shift (void)
{
  PulseShift *shift = work ("s-1", "a-1", "2026-12-07T08:00:00Z", "2026-12-07T20:00:00Z",
                            PULSE_SHIFT_KIND_WORK);
  PulseShiftBreak pause = { at ("2026-12-07T13:00:00Z"), at ("2026-12-07T14:00:00Z") };

  pulse_shift_set_breaks (shift, &pause, 1);
  pulse_shift_set_version (shift, 4);
  return shift;
}

static void
test_move_and_resize (void)
{
  g_autoptr(PulseShift) shift = day_shift ();
  g_autoptr(PulseShift) moved = NULL;
  g_autoptr(PulseShift) shorter = NULL;
  g_autoptr(PulseShift) shortest = NULL;
  g_autoptr(GError) error = NULL;

  moved = pulse_shift_dup_moved (shift, 30 * MINUTE, 30 * MINUTE, &error);
  g_assert_no_error (error);
  assert_shift (moved, "2026-12-07T08:30:00Z", "2026-12-07T20:30:00Z");
  g_assert_cmpint (pulse_shift_get_break (moved, 0)->starts_at, ==, at ("2026-12-07T13:30:00Z"));
  g_assert_cmpstr (pulse_shift_get_id (moved), ==, "s-1");
  g_assert_cmpint (pulse_shift_get_version (moved), ==, 4);
  /* The original is untouched, for the undo. */
  assert_shift (shift, "2026-12-07T08:00:00Z", "2026-12-07T20:00:00Z");

  /* Ending at 14:30 keeps the break; at 13:30 it no longer fits. */
  shorter = pulse_shift_dup_moved (shift, 0, -11 * HOUR / 2, NULL);
  assert_shift (shorter, "2026-12-07T08:00:00Z", "2026-12-07T14:30:00Z");
  g_assert_cmpuint (pulse_shift_get_n_breaks (shorter), ==, 1);
  shortest = pulse_shift_dup_moved (shift, 0, -13 * HOUR / 2, NULL);
  g_assert_cmpuint (pulse_shift_get_n_breaks (shortest), ==, 0);

  g_assert_null (pulse_shift_dup_moved (shift, 0, -12 * HOUR, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "ends_at: a shift lasts at least 30 minutes");
  g_clear_error (&error);
  g_assert_null (pulse_shift_dup_moved (shift, 0, 15 * 24 * HOUR, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pulse_shift_dup_moved (shift, -at ("2026-12-08T00:00:00Z"), 0, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
}

/* Copied a week on in Kyiv across the DST change: 08:00 local on Monday
 * 22 March 2027 (06:00 UTC) becomes 08:00 local on 29 March (05:00 UTC),
 * 7 days less an hour later; the break moves with it. */
static void
test_copy_week (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Kyiv");
  g_autoptr(PulseShift) shift = work ("s-1", "a-1", "2027-03-22T06:00:00Z",
                                      "2027-03-22T15:00:00Z", PULSE_SHIFT_KIND_TRAINING);
  g_autoptr(PulseShift) copy = NULL;
  PulseShiftBreak pause = { at ("2027-03-22T11:00:00Z"), at ("2027-03-22T12:00:00Z") };

  pulse_shift_set_breaks (shift, &pause, 1);
  pulse_shift_set_note (shift, "onboarding");
  copy = pulse_shift_dup_copied (shift, tz, 7);
  assert_shift (copy, "2027-03-29T05:00:00Z", "2027-03-29T14:00:00Z");
  g_assert_cmpint (pulse_shift_get_break (copy, 0)->starts_at, ==, at ("2027-03-29T10:00:00Z"));
  g_assert_cmpint (pulse_shift_get_kind (copy), ==, PULSE_SHIFT_KIND_TRAINING);
  g_assert_cmpstr (pulse_shift_get_note (copy), ==, "onboarding");
  g_assert_cmpstr (pulse_shift_get_id (copy), !=, "s-1");
  g_assert_cmpint (pulse_shift_get_version (copy), ==, 0);

  g_assert_true (pulse_shift_overlaps (shift, at ("2027-03-22T14:59:00Z"),
                                       at ("2027-03-22T16:00:00Z")));
  g_assert_false (pulse_shift_overlaps (shift, at ("2027-03-22T15:00:00Z"),
                                        at ("2027-03-22T16:00:00Z")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/shift-pattern/two-two", test_two_two);
  g_test_add_func ("/pulse/core/shift-pattern/five-two", test_five_two);
  g_test_add_func ("/pulse/core/shift-pattern/custom-and-dst", test_custom_and_dst);
  g_test_add_func ("/pulse/core/shift-pattern/bad-patterns", test_bad_patterns);
  g_test_add_func ("/pulse/core/shift-pattern/plan", test_plan);
  g_test_add_func ("/pulse/core/shift-edit/move-and-resize", test_move_and_resize);
  g_test_add_func ("/pulse/core/shift-edit/copy-week", test_copy_week);

  return g_test_run ();
}
