/* pulse-agent-list-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseAgentList's internals, shared by pulse-agent-list.c (the rows),
 * pulse-agent-list-figures.c (the KPI views they take figures from) and
 * pulse-agent-list-flush.c (the batched row updates).
 */

#pragma once

#include "pulse-agent-activity.h"
#include "pulse-agent-list.h"

G_BEGIN_DECLS

struct _PulseAgentList
{
  GObject                parent_instance;

  PulseSession          *session;
  GListStore            *rows;
  GHashTable            *by_id;
  GListModel            *agents;
  GListModel            *teams;
  PulseAgentActivity    *activity;
  PulseKpiView          *agent_view;
  PulseKpiView          *team_view;
  PulseAgentListFigures  figures;
  gint64                 bins_start;
  guint                  bins_max;
  GHashTable            *pending;
  guint                  pending_id;
  /* Row updates waiting for the next flush: agents whose contacts
   * changed (interned ids), and whether the agent view's figures did. */
  GHashTable            *stale_bins;
  gboolean               stale_summaries;
  gboolean               manual_flush;
  gboolean               flush_requested;
  gboolean               flushing;
};

enum {
  PROP_0,
  PROP_FIGURES,
  N_PROPS
};

extern GParamSpec *_pulse_agent_list_properties[N_PROPS];

enum {
  ROWS_CHANGED,
  PENDING,
  N_SIGNALS
};

extern guint _pulse_agent_list_signals[N_SIGNALS];

void _pulse_agent_list_schedule_rows_changed (PulseAgentList *self,
                                              const char     *property);
void _pulse_agent_list_request_flush         (PulseAgentList *self);
void _pulse_agent_list_update_summaries      (PulseAgentList *self);
void _pulse_agent_list_follow_views          (PulseAgentList *self);
void _pulse_agent_list_stop_views            (PulseAgentList *self);

G_END_DECLS
