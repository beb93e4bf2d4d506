/* test-mentorship-plan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The probation plan: the usual milestones, when each is due and
 * overdue, progress, sign-offs, decisions and the edits the Mentors page
 * makes, against dates worked out by hand.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-error.h"
#include "pulse-mentorship-edit.h"
#include "pulse-mentorship-plan.h"
#include "pulse-time-utils.h"

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

/* Takes @node. */
static PulseMentorship *
decode (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  PulseMentorship *mentorship = pulse_mentorship_new_from_json (node, &error);

  g_assert_no_error (error);
  json_node_unref (node);
  return mentorship;
}

static void
assert_refused (JsonNode   *node,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseMentorship) mentorship = pulse_mentorship_new_from_json (node, &error);

  g_assert_null (mentorship);
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, message);
  json_node_unref (node);
}

/* Started 1 September 06:00 UTC. September has 30 days, so day 30 is
 * 1 October, day 45 is 16 October and day 90 is 30 November. */
static PulseMentorship *
new_plan (void)
{
  return decode (pulse_mentorship_edit_new_plan ("mt-1", "agent-2", "agent-19",
                                                 at ("2026-09-01T06:00:00Z")));
}

static void
test_default_plan (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  const PulseMentorshipStep *step;

  g_assert_cmpint (pulse_mentorship_get_status (m), ==, PULSE_MENTORSHIP_STATUS_ACTIVE);
  g_assert_cmpint (pulse_mentorship_get_version (m), ==, 0);
  g_assert_cmpuint (pulse_mentorship_get_n_steps (m), ==, 3);
  step = pulse_mentorship_get_step (m, 0);
  g_assert_cmpint (step->channel, ==, PULSE_CHANNEL_KIND_EMAIL);
  g_assert_cmpint (step->opens_at, ==, at ("2026-09-01T06:00:00Z"));
  step = pulse_mentorship_get_step (m, 1);
  g_assert_cmpint (step->channel, ==, PULSE_CHANNEL_KIND_CHAT);
  g_assert_cmpint (step->opens_at, ==, at ("2026-10-01T06:00:00Z"));
  step = pulse_mentorship_get_step (m, 2);
  g_assert_cmpint (step->channel, ==, PULSE_CHANNEL_KIND_PHONE);
  g_assert_cmpint (step->opens_at, ==, at ("2026-10-16T06:00:00Z"));
  g_assert_cmpint (pulse_mentorship_get_test_at (m), ==, at ("2026-11-30T06:00:00Z"));

  g_assert_cmpuint (pulse_mentorship_count_milestones (m), ==, 4);
  g_assert_cmpuint (pulse_mentorship_count_done (m), ==, 0);
  g_assert_cmpfloat (pulse_mentorship_get_progress (m), ==, 0);
  g_assert_cmpuint (pulse_mentorship_get_signed_off (m), ==, 0);
  g_assert_cmpint (pulse_mentorship_find_step (m, PULSE_CHANNEL_KIND_PHONE), ==, 2);
  g_assert_cmpint (pulse_mentorship_find_step (m, PULSE_CHANNEL_KIND_VIBER), ==, -1);
}

