/* pulse-mentorship-step.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_MENTORSHIP_STEP (pulse_mentorship_step_get_type ())

typedef struct _PulseMentorshipStep PulseMentorshipStep;

/**
 * PulseMentorshipStep:
 * @channel: the channel the newcomer may start answering
 * @opens_at: from when, in microseconds since the epoch: the milestone's
 *   planned date
 * @signed_off_at: when the mentor or lead signed the milestone off, or 0
 *   while it is open; a signed-off step opens its channel on the server
 * @signed_off_by: (nullable): who signed it off, as the console names them
 *
 * One step (milestone) of a newcomer's probation plan. Wire form:
 * `{"channel","opens_at","signed_off_at"?,"signed_off_by"?}`; the last two
 * are optional, so plans written before sign-offs existed still read.
 */
struct _PulseMentorshipStep
{
  PulseChannelKind  channel;
  gint64            opens_at;
  gint64            signed_off_at;
  char             *signed_off_by;
};

GType                pulse_mentorship_step_get_type       (void) G_GNUC_CONST;
PulseMentorshipStep *pulse_mentorship_step_new            (PulseChannelKind            channel,
                                                           gint64                      opens_at);
PulseMentorshipStep *pulse_mentorship_step_copy           (const PulseMentorshipStep  *self);
void                 pulse_mentorship_step_free           (PulseMentorshipStep        *self);
PulseMentorshipStep *pulse_mentorship_step_new_from_json  (JsonNode                   *node,
                                                           GError                    **error);
JsonNode            *pulse_mentorship_step_to_json        (const PulseMentorshipStep  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseMentorshipStep, pulse_mentorship_step_free)

G_END_DECLS
