/* pulse-followup.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_FOLLOWUP (pulse_followup_get_type ())

G_DECLARE_FINAL_TYPE (PulseFollowup, pulse_followup, PULSE, FOLLOWUP, GObject)

PulseFollowup       *pulse_followup_new_from_json   (JsonNode       *node,
                                                     GError        **error);
JsonNode            *pulse_followup_to_json         (PulseFollowup  *self);
const char          *pulse_followup_get_id          (PulseFollowup  *self);
gint64               pulse_followup_get_version     (PulseFollowup  *self);
void                 pulse_followup_set_version     (PulseFollowup  *self,
                                                     gint64          version);
const char          *pulse_followup_get_agent_id    (PulseFollowup  *self);
const char          *pulse_followup_get_team_id     (PulseFollowup  *self);
const char          *pulse_followup_get_ticket_id   (PulseFollowup  *self);
const char          *pulse_followup_get_review_id   (PulseFollowup  *self);
PulseFollowupReason  pulse_followup_get_reason      (PulseFollowup  *self);
const char * const  *pulse_followup_get_criteria    (PulseFollowup  *self);
int                  pulse_followup_get_rating      (PulseFollowup  *self);
PulseFollowupStatus  pulse_followup_get_status      (PulseFollowup  *self);
gint64               pulse_followup_get_created_at  (PulseFollowup  *self);
gint64               pulse_followup_get_done_at     (PulseFollowup  *self);
const char          *pulse_followup_get_done_by     (PulseFollowup  *self);
const char          *pulse_followup_get_note        (PulseFollowup  *self);

G_END_DECLS
