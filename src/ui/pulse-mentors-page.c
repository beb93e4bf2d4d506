/* pulse-mentors-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-mentor-detail.h"
#include "pulse-mentors-board.h"
#include "pulse-mentors-page-private.h"
#include "pulse-mentors-save.h"

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
  _pulse_mentors_page_fill_overdue (self, &board);
  for (guint i = 0; i < board.newcomers->len; i++)
    gtk_list_box_append (self->newcomers_list,
                         _pulse_mentors_page_newcomer_row (&board, board.newcomers->pdata[i]));
  _pulse_mentors_page_fill_mentors (self, &board);
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
