/* pulse-item-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a Manage page saves or deletes an item: through the session's
 * outbox, with a toast that offers to undo it. Undo is itself an edit
 * (the previous version put back, a create deleted, a delete created
 * again), made against the version the change produced, so an undo that
 * comes after someone else's edit is a conflict, never a silent
 * overwrite. Conflicts and refusals are the window's business
 * (pulse-window-edits.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-item-edit.h"
#include "pulse-session-items.h"
#include "pulse-window.h"

typedef struct
{
  PulseSession *session;
  char         *kind;
  char         *id;
  JsonNode     *before;
  JsonNode     *after;
  char         *title;
  gint64        entry_id;
  gint64        done_version;
  gulong        acknowledged_id;
  GWeakRef      window;
} Edit;

static void
edit_free (Edit *edit)
{
  if (edit->acknowledged_id != 0)
    g_signal_handler_disconnect (pulse_session_get_outbox (edit->session),
                                 edit->acknowledged_id);
  g_clear_object (&edit->session);
  g_free (edit->kind);
  g_free (edit->id);
  g_clear_pointer (&edit->before, json_node_unref);
  g_clear_pointer (&edit->after, json_node_unref);
  g_free (edit->title);
  g_weak_ref_clear (&edit->window);
  g_free (edit);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gint64
item_version (JsonNode *item)
{
  return item != NULL ? json_object_get_int_member_with_default (json_node_get_object (item),
                                                                 "version", 0) : 0;
}

/* The item's wire form without the members the server owns. */
static JsonNode *
body_of (JsonNode *item)
{
  JsonNode *copy = json_node_copy (item);

  json_object_remove_member (json_node_get_object (copy), "version");
  return copy;
}

static void
show_toast (Edit     *edit,
            AdwToast *toast)
{
  g_autoptr(PulseWindow) window = g_weak_ref_get (&edit->window);

  if (window != NULL)
    pulse_window_show_toast (window, toast);
  else
    g_object_unref (toast);
}

/* Only the last change can be undone: its toast replaces the one before
 * at once, instead of queueing behind it. */
static void
replace_undo_toast (Edit     *edit,
                    AdwToast *toast)
{
  g_autoptr(PulseWindow) window = g_weak_ref_get (&edit->window);
  GWeakRef *last;
  g_autoptr(AdwToast) previous = NULL;

  if (window == NULL)
    return;

  last = g_object_get_data (G_OBJECT (window), "pulse-undo-toast");
  if (last == NULL)
    {
      last = g_new0 (GWeakRef, 1);
      g_weak_ref_init (last, NULL);
      g_object_set_data_full (G_OBJECT (window), "pulse-undo-toast", last, free_weak_ref);
    }

  previous = g_weak_ref_get (last);
  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_weak_ref_set (last, toast);
}

/* A save's or a delete's outbox entry, whichever @result is of. */
static gint64
finish_edit (PulseSession  *session,
             GAsyncResult  *result,
             GError       **error)
{
  if (g_task_get_source_tag (G_TASK (result)) == pulse_session_delete_item_async)
    return pulse_session_delete_item_finish (session, result, error);

  return pulse_session_save_item_finish (session, result, error);
}

static void
undone_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Edit *edit = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  AdwToast *toast;

  if (finish_edit (PULSE_SESSION (object), result, &error) > 0)
    /* Translators: toast after undoing a change; %s names the item */
    text = g_strdup_printf (_("Change to “%s” undone"), edit->title);
  else
    /* Translators: toast; %s names the item, then the reason */
    text = g_strdup_printf (_("Could not undo the change to “%s”: %s"), edit->title,
                            error->message);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 3);
  show_toast (edit, toast);
  edit_free (edit);
}

/* The version the change left the item at: from the server's answer
 * once it came, else the one it will have (the outbox puts an edit of an
 * item it still holds on top of what it holds). */
static gint64
done_version (Edit *edit)
{
  if (edit->done_version > 0)
    return edit->done_version;

  return edit->before != NULL ? item_version (edit->before) + 1 : 1;
}

static void
undo (Edit *edit)
{
  g_autoptr(JsonNode) body = NULL;

  if (edit->before == NULL)
    {
      pulse_session_delete_item_async (edit->session, edit->kind, edit->id, done_version (edit),
                                       NULL, undone_cb, edit);
      return;
    }

  body = body_of (edit->before);
  pulse_session_save_item_async (edit->session, edit->kind, body,
                                 edit->after == NULL ? 0 : done_version (edit), NULL,
                                 undone_cb, edit);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  /* The toast no longer owns the edit: undone_cb() frees it. A second
   * click, while the toast fades, finds none and undoes nothing more. */
  Edit *edit = g_object_steal_data (G_OBJECT (toast), "pulse-edit");

  if (edit != NULL)
    undo (edit);
}

