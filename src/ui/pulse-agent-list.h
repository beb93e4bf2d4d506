/* pulse-agent-list.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-agent-row.h"
#include "pulse-session.h"

G_BEGIN_DECLS

/**
 * PulseAgentListFigures:
 * @PULSE_AGENT_LIST_FIGURES_NONE: no KPI view yet (the cache is opening)
 * @PULSE_AGENT_LIST_FIGURES_PARTIAL: the view is reading the period's
 *   history: figures are partial
 * @PULSE_AGENT_LIST_FIGURES_LOADED: the figures count the whole period
 *
 * How complete the rows' figures are.
 */
typedef enum
{
  PULSE_AGENT_LIST_FIGURES_NONE,
  PULSE_AGENT_LIST_FIGURES_PARTIAL,
  PULSE_AGENT_LIST_FIGURES_LOADED,
} PulseAgentListFigures;

#define PULSE_TYPE_AGENT_LIST (pulse_agent_list_get_type ())

G_DECLARE_FINAL_TYPE (PulseAgentList, pulse_agent_list, PULSE, AGENT_LIST, GObject)

PulseAgentList        *pulse_agent_list_new                (PulseSession   *session);
GListModel            *pulse_agent_list_get_rows           (PulseAgentList *self);
PulseAgentRow         *pulse_agent_list_lookup             (PulseAgentList *self,
                                                            const char     *agent_id);
PulseAgentListFigures  pulse_agent_list_get_figures        (PulseAgentList *self);
PulseKpiView          *pulse_agent_list_get_kpi_view       (PulseAgentList *self);
PulseKpiSummary       *pulse_agent_list_dup_team_summary   (PulseAgentList *self,
                                                            const char     *team_id);
guint                  pulse_agent_list_get_bins_max       (PulseAgentList *self);
void                   pulse_agent_list_tick               (PulseAgentList *self,
                                                            gint64          now_usec);
void                   pulse_agent_list_set_manual_flush   (PulseAgentList *self,
                                                            gboolean        manual);
gboolean               pulse_agent_list_flush              (PulseAgentList *self);

G_END_DECLS
