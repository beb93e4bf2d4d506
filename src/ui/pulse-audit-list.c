/* pulse-audit-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's history, for its editor: who changed it, when, to which
 * version, and what each change did, member by member. Fetched from the
 * server's audit log when shown; a newer request replaces an older one.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-audit-list.h"
#include "pulse-format.h"
#include "pulse-item-diff.h"
#include "pulse-session-items.h"

/* Enough for a year of weekly edits; older ones are on the server. */
#define HISTORY_LIMIT 50

struct _PulseAuditList
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkLabel     *status_label;
  GtkListBox   *list;

  GCancellable *cancellable;
  guint         n_entries;
};

G_DEFINE_FINAL_TYPE (PulseAuditList, pulse_audit_list, GTK_TYPE_WIDGET)

static char *
action_text (const char *action,
             const char *actor)
{
  if (g_strcmp0 (action, "create") == 0)
    /* Translators: audit entry: %s is who created the item */
    return g_strdup_printf (_("Created by %s"), actor);
  if (g_strcmp0 (action, "delete") == 0)
    /* Translators: audit entry: %s is who deleted the item */
    return g_strdup_printf (_("Deleted by %s"), actor);
  /* Translators: audit entry: %s is who changed the item */
  return g_strdup_printf (_("Changed by %s"), actor);
}

static char *
when_text (const char *at,
           gint64      version)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: strftime format of when an item was changed */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%e %b %Y, %H:%M")) : NULL;

  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  /* Translators: audit entry subtitle: when, then the version it made */
  return g_strdup_printf (_("%s · version %s"), when != NULL ? g_strstrip (when) : "", number);
}

static GtkWidget *
change_label (const PulseItemChange *change)
{
  g_autofree char *member = pulse_format_member (change->member);
  g_autofree char *text = NULL;
  GtkWidget *label;

  text = g_strdup_printf ("%s: %s → %s", member, change->before != NULL
                          ? change->before : "—", change->after != NULL ? change->after : "—");
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
entry_row (JsonObject *entry)
{
  JsonNode *before = json_object_get_member (entry, "before");
  JsonNode *after = json_object_get_member (entry, "after");
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  title = action_text (json_object_get_string_member_with_default (entry, "action", NULL),
                       json_object_get_string_member_with_default (entry, "actor", "?"));
  subtitle = when_text (json_object_get_string_member_with_default (entry, "at", NULL),
                        json_object_get_int_member_with_default (entry, "entity_version", 0));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  /* A create lists nothing: its whole item is the starting point. */
  changes = pulse_item_diff (before, after);
  for (guint i = 0; before != NULL && !JSON_NODE_HOLDS_NULL (before) && i < changes->len; i++)
    gtk_box_append (GTK_BOX (box), change_label (g_ptr_array_index (changes, i)));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
clear_rows (PulseAuditList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_entries = 0;
}

static void
set_status (PulseAuditList *self,
            const char     *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), text == NULL);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PulseAuditList) self = user_data;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = pulse_session_fetch_audit_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (entries == NULL)
    {
      g_debug ("No history: %s", error->message);
      set_status (self, _("The history could not be read."));
      return;
    }

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);

      if (JSON_NODE_HOLDS_OBJECT (entry))
        gtk_list_box_append (self->list, entry_row (json_node_get_object (entry)));
    }

  self->n_entries = json_array_get_length (entries);
  set_status (self, self->n_entries == 0 ? _("No changes yet.") : NULL);
}

/**
 * pulse_audit_list_show:
 * @session: the session to ask
 * @kind: the item's kind ("rule" …)
 * @id: (nullable): the item's id; %NULL for a new item, which has none
 *
 * Shows the history of one item, fetching it now.
 */
void
pulse_audit_list_show (PulseAuditList *self,
                       PulseSession   *session,
                       const char     *kind,
                       const char     *id)
{
  g_return_if_fail (PULSE_IS_AUDIT_LIST (self));
  g_return_if_fail (PULSE_IS_SESSION (session));
  g_return_if_fail (kind != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_rows (self);
  if (id == NULL)
    {
      set_status (self, _("No changes yet."));
      return;
    }

  set_status (self, _("Reading the history…"));
  self->cancellable = g_cancellable_new ();
  pulse_session_fetch_audit_async (session, kind, id, HISTORY_LIMIT, self->cancellable,
                                   fetched_cb, g_object_ref (self));
}

/**
 * pulse_audit_list_get_n_entries:
 *
 * Returns: how many changes the list shows
 */
guint
pulse_audit_list_get_n_entries (PulseAuditList *self)
{
  g_return_val_if_fail (PULSE_IS_AUDIT_LIST (self), 0);

  return self->n_entries;
}

static void
pulse_audit_list_dispose (GObject *object)
{
  PulseAuditList *self = PULSE_AUDIT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_AUDIT_LIST);

  G_OBJECT_CLASS (pulse_audit_list_parent_class)->dispose (object);
}

static void
pulse_audit_list_class_init (PulseAuditListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_audit_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pulsedesk/Pulse/ui/"
                                               "pulse-audit-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseAuditList, box);
  gtk_widget_class_bind_template_child (widget_class, PulseAuditList, status_label);
  gtk_widget_class_bind_template_child (widget_class, PulseAuditList, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pulse_audit_list_init (PulseAuditList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_status (self, _("No changes yet."));
}

/**
 * pulse_audit_list_new:
 *
 * Returns: (transfer floating): an empty history
 */
GtkWidget *
pulse_audit_list_new (void)
{
  return g_object_new (PULSE_TYPE_AUDIT_LIST, NULL);
}