/* Due from the date, overdue a week (7 days) after it. */
static void
test_due_and_overdue (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  gint64 chat = at ("2026-10-01T06:00:00Z");
  gint64 chat_overdue = at ("2026-10-08T06:00:00Z");

  g_assert_cmpint (pulse_mentorship_step_state (m, 1, chat - 1), ==, PULSE_MILESTONE_UPCOMING);
  g_assert_cmpint (pulse_mentorship_step_state (m, 1, chat), ==, PULSE_MILESTONE_DUE);
  g_assert_cmpint (pulse_mentorship_step_state (m, 1, chat_overdue - 1), ==, PULSE_MILESTONE_DUE);
  g_assert_cmpint (pulse_mentorship_step_state (m, 1, chat_overdue), ==, PULSE_MILESTONE_OVERDUE);

  /* 5 October: email (1 September) is overdue since 8 September, chat
   * due, phone (16 October) and the test (30 November) still to come. */
  g_assert_cmpint (pulse_mentorship_step_state (m, 0, at ("2026-10-05T00:00:00Z")), ==,
                   PULSE_MILESTONE_OVERDUE);
  g_assert_cmpint (pulse_mentorship_step_state (m, 2, at ("2026-10-05T00:00:00Z")), ==,
                   PULSE_MILESTONE_UPCOMING);
  g_assert_cmpint (pulse_mentorship_test_state (m, at ("2026-10-05T00:00:00Z")), ==,
                   PULSE_MILESTONE_UPCOMING);
  g_assert_cmpuint (pulse_mentorship_count_overdue (m, at ("2026-10-05T00:00:00Z")), ==, 1);

  /* 7 December 06:00: all four are a week or more late. */
  g_assert_cmpint (pulse_mentorship_test_state (m, at ("2026-12-07T05:59:59Z")), ==,
                   PULSE_MILESTONE_DUE);
  g_assert_cmpuint (pulse_mentorship_count_overdue (m, at ("2026-12-07T05:59:59Z")), ==, 3);
  g_assert_cmpuint (pulse_mentorship_count_overdue (m, at ("2026-12-07T06:00:00Z")), ==, 4);
}

static void
test_sign_off (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) email = NULL;
  g_autoptr(PulseMentorship) chat = NULL;
  g_autoptr(PulseMentorship) back = NULL;
  gint64 oct5 = at ("2026-10-05T00:00:00Z");

  email = decode (pulse_mentorship_edit_sign_off (m, 0, at ("2026-09-02T10:00:00Z"), "Olena"));
  g_assert_cmpint (pulse_mentorship_get_step (email, 0)->signed_off_at, ==,
                   at ("2026-09-02T10:00:00Z"));
  g_assert_cmpstr (pulse_mentorship_get_step (email, 0)->signed_off_by, ==, "Olena");
  g_assert_cmpint (pulse_mentorship_step_state (email, 0, oct5), ==, PULSE_MILESTONE_DONE);
  g_assert_cmpuint (pulse_mentorship_count_overdue (email, oct5), ==, 0);
  g_assert_cmpfloat (pulse_mentorship_get_progress (email), ==, 0.25);
  g_assert_cmpuint (pulse_mentorship_get_signed_off (email), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL));

  /* Chat signed off early: a mentor may open it before its date. */
  chat = decode (pulse_mentorship_edit_sign_off (email, 1, at ("2026-09-20T10:00:00Z"), NULL));
  g_assert_cmpfloat (pulse_mentorship_get_progress (chat), ==, 0.5);
  g_assert_cmpuint (pulse_mentorship_get_signed_off (chat), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT));
  g_assert_null (pulse_mentorship_get_step (chat, 1)->signed_off_by);

  /* Taken back (an undo): open again, and due on 5 October. */
  back = decode (pulse_mentorship_edit_sign_off (chat, 1, 0, "Olena"));
  g_assert_cmpint (pulse_mentorship_get_step (back, 1)->signed_off_at, ==, 0);
  g_assert_null (pulse_mentorship_get_step (back, 1)->signed_off_by);
  g_assert_cmpint (pulse_mentorship_step_state (back, 1, oct5), ==, PULSE_MILESTONE_DUE);
  g_assert_cmpuint (pulse_mentorship_get_signed_off (back), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL));
}

/* A planned probation starts with its first sign-off. */
static void
test_sign_off_starts (void)
{
  g_autoptr(PulseMentorship) m = NULL;
  g_autoptr(PulseMentorship) signed_off = NULL;
  JsonNode *node = pulse_mentorship_edit_new_plan ("mt-2", "a", "b", at ("2026-09-01T06:00:00Z"));

  json_object_set_string_member (json_node_get_object (node), "status", "planned");
  m = decode (node);
  g_assert_true (pulse_mentorship_is_open (m));
  signed_off = decode (pulse_mentorship_edit_sign_off (m, 0, at ("2026-09-01T07:00:00Z"), NULL));
  g_assert_cmpint (pulse_mentorship_get_status (signed_off), ==, PULSE_MENTORSHIP_STATUS_ACTIVE);
}

