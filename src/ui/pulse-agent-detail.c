/* pulse-agent-detail.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pulse-agent-detail.h"
#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-contact-list.h"
#include "pulse-conversation-view.h"
#include "pulse-entity-list.h"
#include "pulse-ticket.h"

/**
 * PulseAgentDetail:
 *
 * One agent, opened from the agents table: who they are and their
 * status, their figures for the session's period with their team's
 * beside each, the channels open, and their recent contacts (the
 * session's tickets assigned to them, newest first); a contact opens its
 * conversation in place, and the back button returns to the contacts,
 * then emits #PulseAgentDetail::back.
 */

typedef enum
{
  KPI_CONTACTS,
  KPI_FIRST_RESPONSE,
  KPI_FIRST_RESPONSE_P90,
  KPI_HANDLE_TIME,
  KPI_SERVICE_LEVEL,
  KPI_CSAT,
  KPI_FCR,
  KPI_REPEAT_RATE,
  KPI_QA_SCORE,
  N_KPIS
} Kpi;

typedef struct
{
  const char *title;
  const char *subtitle;
} KpiInfo;

static const KpiInfo kpis[N_KPIS] = {
  [KPI_CONTACTS] = { N_("Contacts"), N_("Assigned in the period") },
  [KPI_FIRST_RESPONSE] = { N_("First Response, Median"),
                           N_("First human reply; bot and rule replies do not count") },
  [KPI_FIRST_RESPONSE_P90] = { N_("First Response, 90th Percentile"),
                               N_("Nine in ten contacts were answered within it") },
  [KPI_HANDLE_TIME] = { N_("Handle Time"), N_("Mean time spent per contact") },
  [KPI_SERVICE_LEVEL] = { N_("Service Level"), N_("Answered within the queue’s target") },
  [KPI_CSAT] = { N_("CSAT"), N_("Share of 4–5 among rated contacts") },
  [KPI_FCR] = { N_("First-Contact Resolution"),
                N_("Customers who did not contact again within 7 days") },
  [KPI_REPEAT_RATE] = { N_("Repeat Contacts"),
                        N_("Contacts followed by another within 7 days") },
  [KPI_QA_SCORE] = { N_("QA Score"), N_("Mean of the submitted reviews, 0–100") },
};

struct _PulseAgentDetail
{
  AdwBin                 parent_instance;

  PulseSession          *session;
  PulseAgentList        *list;
  PulseAgentRow         *row;
  GSignalGroup          *row_signals;
  GtkCustomFilter       *contacts_filter;
  GtkLabel              *values[N_KPIS];
  GtkLabel              *team_values[N_KPIS];

  GtkButton             *back_button;
  AdwAvatar             *avatar;
  GtkLabel              *name_label;
  GtkLabel              *subtitle_label;
  GtkImage              *status_icon;
  GtkLabel              *status_label;
  GtkLabel              *status_time;
  GtkStack              *detail_stack;
  AdwPreferencesGroup   *kpi_group;
  AdwActionRow          *channels_row;
  AdwActionRow          *languages_row;
  AdwActionRow          *hired_row;
  PulseContactList      *contact_list;
  PulseConversationView *conversation;
};

