/* pulse-sim-catalog.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the simulated operation keeps besides contacts, as the wire forms
 * the server stores: its directory, automation rules and reply
 * templates, QA scorecard and review samples, shift plan, mentorships,
 * agent status reports and loan applications.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-sim-model.h"

G_BEGIN_DECLS

typedef struct
{
  gint64            at;
  guint             agent;
  PulseAgentStatus  status;
} PulseSimStatus;

#define PULSE_SIM_SCORECARD_ID "sim-scorecard"

char      **pulse_sim_model_dup_languages      (PulseSimModel  *model);
GPtrArray  *pulse_sim_model_templates_json     (PulseSimModel  *model);
GPtrArray  *pulse_sim_model_rules_json         (PulseSimModel  *model);
JsonNode   *pulse_sim_model_scorecard_json     (PulseSimModel  *model);
JsonNode   *pulse_sim_model_directory_json     (PulseSimModel  *model,
                                                gint64          since);
GPtrArray  *pulse_sim_model_mentorships_json   (PulseSimModel  *model);
void        pulse_sim_model_shifts_json        (PulseSimModel  *model,
                                                guint           agent,
                                                gint64          day,
                                                GPtrArray      *out);
void        pulse_sim_model_status_changes     (PulseSimModel  *model,
                                                gint64          from,
                                                gint64          to,
                                                GArray         *out);
GPtrArray  *pulse_sim_model_applications_json  (PulseSimModel  *model,
                                                gint64          utc_day);
GPtrArray  *pulse_sim_model_reviews_json       (PulseSimModel  *model,
                                                gint64          utc_day);

G_END_DECLS
