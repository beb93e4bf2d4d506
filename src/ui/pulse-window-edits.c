/* pulse-window-edits.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseWindow's watch over edits the outbox holds for the user: a
 * conflict (the item changed on the server meanwhile) or a refusal. Each
 * new one raises a toast; Review opens the decision, one held edit after
 * another, whichever page saved it. Edits held from before a restart
 * are offered as soon as the outbox has read them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-conflict-dialog.h"
#include "pulse-window-private.h"

static guint
count_held (PulseOutbox *outbox)
{
  return pulse_outbox_get_n_conflicts (outbox) + pulse_outbox_get_n_rejected (outbox);
}

static void
on_held_changed_cb (PulseWindow *self)
{
  guint held = count_held (self->watched_outbox);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (held > self->n_held_seen)
    {
      text = g_strdup_printf (ngettext ("A saved change needs your decision",
                                        "%u saved changes need your decision", held), held);
      toast = adw_toast_new (text);
      /* Translators: toast button that opens the first change waiting for a decision */
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_action_name (toast, "win.review-edits");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      pulse_window_show_toast (self, toast);
    }

  self->n_held_seen = held;
}

static void
on_outbox_changed_cb (PulseWindow *self)
{
  PulseOutbox *outbox = pulse_session_get_outbox (self->session);

  if (outbox == self->watched_outbox)
    return;

  _pulse_window_unwatch_edits (self);
  if (outbox == NULL)
    return;

  self->watched_outbox = g_object_ref (outbox);
  g_signal_connect_object (outbox, "notify::n-conflicts", G_CALLBACK (on_held_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (outbox, "notify::n-rejected", G_CALLBACK (on_held_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_held_changed_cb (self);
}

/* The first held entry other than @skip, or NULL. */
static PulseOutboxEntry *
find_held (PulseOutbox *outbox,
           gint64       skip)
{
  g_autoptr(GPtrArray) entries = pulse_outbox_dup_entries (outbox);

  for (guint i = 0; i < entries->len; i++)
    {
      PulseOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (entry->id != skip
          && (entry->state == PULSE_OUTBOX_CONFLICT || entry->state == PULSE_OUTBOX_REJECTED))
        return g_ptr_array_steal_index (entries, i);
    }

  return NULL;
}

static void review_next (PulseWindow *self,
                         gint64       skip);

static void
on_decided_cb (PulseConflictDialog *dialog,
               const char          *response,
               PulseWindow         *self)
{
  /* "Later" leaves the rest for later too. */
  if (!g_str_equal (response, "later"))
    review_next (self, pulse_conflict_dialog_get_entry (dialog));
}

static void
review_next (PulseWindow *self,
             gint64       skip)
{
  PulseOutboxEntry *entry;
  GtkWidget *dialog;

  if (self->watched_outbox == NULL)
    return;

  entry = find_held (self->watched_outbox, skip);
  if (entry == NULL)
    return;

  dialog = pulse_conflict_dialog_new (GTK_WINDOW (self), self->watched_outbox, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decided_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  pulse_outbox_entry_free (entry);
}

static void
review_edits_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  review_next (PULSE_WINDOW (widget), 0);
}

/**
 * _pulse_window_watch_edits:
 *
 * Follows the session's outbox, whichever it is now.
 */
void
_pulse_window_watch_edits (PulseWindow *self)
{
  g_signal_connect_object (self->session, "notify::outbox", G_CALLBACK (on_outbox_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_outbox_changed_cb (self);
}

void
_pulse_window_unwatch_edits (PulseWindow *self)
{
  if (self->watched_outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_outbox, self);
  g_clear_object (&self->watched_outbox);
  self->n_held_seen = 0;
}

void
_pulse_window_class_install_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-edits", NULL,
                                   review_edits_action);
}
