/* pulse-mentorship-plan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a probation plan stands: each milestone upcoming, due, overdue or
 * done, the progress, and the channels signed off so far. The Mentors
 * page and the server read the same answers from here.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-mentorship-plan.h"
#include "pulse-time-utils.h"

#define GRACE_USEC ((gint64) PULSE_MENTORSHIP_GRACE_DAYS * PULSE_USEC_PER_DAY)

/**
 * pulse_mentorship_is_open:
 *
 * Returns: %TRUE while the probation runs ("planned" or "active"): it
 *   counts towards the mentor's load and its milestones can be overdue.
 */
gboolean
pulse_mentorship_is_open (PulseMentorship *self)
{
  PulseMentorshipStatus status;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), FALSE);

  status = pulse_mentorship_get_status (self);
  return status == PULSE_MENTORSHIP_STATUS_PLANNED || status == PULSE_MENTORSHIP_STATUS_ACTIVE;
}

static PulseMilestoneState
state_at (PulseMentorship *self,
          gint64           date,
          gint64           now_usec)
{
  if (!pulse_mentorship_is_open (self) || date == 0 || now_usec < date)
    return PULSE_MILESTONE_UPCOMING;

  return now_usec < date + GRACE_USEC ? PULSE_MILESTONE_DUE : PULSE_MILESTONE_OVERDUE;
}

/**
 * pulse_mentorship_step_state:
 * @index: a step, below pulse_mentorship_get_n_steps()
 * @now_usec: the time to ask about
 *
 * A step is done once signed off, whatever the status. An open one is due
 * from its date and overdue %PULSE_MENTORSHIP_GRACE_DAYS days after it,
 * but only while the probation runs.
 *
 * Returns: where the step stands at @now_usec.
 */
PulseMilestoneState
pulse_mentorship_step_state (PulseMentorship *self,
                             guint            index,
                             gint64           now_usec)
{
  const PulseMentorshipStep *step;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), PULSE_MILESTONE_UPCOMING);
  g_return_val_if_fail (index < pulse_mentorship_get_n_steps (self), PULSE_MILESTONE_UPCOMING);

  step = pulse_mentorship_get_step (self, index);
  if (step->signed_off_at != 0)
    return PULSE_MILESTONE_DONE;

  return state_at (self, step->opens_at, now_usec);
}

/**
 * pulse_mentorship_test_state:
 * @now_usec: the time to ask about
 *
 * The final test is done once passed or failed; an extended probation
 * waits for the test again, at its new date. A test with no date is
 * upcoming.
 *
 * Returns: where the test stands at @now_usec.
 */
PulseMilestoneState
pulse_mentorship_test_state (PulseMentorship *self,
                             gint64           now_usec)
{
  PulseMentorshipDecision decision;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), PULSE_MILESTONE_UPCOMING);

  decision = pulse_mentorship_get_decision (self);
  if (decision == PULSE_MENTORSHIP_DECISION_PASS || decision == PULSE_MENTORSHIP_DECISION_FAIL)
    return PULSE_MILESTONE_DONE;

  return state_at (self, pulse_mentorship_get_test_at (self), now_usec);
}

/**
 * pulse_mentorship_count_overdue:
 * @now_usec: the time to ask about
 *
 * Returns: how many milestones (steps and the test) are overdue.
 */
guint
pulse_mentorship_count_overdue (PulseMentorship *self,
                                gint64           now_usec)
{
  guint n = 0;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  for (guint i = 0; i < pulse_mentorship_get_n_steps (self); i++)
    n += pulse_mentorship_step_state (self, i, now_usec) == PULSE_MILESTONE_OVERDUE;

  return n + (pulse_mentorship_test_state (self, now_usec) == PULSE_MILESTONE_OVERDUE);
}

/**
 * pulse_mentorship_count_milestones:
 *
 * Returns: the plan's steps and the final test.
 */
guint
pulse_mentorship_count_milestones (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return pulse_mentorship_get_n_steps (self) + 1;
}

/**
 * pulse_mentorship_count_done:
 *
 * Returns: the steps signed off, plus one once the test is decided.
 */
guint
pulse_mentorship_count_done (PulseMentorship *self)
{
  guint n = 0;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  for (guint i = 0; i < pulse_mentorship_get_n_steps (self); i++)
    n += pulse_mentorship_get_step (self, i)->signed_off_at != 0;

  return n + (pulse_mentorship_test_state (self, 0) == PULSE_MILESTONE_DONE);
}

/**
 * pulse_mentorship_get_progress:
 *
 * Returns: the share of milestones done, 0…1.
 */
double
pulse_mentorship_get_progress (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return (double) pulse_mentorship_count_done (self) / pulse_mentorship_count_milestones (self);
}

/**
 * pulse_mentorship_get_signed_off:
 *
 * What the server opens to the newcomer: every channel whose step is
 * signed off, as a set of PULSE_CHANNEL_SET_BIT() bits.
 *
 * Returns: the channel set.
 */
guint
pulse_mentorship_get_signed_off (PulseMentorship *self)
{
  guint set = 0;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  for (guint i = 0; i < pulse_mentorship_get_n_steps (self); i++)
    {
      const PulseMentorshipStep *step = pulse_mentorship_get_step (self, i);

      if (step->signed_off_at != 0)
        set |= PULSE_CHANNEL_SET_BIT (step->channel);
    }

  return set;
}

/**
 * pulse_mentorship_find_step:
 * @channel: a channel
 *
 * Returns: the index of the step that opens @channel, or -1.
 */
int
pulse_mentorship_find_step (PulseMentorship  *self,
                            PulseChannelKind  channel)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), -1);

  for (guint i = 0; i < pulse_mentorship_get_n_steps (self); i++)
    {
      if (pulse_mentorship_get_step (self, i)->channel == channel)
        return (int) i;
    }

  return -1;
}

static int
by_date (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  PulseMentorship *self = user_data;
  gint64 x = pulse_mentorship_get_step (self, *(const guint *) a)->opens_at;
  gint64 y = pulse_mentorship_get_step (self, *(const guint *) b)->opens_at;

  if (x != y)
    return x < y ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/**
 * pulse_mentorship_dup_order:
 *
 * The plan's steps by date, earliest first (the plan keeps them in any
 * order); steps on the same date keep their plan order.
 *
 * Returns: (transfer full) (element-type guint): step indices.
 */
GArray *
pulse_mentorship_dup_order (PulseMentorship *self)
{
  GArray *order;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), pulse_mentorship_get_n_steps (self));
  for (guint i = 0; i < pulse_mentorship_get_n_steps (self); i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, by_date, self);
  return order;
}
