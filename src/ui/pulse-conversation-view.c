/* pulse-conversation-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-format.h"
#include "pulse-agent.h"
#include "pulse-conversation-view-private.h"
#include "pulse-entity-list.h"
#include "pulse-queue.h"
#include "pulse-ticket.h"

/**
 * PulseConversationView:
 *
 * One contact, for drill-downs from any page: its subject, the facts
 * (queue, channel, status, customer, tags, first response, ratings …)
 * and the messages in order, each with who wrote it: the customer, an
 * agent by name, an automation rule by name, a bot or the helpdesk.
 *
 * It follows the ticket live: when the session's list replaces the
 * ticket's object (a new message, a new status), the view shows the new
 * one. Names come from the session's lists; an unknown one shows its id.
 * A highlighted message (the reply under QA review) stands out, with a
 * badge, and is scrolled into view.
 */

static const char *fact_titles[N_FACTS] = {
  [FACT_QUEUE] = N_("Queue"),
  [FACT_CHANNEL] = N_("Channel"),
  [FACT_STATUS] = N_("Status"),
  [FACT_PRIORITY] = N_("Priority"),
  [FACT_CUSTOMER] = N_("Customer"),
  [FACT_ASSIGNEE] = N_("Assignee"),
  /* Translators: when the contact came in */
  [FACT_CREATED] = N_("Received"),
  [FACT_LANGUAGE] = N_("Language"),
  [FACT_FIRST_RESPONSE] = N_("First Response"),
  [FACT_HANDLE_TIME] = N_("Handle Time"),
  [FACT_RATINGS] = N_("Ratings"),
  [FACT_TAGS] = N_("Tags"),
};

G_DEFINE_FINAL_TYPE (PulseConversationView, pulse_conversation_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TICKET,
  PROP_HIGHLIGHTED_MESSAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gpointer
_pulse_conversation_view_lookup (PulseConversationView *self,
                                 PulseStateKind         kind,
                                 const char            *id)
{
  GListModel *list;

  if (id == NULL || self->session == NULL)
    return NULL;

  list = pulse_session_get_list (self->session, kind);
  return PULSE_IS_ENTITY_LIST (list) ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (list), id)
                                     : NULL;
}

static char *
dup_fact (PulseConversationView *self,
          PulseTicket           *ticket,
          Fact                   fact)
{
  gpointer item;
  const char *text = NULL;

  switch (fact)
    {
    case FACT_QUEUE:
      item = _pulse_conversation_view_lookup (self, PULSE_STATE_KIND_QUEUE,
                                              pulse_ticket_get_queue_id (ticket));
      text = item != NULL ? pulse_queue_get_name (item) : pulse_ticket_get_queue_id (ticket);
      break;
    case FACT_CHANNEL:
      return g_strdup (pulse_format_channel (pulse_ticket_get_channel (ticket)));
    case FACT_STATUS:
      return g_strdup (pulse_agent_format_ticket_status (pulse_ticket_get_status (ticket)));
    case FACT_PRIORITY:
      return g_strdup (pulse_agent_format_priority (pulse_ticket_get_priority (ticket)));
    case FACT_CUSTOMER:
      text = pulse_ticket_get_customer_id (ticket);
      break;
    case FACT_ASSIGNEE:
      item = _pulse_conversation_view_lookup (self, PULSE_STATE_KIND_AGENT,
                                              pulse_ticket_get_assignee_id (ticket));
      text = item != NULL ? pulse_agent_get_name (item) : pulse_ticket_get_assignee_id (ticket);
      break;
    case FACT_CREATED:
      return pulse_agent_format_time (pulse_ticket_get_created_at (ticket), g_get_real_time ());
    case FACT_LANGUAGE:
      text = pulse_ticket_get_language (ticket);
      break;
    case FACT_FIRST_RESPONSE:
      return pulse_agent_format_first_response (ticket);
    case FACT_HANDLE_TIME:
      return pulse_ticket_get_handle_seconds (ticket) == PULSE_TICKET_HANDLE_UNKNOWN
             ? g_strdup ("–")
             : pulse_format_seconds (pulse_ticket_get_handle_seconds (ticket));
    case FACT_RATINGS:
      return pulse_agent_format_ratings (ticket, TRUE);
    case FACT_TAGS:
    case N_FACTS:
    default:
      if (pulse_ticket_get_tags (ticket) != NULL && pulse_ticket_get_tags (ticket)[0] != NULL)
        return g_strjoinv (", ", (char **) pulse_ticket_get_tags (ticket));
      break;
    }

  return g_strdup (text != NULL && text[0] != '\0' ? text : "–");
}

