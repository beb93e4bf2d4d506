/* pulse-agent-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pulse-agent-activity.h"
#include "pulse-agent.h"
#include "pulse-kpi-summary.h"

G_BEGIN_DECLS

/**
 * PulseAgentColumn:
 *
 * The columns of the agents table: each can be shown as text
 * (pulse_agent_row_dup_text()) and sorted on (pulse_agent_row_compare()).
 */
typedef enum
{
  PULSE_AGENT_COLUMN_NAME,
  PULSE_AGENT_COLUMN_TEAM,
  PULSE_AGENT_COLUMN_STATUS,
  PULSE_AGENT_COLUMN_TIME_IN_STATUS,
  PULSE_AGENT_COLUMN_CONTACTS,
  PULSE_AGENT_COLUMN_FIRST_RESPONSE,
  PULSE_AGENT_COLUMN_HANDLE_TIME,
  PULSE_AGENT_COLUMN_CSAT,
  PULSE_AGENT_COLUMN_QA_SCORE,
  PULSE_AGENT_COLUMN_FCR,
  PULSE_AGENT_COLUMN_REPEAT_RATE,
  PULSE_AGENT_COLUMN_CHANNELS,
  PULSE_AGENT_COLUMN_ACTIVITY,
  PULSE_AGENT_N_COLUMNS,
} PulseAgentColumn;

#define PULSE_TYPE_AGENT_ROW (pulse_agent_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseAgentRow, pulse_agent_row, PULSE, AGENT_ROW, GObject)

PulseAgentRow         *pulse_agent_row_new              (PulseAgent            *agent);
PulseAgent            *pulse_agent_row_get_agent        (PulseAgentRow         *self);
void                   pulse_agent_row_set_agent        (PulseAgentRow         *self,
                                                         PulseAgent            *agent);
const char            *pulse_agent_row_get_id           (PulseAgentRow         *self);
const char            *pulse_agent_row_get_team_name    (PulseAgentRow         *self);
void                   pulse_agent_row_set_team_name    (PulseAgentRow         *self,
                                                         const char            *team_name);
const PulseKpiSummary *pulse_agent_row_get_summary      (PulseAgentRow         *self);
gboolean               pulse_agent_row_set_summary      (PulseAgentRow         *self,
                                                         const PulseKpiSummary *summary);
const guint           *pulse_agent_row_get_bins         (PulseAgentRow         *self);
guint                  pulse_agent_row_get_bins_total   (PulseAgentRow         *self);
gboolean               pulse_agent_row_set_bins         (PulseAgentRow         *self,
                                                         const guint           *bins);
gboolean               pulse_agent_row_matches          (PulseAgentRow         *self,
                                                         const char            *folded_query,
                                                         const char            *team_id);
int                    pulse_agent_row_compare          (PulseAgentRow         *a,
                                                         PulseAgentRow         *b,
                                                         PulseAgentColumn       column);
char                  *pulse_agent_row_dup_text         (PulseAgentRow         *self,
                                                         PulseAgentColumn       column,
                                                         gint64                 now_usec);
char                  *pulse_agent_row_dup_activity_tooltip (PulseAgentRow     *self,
                                                         gint64                 now_usec);

G_END_DECLS
