/* pulse-drill-down.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-contact-list.h"
#include "pulse-conversation-view.h"
#include "pulse-drill-down.h"
#include "pulse-period.h"
#include "pulse-session-contacts.h"

/**
 * PulseDrillDown:
 *
 * The contacts behind a figure, in a window of their own so the page
 * they came from stays as it was: a figure, a chart bar, a queue or an
 * alert opens one. The contacts are found off the main thread
 * (pulse_session_find_contacts_async()); a contact opens its
 * conversation, and Back (or Escape) returns to the list.
 */
struct _PulseDrillDown
{
  AdwWindow              parent_instance;

  GtkWidget             *back_button;
  AdwWindowTitle        *window_title;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  PulseContactList      *contact_list;
  PulseConversationView *conversation;

  PulseSession          *session;
  GListModel            *contacts;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (PulseDrillDown, pulse_drill_down, ADW_TYPE_WINDOW)

static void
on_back_clicked_cb (PulseDrillDown *self)
{
  gtk_stack_set_visible_child_name (self->stack, "contacts");
  gtk_widget_set_visible (self->back_button, FALSE);
}

/**
 * pulse_drill_down_show_ticket:
 * @ticket: one of the contacts
 *
 * Shows @ticket's conversation.
 */
void
pulse_drill_down_show_ticket (PulseDrillDown *self,
                              PulseTicket    *ticket)
{
  g_return_if_fail (PULSE_IS_DRILL_DOWN (self));
  g_return_if_fail (PULSE_IS_TICKET (ticket));

  pulse_conversation_view_set_ticket (self->conversation, ticket);
  gtk_stack_set_visible_child_name (self->stack, "conversation");
  gtk_widget_set_visible (self->back_button, TRUE);
}

static void
on_ticket_activated_cb (PulseDrillDown *self,
                        PulseTicket    *ticket)
{
  pulse_drill_down_show_ticket (self, ticket);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseDrillDown) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint matched = 0;
  GListModel *contacts;

  contacts = pulse_session_find_contacts_finish (PULSE_SESSION (object), result, &matched,
                                                 &error);
  if (contacts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->contacts, contacts);
  g_object_unref (contacts);
  pulse_contact_list_set_model (self->contact_list, contacts);
  if (matched > g_list_model_get_n_items (contacts))
    /* Translators: a drill-down's subtitle when it lists only the newest */
    subtitle = g_strdup_printf (_("The newest %u of %u contacts"),
                                g_list_model_get_n_items (contacts), matched);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                             matched), matched);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "contacts");
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  PulseDrillDown *self = PULSE_DRILL_DOWN (widget);

  if (gtk_widget_get_visible (self->back_button))
    on_back_clicked_cb (self);
  else
    gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
pulse_drill_down_dispose (GObject *object)
{
  PulseDrillDown *self = PULSE_DRILL_DOWN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->contacts);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_drill_down_parent_class)->dispose (object);
}

static void
pulse_drill_down_class_init (PulseDrillDownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_drill_down_dispose;

  g_type_ensure (PULSE_TYPE_CONTACT_LIST);
  g_type_ensure (PULSE_TYPE_CONVERSATION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-drill-down.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, back_button);
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, window_title);
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, error_page);
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, contact_list);
  gtk_widget_class_bind_template_child (widget_class, PulseDrillDown, conversation);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_activated_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
pulse_drill_down_init (PulseDrillDown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * pulse_drill_down_open:
 * @from: the widget clicked (its window parents the drill-down)
 * @session: whose contacts
 * @title: what the figure was ("Service level · Ukraine · chat")
 * @filter: which contacts stand behind it
 *
 * Opens a window listing the contacts of @filter.
 *
 * Returns: (transfer none): the window, shown.
 */
PulseDrillDown *
pulse_drill_down_open (GtkWidget                *from,
                       PulseSession             *session,
                       const char               *title,
                       const PulseContactFilter *filter)
{
  PulseDrillDown *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  root = gtk_widget_get_root (from);
  self = g_object_new (PULSE_TYPE_DRILL_DOWN,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "application", GTK_IS_WINDOW (root)
                                      ? gtk_window_get_application (GTK_WINDOW (root)) : NULL,
                       "title", title,
                       NULL);
  self->session = g_object_ref (session);
  adw_window_title_set_title (self->window_title, title);
  pulse_contact_list_set_session (self->contact_list, session);
  pulse_conversation_view_set_session (self->conversation, session);
  pulse_session_find_contacts_async (session, filter, self->cancellable, found_cb,
                                     g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * pulse_drill_down_get_contacts:
 *
 * Returns: (transfer none) (nullable): the contacts found, or %NULL
 *   while looking.
 */
GListModel *
pulse_drill_down_get_contacts (PulseDrillDown *self)
{
  g_return_val_if_fail (PULSE_IS_DRILL_DOWN (self), NULL);

  return self->contacts;
}

/**
 * pulse_drill_down_set_period:
 * @session: whose period
 * @filter: (inout): the filter whose range to set
 *
 * Sets @filter's range to the period every page counts in, as the
 * session's views resolved it (today before any view exists).
 */
void
pulse_drill_down_set_period (PulseSession       *session,
                             PulseContactFilter *filter)
{
  PulseKpiView *view = pulse_session_get_kpi_view (session, PULSE_KPI_GROUP_NONE);

  if (view != NULL)
    {
      filter->from = pulse_kpi_view_get_from (view);
      filter->to = pulse_kpi_view_get_to (view);
    }
  else
    {
      pulse_period_day_range (g_get_real_time (), 0, &filter->from, &filter->to);
    }
}
