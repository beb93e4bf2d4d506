/* pulse-agent-list-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseAgentList's figures: the session's shared agent and team KPI
 * views, followed across data-resets (they are NULL until the cache is
 * open and replaced with the sync engine), and copied onto the rows when
 * a view says "changed". Part of PulseAgentList
 * (pulse-agent-list-private.h).
 */

#include "config.h"

#include "pulse-agent-list-private.h"

static void
update_figures (PulseAgentList *self)
{
  PulseAgentListFigures figures = PULSE_AGENT_LIST_FIGURES_NONE;

  if (self->agent_view != NULL)
    figures = pulse_kpi_view_get_loaded (self->agent_view) ? PULSE_AGENT_LIST_FIGURES_LOADED
                                                           : PULSE_AGENT_LIST_FIGURES_PARTIAL;
  if (figures == self->figures)
    return;

  self->figures = figures;
  g_object_notify_by_pspec (G_OBJECT (self), _pulse_agent_list_properties[PROP_FIGURES]);
}

void
_pulse_agent_list_update_summaries (PulseAgentList *self)
{
  GHashTableIter iter;
  gpointer row;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_autoptr(PulseKpiSummary) summary = NULL;

      if (self->agent_view != NULL)
        summary = pulse_kpi_view_dup_summary (self->agent_view, pulse_agent_row_get_id (row));
      changed |= pulse_agent_row_set_summary (row, summary);
    }

  if (changed)
    _pulse_agent_list_schedule_rows_changed (self, "summary");
}

static void
on_agent_view_changed_cb (PulseKpiView   *view,
                          PulseAgentList *self)
{
  /* A whole pass over the rows: once per flush, not once per event. */
  self->stale_summaries = TRUE;
  _pulse_agent_list_request_flush (self);
  update_figures (self);
}

static void
on_team_view_changed_cb (PulseKpiView   *view,
                         PulseAgentList *self)
{
  _pulse_agent_list_schedule_rows_changed (self, "team-summary");
}

static void
on_view_loaded_cb (PulseKpiView   *view,
                   GParamSpec     *pspec,
                   PulseAgentList *self)
{
  update_figures (self);
}

static void
follow_view (PulseAgentList  *self,
             PulseKpiView   **slot,
             PulseKpiView    *view,
             GCallback        changed_cb)
{
  if (*slot == view)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, view);
  if (view == NULL)
    return;

  g_signal_connect_object (view, "changed", changed_cb, self, 0);
  g_signal_connect_object (view, "notify::loaded", G_CALLBACK (on_view_loaded_cb), self, 0);
}

/* The views are NULL until the cache is open and are replaced with the
 * sync engine: fetched again at every data-reset. */
void
_pulse_agent_list_follow_views (PulseAgentList *self)
{
  follow_view (self, &self->agent_view,
               pulse_session_get_kpi_view (self->session, PULSE_KPI_GROUP_AGENT),
               G_CALLBACK (on_agent_view_changed_cb));
  follow_view (self, &self->team_view,
               pulse_session_get_kpi_view (self->session, PULSE_KPI_GROUP_TEAM),
               G_CALLBACK (on_team_view_changed_cb));
  self->stale_summaries = FALSE;
  _pulse_agent_list_update_summaries (self);
  update_figures (self);
  _pulse_agent_list_schedule_rows_changed (self, "team-summary");
}

void
_pulse_agent_list_stop_views (PulseAgentList *self)
{
  follow_view (self, &self->agent_view, NULL, NULL);
  follow_view (self, &self->team_view, NULL, NULL);
}

PulseAgentListFigures
pulse_agent_list_get_figures (PulseAgentList *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), PULSE_AGENT_LIST_FIGURES_NONE);

  return self->figures;
}

/**
 * pulse_agent_list_get_kpi_view:
 *
 * Returns: (transfer none) (nullable): the agent view the figures come
 *   from, %NULL before the cache is open.
 */
PulseKpiView *
pulse_agent_list_get_kpi_view (PulseAgentList *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), NULL);

  return self->agent_view;
}

/**
 * pulse_agent_list_dup_team_summary:
 * @team_id: (nullable): a team
 *
 * Returns: (transfer full) (nullable): the team's figures for the
 *   period, or %NULL without a team or a team view.
 */
PulseKpiSummary *
pulse_agent_list_dup_team_summary (PulseAgentList *self,
                                   const char     *team_id)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), NULL);

  if (self->team_view == NULL || team_id == NULL)
    return NULL;

  return pulse_kpi_view_dup_summary (self->team_view, team_id);
}
