/* pulse-mentors-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-entity-list.h"
#include "pulse-format.h"
#include "pulse-mentor-detail.h"
#include "pulse-mentors-board.h"
#include "pulse-mentors-page.h"
#include "pulse-mentors-save.h"
#include "pulse-mentors-text.h"
#include "pulse-mentorship-plan.h"
#include "pulse-team.h"

/*
 * PulseMentorsPage:
 *
 * Newcomers and their mentors. Overdue milestones first, addressed to the
 * newcomer's team lead; then each newcomer with their plan as a row of
 * milestone dots and how many are done; then each mentor with their load
 * against the limit. Choosing a newcomer opens their detail: the mentor,
 * the plan editor, the test and decision, and their figures against the
 * team's. Agents change often (every status report): the page rebuilds
 * at most once a second, and only when what it shows changed.
 */
struct _PulseMentorsPage
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  AdwLeaflet        *leaflet;
  GtkWidget         *detail_box;
  GtkWidget         *back_button;
  GtkLabel          *hint;
  GtkWidget         *overdue_group;
  GtkListBox        *overdue_list;
  GtkListBox        *newcomers_list;
  GtkWidget         *mentors_group;
  GtkListBox        *mentors_list;
  GtkStack          *detail_stack;
  PulseMentorDetail *detail;

  PulseSession      *session;
  GListModel        *mentorships;
  GListModel        *agents;
  GListModel        *teams;
  guint              rebuild_id;
  char              *signature;
  char              *selected;
  gboolean           building;
};

G_DEFINE_FINAL_TYPE (PulseMentorsPage, pulse_mentors_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

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

static GtkWidget *
newcomer_row (PulseMentorsBoard *board,
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

static void
fill_overdue (PulseMentorsPage  *self,
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

static void
fill_mentors (PulseMentorsPage  *self,
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

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (name != NULL && g_str_equal (gtk_widget_get_name (child), name))
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
show_selected (PulseMentorsPage  *self,
               PulseMentorsBoard *board)
{
  PulseAgent *agent = NULL;

  for (guint i = 0; i < board->newcomers->len && self->selected != NULL; i++)
    if (g_str_equal (pulse_agent_get_id (board->newcomers->pdata[i]), self->selected))
      agent = board->newcomers->pdata[i];

  gtk_stack_set_visible_child_name (self->detail_stack, agent != NULL ? "detail" : "none");
  if (agent != NULL)
    pulse_mentor_detail_show (self->detail, agent,
                              g_hash_table_lookup (board->plans, pulse_agent_get_id (agent)),
                              board->loads, board->now);
}

static void
rebuild (PulseMentorsPage *self,
         gboolean          force)
{
  g_auto(PulseMentorsBoard) board = { 0 };
  g_autofree char *signature = NULL;
  gboolean editable = pulse_mentors_can_edit (self->session);

  pulse_mentors_board_read (&board, self->mentorships, self->agents, g_get_real_time ());
  signature = pulse_mentors_board_dup_signature (&board, editable);
  if (!force && g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);

  self->building = TRUE;
  clear_list (self->overdue_list);
  clear_list (self->newcomers_list);
  clear_list (self->mentors_list);
  fill_overdue (self, &board);
  for (guint i = 0; i < board.newcomers->len; i++)
    gtk_list_box_append (self->newcomers_list, newcomer_row (&board, board.newcomers->pdata[i]));
  fill_mentors (self, &board);
  gtk_list_box_select_row (self->newcomers_list, find_row (self->newcomers_list, self->selected));
  self->building = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->hint), !editable);
  gtk_stack_set_visible_child_name (self->stack, board.newcomers->len > 0 ? "mentors" : "empty");
  show_selected (self, &board);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  PulseMentorsPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule (PulseMentorsPage *self,
          guint             delay_ms)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (delay_ms, rebuild_cb, self);
}

static void
on_mentorships_changed_cb (PulseMentorsPage *self)
{
  schedule (self, 0);
}

static void
on_agents_changed_cb (PulseMentorsPage *self)
{
  schedule (self, 1000);
}

static void
on_role_changed_cb (PulseMentorsPage *self)
{
  g_clear_pointer (&self->signature, g_free);
  schedule (self, 0);
}

static void
on_newcomer_selected_cb (PulseMentorsPage *self,
                         GtkListBoxRow    *row)
{
  g_auto(PulseMentorsBoard) board = { 0 };

  /* Rebuilds select rows themselves; disposal empties the lists. */
  if (self->building || self->mentorships == NULL)
    return;

  g_free (self->selected);
  self->selected = row != NULL ? g_strdup (gtk_widget_get_name (GTK_WIDGET (row))) : NULL;
  /* Narrow, the detail takes the page; the back button returns. */
  if (row != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
  pulse_mentors_board_read (&board, self->mentorships, self->agents, g_get_real_time ());
  show_selected (self, &board);
}

static void
on_folded_cb (PulseMentorsPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
on_back_clicked_cb (PulseMentorsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_overdue_activated_cb (PulseMentorsPage *self,
                         GtkListBoxRow    *row)
{
  gtk_list_box_select_row (self->newcomers_list,
                           find_row (self->newcomers_list, gtk_widget_get_name (GTK_WIDGET (row))));
}

static void
follow_session (PulseMentorsPage *self)
{
  self->mentorships = g_object_ref (pulse_session_get_list (self->session,
                                                            PULSE_STATE_KIND_MENTORSHIP));
  self->agents = g_object_ref (pulse_session_get_list (self->session, PULSE_STATE_KIND_AGENT));
  self->teams = g_object_ref (pulse_session_get_list (self->session, PULSE_STATE_KIND_TEAM));
  g_signal_connect_object (self->mentorships, "items-changed",
                           G_CALLBACK (on_mentorships_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agents, "items-changed", G_CALLBACK (on_agents_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->teams, "items-changed", G_CALLBACK (on_agents_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_role_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set (self->detail, "session", self->session, NULL);
  gtk_label_set_text (self->hint, _("Your role may read mentorships but not change them."));
  rebuild (self, TRUE);
}

static void
pulse_mentors_page_dispose (GObject *object)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->building = TRUE;
  g_clear_object (&self->mentorships);
  g_clear_object (&self->agents);
  g_clear_object (&self->teams);
  g_clear_object (&self->session);
  /* The stack is both the bin's child and a template child: let go of it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_MENTORS_PAGE);

  G_OBJECT_CLASS (pulse_mentors_page_parent_class)->dispose (object);
}

static void
pulse_mentors_page_finalize (GObject *object)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (pulse_mentors_page_parent_class)->finalize (object);
}

static void
pulse_mentors_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_mentors_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PulseMentorsPage *self = PULSE_MENTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        follow_session (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_mentors_page_class_init (PulseMentorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_mentors_page_dispose;
  object_class->finalize = pulse_mentors_page_finalize;
  object_class->get_property = pulse_mentors_page_get_property;
  object_class->set_property = pulse_mentors_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_MENTOR_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-mentors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, hint);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, newcomers_list);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, mentors_group);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, mentors_list);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseMentorsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_newcomer_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
}

static void
pulse_mentors_page_init (PulseMentorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_mentors_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_MENTORS_PAGE,
                       "session", session,
                       NULL);
}
