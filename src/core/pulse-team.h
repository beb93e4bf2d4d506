/* pulse-team.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_TYPE_TEAM (pulse_team_get_type ())

G_DECLARE_FINAL_TYPE (PulseTeam, pulse_team, PULSE, TEAM, GObject)

PulseTeam  *pulse_team_new            (const char  *id);
PulseTeam  *pulse_team_new_from_json  (JsonNode    *node,
                                       GError     **error);
JsonNode   *pulse_team_to_json        (PulseTeam   *self);
const char *pulse_team_get_id         (PulseTeam   *self);
gint64      pulse_team_get_version    (PulseTeam   *self);
void        pulse_team_set_version    (PulseTeam   *self,
                                       gint64       version);
const char *pulse_team_get_name       (PulseTeam   *self);
void        pulse_team_set_name       (PulseTeam   *self,
                                       const char  *name);
const char *pulse_team_get_lead_id    (PulseTeam   *self);
void        pulse_team_set_lead_id    (PulseTeam   *self,
                                       const char  *lead_id);
const char *pulse_team_get_timezone   (PulseTeam   *self);
void        pulse_team_set_timezone   (PulseTeam   *self,
                                       const char  *timezone);

G_END_DECLS
