/* pulse-agent-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent-activity.h"
#include "pulse-agent-list-private.h"
#include "pulse-entity-list.h"
#include "pulse-team.h"

/**
 * PulseAgentList:
 *
 * The rows of the agents page: one #PulseAgentRow per agent of the
 * session, in the session's order (by name), each joined to its team's
 * name, its figures in the shared agent #PulseKpiView and its contacts
 * per hour (#PulseAgentActivity over the session's tickets).
 *
 * Everything is updated in place. The row store changes only when the
 * session's agent list does (an agent added, removed, renamed or
 * replaced), with the same range; a row whose agent is still there is
 * the same object. A status, a figure or a sparkline changes the row's
 * properties, and #PulseAgentList::rows-changed says once per flush
 * which property changed on some rows, so a sorted view re-sorts once,
 * not once per row.
 *
 * The costly updates (a sparkline's bins, the period's figures: both
 * follow every contact) wait for the next flush, which updates only the
 * rows whose data changed. By default a flush runs once per main-loop
 * turn, before GTK draws; with pulse_agent_list_set_manual_flush() the
 * owner flushes (once per frame while shown, at once when shown again)
 * and nothing is done between flushes but noting which rows to update.
 *
 * No GTK: it runs, and is tested, without a display.
 */

G_DEFINE_FINAL_TYPE (PulseAgentList, pulse_agent_list, G_TYPE_OBJECT)

GParamSpec *_pulse_agent_list_properties[N_PROPS];

guint _pulse_agent_list_signals[N_SIGNALS];

static const char *
lookup_team_name (PulseAgentList *self,
                  const char     *team_id)
{
  PulseTeam *team;

  if (team_id == NULL || !PULSE_IS_ENTITY_LIST (self->teams))
    return NULL;

  team = pulse_entity_list_lookup (PULSE_ENTITY_LIST (self->teams), team_id);
  return team != NULL ? pulse_team_get_name (team) : NULL;
}

static void
update_row (PulseAgentList *self,
            PulseAgentRow  *row)
{
  PulseAgent *agent = pulse_agent_row_get_agent (row);
  guint bins[PULSE_AGENT_ACTIVITY_BINS];

  pulse_agent_row_set_team_name (row, lookup_team_name (self, pulse_agent_get_team_id (agent)));
  if (self->agent_view != NULL)
    {
      g_autoptr(PulseKpiSummary) summary = pulse_kpi_view_dup_summary (self->agent_view,
                                                                       pulse_agent_get_id (agent));

      pulse_agent_row_set_summary (row, summary);
    }
  else
    {
      pulse_agent_row_set_summary (row, NULL);
    }
  pulse_agent_activity_get_bins (self->activity, pulse_agent_get_id (agent),
                                 self->bins_start + 23 * PULSE_AGENT_ACTIVITY_BIN_USEC, bins);
  pulse_agent_row_set_bins (row, bins);
}

static void
on_row_notify_cb (PulseAgentRow  *row,
                  GParamSpec     *pspec,
                  PulseAgentList *self)
{
  PulseAgent *agent = pulse_agent_row_get_agent (row);

  if (g_strcmp0 (pspec->name, "team-id") == 0)
    pulse_agent_row_set_team_name (row, lookup_team_name (self, pulse_agent_get_team_id (agent)));
  _pulse_agent_list_schedule_rows_changed (self, pspec->name);
}

static PulseAgentRow *
take_row (PulseAgentList *self,
          GHashTable     *reusable,
          PulseAgent     *agent)
{
  PulseAgentRow *row = g_hash_table_lookup (reusable, pulse_agent_get_id (agent));

  if (row != NULL)
    {
      g_object_ref (row);
      pulse_agent_row_set_agent (row, agent);
      return row;
    }

  row = pulse_agent_row_new (agent);
  update_row (self, row);
  g_signal_connect_object (row, "notify", G_CALLBACK (on_row_notify_cb), self, 0);
  return row;
}

static void
on_agents_changed_cb (GListModel     *agents,
                      guint           position,
                      guint           removed,
                      guint           added,
                      PulseAgentList *self)
{
  g_autoptr(GHashTable) reusable = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (added, g_object_unref);

  /* Rows leaving the range may come back in it: a renamed agent moves. */
  for (guint i = position; i < position + removed; i++)
    {
      g_autoptr(PulseAgentRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      g_hash_table_insert (reusable, (gpointer) pulse_agent_row_get_id (row), row);
      g_hash_table_remove (self->by_id, pulse_agent_row_get_id (row));
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, position + i);
      PulseAgentRow *row = take_row (self, reusable, agent);

      g_ptr_array_add (fresh, row);
      g_hash_table_insert (self->by_id, g_strdup (pulse_agent_row_get_id (row)), row);
    }

  g_list_store_splice (self->rows, position, removed, fresh->pdata, added);
  if (added > 0 || removed > 0)
    _pulse_agent_list_schedule_rows_changed (self, "bins");
}

static void
on_teams_changed_cb (GListModel     *teams,
                     guint           position,
                     guint           removed,
                     guint           added,
                     PulseAgentList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseAgentRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      PulseAgent *agent = pulse_agent_row_get_agent (row);

      pulse_agent_row_set_team_name (row, lookup_team_name (self, pulse_agent_get_team_id (agent)));
    }
}

static void
on_activity_changed_cb (PulseAgentActivity *activity,
                        const char         *agent_id,
                        PulseAgentList     *self)
{
  g_hash_table_add (self->stale_bins, (gpointer) g_intern_string (agent_id));
  _pulse_agent_list_request_flush (self);
}

