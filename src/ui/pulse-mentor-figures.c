/* pulse-mentor-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A newcomer's figures beside their team's, from the session's shared
 * KPI views by agent and by team, over the period the console shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-kpi-view.h"
#include "pulse-mentor-figures.h"

typedef enum
{
  FIGURE_CONTACTS,
  FIGURE_FIRST_RESPONSE,
  FIGURE_CSAT,
  FIGURE_FCR,
  FIGURE_QA,
  N_FIGURES
} Figure;

static const char *
figure_title (Figure figure)
{
  switch (figure)
    {
    case FIGURE_CONTACTS: return _("Contacts");
    case FIGURE_FIRST_RESPONSE: return _("First response (median)");
    case FIGURE_CSAT: return _("CSAT");
    case FIGURE_FCR: return _("First-contact resolution");
    case FIGURE_QA: return _("QA score");
    case N_FIGURES:
    default: g_return_val_if_reached ("");
    }
}

static char *
figure_text (const PulseKpiSummary *summary,
             Figure                 figure)
{
  if (summary == NULL)
    return g_strdup ("–");

  switch (figure)
    {
    case FIGURE_CONTACTS: return pulse_agent_format_count (summary->contacts);
    case FIGURE_FIRST_RESPONSE: return pulse_format_seconds (summary->first_response_median_s);
    case FIGURE_CSAT: return pulse_format_share (summary->csat);
    case FIGURE_FCR: return pulse_format_share (summary->fcr);
    case FIGURE_QA: return pulse_format_score (summary->qa_score, 1);
    case N_FIGURES:
    default: g_return_val_if_reached (NULL);
    }
}

static PulseKpiSummary *
dup_summary (PulseSession  *session,
             PulseKpiGroup  group,
             const char    *key)
{
  PulseKpiView *view = pulse_session_get_kpi_view (session, group);

  return view != NULL && key != NULL ? pulse_kpi_view_dup_summary (view, key) : NULL;
}

static GtkWidget *
figure_row (Figure                 figure,
            const PulseKpiSummary *mine,
            const PulseKpiSummary *team)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = figure_text (mine, figure);
  g_autofree char *team_value = figure_text (team, figure);
  g_autofree char *team_text = NULL;
  GtkWidget *label = gtk_label_new (value);
  GtkWidget *team_label;

  /* Translators: beside a newcomer's figure, the team's */
  team_text = g_strdup_printf (_("team %s"), team_value);
  team_label = gtk_label_new (team_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), figure_title (figure));
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (team_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (team_label), 10);
  gtk_label_set_xalign (GTK_LABEL (team_label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), team_label);
  return row;
}

/**
 * pulse_mentor_figures_fill:
 * @list: the list to fill, emptied first
 * @group: its group, whose heading names the period
 * @newcomer: the newcomer
 *
 * Fills @list with the newcomer's contacts, first response, CSAT, FCR and
 * QA score beside the same figures of their team.
 */
void
pulse_mentor_figures_fill (GtkListBox          *list,
                           AdwPreferencesGroup *group,
                           PulseSession        *session,
                           PulseAgent          *newcomer)
{
  g_autoptr(PulseKpiSummary) mine = NULL;
  g_autoptr(PulseKpiSummary) team = NULL;
  PulseKpiView *view = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_AGENT);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  mine = dup_summary (session, PULSE_KPI_GROUP_AGENT, pulse_agent_get_id (newcomer));
  team = dup_summary (session, PULSE_KPI_GROUP_TEAM, pulse_agent_get_team_id (newcomer));
  for (Figure f = 0; f < N_FIGURES; f++)
    gtk_list_box_append (list, figure_row (f, mine, team));

  if (view != NULL)
    adw_preferences_group_set_description (group, pulse_agent_format_period_title (view));
}
