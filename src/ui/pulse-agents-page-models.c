/* pulse-agents-page-models.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The models under the table: the agent rows, flushed before the next
 * frame while the page is shown; the search and team filter with the
 * team drop-down it reads; the sort by the column view's sorter, redone
 * when the sorted column's figure changed. Part of PulseAgentsPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agents-page-private.h"
#include "pulse-before-frame.h"
#include "pulse-lazy-bind.h"
#include "pulse-team.h"

static const char *
selected_team_id (PulseAgentsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->team_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->team_ids->len)
    return NULL;

  return g_ptr_array_index (self->team_ids, selected - 1);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PulseAgentsPage *self = user_data;

  return pulse_agent_row_matches (item, self->query, selected_team_id (self));
}

/* The team dropdown: "All Teams", then the session's teams by name. */
void
_pulse_agents_page_update_teams (PulseAgentsPage *self)
{
  GListModel *teams = pulse_session_get_list (self->session, PULSE_STATE_KIND_TEAM);
  g_autofree char *selected = g_strdup (selected_team_id (self));
  guint n = g_list_model_get_n_items (teams);
  guint position = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->team_ids, 0);
  g_ptr_array_add (names, g_strdup (_("All Teams")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseTeam) team = g_list_model_get_item (teams, i);

      g_ptr_array_add (self->team_ids, g_strdup (pulse_team_get_id (team)));
      g_ptr_array_add (names, g_strdup (pulse_team_get_name (team)));
      if (g_strcmp0 (selected, pulse_team_get_id (team)) == 0)
        position = i + 1;
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->team_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->team_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->team_dropdown, position);
  gtk_widget_set_visible (GTK_WIDGET (self->team_dropdown), n > 0);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_rows_changed_cb (PulseAgentList  *list,
                    const char      *property,
                    PulseAgentsPage *self)
{
  pulse_agent_columns_resort (self->columns, property);
  if (g_str_equal (property, "bins"))
    pulse_agent_columns_set_scale (self->columns, pulse_agent_list_get_bins_max (list));
  /* Name, email and team decide what the filter lets through. */
  if (g_str_equal (property, "name") || g_str_equal (property, "email")
      || g_str_equal (property, "team-id"))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
flush_cb (gpointer user_data)
{
  PulseAgentsPage *self = user_data;

  self->flush_id = 0;
  pulse_agent_list_flush (self->list);
  return G_SOURCE_REMOVE;
}

/* Row updates are due: written before the next frame
 * (pulse-before-frame.c), however many events came in. Hidden, they wait
 * for the map. */
static void
on_list_pending_cb (PulseAgentsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pulse_before_frame_schedule (&self->flush_id, flush_cb, self);
}

static void
on_figures_cb (PulseAgentsPage *self)
{
  _pulse_agents_page_update_loading (self);
}

static void
on_teams_changed_cb (PulseAgentsPage *self)
{
  _pulse_agents_page_update_teams (self);
}

void
_pulse_agents_page_setup_models (PulseAgentsPage *self)
{
  GtkSingleSelection *selection;

  self->list = pulse_agent_list_new (self->session);
  pulse_agent_list_set_manual_flush (self->list, TRUE);
  self->columns = pulse_agent_columns_new (self->column_view);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (
    g_object_ref (pulse_agent_list_get_rows (self->list)),
    g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (
    g_object_ref (G_LIST_MODEL (self->filter_model)),
    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  pulse_lazy_set_column_view_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->list, "rows-changed", G_CALLBACK (on_rows_changed_cb), self, 0);
  g_signal_connect_object (self->list, "pending", G_CALLBACK (on_list_pending_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::figures", G_CALLBACK (on_figures_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pulse_agent_list_get_rows (self->list), "items-changed",
                           G_CALLBACK (_pulse_agents_page_update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (_pulse_agents_page_update_content), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pulse_session_get_list (self->session, PULSE_STATE_KIND_TEAM),
                           "items-changed", G_CALLBACK (on_teams_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
