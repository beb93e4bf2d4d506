/* test-ui-mentors-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Mentors page's words and dates, without a display (LC_ALL=C.UTF-8,
 * TZ=UTC: untranslated, dates in UTC).
 */

#include "config.h"

#include "pulse-mentors-text.h"
#include "pulse-mentorship-edit.h"
#include "pulse-time-utils.h"

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_entry_dates (void)
{
  g_autofree char *shown = pulse_mentors_text_entry (at ("2026-10-01T06:00:00Z"));
  g_autofree char *none = pulse_mentors_text_entry (0);
  g_autofree char *date = pulse_mentors_text_date (at ("2026-10-01T06:00:00Z"));
  gint64 out = 0;

  g_assert_cmpstr (shown, ==, "2026-10-01");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (date, ==, "Oct 01, 2026");

  /* The new date keeps the old one's time of day (06:00 UTC). */
  g_assert_true (pulse_mentors_parse_entry (" 2026-10-10 ", at ("2026-10-01T06:00:00Z"), &out));
  g_assert_cmpint (out, ==, at ("2026-10-10T06:00:00Z"));
  g_assert_true (pulse_mentors_parse_entry ("2028-02-29", 0, &out));
  g_assert_cmpint (out, ==, at ("2028-02-29T00:00:00Z"));

  g_assert_false (pulse_mentors_parse_entry ("2026-02-30", 0, &out));
  g_assert_false (pulse_mentors_parse_entry ("2026-10-1", 0, &out));
  g_assert_false (pulse_mentors_parse_entry ("2026-10-01x", 0, &out));
  g_assert_false (pulse_mentors_parse_entry ("1 Oct 2026", 0, &out));
  g_assert_false (pulse_mentors_parse_entry ("", 0, &out));
}

static void
test_counts (void)
{
  g_autofree char *load = pulse_mentors_text_load (2, 3);
  g_autofree char *one_day = pulse_mentors_text_late (at ("2026-10-01T06:00:00Z"),
                                                      at ("2026-10-02T07:00:00Z"));
  g_autofree char *days = pulse_mentors_text_late (at ("2026-10-01T06:00:00Z"),
                                                   at ("2026-10-13T05:59:59Z"));

  g_assert_cmpstr (load, ==, "2 of 3 mentees");
  g_assert_cmpstr (one_day, ==, "1 day late");
  g_assert_cmpstr (days, ==, "11 days late");
}

/* Started 1 September: on 5 October email (1 Sep) is 34 days late, chat
 * (1 Oct) due, phone (16 Oct) to come; then chat signed off. */
static void
test_milestone_lines (void)
{
  g_autoptr(JsonNode) node = pulse_mentorship_edit_new_plan ("mt", "a", "b",
                                                             at ("2026-09-01T06:00:00Z"));
  g_autoptr(PulseMentorship) m = pulse_mentorship_new_from_json (node, NULL);
  g_autoptr(JsonNode) signed_node = NULL;
  g_autoptr(PulseMentorship) signed_off = NULL;
  g_autoptr(JsonNode) passed_node = NULL;
  g_autoptr(PulseMentorship) passed = NULL;
  gint64 now = at ("2026-10-05T12:00:00Z");
  g_autofree char *email = pulse_mentors_text_step (m, 0, now);
  g_autofree char *chat = pulse_mentors_text_step (m, 1, now);
  g_autofree char *phone = pulse_mentors_text_step (m, 2, now);
  g_autofree char *test = pulse_mentors_text_test (m, now);
  g_autofree char *progress = pulse_mentors_text_progress (m);
  g_autofree char *done = NULL;
  g_autofree char *result = NULL;

  g_assert_cmpstr (email, ==, "Planned for Sep 01, 2026 · 34 days late");
  g_assert_cmpstr (chat, ==, "Planned for Oct 01, 2026 · due now");
  g_assert_cmpstr (phone, ==, "Planned for Oct 16, 2026");
  g_assert_cmpstr (test, ==, "Planned for Nov 30, 2026");
  g_assert_cmpstr (progress, ==, "0 of 4 milestones");

  signed_node = pulse_mentorship_edit_sign_off (m, 1, at ("2026-10-02T09:00:00Z"), "Olena");
  signed_off = pulse_mentorship_new_from_json (signed_node, NULL);
  done = pulse_mentors_text_step (signed_off, 1, now);
  g_assert_cmpstr (done, ==, "Signed off Oct 02, 2026 by Olena");

  passed_node = pulse_mentorship_edit_decide (signed_off, PULSE_MENTORSHIP_DECISION_PASS, 88);
  passed = pulse_mentorship_new_from_json (passed_node, NULL);
  result = pulse_mentors_text_test (passed, now);
  g_assert_cmpstr (result, ==, "Passed with 88");
  g_assert_cmpstr (pulse_mentors_state_class (PULSE_MILESTONE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (pulse_mentors_text_state (PULSE_MILESTONE_DUE), ==, "Due");
}

static void
test_unscheduled_test (void)
{
  g_autoptr(JsonNode) node = pulse_mentorship_edit_new_plan ("mt", "a", "b",
                                                             at ("2026-09-01T06:00:00Z"));
  g_autoptr(PulseMentorship) m = pulse_mentorship_new_from_json (node, NULL);
  g_autoptr(JsonNode) cleared = pulse_mentorship_edit_set_date (m, -1, 0);
  g_autoptr(PulseMentorship) none = pulse_mentorship_new_from_json (cleared, NULL);
  g_autofree char *line = pulse_mentors_text_test (none, at ("2027-01-01T00:00:00Z"));

  g_assert_cmpint (pulse_mentorship_get_test_at (none), ==, 0);
  g_assert_cmpstr (line, ==, "Not scheduled");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/mentors-text/entry-dates", test_entry_dates);
  g_test_add_func ("/pulse/ui/mentors-text/counts", test_counts);
  g_test_add_func ("/pulse/ui/mentors-text/milestone-lines", test_milestone_lines);
  g_test_add_func ("/pulse/ui/mentors-text/unscheduled-test", test_unscheduled_test);

  return g_test_run ();
}
