/* pulse-conversation-view-messages.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conversation's messages: one row each, with who wrote it and
 * when (to the second), the highlighted reply standing out with its
 * badge, and the scroll that brings it into view once the list has its
 * layout. Part of PulseConversationView.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-agent.h"
#include "pulse-conversation-view-private.h"
#include "pulse-message.h"
#include "pulse-rule.h"
#include "pulse-ticket.h"

/**
 * pulse_conversation_view_dup_author:
 * @message: a message of the ticket shown
 *
 * Returns: (transfer full): who wrote @message, as the view shows it:
 *   the customer's id, the agent's or rule's name (or id), "Bot" or
 *   "Helpdesk".
 */
char *
pulse_conversation_view_dup_author (PulseConversationView *self,
                                    PulseMessage          *message)
{
  const char *id = pulse_message_get_author_id (message);
  gpointer item;

  g_return_val_if_fail (PULSE_IS_CONVERSATION_VIEW (self), NULL);

  switch (pulse_message_get_author_kind (message))
    {
    case PULSE_AUTHOR_KIND_CUSTOMER:
      id = self->ticket != NULL ? pulse_ticket_get_customer_id (self->ticket) : id;
      return g_strdup (id != NULL ? id : _("Customer"));
    case PULSE_AUTHOR_KIND_AGENT:
      item = _pulse_conversation_view_lookup (self, PULSE_STATE_KIND_AGENT, id);
      return g_strdup (item != NULL ? pulse_agent_get_name (item) : id);
    case PULSE_AUTHOR_KIND_RULE:
      item = _pulse_conversation_view_lookup (self, PULSE_STATE_KIND_RULE,
                                              pulse_message_get_rule_id (message));
      return g_strdup (item != NULL ? pulse_rule_get_name (item)
                                    : pulse_message_get_rule_id (message));
    case PULSE_AUTHOR_KIND_BOT:
      return g_strdup (id != NULL ? id : _("Bot"));
    case PULSE_AUTHOR_KIND_SYSTEM:
    default:
      return g_strdup (_("Helpdesk"));
    }
}

GtkWidget *
_pulse_conversation_view_new_label (const char *text,
                                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* To the second: in a chat, replies a few seconds apart are the point. */
static char *
dup_message_time (gint64 at)
{
  g_autoptr(GDateTime) local = pulse_agent_format_new_local_time (at);
  g_autofree char *day = pulse_agent_format_time (at, g_get_real_time ());

  if (local == NULL)
    return g_steal_pointer (&day);

  return g_strdup_printf ("%s:%02d", day, g_date_time_get_second (local));
}

GtkWidget *
_pulse_conversation_view_create_message_row (gpointer item,
                                             gpointer user_data)
{
  PulseConversationView *self = user_data;
  PulseMessage *message = item;
  g_autofree char *author = pulse_conversation_view_dup_author (self, message);
  g_autofree char *time = dup_message_time (pulse_message_get_at (message));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;
  GtkWidget *row;
  gboolean highlighted;
  const char *kind;
  const char *icon_name;

  kind = pulse_agent_format_author_kind (pulse_message_get_author_kind (message), &icon_name);
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name (icon_name));
  label = _pulse_conversation_view_new_label (author, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), _pulse_conversation_view_new_label (kind, "dim-label"));
  highlighted = g_strcmp0 (pulse_message_get_id (message), self->highlighted_message_id) == 0;
  label = _pulse_conversation_view_new_label (time, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (box), header);
  if (highlighted)
    /* Translators: a badge on the reply a QA reviewer is grading */
    gtk_box_append (GTK_BOX (box),
                    _pulse_conversation_view_new_label (_("Under review"), "review-badge"));

  label = _pulse_conversation_view_new_label (pulse_message_get_body (message), NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_add_css_class (box, pulse_message_is_human_reply (message) ? "message-agent"
                                                                        : "message-other");
  if (!highlighted)
    return box;

  /* The whole row stands out, not only the text inside its margins. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "message-highlighted");
  return row;
}

/* The highlighted row's top, once the list has its layout: rows made in
 * this frame get theirs at its end, so it waits a few frames for them. */
static gboolean
scroll_to_highlight_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  PulseConversationView *self = PULSE_CONVERSATION_VIEW (widget);
  GListModel *messages = self->ticket != NULL ? pulse_ticket_get_messages (self->ticket) : NULL;
  guint n = messages != NULL ? g_list_model_get_n_items (messages) : 0;
  double x, y;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->messages_list, i);

      if (row == NULL ||
          g_strcmp0 (pulse_message_get_id (message), self->highlighted_message_id) != 0)
        continue;
      if (gtk_widget_get_height (GTK_WIDGET (row)) == 0 && ++self->scroll_tries < 10)
        return G_SOURCE_CONTINUE;
      if (gtk_widget_translate_coordinates (GTK_WIDGET (row), self->content_box, 0, 0, &x, &y))
        /* The template's root, which AdwBin owns (so it is not bound). */
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                    GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))),
                                  MAX (0, y - 12));
    }

  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
_pulse_conversation_view_schedule_scroll (PulseConversationView *self)
{
  self->scroll_tries = 0;
  if (self->highlighted_message_id != NULL && self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                         scroll_to_highlight_cb, NULL, NULL);
}
