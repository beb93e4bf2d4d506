/* pulse-conflict-dialog.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decision an edit held in the outbox waits for. A conflict (someone
 * changed the item since it was opened) shows what differs, the user's
 * version against the server's, and offers to keep mine, take theirs or
 * discard mine; a refusal shows the server's reason and offers to
 * discard it or leave it for later. Nothing is dropped until the user
 * says so.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-conflict-dialog.h"
#include "pulse-format.h"
#include "pulse-item-diff.h"

struct _PulseConflictDialog
{
  AdwMessageDialog  parent_instance;

  GtkGrid          *grid;

  PulseOutbox      *outbox;
  gint64            entry_id;
};

G_DEFINE_FINAL_TYPE (PulseConflictDialog, pulse_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The entry stays held when this fails; the window offers it again. */
  if (!pulse_outbox_resolve_finish (PULSE_OUTBOX (object), result, &error))
    g_warning ("Could not settle the held edit: %s", error->message);
}

static void
on_response_cb (PulseConflictDialog *self,
                const char          *response)
{
  if (g_str_equal (response, "mine"))
    pulse_outbox_resolve_keep_mine_async (self->outbox, self->entry_id, NULL, resolved_cb, NULL);
  else if (g_str_equal (response, "theirs"))
    pulse_outbox_resolve_take_theirs_async (self->outbox, self->entry_id, NULL, resolved_cb,
                                            NULL);
  else if (g_str_equal (response, "discard"))
    pulse_outbox_discard_async (self->outbox, self->entry_id, NULL, resolved_cb, NULL);
}

static GtkWidget *
cell (const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, css_class == NULL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_changes (PulseConflictDialog    *self,
              const PulseOutboxEntry *entry)
{
  g_autoptr(GPtrArray) changes = pulse_item_diff (entry->body, entry->theirs);

  /* Translators: column heading: the user's own version of the item */
  gtk_grid_attach (self->grid, cell (_("Yours"), "heading"), 1, 0, 1, 1);
  /* Translators: column heading: the item as it now is on the server */
  gtk_grid_attach (self->grid, cell (_("On the server"), "heading"), 2, 0, 1, 1);
  for (guint i = 0; i < changes->len; i++)
    {
      PulseItemChange *change = g_ptr_array_index (changes, i);
      g_autofree char *member = pulse_format_member (change->member);

      gtk_grid_attach (self->grid, cell (member, "dim-label"), 0, i + 1, 1, 1);
      gtk_grid_attach (self->grid, cell (change->before, NULL), 1, i + 1, 1, 1);
      gtk_grid_attach (self->grid, cell (change->after, NULL), 2, i + 1, 1, 1);
    }
}

static char *
item_name (const PulseOutboxEntry *entry)
{
  JsonNode *node = entry->body != NULL ? entry->body : entry->theirs;
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                       ? json_node_get_object (node) : NULL;
  const char *name = object != NULL
                     ? json_object_get_string_member_with_default (object, "name", NULL)
                     : NULL;

  return g_strdup (name != NULL ? name : entry->entity_id != NULL ? entry->entity_id : "");
}

static void
show_conflict (PulseConflictDialog    *self,
               const PulseOutboxEntry *entry,
               const char             *name)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autofree char *heading = NULL;

  /* Translators: %s is the name of a rule, template, shift… */
  heading = g_strdup_printf (_("“%s” was changed meanwhile"), name);
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog,
                               entry->body == NULL
                               ? _("You deleted it, but someone changed it on the server "
                                   "after you opened it. Delete it anyway, or keep their "
                                   "version?")
                               : _("Someone saved a newer version after you opened it. "
                                   "Choose which version to keep."));
  /* Translators: conflict choice: forget the user's own edit */
  adw_message_dialog_add_response (dialog, "discard", _("_Discard Mine"));
  /* Translators: conflict choice: keep the version on the server */
  adw_message_dialog_add_response (dialog, "theirs", _("_Take Theirs"));
  /* Translators: conflict choice: save the user's version over the server's */
  adw_message_dialog_add_response (dialog, "mine", _("_Keep Mine"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "later");
  fill_changes (self, entry);
}

static void
show_refusal (PulseConflictDialog    *self,
              const PulseOutboxEntry *entry,
              const char             *name)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autofree char *heading = NULL;

  /* Translators: %s is the name of a rule, template, shift… */
  heading = g_strdup_printf (_("The server refused your change to “%s”"), name);
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, entry->last_error != NULL && *entry->last_error != '\0'
                                       ? entry->last_error : _("No reason was given."));
  /* Translators: keep a refused edit in the outbox, to decide later */
  adw_message_dialog_add_response (dialog, "later", _("_Keep for Later"));
  /* Translators: forget a refused edit */
  adw_message_dialog_add_response (dialog, "discard", _("_Discard Change"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "later");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->grid)), FALSE);
}

static void
pulse_conflict_dialog_finalize (GObject *object)
{
  PulseConflictDialog *self = PULSE_CONFLICT_DIALOG (object);

  g_clear_object (&self->outbox);

  G_OBJECT_CLASS (pulse_conflict_dialog_parent_class)->finalize (object);
}

static void
pulse_conflict_dialog_class_init (PulseConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pulse_conflict_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pulsedesk/Pulse/ui/"
                                               "pulse-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseConflictDialog, grid);
}

static void
pulse_conflict_dialog_init (PulseConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * pulse_conflict_dialog_new:
 * @parent: the window it belongs to
 * @outbox: the outbox holding @entry
 * @entry: an entry held as a conflict or a refusal
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
pulse_conflict_dialog_new (GtkWindow              *parent,
                           PulseOutbox            *outbox,
                           const PulseOutboxEntry *entry)
{
  PulseConflictDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PULSE_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PULSE_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->outbox = g_object_ref (outbox);
  self->entry_id = entry->id;
  name = item_name (entry);
  if (entry->state == PULSE_OUTBOX_CONFLICT)
    show_conflict (self, entry, name);
  else
    show_refusal (self, entry, name);

  return GTK_WIDGET (self);
}

/**
 * pulse_conflict_dialog_get_entry:
 *
 * Returns: the outbox entry the dialog decides
 */
gint64
pulse_conflict_dialog_get_entry (PulseConflictDialog *self)
{
  g_return_val_if_fail (PULSE_IS_CONFLICT_DIALOG (self), 0);

  return self->entry_id;
}
