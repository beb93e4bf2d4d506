/* pulse-contact-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-format.h"
#include "pulse-agent.h"
#include "pulse-contact-list.h"
#include "pulse-entity-list.h"
#include "pulse-queue.h"
#include "pulse-ticket.h"

/**
 * PulseContactList:
 *
 * A table of contacts: any #GListModel of #PulseTicket (an agent's, a
 * queue's, a KPI's drill-down), in the model's order, with the time,
 * subject, queue, status, assignee and rating of each. Activating one
 * emits #PulseContactList::ticket-activated; the owner shows its
 * conversation (#PulseConversationView). Queue and agent names come from
 * the session's lists; an unknown one shows its id.
 */
struct _PulseContactList
{
  AdwBin         parent_instance;

  PulseSession  *session;
  GListModel    *model;
  gboolean       show_assignee;

  GtkStack      *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *assignee_column;
};

G_DEFINE_FINAL_TYPE (PulseContactList, pulse_contact_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_MODEL,
  PROP_SHOW_ASSIGNEE,
  N_PROPS
};

enum {
  TICKET_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_TIME,
  COLUMN_SUBJECT,
  COLUMN_QUEUE,
  COLUMN_STATUS,
  COLUMN_ASSIGNEE,
  COLUMN_RATING,
} Column;

typedef struct
{
  Column      column;
  const char *title;
  gboolean    expand;
  int         width;
} ColumnInfo;

static const ColumnInfo columns[] = {
  /* Translators: column: when the contact came in */
  { COLUMN_TIME, N_("Time"), FALSE, 90 },
  { COLUMN_SUBJECT, N_("Subject"), TRUE, 180 },
  { COLUMN_QUEUE, N_("Queue"), FALSE, 130 },
  { COLUMN_STATUS, N_("Status"), FALSE, 110 },
  { COLUMN_ASSIGNEE, N_("Assignee"), FALSE, 150 },
  { COLUMN_RATING, N_("Rating"), FALSE, 90 },
};

static const char *
lookup_name (PulseContactList *self,
             PulseStateKind    kind,
             const char       *id)
{
  GListModel *list;
  gpointer item;

  if (id == NULL || self->session == NULL)
    return id;

  list = pulse_session_get_list (self->session, kind);
  item = PULSE_IS_ENTITY_LIST (list) ? pulse_entity_list_lookup (PULSE_ENTITY_LIST (list), id)
                                     : NULL;
  if (item != NULL && kind == PULSE_STATE_KIND_QUEUE)
    return pulse_queue_get_name (item);
  if (item != NULL && kind == PULSE_STATE_KIND_AGENT)
    return pulse_agent_get_name (item);

  return id;
}

static char *
dup_text (PulseContactList *self,
          PulseTicket      *ticket,
          Column            column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_TIME:
      return pulse_agent_format_time (pulse_ticket_get_created_at (ticket), g_get_real_time ());
    case COLUMN_SUBJECT:
      text = pulse_ticket_get_subject (ticket);
      break;
    case COLUMN_QUEUE:
      text = lookup_name (self, PULSE_STATE_KIND_QUEUE, pulse_ticket_get_queue_id (ticket));
      break;
    case COLUMN_STATUS:
      text = pulse_agent_format_ticket_status (pulse_ticket_get_status (ticket));
      break;
    case COLUMN_ASSIGNEE:
      text = lookup_name (self, PULSE_STATE_KIND_AGENT, pulse_ticket_get_assignee_id (ticket));
      break;
    case COLUMN_RATING:
    default:
      return pulse_agent_format_ratings (ticket, FALSE);
    }

  return g_strdup (text != NULL && text[0] != '\0' ? text : "–");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PulseContactList         *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "pulse-column");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (info->column == COLUMN_TIME || info->column == COLUMN_RATING)
    gtk_widget_add_css_class (label, "numeric");
  if (info->column != COLUMN_STATUS)
    {
      gtk_list_item_set_child (list_item, label);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PulseContactList         *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "pulse-column");
  PulseTicket *ticket = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = dup_text (self, ticket, info->column);

  if (info->column == COLUMN_STATUS)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                    pulse_agent_format_ticket_status_icon (
                                      pulse_ticket_get_status (ticket)));
      child = gtk_widget_get_last_child (child);
    }
  gtk_label_set_text (GTK_LABEL (child), text);
  if (info->column == COLUMN_SUBJECT)
    gtk_widget_set_tooltip_text (child, text);
}

