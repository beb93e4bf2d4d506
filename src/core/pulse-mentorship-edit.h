/* pulse-mentorship-edit.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-mentorship.h"

G_BEGIN_DECLS

JsonNode *pulse_mentorship_edit_new_plan   (const char              *id,
                                            const char              *mentor_id,
                                            const char              *newcomer_id,
                                            gint64                   started_at);
JsonNode *pulse_mentorship_edit_sign_off   (PulseMentorship         *self,
                                            guint                    index,
                                            gint64                   at,
                                            const char              *by);
JsonNode *pulse_mentorship_edit_set_date   (PulseMentorship         *self,
                                            int                      index,
                                            gint64                   date);
JsonNode *pulse_mentorship_edit_decide     (PulseMentorship         *self,
                                            PulseMentorshipDecision  decision,
                                            double                   test_score);
JsonNode *pulse_mentorship_edit_set_mentor (PulseMentorship         *self,
                                            const char              *mentor_id);

G_END_DECLS
