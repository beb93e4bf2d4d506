/* pulse-review-save.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the quality pages save: one place that hands an edit to the
 * window-wide edit kit, so the reviews and scorecards pages share it.
 * HACK: until the kit (pulse-item-edit.h) is on main, it puts the edit
 * in the outbox itself and says so with a toast.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-role-policy.h"
#include "pulse-review-save.h"
#include "pulse-window.h"

typedef struct
{
  GtkWidget *widget;
  char      *title;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_weak_pointer (&saving->widget);
  g_free (saving->title);
  g_free (saving);
}

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error) > 0)
    /* Translators: a toast, e.g. "Review of Lucía Gómez saved" */
    text = g_strdup_printf (_("%s saved"), saving->title);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: a toast when an edit could not be saved, with the reason */
    text = g_strdup_printf (_("%s was not saved: %s"), saving->title, error->message);
  if (text != NULL)
    toast (saving->widget, text);
  saving_free (saving);
}

/**
 * pulse_review_save:
 * @widget: any widget in the window
 * @kind: the item's kind ("review", "scorecard")
 * @before: (nullable): the item as the session has it, or %NULL to create
 * @after: the item as edited, with its "id"
 * @title: what the toast calls the item
 *
 * Saves @after through the outbox, based on the version in @before.
 */
void
pulse_review_save (GtkWidget  *widget,
                   const char *kind,
                   JsonNode   *before,
                   JsonNode   *after,
                   const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  PulseSession *session = NULL;
  gint64 version = 0;
  Saving *saving;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (PULSE_IS_WINDOW (root))
    g_object_get (root, "session", &session, NULL);
  if (session == NULL)
    return;

  if (before != NULL)
    version = json_object_get_int_member_with_default (json_node_get_object (before), "version",
                                                       0);
  saving = g_new0 (Saving, 1);
  g_set_weak_pointer (&saving->widget, widget);
  saving->title = g_strdup (title);
  pulse_outbox_submit_async (pulse_session_get_outbox (session), before != NULL ? "PUT" : "POST",
                             kind, json_object_get_string_member (json_node_get_object (after),
                                                                  "id"),
                             version, after, NULL, submitted_cb, saving);
  g_object_unref (session);
}

/**
 * pulse_review_save_can_edit:
 * @kind: "review" or "scorecard"
 *
 * Returns: whether the signed-in role may edit items of @kind.
 */
gboolean
pulse_review_save_can_edit (PulseSession *session,
                            const char   *kind)
{
  PulsePermission permission = g_str_equal (kind, "scorecard") ? PULSE_PERMISSION_EDIT_SCORECARDS
                                                               : PULSE_PERMISSION_EDIT_REVIEWS;

  g_return_val_if_fail (PULSE_IS_SESSION (session), FALSE);

  return pulse_role_can (pulse_session_get_role (session), permission);
}