static void
add_columns (PulseContactList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "pulse-column", (gpointer) &columns[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      if (columns[i].column == COLUMN_ASSIGNEE)
        self->assignee_column = column;
    }
}

static void
update_stack (PulseContactList *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_activate_cb (PulseContactList *self,
                guint             position,
                GtkColumnView    *view)
{
  pulse_contact_list_activate (self, position);
}

static void
pulse_contact_list_dispose (GObject *object)
{
  PulseContactList *self = PULSE_CONTACT_LIST (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The bin's child is a bound template child: GTK unparents it in
   * dispose_template, and AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_CONTACT_LIST);
  self->column_view = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_stack, self);
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_contact_list_parent_class)->dispose (object);
}

static void
pulse_contact_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PulseContactList *self = PULSE_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SHOW_ASSIGNEE:
      g_value_set_boolean (value, self->show_assignee);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_contact_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PulseContactList *self = PULSE_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pulse_contact_list_set_session (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      pulse_contact_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_SHOW_ASSIGNEE:
      pulse_contact_list_set_show_assignee (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_contact_list_class_init (PulseContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pulse_contact_list_dispose;
  object_class->get_property = pulse_contact_list_get_property;
  object_class->set_property = pulse_contact_list_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION, rw);
  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  properties[PROP_SHOW_ASSIGNEE] = g_param_spec_boolean ("show-assignee", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PulseContactList::ticket-activated:
   * @ticket: the contact
   *
   * The user opened @ticket (a click, or Enter on it).
   */
  signals[TICKET_ACTIVATED] =
    g_signal_new ("ticket-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PULSE_TYPE_TICKET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-contact-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseContactList, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseContactList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
pulse_contact_list_init (PulseContactList *self)
{
  self->show_assignee = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  update_stack (self);
}

GtkWidget *
pulse_contact_list_new (PulseSession *session)
{
  return g_object_new (PULSE_TYPE_CONTACT_LIST, "session", session, NULL);
}

PulseSession *
pulse_contact_list_get_session (PulseContactList *self)
{
  g_return_val_if_fail (PULSE_IS_CONTACT_LIST (self), NULL);

  return self->session;
}

/**
 * pulse_contact_list_set_session:
 * @session: (nullable): where queue and agent names come from
 */
void
pulse_contact_list_set_session (PulseContactList *self,
                                PulseSession     *session)
{
  g_return_if_fail (PULSE_IS_CONTACT_LIST (self));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GListModel *
pulse_contact_list_get_model (PulseContactList *self)
{
  g_return_val_if_fail (PULSE_IS_CONTACT_LIST (self), NULL);

  return self->model;
}

/**
 * pulse_contact_list_set_model:
 * @model: (nullable): a list of #PulseTicket, shown in its order
 */
void
pulse_contact_list_set_model (PulseContactList *self,
                              GListModel       *model)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (PULSE_IS_CONTACT_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_stack, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (update_stack), self);
      selection = gtk_no_selection_new (g_object_ref (model));
    }
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
pulse_contact_list_get_show_assignee (PulseContactList *self)
{
  g_return_val_if_fail (PULSE_IS_CONTACT_LIST (self), FALSE);

  return self->show_assignee;
}

/**
 * pulse_contact_list_set_show_assignee:
 * @show_assignee: whether to show the assignee column (not for one
 *   agent's contacts)
 */
void
pulse_contact_list_set_show_assignee (PulseContactList *self,
                                      gboolean          show_assignee)
{
  g_return_if_fail (PULSE_IS_CONTACT_LIST (self));

  show_assignee = !!show_assignee;
  if (self->show_assignee == show_assignee)
    return;

  self->show_assignee = show_assignee;
  gtk_column_view_column_set_visible (self->assignee_column, show_assignee);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ASSIGNEE]);
}

/**
 * pulse_contact_list_activate:
 * @position: a position in the model
 *
 * Opens the contact at @position, as a click on it does.
 */
void
pulse_contact_list_activate (PulseContactList *self,
                             guint             position)
{
  g_autoptr(PulseTicket) ticket = NULL;

  g_return_if_fail (PULSE_IS_CONTACT_LIST (self));

  if (self->model == NULL || (ticket = g_list_model_get_item (self->model, position)) == NULL)
    return;

  g_signal_emit (self, signals[TICKET_ACTIVATED], 0, ticket);
}