static void
on_acknowledged_cb (PulseOutbox *outbox,
                    gint64       entry_id,
                    const char  *kind,
                    const char  *id,
                    JsonNode    *answer,
                    const char  *method,
                    Edit        *edit)
{
  if (entry_id == edit->entry_id && answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    edit->done_version = item_version (answer);
}

static void
offer_undo (Edit *edit)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (edit->after == NULL)
    /* Translators: toast after deleting an item; %s names it */
    text = g_strdup_printf (_("“%s” deleted"), edit->title);
  else
    /* Translators: toast after saving an item; %s names it */
    text = g_strdup_printf (_("“%s” saved"), edit->title);

  toast = adw_toast_new (text);
  /* Translators: toast button that takes the last change back */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "pulse-edit", edit, (GDestroyNotify) edit_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), NULL);
  edit->acknowledged_id = g_signal_connect (pulse_session_get_outbox (edit->session),
                                            "acknowledged", G_CALLBACK (on_acknowledged_cb),
                                            edit);
  replace_undo_toast (edit, toast);
  show_toast (edit, toast);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Edit *edit = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  edit->entry_id = finish_edit (PULSE_SESSION (object), result, &error);

  if (edit->entry_id > 0)
    {
      offer_undo (edit);
      return;
    }

  /* Translators: toast; %s names the item, then the reason */
  text = g_strdup_printf (_("Could not save “%s”: %s"), edit->title, error->message);
  show_toast (edit, adw_toast_new (text));
  edit_free (edit);
}

static Edit *
edit_new (GtkWidget  *from,
          const char *kind,
          JsonNode   *before,
          JsonNode   *after,
          const char *title)
{
  GtkRoot *root = gtk_widget_get_root (from);
  JsonNode *item = after != NULL ? after : before;
  Edit *edit;

  g_return_val_if_fail (PULSE_IS_WINDOW (root), NULL);

  edit = g_new0 (Edit, 1);
  edit->session = g_object_ref (pulse_window_get_session (PULSE_WINDOW (root)));
  edit->kind = g_strdup (kind);
  edit->id = g_strdup (json_object_get_string_member_with_default (json_node_get_object (item),
                                                                   "id", NULL));
  edit->before = before != NULL ? json_node_copy (before) : NULL;
  edit->after = after != NULL ? json_node_copy (after) : NULL;
  edit->title = g_strdup (title);
  g_weak_ref_init (&edit->window, root);
  return edit;
}

/**
 * pulse_item_edit_save:
 * @from: a widget in the window
 * @kind: the item's kind ("rule", "template" …)
 * @before: (nullable): the item as it was opened (its `version` is the
 *   edit's base), %NULL for a new item
 * @after: the item as the user saved it, with its `id`
 * @title: how the toast names the item
 *
 * Saves @after through the outbox and offers to undo it.
 */
void
pulse_item_edit_save (GtkWidget  *from,
                      const char *kind,
                      JsonNode   *before,
                      JsonNode   *after,
                      const char *title)
{
  g_autoptr(JsonNode) body = NULL;
  Edit *edit;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (kind != NULL && title != NULL);
  g_return_if_fail (after != NULL && JSON_NODE_HOLDS_OBJECT (after));
  g_return_if_fail (before == NULL || JSON_NODE_HOLDS_OBJECT (before));

  edit = edit_new (from, kind, before, after, title);
  g_return_if_fail (edit != NULL);
  body = body_of (after);
  pulse_session_save_item_async (edit->session, kind, body, item_version (before), NULL,
                                 saved_cb, edit);
}

/**
 * pulse_item_edit_delete:
 * @from: a widget in the window
 * @kind: the item's kind
 * @before: the item as the user saw it (its `id` and `version`)
 * @title: how the toast names the item
 *
 * Deletes the item through the outbox and offers to create it again.
 */
void
pulse_item_edit_delete (GtkWidget  *from,
                        const char *kind,
                        JsonNode   *before,
                        const char *title)
{
  Edit *edit;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (kind != NULL && title != NULL);
  g_return_if_fail (before != NULL && JSON_NODE_HOLDS_OBJECT (before));

  edit = edit_new (from, kind, before, NULL, title);
  g_return_if_fail (edit != NULL);
  pulse_session_delete_item_async (edit->session, kind, edit->id, item_version (before), NULL,
                                   saved_cb, edit);
}