static void
show_ticket (PulseConversationView *self)
{
  GListModel *messages = self->ticket != NULL ? pulse_ticket_get_messages (self->ticket) : NULL;

  gtk_label_set_text (self->subject_label,
                      self->ticket != NULL ? pulse_ticket_get_subject (self->ticket) : "");
  for (guint i = 0; i < N_FACTS; i++)
    {
      g_autofree char *text = self->ticket != NULL ? dup_fact (self, self->ticket, i)
                                                   : g_strdup ("–");

      gtk_label_set_text (self->facts[i], text);
    }

  gtk_list_box_bind_model (self->messages_list, messages,
                           _pulse_conversation_view_create_message_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->messages_list),
                          messages != NULL && g_list_model_get_n_items (messages) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_messages_label),
                          messages == NULL || g_list_model_get_n_items (messages) == 0);
  _pulse_conversation_view_schedule_scroll (self);
}

/* The session's list replaces a ticket's object when messages or a
 * read-only field change: follow the id to the new object. */
static void
on_tickets_changed_cb (GListModel            *tickets,
                       guint                  position,
                       guint                  removed,
                       guint                  added,
                       PulseConversationView *self)
{
  PulseTicket *now;

  if (self->ticket == NULL || !PULSE_IS_ENTITY_LIST (tickets))
    return;

  now = pulse_entity_list_lookup (PULSE_ENTITY_LIST (tickets), pulse_ticket_get_id (self->ticket));
  if (now != NULL && now != self->ticket)
    {
      g_set_object (&self->ticket, now);
      show_ticket (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
    }
}

/* Two facts a line, or one where the view is narrow (beside a form). */
static void
add_facts (PulseConversationView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);

  for (guint i = 0; i < N_FACTS; i++)
    {
      GtkWidget *title = _pulse_conversation_view_new_label (_(fact_titles[i]), "dim-label");
      GtkWidget *value = _pulse_conversation_view_new_label (NULL, NULL);
      int column = self->compact ? 0 : (i % 2) * 2;
      int row = self->compact ? i : i / 2;

      gtk_widget_set_valign (title, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (title), self->compact);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_grid_attach (self->facts_grid, title, column, row, 1, 1);
      gtk_grid_attach (self->facts_grid, value, column + 1, row, 1, 1);
      self->facts[i] = GTK_LABEL (value);
    }
}

static void
pulse_conversation_view_dispose (GObject *object)
{
  PulseConversationView *self = PULSE_CONVERSATION_VIEW (object);

  if (self->messages_list != NULL)
    gtk_list_box_bind_model (self->messages_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CONVERSATION_VIEW);
  self->messages_list = NULL;
  if (self->tickets != NULL)
    g_signal_handlers_disconnect_by_func (self->tickets, on_tickets_changed_cb, self);
  g_clear_object (&self->tickets);
  g_clear_object (&self->ticket);
  g_clear_object (&self->session);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_pointer (&self->highlighted_message_id, g_free);

  G_OBJECT_CLASS (pulse_conversation_view_parent_class)->dispose (object);
}