static void
test_decisions (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) email = NULL;
  g_autoptr(PulseMentorship) passed = NULL;
  g_autoptr(PulseMentorship) extended = NULL;
  g_autoptr(PulseMentorship) failed = NULL;
  g_autoptr(PulseMentorship) undecided = NULL;
  gint64 dec7 = at ("2026-12-07T06:00:00Z");

  email = decode (pulse_mentorship_edit_sign_off (m, 0, at ("2026-09-02T10:00:00Z"), NULL));

  /* A pass closes the probation: what was never signed off is not late. */
  passed = decode (pulse_mentorship_edit_decide (email, PULSE_MENTORSHIP_DECISION_PASS, 91));
  g_assert_cmpint (pulse_mentorship_get_status (passed), ==, PULSE_MENTORSHIP_STATUS_PASSED);
  g_assert_cmpint (pulse_mentorship_get_decision (passed), ==, PULSE_MENTORSHIP_DECISION_PASS);
  g_assert_cmpfloat (pulse_mentorship_get_test_score (passed), ==, 91);
  g_assert_false (pulse_mentorship_is_open (passed));
  g_assert_cmpint (pulse_mentorship_test_state (passed, dec7), ==, PULSE_MILESTONE_DONE);
  g_assert_cmpint (pulse_mentorship_step_state (passed, 2, dec7), ==, PULSE_MILESTONE_UPCOMING);
  g_assert_cmpuint (pulse_mentorship_count_overdue (passed, dec7), ==, 0);
  g_assert_cmpfloat (pulse_mentorship_get_progress (passed), ==, 0.5);

  /* Extended: 30 November + 30 days is 30 December; the test waits. */
  extended = decode (pulse_mentorship_edit_decide (email, PULSE_MENTORSHIP_DECISION_EXTEND, 58));
  g_assert_cmpint (pulse_mentorship_get_status (extended), ==, PULSE_MENTORSHIP_STATUS_ACTIVE);
  g_assert_cmpint (pulse_mentorship_get_test_at (extended), ==, at ("2026-12-30T06:00:00Z"));
  g_assert_cmpint (pulse_mentorship_test_state (extended, dec7), ==, PULSE_MILESTONE_UPCOMING);
  g_assert_cmpfloat (pulse_mentorship_get_progress (extended), ==, 0.25);
  g_assert_cmpuint (pulse_mentorship_count_overdue (extended, dec7), ==, 2);

  failed = decode (pulse_mentorship_edit_decide (extended, PULSE_MENTORSHIP_DECISION_FAIL, -1));
  g_assert_cmpint (pulse_mentorship_get_status (failed), ==, PULSE_MENTORSHIP_STATUS_FAILED);
  g_assert_cmpfloat (pulse_mentorship_get_test_score (failed), ==, 58);
  g_assert_cmpint (pulse_mentorship_test_state (failed, dec7), ==, PULSE_MILESTONE_DONE);

  undecided = decode (pulse_mentorship_edit_decide (failed, PULSE_MENTORSHIP_DECISION_NONE, -1));
  g_assert_cmpint (pulse_mentorship_get_status (undecided), ==, PULSE_MENTORSHIP_STATUS_ACTIVE);
  g_assert_cmpint (pulse_mentorship_get_decision (undecided), ==,
                   PULSE_MENTORSHIP_DECISION_NONE);
}

