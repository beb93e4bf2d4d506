/* pulse-mentors-page-rows.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page's rows: overdue milestones with whom they are raised to, each
 * newcomer with their plan as a row of milestone dots, and each mentor
 * with their load against the limit. Part of PulseMentorsPage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-entity-list.h"
#include "pulse-format.h"
#include "pulse-mentors-page-private.h"
#include "pulse-mentors-text.h"
#include "pulse-mentorship-plan.h"
#include "pulse-team.h"

static GtkWidget *
timeline (PulseMentorship *m,
          gint64           now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autoptr(GArray) order = pulse_mentorship_dup_order (m);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "milestone-timeline");
  for (guint k = 0; k <= order->len; k++)
    {
      gboolean test = k == order->len;
      guint i = test ? 0 : g_array_index (order, guint, k);
      PulseMilestoneState state = test ? pulse_mentorship_test_state (m, now)
                                       : pulse_mentorship_step_state (m, i, now);
      g_autofree char *tip = NULL;
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      tip = test ? pulse_mentors_text_test (m, now) : pulse_mentors_text_step (m, i, now);
      gtk_widget_set_tooltip_text (dot, tip);
      gtk_widget_add_css_class (dot, "milestone");
      gtk_widget_add_css_class (dot, pulse_mentors_state_class (state));
      gtk_box_append (GTK_BOX (box), dot);
    }

  return box;
}

GtkWidget *
_pulse_mentors_page_newcomer_row (PulseMentorsBoard *board,
                                  PulseAgent        *agent)
{
  PulseMentorship *m = g_hash_table_lookup (board->plans, pulse_agent_get_id (agent));
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  guint overdue;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pulse_mentors_board_name (board, pulse_agent_get_id (agent)));
  gtk_widget_set_name (row, pulse_agent_get_id (agent));
  if (m == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No mentor yet"));
      return row;
    }

  progress = pulse_mentors_text_progress (m);
  /* Translators: under a newcomer: their mentor and "2 of 4 milestones" */
  subtitle = g_strdup_printf (_("Mentor %s · %s"),
                              pulse_mentors_board_name (board, pulse_mentorship_get_mentor_id (m)),
                              progress);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  overdue = pulse_mentorship_count_overdue (m, board->now);
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue",
                                                            "%u overdue", overdue), overdue);
      GtkWidget *badge = gtk_label_new (text);

      gtk_widget_add_css_class (badge, "milestone-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), timeline (m, board->now));
  return row;
}

static GtkWidget *
mentor_row (PulseMentorsBoard *board,
            const char        *mentor_id,
            GPtrArray         *mentees)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *load = pulse_mentors_text_load (mentees->len, PULSE_MENTORS_LIMIT);
  GtkWidget *label = gtk_label_new (load);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, PULSE_MENTORS_LIMIT);

  for (guint i = 0; i < mentees->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            pulse_mentors_board_name (board, mentees->pdata[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pulse_mentors_board_name (board, mentor_id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->str);
  gtk_widget_set_name (row, mentor_id);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (mentees->len, PULSE_MENTORS_LIMIT));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  if (mentees->len >= PULSE_MENTORS_LIMIT)
    gtk_widget_add_css_class (label, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  return row;
}

/* "Olena K., lead of Kyiv desk", or the team alone, or nothing. */
static char *
dup_lead_text (PulseMentorsPage  *self,
               PulseMentorsBoard *board,
               PulseAgent        *newcomer)
{
  const char *team_id = pulse_agent_get_team_id (newcomer);
  PulseTeam *team = team_id != NULL
                    ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (self->teams), team_id) : NULL;
  const char *lead_id = team != NULL ? pulse_team_get_lead_id (team) : NULL;

  if (team == NULL)
    return g_strdup (_("for the head of support"));
  if (lead_id == NULL)
    /* Translators: who an overdue milestone is raised to: a team with no lead named */
    return g_strdup_printf (_("for the lead of %s"), pulse_team_get_name (team));

  /* Translators: who an overdue milestone is raised to: the lead's name and team */
  return g_strdup_printf (_("for %s, lead of %s"), pulse_mentors_board_name (board, lead_id),
                          pulse_team_get_name (team));
}

/* One row per newcomer: which milestones are late, the oldest by how
 * much, and whom it is raised to. */
static void
add_overdue_row (PulseMentorsPage  *self,
                 PulseMentorsBoard *board,
                 PulseAgent        *newcomer,
                 const char        *what,
                 gint64             oldest)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *late = pulse_mentors_text_late (oldest, board->now);
  g_autofree char *lead = dup_lead_text (self, board, newcomer);
  g_autofree char *subtitle = NULL;

  /* Translators: an overdue row: the newcomer, then the late milestones ("Email, Chat") */
  title = g_strdup_printf (_("%s: %s"),
                           pulse_mentors_board_name (board, pulse_agent_get_id (newcomer)), what);
  /* Translators: "12 days late · for Olena K., lead of Kyiv desk" */
  subtitle = g_strdup_printf (_("%s · %s"), late, lead);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, pulse_agent_get_id (newcomer));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->overdue_list, row);
}

static void
add_overdue (GString    *what,
             gint64     *oldest,
             const char *name,
             gint64      date)
{
  /* Translators: the separator between late milestones ("Email, Chat") */
  g_string_append_printf (what, "%s%s", what->len > 0 ? _(", ") : "", name);
  if (*oldest == 0 || date < *oldest)
    *oldest = date;
}

void
_pulse_mentors_page_fill_overdue (PulseMentorsPage  *self,
                                  PulseMentorsBoard *board)
{
  for (guint i = 0; i < board->newcomers->len; i++)
    {
      PulseAgent *agent = board->newcomers->pdata[i];
      PulseMentorship *m = g_hash_table_lookup (board->plans, pulse_agent_get_id (agent));
      g_autoptr(GString) what = g_string_new (NULL);
      gint64 oldest = 0;

      if (m == NULL || pulse_mentorship_count_overdue (m, board->now) == 0)
        continue;
      for (guint s = 0; s < pulse_mentorship_get_n_steps (m); s++)
        {
          const PulseMentorshipStep *step = pulse_mentorship_get_step (m, s);

          if (pulse_mentorship_step_state (m, s, board->now) == PULSE_MILESTONE_OVERDUE)
            add_overdue (what, &oldest, pulse_format_channel (step->channel), step->opens_at);
        }
      if (pulse_mentorship_test_state (m, board->now) == PULSE_MILESTONE_OVERDUE)
        add_overdue (what, &oldest, C_("milestone", "Final test"),
                     pulse_mentorship_get_test_at (m));
      add_overdue_row (self, board, agent, what->str, oldest);
    }

  gtk_widget_set_visible (self->overdue_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->overdue_list)) != NULL);
}

void
_pulse_mentors_page_fill_mentors (PulseMentorsPage  *self,
                                  PulseMentorsBoard *board)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (board->mentees);

  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    gtk_list_box_append (self->mentors_list,
                         mentor_row (board, l->data,
                                     g_hash_table_lookup (board->mentees, l->data)));
  gtk_widget_set_visible (self->mentors_group, ids != NULL);
}