static void
pulse_conversation_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PulseConversationView *self = PULSE_CONVERSATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TICKET:
      g_value_set_object (value, self->ticket);
      break;
    case PROP_HIGHLIGHTED_MESSAGE_ID:
      g_value_set_string (value, self->highlighted_message_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_conversation_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PulseConversationView *self = PULSE_CONVERSATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pulse_conversation_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_TICKET:
      pulse_conversation_view_set_ticket (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_MESSAGE_ID:
      pulse_conversation_view_set_highlighted_message_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_conversation_view_class_init (PulseConversationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_conversation_view_dispose;
  object_class->get_property = pulse_conversation_view_get_property;
  object_class->set_property = pulse_conversation_view_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION, rw);
  properties[PROP_TICKET] = g_param_spec_object ("ticket", NULL, NULL, PULSE_TYPE_TICKET, rw);
  properties[PROP_HIGHLIGHTED_MESSAGE_ID] =
    g_param_spec_string ("highlighted-message-id", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH
                                               "/ui/pulse-conversation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseConversationView, content_box);
  gtk_widget_class_bind_template_child (widget_class, PulseConversationView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, PulseConversationView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, PulseConversationView, messages_list);
  gtk_widget_class_bind_template_child (widget_class, PulseConversationView, no_messages_label);
}

static void
pulse_conversation_view_init (PulseConversationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_facts (self);
  show_ticket (self);
}

GtkWidget *
pulse_conversation_view_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_CONVERSATION_VIEW, "session", session, NULL);
}

PulseSession *
pulse_conversation_view_get_session (PulseConversationView *self)
{
  g_return_val_if_fail (PULSE_IS_CONVERSATION_VIEW (self), NULL);

  return self->session;
}

/**
 * pulse_conversation_view_set_session:
 * @session: (nullable): where names come from, and whose ticket list the
 *   view follows
 */
void
pulse_conversation_view_set_session (PulseConversationView *self,
                                     PulseSession          *session)
{
  g_return_if_fail (PULSE_IS_CONVERSATION_VIEW (self));

  if (!g_set_object (&self->session, session))
    return;

  if (self->tickets != NULL)
    g_signal_handlers_disconnect_by_func (self->tickets, on_tickets_changed_cb, self);
  g_clear_object (&self->tickets);
  if (session != NULL)
    {
      self->tickets = g_object_ref (pulse_session_get_list (session, PULSE_STATE_KIND_TICKET));
      g_signal_connect (self->tickets, "items-changed", G_CALLBACK (on_tickets_changed_cb), self);
    }
  show_ticket (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * pulse_conversation_view_get_ticket:
 *
 * Returns: (transfer none) (nullable): the contact shown; the session's
 *   current object for it.
 */
PulseTicket *
pulse_conversation_view_get_ticket (PulseConversationView *self)
{
  g_return_val_if_fail (PULSE_IS_CONVERSATION_VIEW (self), NULL);

  return self->ticket;
}

/**
 * pulse_conversation_view_set_ticket:
 * @ticket: (nullable): the contact to show
 */
void
pulse_conversation_view_set_ticket (PulseConversationView *self,
                                    PulseTicket           *ticket)
{
  g_return_if_fail (PULSE_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (ticket == NULL || PULSE_IS_TICKET (ticket));

  if (!g_set_object (&self->ticket, ticket))
    return;

  show_ticket (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
}

/**
 * pulse_conversation_view_get_highlighted_message_id:
 *
 * Returns: (nullable): the id of the message that stands out, if any.
 */
const char *
pulse_conversation_view_get_highlighted_message_id (PulseConversationView *self)
{
  g_return_val_if_fail (PULSE_IS_CONVERSATION_VIEW (self), NULL);

  return self->highlighted_message_id;
}

/**
 * pulse_conversation_view_set_highlighted_message_id:
 * @message_id: (nullable): a message of the ticket to make stand out and
 *   scroll to (the reply under review), or %NULL for none
 */
void
pulse_conversation_view_set_highlighted_message_id (PulseConversationView *self,
                                                    const char            *message_id)
{
  g_return_if_fail (PULSE_IS_CONVERSATION_VIEW (self));

  if (g_strcmp0 (self->highlighted_message_id, message_id) == 0)
    return;

  g_free (self->highlighted_message_id);
  self->highlighted_message_id = g_strdup (message_id);
  show_ticket (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_MESSAGE_ID]);
}

/**
 * pulse_conversation_view_set_compact:
 * @compact: one fact a line, for a narrow view
 */
void
pulse_conversation_view_set_compact (PulseConversationView *self,
                                     gboolean               compact)
{
  g_return_if_fail (PULSE_IS_CONVERSATION_VIEW (self));

  if (self->compact == !!compact)
    return;

  self->compact = !!compact;
  add_facts (self);
  show_ticket (self);
}
