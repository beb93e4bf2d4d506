/* pulse-mentorship.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-mentorship-step.h"
#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_MENTORSHIP (pulse_mentorship_get_type ())

G_DECLARE_FINAL_TYPE (PulseMentorship, pulse_mentorship, PULSE, MENTORSHIP, GObject)

PulseMentorship           *pulse_mentorship_new             (const char            *id);
PulseMentorship           *pulse_mentorship_new_from_json   (JsonNode              *node,
                                                             GError               **error);
JsonNode                  *pulse_mentorship_to_json         (PulseMentorship       *self);
const char                *pulse_mentorship_get_id          (PulseMentorship       *self);
gint64                     pulse_mentorship_get_version     (PulseMentorship       *self);
void                       pulse_mentorship_set_version     (PulseMentorship       *self,
                                                             gint64                 version);
const char                *pulse_mentorship_get_mentor_id   (PulseMentorship       *self);
const char                *pulse_mentorship_get_newcomer_id (PulseMentorship       *self);
PulseMentorshipStatus      pulse_mentorship_get_status      (PulseMentorship       *self);
void                       pulse_mentorship_set_status      (PulseMentorship       *self,
                                                             PulseMentorshipStatus  status);
gint64                     pulse_mentorship_get_started_at  (PulseMentorship       *self);
guint                      pulse_mentorship_get_n_steps     (PulseMentorship       *self);
const PulseMentorshipStep *pulse_mentorship_get_step        (PulseMentorship       *self,
                                                             guint                  index);
gint64                     pulse_mentorship_get_opens_at    (PulseMentorship       *self,
                                                             PulseChannelKind       channel);
gboolean                   pulse_mentorship_channel_open    (PulseMentorship       *self,
                                                             PulseChannelKind       channel,
                                                             gint64                 now_usec);
gint64                     pulse_mentorship_get_test_at     (PulseMentorship       *self);
void                       pulse_mentorship_set_test_at     (PulseMentorship       *self,
                                                             gint64                 test_at);
double                     pulse_mentorship_get_test_score  (PulseMentorship       *self);
void                       pulse_mentorship_set_test_score  (PulseMentorship       *self,
                                                             double                 test_score);
PulseMentorshipDecision    pulse_mentorship_get_decision    (PulseMentorship       *self);
const char                *pulse_mentorship_get_notes       (PulseMentorship       *self);
void                       pulse_mentorship_set_notes       (PulseMentorship       *self,
                                                             const char            *notes);

G_END_DECLS
