/* pulse-mentorship-plan.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-mentorship.h"

G_BEGIN_DECLS

/* The usual probation, in days from the start: email at once, chat after
 * a month, phone after six weeks or so, the test at the end of the third
 * month (DESIGN.md). */
#define PULSE_MENTORSHIP_CHAT_DAY    30
#define PULSE_MENTORSHIP_PHONE_DAY   45
#define PULSE_MENTORSHIP_TEST_DAY    90
/* A milestone not signed off this many days after its date is overdue:
 * "around day 30" leaves the mentor a week. */
#define PULSE_MENTORSHIP_GRACE_DAYS  7
/* An extended probation moves the test this much later. */
#define PULSE_MENTORSHIP_EXTEND_DAYS 30

/**
 * PulseMilestoneState:
 * @PULSE_MILESTONE_UPCOMING: its date has not come (or the probation is
 *   over and it was never reached)
 * @PULSE_MILESTONE_DUE: its date has come, within the grace days
 * @PULSE_MILESTONE_OVERDUE: more than the grace days past its date and
 *   still open: the team lead is told
 * @PULSE_MILESTONE_DONE: signed off (a step) or decided (the test)
 *
 * Where one milestone of a probation plan stands.
 */
typedef enum
{
  PULSE_MILESTONE_UPCOMING,
  PULSE_MILESTONE_DUE,
  PULSE_MILESTONE_OVERDUE,
  PULSE_MILESTONE_DONE,
} PulseMilestoneState;

gboolean             pulse_mentorship_is_open          (PulseMentorship *self);
PulseMilestoneState  pulse_mentorship_step_state       (PulseMentorship *self,
                                                        guint            index,
                                                        gint64           now_usec);
PulseMilestoneState  pulse_mentorship_test_state       (PulseMentorship *self,
                                                        gint64           now_usec);
guint                pulse_mentorship_count_overdue    (PulseMentorship *self,
                                                        gint64           now_usec);
guint                pulse_mentorship_count_milestones (PulseMentorship *self);
guint                pulse_mentorship_count_done       (PulseMentorship *self);
double               pulse_mentorship_get_progress     (PulseMentorship *self);
guint                pulse_mentorship_get_signed_off   (PulseMentorship *self);
GArray              *pulse_mentorship_dup_order        (PulseMentorship *self);
int                  pulse_mentorship_find_step        (PulseMentorship *self,
                                                        PulseChannelKind channel);

G_END_DECLS
