/* pulse-shifts-page-teams.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who the page shows: the team drop-down (rebuilt only when the teams
 * changed, keeping the team chosen), the agents of that team, and an
 * agent's time zone. Part of PulseShiftsPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-entity-list.h"
#include "pulse-shifts-page-private.h"
#include "pulse-team.h"

GTimeZone *
_pulse_shifts_page_agent_zone (PulseShiftsPage *self,
                               const char      *agent_id)
{
  GListModel *agents = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);
  PulseAgent *agent = agents != NULL
    ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (agents), agent_id) : NULL;
  const char *name = agent != NULL ? pulse_agent_get_timezone (agent) : NULL;
  GTimeZone *tz = name != NULL ? g_time_zone_new_identifier (name) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static const char *
selected_team (PulseShiftsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->team_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->team_ids->len)
    return NULL;

  return self->team_ids->pdata[selected - 1];
}

/* Every agent, or those of the team chosen (new references). */
GPtrArray *
_pulse_shifts_page_dup_agents (PulseShiftsPage *self,
                               gboolean         shown_only)
{
  GListModel *model = pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT);
  const char *team = shown_only ? selected_team (self) : NULL;
  GPtrArray *agents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (model, i);

      if (team == NULL || g_strcmp0 (pulse_agent_get_team_id (agent), team) == 0)
        g_ptr_array_add (agents, g_steal_pointer (&agent));
    }

  return agents;
}

void
_pulse_shifts_page_fill_teams (PulseShiftsPage *self)
{
  GListModel *model = pulse_session_get_list (self->session, PULSE_STATE_KIND_TEAM);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *previous = g_strdup (selected_team (self));
  guint selected = 0;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PulseTeam) team = g_list_model_get_item (model, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", pulse_team_get_id (team),
                              pulse_team_get_name (team));
    }
  if (g_strcmp0 (key->str, self->teams_key) == 0)
    return;

  g_free (self->teams_key);
  self->teams_key = g_strdup (key->str);
  g_ptr_array_set_size (self->team_ids, 0);
  gtk_string_list_append (names, _("All teams"));
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PulseTeam) team = g_list_model_get_item (model, i);

      gtk_string_list_append (names, pulse_team_get_name (team));
      g_ptr_array_add (self->team_ids, g_strdup (pulse_team_get_id (team)));
      if (g_strcmp0 (previous, pulse_team_get_id (team)) == 0)
        selected = i + 1;
    }
  self->filling_teams = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown, selected);
  self->filling_teams = FALSE;
}
