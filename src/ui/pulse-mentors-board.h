/* pulse-mentors-board.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-agent.h"

G_BEGIN_DECLS

/**
 * PulseMentorsBoard:
 * @now: the time milestones are judged at
 * @newcomers: (element-type PulseAgent): newcomers and agents on an open
 *   probation, the most overdue first, then by name
 * @plans: newcomer id → their #PulseMentorship (borrowed from the list)
 * @loads: mentor id → open mentorships (GUINT_TO_POINTER)
 * @mentees: mentor id → #GPtrArray of newcomer ids
 * @names: agent id → name
 *
 * What the Mentors page shows, read from the session's lists in one go.
 */
typedef struct
{
  gint64      now;
  GPtrArray  *newcomers;
  GHashTable *plans;
  GHashTable *loads;
  GHashTable *mentees;
  GHashTable *names;
} PulseMentorsBoard;

void        pulse_mentors_board_read           (PulseMentorsBoard *board,
                                                GListModel        *mentorships,
                                                GListModel        *agents,
                                                gint64             now_usec);
void        pulse_mentors_board_clear          (PulseMentorsBoard *board);
const char *pulse_mentors_board_name           (PulseMentorsBoard *board,
                                                const char        *id);
char       *pulse_mentors_board_dup_signature  (PulseMentorsBoard *board,
                                                gboolean           editable);
GPtrArray  *pulse_mentors_board_dup_candidates (GListModel        *agents,
                                                PulseAgent        *newcomer,
                                                GHashTable        *loads,
                                                gint64             now_usec);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseMentorsBoard, pulse_mentors_board_clear)

G_END_DECLS
