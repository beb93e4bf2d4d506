/* pulse-mentors-text.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-mentorship-plan.h"

G_BEGIN_DECLS

/* The server's default max-mentees: the console cannot read the
 * configured one, and the server refuses an assignment over it. */
#define PULSE_MENTORS_LIMIT 3

char       *pulse_mentors_text_date      (gint64               usec);
char       *pulse_mentors_text_entry     (gint64               usec);
gboolean    pulse_mentors_parse_entry    (const char          *text,
                                          gint64               keep_time_of,
                                          gint64              *out);
const char *pulse_mentors_text_state     (PulseMilestoneState  state);
const char *pulse_mentors_state_class    (PulseMilestoneState  state);
char       *pulse_mentors_text_step      (PulseMentorship     *mentorship,
                                          guint                index,
                                          gint64               now_usec);
char       *pulse_mentors_text_test      (PulseMentorship     *mentorship,
                                          gint64               now_usec);
char       *pulse_mentors_text_load      (guint                mentees,
                                          guint                limit);
char       *pulse_mentors_text_progress  (PulseMentorship     *mentorship);
char       *pulse_mentors_text_late      (gint64               date,
                                          gint64               now_usec);

G_END_DECLS