G_DEFINE_FINAL_TYPE (PulseAgentDetail, pulse_agent_detail, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_kpi_text (const PulseKpiSummary *summary,
              Kpi                    kpi)
{
  if (summary == NULL)
    return g_strdup ("…");

  switch (kpi)
    {
    case KPI_CONTACTS: return pulse_agent_format_count (summary->contacts);
    case KPI_FIRST_RESPONSE: return pulse_format_seconds (summary->first_response_median_s);
    case KPI_FIRST_RESPONSE_P90: return pulse_format_seconds (summary->first_response_p90_s);
    case KPI_HANDLE_TIME: return pulse_format_seconds (summary->handle_time_mean_s);
    case KPI_SERVICE_LEVEL: return pulse_format_share (summary->service_level);
    case KPI_CSAT: return pulse_format_share (summary->csat);
    case KPI_FCR: return pulse_format_share (summary->fcr);
    case KPI_REPEAT_RATE: return pulse_format_share (summary->repeat_rate);
    case KPI_QA_SCORE: return pulse_format_score (summary->qa_score, 1);
    case N_KPIS:
    default: g_return_val_if_reached (NULL);
    }
}

static void
update_kpis (PulseAgentDetail *self)
{
  g_autoptr(PulseKpiSummary) team = NULL;
  const PulseKpiSummary *agent = NULL;
  const char *team_name = NULL;
  g_autofree char *description = NULL;

  if (self->row != NULL)
    {
      PulseAgent *person = pulse_agent_row_get_agent (self->row);

      agent = pulse_agent_row_get_summary (self->row);
      team = pulse_agent_list_dup_team_summary (self->list, pulse_agent_get_team_id (person));
      team_name = pulse_agent_row_get_team_name (self->row);
    }

  for (guint i = 0; i < N_KPIS; i++)
    {
      g_autofree char *value = dup_kpi_text (agent, i);
      g_autofree char *team_value = team != NULL ? dup_kpi_text (team, i) : g_strdup ("–");

      gtk_label_set_text (self->values[i], value);
      gtk_label_set_text (self->team_values[i], team_value);
    }

  adw_preferences_group_set_title (self->kpi_group,
                                   pulse_agent_format_period_title (pulse_agent_list_get_kpi_view (self->list)));
  if (team_name != NULL)
    /* Translators: under the figures' heading; %s is a team's name */
    description = g_strdup_printf (_("Beside each, the figure of the whole %s team"), team_name);
  else
    description = g_strdup (_("The agent is in no team: there is no team figure to compare"));
  adw_preferences_group_set_description (self->kpi_group, description);
}

static void
update_status_time (PulseAgentDetail *self,
                    gint64            now)
{
  g_autofree char *elapsed = NULL;

  if (self->row == NULL)
    return;

  elapsed = pulse_agent_row_dup_text (self->row, PULSE_AGENT_COLUMN_TIME_IN_STATUS, now);
  gtk_label_set_text (self->status_time, elapsed);
}

static void
update_header (PulseAgentDetail *self)
{
  PulseAgent *agent;
  const char *email;
  const char *team_name;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *hired = NULL;

  if (self->row == NULL)
    return;

  agent = pulse_agent_row_get_agent (self->row);
  name = pulse_agent_row_dup_text (self->row, PULSE_AGENT_COLUMN_NAME, 0);
  email = pulse_agent_get_email (agent);
  team_name = pulse_agent_row_get_team_name (self->row);
  subtitle = g_strjoin (" · ", pulse_agent_format_position (pulse_agent_get_position (agent)),
                        team_name != NULL ? team_name : _("No team"),
                        email != NULL && email[0] != '\0' ? email : NULL, NULL);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->subtitle_label, subtitle);
  adw_avatar_set_text (self->avatar, name);
  gtk_image_set_from_icon_name (self->status_icon,
                                pulse_agent_format_status_icon (pulse_agent_get_status (agent)));
  gtk_label_set_text (self->status_label,
                      pulse_agent_format_status (pulse_agent_get_status (agent)));
  update_status_time (self, g_get_real_time ());

  channels = pulse_agent_format_channels (pulse_agent_get_channels (agent));
  adw_action_row_set_subtitle (self->channels_row, channels);
  if (pulse_agent_get_languages (agent) != NULL)
    languages = g_strjoinv (", ", (char **) pulse_agent_get_languages (agent));
  adw_action_row_set_subtitle (self->languages_row,
                               languages != NULL && languages[0] != '\0' ? languages : "–");
  hired = pulse_agent_format_hired (agent, g_get_real_time ());
  adw_action_row_set_subtitle (self->hired_row, hired);
}