static void
test_edit_dates (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) moved = NULL;
  g_autoptr(PulseMentorship) test = NULL;

  moved = decode (pulse_mentorship_edit_set_date (m, 1, at ("2026-10-10T06:00:00Z")));
  g_assert_cmpint (pulse_mentorship_get_step (moved, 1)->opens_at, ==,
                   at ("2026-10-10T06:00:00Z"));
  g_assert_cmpint (pulse_mentorship_step_state (moved, 1, at ("2026-10-05T00:00:00Z")), ==,
                   PULSE_MILESTONE_UPCOMING);

  test = decode (pulse_mentorship_edit_set_date (m, -1, at ("2026-12-01T09:00:00Z")));
  g_assert_cmpint (pulse_mentorship_get_test_at (test), ==, at ("2026-12-01T09:00:00Z"));

  assert_refused (pulse_mentorship_edit_set_date (m, 2, at ("2026-08-31T06:00:00Z")),
                  "plan[2].opens_at: is before started_at");
  assert_refused (pulse_mentorship_edit_set_date (m, -1, at ("2026-08-01T06:00:00Z")),
                  "test_at: is before started_at");
}

static void
test_edit_mentor (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) moved = NULL;

  moved = decode (pulse_mentorship_edit_set_mentor (m, "agent-7"));
  g_assert_cmpstr (pulse_mentorship_get_mentor_id (moved), ==, "agent-7");
  g_assert_cmpstr (pulse_mentorship_get_newcomer_id (moved), ==, "agent-19");
  g_assert_cmpuint (pulse_mentorship_get_n_steps (moved), ==, 3);
  assert_refused (pulse_mentorship_edit_set_mentor (m, "agent-19"),
                  "newcomer_id: must differ from mentor_id");
}

/* Phone moved before chat: the plan reads by date. */
static void
test_order (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) moved = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) same = NULL;

  moved = decode (pulse_mentorship_edit_set_date (m, 2, at ("2026-09-20T06:00:00Z")));
  order = pulse_mentorship_dup_order (moved);
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpuint (g_array_index (order, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (order, guint, 2), ==, 1);

  g_clear_pointer (&moved, g_object_unref);
  moved = decode (pulse_mentorship_edit_set_date (m, 2, at ("2026-10-01T06:00:00Z")));
  same = pulse_mentorship_dup_order (moved);
  g_assert_cmpuint (g_array_index (same, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (same, guint, 2), ==, 2);
}

/* A cancelled probation has nothing late, and keeps what was signed off. */
static void
test_cancelled (void)
{
  g_autoptr(PulseMentorship) m = new_plan ();
  g_autoptr(PulseMentorship) email = NULL;

  email = decode (pulse_mentorship_edit_sign_off (m, 0, at ("2026-09-02T10:00:00Z"), NULL));
  pulse_mentorship_set_status (email, PULSE_MENTORSHIP_STATUS_CANCELLED);
  g_assert_false (pulse_mentorship_is_open (email));
  g_assert_cmpuint (pulse_mentorship_count_overdue (email, at ("2027-01-01T00:00:00Z")), ==, 0);
  g_assert_cmpint (pulse_mentorship_step_state (email, 0, 0), ==, PULSE_MILESTONE_DONE);
  g_assert_cmpuint (pulse_mentorship_get_signed_off (email), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/mentorship-plan/default", test_default_plan);
  g_test_add_func ("/pulse/core/mentorship-plan/due-and-overdue", test_due_and_overdue);
  g_test_add_func ("/pulse/core/mentorship-plan/sign-off", test_sign_off);
  g_test_add_func ("/pulse/core/mentorship-plan/sign-off-starts", test_sign_off_starts);
  g_test_add_func ("/pulse/core/mentorship-plan/decisions", test_decisions);
  g_test_add_func ("/pulse/core/mentorship-plan/edit-dates", test_edit_dates);
  g_test_add_func ("/pulse/core/mentorship-plan/edit-mentor", test_edit_mentor);
  g_test_add_func ("/pulse/core/mentorship-plan/order", test_order);
  g_test_add_func ("/pulse/core/mentorship-plan/cancelled", test_cancelled);

  return g_test_run ();
}
