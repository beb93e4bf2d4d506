/* pulse-followups-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-followup.h"
#include "pulse-followups-view.h"
#include "pulse-item-edit.h"
#include "pulse-qa-text.h"
#include "pulse-session-items.h"

/* Rows shown at most: the newest; the summary says how many there are. */
#define MAX_ROWS 25

/**
 * PulseFollowupsView:
 *
 * The Quality page's follow-ups: reviews submitted with a failed
 * criterion and contacts rated 1–2, for the agent's team lead to act on,
 * newest first. A lead sees their own teams' (the server's rule, see
 * pulse_qa_led_teams()), other roles every team's; leads and heads mark
 * them done through the outbox.
 */
struct _PulseFollowupsView
{
  AdwBin          parent_instance;

  GtkCheckButton *show_done;
  GtkLabel       *summary;
  GtkStack       *stack;
  GtkListBox     *list;

  PulseSession   *session;
  GPtrArray      *watched;
  guint           refresh_id;
};

G_DEFINE_FINAL_TYPE (PulseFollowupsView, pulse_followups_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
can_edit (PulseFollowupsView *self)
{
  return pulse_session_can_edit (self->session, "followup");
}

/* Done goes through the edit kit: the outbox, a toast with Undo, and
 * conflicts the window settles. The server stamps who and when. */
static void
on_done_clicked_cb (GtkButton          *button,
                    PulseFollowupsView *self)
{
  PulseFollowup *followup = g_object_get_data (G_OBJECT (button), "followup");
  g_autoptr(JsonNode) before = pulse_followup_to_json (followup);
  g_autoptr(JsonNode) after = pulse_followup_to_json (followup);

  json_object_set_string_member (json_node_get_object (after), "status", "done");
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  pulse_item_edit_save (GTK_WIDGET (self), "followup", before, after, _("Follow-up"));
}

static GtkWidget *
make_row (PulseFollowupsView *self,
          PulseFollowup      *followup,
          GHashTable         *names)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = pulse_qa_followup_title (self->session, followup, names);
  g_autofree char *subtitle = pulse_qa_followup_subtitle (followup);
  gboolean done = pulse_followup_get_status (followup) == PULSE_FOLLOWUP_STATUS_DONE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, pulse_followup_get_id (followup));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (done ? "object-select-symbolic"
                                                                : "mail-unread-symbolic"));
  if (!done && can_edit (self))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark _Done"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "followup", g_object_ref (followup),
                              g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_done_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static gboolean
visible (PulseFollowup *followup,
         GHashTable    *teams,
         gboolean       show_done)
{
  const char *team_id = pulse_followup_get_team_id (followup);

  if (teams != NULL && (team_id == NULL || !g_hash_table_contains (teams, team_id)))
    return FALSE;

  return show_done || pulse_followup_get_status (followup) == PULSE_FOLLOWUP_STATUS_OPEN;
}

static void
set_summary (PulseFollowupsView *self,
             guint               n_open,
             guint               n_shown,
             guint               n_visible,
             gboolean            lead)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, lead ? g_dngettext (GETTEXT_PACKAGE,
                                                    "%u open follow-up for your teams.",
                                                    "%u open follow-ups for your teams.", n_open)
                                     : g_dngettext (GETTEXT_PACKAGE, "%u open follow-up.",
                                                    "%u open follow-ups.", n_open),
                          n_open);
  if (n_shown < n_visible)
    g_string_append_printf (text, " %s", _("The newest are shown."));
  if (!can_edit (self))
    g_string_append_printf (text, " %s", _("Leads and heads mark them done."));

  gtk_label_set_text (self->summary, text->str);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseFollowupsView *self = user_data;
  GListModel *followups = pulse_session_get_list (self->session, PULSE_STATE_KIND_FOLLOWUP);
  g_autoptr(GHashTable) teams = pulse_qa_led_teams (self->session);
  g_autoptr(GHashTable) names = pulse_qa_agent_names (self->session);
  gboolean show_done = gtk_check_button_get_active (self->show_done);
  guint n_open = 0, n_visible = 0, n_shown = 0;
  GtkWidget *child;

  self->refresh_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (followups); i++)
    {
      g_autoptr(PulseFollowup) followup = g_list_model_get_item (followups, i);

      if (!visible (followup, teams, TRUE))
        continue;
      n_open += pulse_followup_get_status (followup) == PULSE_FOLLOWUP_STATUS_OPEN;
      if (!visible (followup, teams, show_done))
        continue;
      n_visible++;
      if (n_shown < MAX_ROWS)
        {
          gtk_list_box_append (self->list, make_row (self, followup, names));
          n_shown++;
        }
    }

  set_summary (self, n_open, n_shown, n_visible, teams != NULL);
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (PulseFollowupsView *self)
{
  if (self->refresh_id == 0 && self->session != NULL)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
on_show_done_toggled_cb (PulseFollowupsView *self)
{
  queue_refresh (self);
}

static void
watch (PulseFollowupsView *self,
       gpointer            instance,
       const char         *signal)
{
  g_signal_connect_object (instance, signal, G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (instance));
}

static void
unwatch (PulseFollowupsView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (self->watched->pdata[i], self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
set_session (PulseFollowupsView *self,
             PulseSession       *session)
{
  static const PulseStateKind kinds[] = {
    PULSE_STATE_KIND_FOLLOWUP, PULSE_STATE_KIND_AGENT, PULSE_STATE_KIND_TEAM,
    PULSE_STATE_KIND_SCORECARD,
  };

  if (self->session == session)
    return;

  unwatch (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        watch (self, pulse_session_get_list (session, kinds[i]), "items-changed");
      watch (self, session, "notify::role");
      watch (self, session, "notify::user-name");
      queue_refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pulse_followups_view_dispose (GObject *object)
{
  PulseFollowupsView *self = (PulseFollowupsView *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->watched != NULL)
    unwatch (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_FOLLOWUPS_VIEW);

  G_OBJECT_CLASS (pulse_followups_view_parent_class)->dispose (object);
}

static void
pulse_followups_view_finalize (GObject *object)
{
  PulseFollowupsView *self = (PulseFollowupsView *)object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_followups_view_parent_class)->finalize (object);
}

static void
pulse_followups_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PulseFollowupsView *self = PULSE_FOLLOWUPS_VIEW (object);

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
pulse_followups_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PulseFollowupsView *self = PULSE_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_followups_view_class_init (PulseFollowupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_followups_view_dispose;
  object_class->finalize = pulse_followups_view_finalize;
  object_class->get_property = pulse_followups_view_get_property;
  object_class->set_property = pulse_followups_view_set_property;

  /* Writable after construction, so a page's template can bind it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseFollowupsView, show_done);
  gtk_widget_class_bind_template_child (widget_class, PulseFollowupsView, summary);
  gtk_widget_class_bind_template_child (widget_class, PulseFollowupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseFollowupsView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_show_done_toggled_cb);
}

static void
pulse_followups_view_init (PulseFollowupsView *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pulse_followups_view_new:
 * @session: (nullable): the session whose follow-ups to show
 *
 * Returns: (transfer full): a new view.
 */
GtkWidget *
pulse_followups_view_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_FOLLOWUPS_VIEW, "session", session, NULL);
}