static void
on_row_notify_cb (PulseAgentDetail *self,
                  GParamSpec       *pspec,
                  PulseAgentRow    *row)
{
  if (g_str_equal (pspec->name, "summary") || g_str_equal (pspec->name, "team-name"))
    update_kpis (self);
  if (!g_str_equal (pspec->name, "summary") && !g_str_equal (pspec->name, "bins"))
    update_header (self);
  if (g_str_equal (pspec->name, "agent"))
    gtk_filter_changed (GTK_FILTER (self->contacts_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_rows_changed_cb (PulseAgentList   *list,
                    const char       *property,
                    PulseAgentDetail *self)
{
  if (g_str_equal (property, "team-summary"))
    update_kpis (self);
}

static gboolean
contact_filter_func (gpointer item,
                     gpointer user_data)
{
  PulseAgentDetail *self = user_data;

  if (self->row == NULL)
    return FALSE;

  return g_strcmp0 (pulse_ticket_get_assignee_id (item), pulse_agent_row_get_id (self->row)) == 0;
}

static void
on_back_clicked_cb (PulseAgentDetail *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "conversation") == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "summary");
      return;
    }

  g_signal_emit (self, signals[BACK], 0);
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  on_back_clicked_cb (PULSE_AGENT_DETAIL (widget));
  return TRUE;
}

static void
on_ticket_activated_cb (PulseAgentDetail *self,
                        PulseTicket      *ticket)
{
  pulse_conversation_view_set_ticket (self->conversation, ticket);
  gtk_stack_set_visible_child_name (self->detail_stack, "conversation");
}

static GtkWidget *
new_value_label (GtkSizeGroup *group,
                 gboolean      team)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, team ? "dim-label" : "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_size_group_add_widget (group, label);
  return label;
}

/* The figure rows, with the agent's and the team's figure in two
 * columns of equal width, headed "Agent" and "Team". */
static void
add_kpi_rows (PulseAgentDetail *self)
{
  g_autoptr(GtkSizeGroup) values = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) team_values = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  for (guint i = 0; i < N_KPIS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(kpis[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(kpis[i].subtitle));
      self->values[i] = GTK_LABEL (new_value_label (values, FALSE));
      self->team_values[i] = GTK_LABEL (new_value_label (team_values, TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->values[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->team_values[i]));
      adw_preferences_group_add (self->kpi_group, row);
    }

  /* Translators: heading over the agent's own figures */
  label = new_value_label (values, TRUE);
  gtk_label_set_text (GTK_LABEL (label), C_("figures of", "Agent"));
  gtk_box_append (GTK_BOX (header), label);
  /* Translators: heading over the team's figures */
  label = new_value_label (team_values, TRUE);
  gtk_label_set_text (GTK_LABEL (label), C_("figures of", "Team"));
  gtk_box_append (GTK_BOX (header), label);
  gtk_widget_set_valign (header, GTK_ALIGN_END);
  gtk_widget_set_margin_end (header, 12);
  adw_preferences_group_set_header_suffix (self->kpi_group, header);
}

static void
pulse_agent_detail_dispose (GObject *object)
{
  PulseAgentDetail *self = PULSE_AGENT_DETAIL (object);

  if (self->row_signals != NULL)
    g_signal_group_set_target (self->row_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_AGENT_DETAIL);
  g_clear_object (&self->row_signals);
  g_clear_object (&self->row);
  g_clear_object (&self->contacts_filter);
  g_clear_object (&self->list);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_agent_detail_parent_class)->dispose (object);
}