static void
pulse_agent_list_dispose (GObject *object)
{
  PulseAgentList *self = PULSE_AGENT_LIST (object);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  _pulse_agent_list_stop_views (self);
  if (self->agents != NULL)
    g_signal_handlers_disconnect_by_data (self->agents, self);
  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_data (self->teams, self);
  g_clear_object (&self->agents);
  g_clear_object (&self->teams);
  g_clear_object (&self->activity);
  g_clear_object (&self->rows);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_agent_list_parent_class)->dispose (object);
}

static void
pulse_agent_list_finalize (GObject *object)
{
  PulseAgentList *self = PULSE_AGENT_LIST (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->stale_bins, g_hash_table_unref);

  G_OBJECT_CLASS (pulse_agent_list_parent_class)->finalize (object);
}

static void
pulse_agent_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PulseAgentList *self = PULSE_AGENT_LIST (object);

  switch (prop_id)
    {
    case PROP_FIGURES:
      g_value_set_int (value, self->figures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_agent_list_class_init (PulseAgentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_agent_list_dispose;
  object_class->finalize = pulse_agent_list_finalize;
  object_class->get_property = pulse_agent_list_get_property;

  /* A #PulseAgentListFigures (a plain int: the enum is not registered). */
  _pulse_agent_list_properties[PROP_FIGURES] =
    g_param_spec_int ("figures", NULL, NULL, PULSE_AGENT_LIST_FIGURES_NONE,
                      PULSE_AGENT_LIST_FIGURES_LOADED, PULSE_AGENT_LIST_FIGURES_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _pulse_agent_list_properties);

  /**
   * PulseAgentList::rows-changed:
   * @property: the row property that changed ("summary", "status", "bins"
   *   …), or "team-summary" when the team figures did
   *
   * Some rows changed @property since the last emission: a sorted or
   * filtered view on it should re-sort. Emitted at most once per
   * property per flush (see pulse_agent_list_flush()).
   */
  _pulse_agent_list_signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PulseAgentList::pending:
   *
   * With manual flush on: row updates wait for pulse_agent_list_flush().
   * Emitted once, for the first change after a flush.
   */
  _pulse_agent_list_signals[PENDING] =
    g_signal_new ("pending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pulse_agent_list_init (PulseAgentList *self)
{
  self->rows = g_list_store_new (PULSE_TYPE_AGENT_ROW);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new (NULL, NULL);
  self->stale_bins = g_hash_table_new (NULL, NULL);
}

/**
 * pulse_agent_list_new:
 * @session: the session whose agents to show
 *
 * Returns: (transfer full): the rows, filled at once and following the
 *   session from then on.
 */
PulseAgentList *
pulse_agent_list_new (PulseSession *session)
{
  PulseAgentList *self;

  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  self = g_object_new (PULSE_TYPE_AGENT_LIST, NULL);
  self->session = g_object_ref (session);
  self->agents = g_object_ref (pulse_session_get_list (session, PULSE_STATE_KIND_AGENT));
  self->teams = g_object_ref (pulse_session_get_list (session, PULSE_STATE_KIND_TEAM));
  self->activity = pulse_agent_activity_new (pulse_session_get_list (session,
                                                                     PULSE_STATE_KIND_TICKET));
  self->bins_start = pulse_agent_activity_bins_start (g_get_real_time ());

  g_signal_connect (self->agents, "items-changed", G_CALLBACK (on_agents_changed_cb), self);
  g_signal_connect (self->teams, "items-changed", G_CALLBACK (on_teams_changed_cb), self);
  g_signal_connect_object (self->activity, "agent-changed", G_CALLBACK (on_activity_changed_cb),
                           self, 0);
  g_signal_connect_object (session, "data-reset", G_CALLBACK (_pulse_agent_list_follow_views),
                           self, G_CONNECT_SWAPPED);

  on_agents_changed_cb (self->agents, 0, 0, g_list_model_get_n_items (self->agents), self);
  _pulse_agent_list_follow_views (self);
  return self;
}

/**
 * pulse_agent_list_get_rows:
 *
 * Returns: (transfer none): the #PulseAgentRow list.
 */
GListModel *
pulse_agent_list_get_rows (PulseAgentList *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * pulse_agent_list_lookup:
 * @agent_id: an agent
 *
 * Returns: (transfer none) (nullable): the agent's row.
 */
PulseAgentRow *
pulse_agent_list_lookup (PulseAgentList *self,
                         const char     *agent_id)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), NULL);

  return agent_id != NULL ? g_hash_table_lookup (self->by_id, agent_id) : NULL;
}

/**
 * pulse_agent_list_get_bins_max:
 *
 * Returns: the most contacts any agent had in one hour of the last 24,
 *   as of the last #PulseAgentList::rows-changed for "bins": the shared
 *   scale of the sparklines.
 */
guint
pulse_agent_list_get_bins_max (PulseAgentList *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_LIST (self), 0);

  return self->bins_max;
}

/**
 * pulse_agent_list_tick:
 * @now_usec: the time now
 *
 * Moves the sparklines on when a new hour begins; otherwise does
 * nothing. Call it from a timer.
 */
void
pulse_agent_list_tick (PulseAgentList *self,
                       gint64          now_usec)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (PULSE_IS_AGENT_LIST (self));

  if (pulse_agent_activity_bins_start (now_usec) == self->bins_start)
    return;

  self->bins_start = pulse_agent_activity_bins_start (now_usec);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_row (self, row);
  _pulse_agent_list_schedule_rows_changed (self, "bins");
}
