/* pulse-agent.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_AGENT (pulse_agent_get_type ())

/* The probation period: an agent hired more recently is a newcomer. */
#define PULSE_AGENT_NEWCOMER_DAYS 92

G_DECLARE_FINAL_TYPE (PulseAgent, pulse_agent, PULSE, AGENT, GObject)

PulseAgent          *pulse_agent_new                (const char        *id);
PulseAgent          *pulse_agent_new_from_json      (JsonNode          *node,
                                                     GError           **error);
JsonNode            *pulse_agent_to_json            (PulseAgent        *self);
const char          *pulse_agent_get_id             (PulseAgent        *self);
gint64               pulse_agent_get_version        (PulseAgent        *self);
void                 pulse_agent_set_version        (PulseAgent        *self,
                                                     gint64             version);
const char          *pulse_agent_get_name           (PulseAgent        *self);
const char          *pulse_agent_get_email          (PulseAgent        *self);
const char          *pulse_agent_get_team_id        (PulseAgent        *self);
PulseAgentPosition   pulse_agent_get_position       (PulseAgent        *self);
PulseAgentStatus     pulse_agent_get_status         (PulseAgent        *self);
void                 pulse_agent_set_status         (PulseAgent        *self,
                                                     PulseAgentStatus   status);
gint64               pulse_agent_get_status_since   (PulseAgent        *self);
void                 pulse_agent_set_status_since   (PulseAgent        *self,
                                                     gint64             status_since);
guint                pulse_agent_get_channels       (PulseAgent        *self);
gboolean             pulse_agent_has_channel        (PulseAgent        *self,
                                                     PulseChannelKind   kind);
const char * const  *pulse_agent_get_languages      (PulseAgent        *self);
const char          *pulse_agent_get_timezone       (PulseAgent        *self);
gint64               pulse_agent_get_hired_at       (PulseAgent        *self);
const char          *pulse_agent_get_mentor_id      (PulseAgent        *self);
gboolean             pulse_agent_is_newcomer        (PulseAgent        *self,
                                                     gint64             now_usec);

G_END_DECLS