static void
pulse_agent_detail_class_init (PulseAgentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_agent_detail_dispose;

  /**
   * PulseAgentDetail::back:
   *
   * The user asked to return to the table.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Back, as the button: Escape, Alt+← and the mouse's back button. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0, back_shortcut_cb, NULL);

  g_type_ensure (PULSE_TYPE_CONTACT_LIST);
  g_type_ensure (PULSE_TYPE_CONVERSATION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-agent-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, status_time);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, channels_row);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, languages_row);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, hired_row);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, contact_list);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentDetail, conversation);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_activated_cb);
}

static void
pulse_agent_detail_init (PulseAgentDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_signals = g_signal_group_new (PULSE_TYPE_AGENT_ROW);
  g_signal_group_connect_swapped (self->row_signals, "notify", G_CALLBACK (on_row_notify_cb), self);
  self->contacts_filter = gtk_custom_filter_new (contact_filter_func, self, NULL);
  add_kpi_rows (self);
}

/**
 * pulse_agent_detail_set_list:
 * @session: the session: its tickets, queues and agents
 * @list: the agents page's rows: the team figures
 *
 * Gives the detail its data; call once, before pulse_agent_detail_set_row().
 */
void
pulse_agent_detail_set_list (PulseAgentDetail *self,
                             PulseSession     *session,
                             PulseAgentList   *list)
{
  GtkFilterListModel *contacts;

  g_return_if_fail (PULSE_IS_AGENT_DETAIL (self));
  g_return_if_fail (PULSE_IS_SESSION (session));
  g_return_if_fail (PULSE_IS_AGENT_LIST (list));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->list = g_object_ref (list);
  g_signal_connect_object (list, "rows-changed", G_CALLBACK (on_rows_changed_cb), self, 0);

  /* The session's tickets are newest first already. Incremental, so a
   * day of 50,000 tickets is filtered over several frames. */
  contacts = gtk_filter_list_model_new (
    g_object_ref (pulse_session_get_list (session, PULSE_STATE_KIND_TICKET)),
    g_object_ref (GTK_FILTER (self->contacts_filter)));
  gtk_filter_list_model_set_incremental (contacts, TRUE);
  pulse_contact_list_set_session (self->contact_list, session);
  pulse_contact_list_set_model (self->contact_list, G_LIST_MODEL (contacts));
  pulse_conversation_view_set_session (self->conversation, session);
  g_object_unref (contacts);
}

/**
 * pulse_agent_detail_set_row:
 * @row: the agent to show
 *
 * Shows @row's agent, from the top: figures and contacts.
 */
void
pulse_agent_detail_set_row (PulseAgentDetail *self,
                            PulseAgentRow    *row)
{
  g_return_if_fail (PULSE_IS_AGENT_DETAIL (self));
  g_return_if_fail (PULSE_IS_AGENT_ROW (row));

  g_set_object (&self->row, row);
  g_signal_group_set_target (self->row_signals, row);
  gtk_stack_set_visible_child_name (self->detail_stack, "summary");
  gtk_filter_changed (GTK_FILTER (self->contacts_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_header (self);
  update_kpis (self);
}

/**
 * pulse_agent_detail_get_row:
 *
 * Returns: (transfer none) (nullable): the agent shown.
 */
PulseAgentRow *
pulse_agent_detail_get_row (PulseAgentDetail *self)
{
  g_return_val_if_fail (PULSE_IS_AGENT_DETAIL (self), NULL);

  return self->row;
}

/* The page's one-second timer: the time in status. */
void
pulse_agent_detail_tick (PulseAgentDetail *self,
                         gint64            now_usec)
{
  g_return_if_fail (PULSE_IS_AGENT_DETAIL (self));

  update_status_time (self, now_usec);
}

/**
 * pulse_agent_detail_get_kpi_text:
 * @index: a figure row, 0 for contacts …
 * @team: the team's column instead of the agent's
 *
 * Returns: (transfer none): the figure shown (for tests).
 */
const char *
pulse_agent_detail_get_kpi_text (PulseAgentDetail *self,
                                 guint             index,
                                 gboolean          team)
{
  g_return_val_if_fail (PULSE_IS_AGENT_DETAIL (self), NULL);
  g_return_val_if_fail (index < N_KPIS, NULL);

  return gtk_label_get_text (team ? self->team_values[index] : self->values[index]);
}
