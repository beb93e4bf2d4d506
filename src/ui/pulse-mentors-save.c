/* pulse-mentors-save.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the Mentors page saves: the edit is checked with the codec first,
 * so a bad date is refused here by field with nothing sent, then saved
 * through the outbox like every edit.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-mentors-save.h"
#include "pulse-role-policy.h"
#include "pulse-window.h"

/**
 * pulse_mentors_toast:
 * @widget: a widget in the window
 * @text: what to say
 *
 * Shows @text in a toast of @widget's window.
 */
void
pulse_mentors_toast (GtkWidget  *widget,
                     const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

/**
 * pulse_mentors_can_edit:
 *
 * Returns: %TRUE if the signed-in role may change mentorships.
 */
gboolean
pulse_mentors_can_edit (PulseSession *session)
{
  return pulse_role_can (pulse_session_get_role (session), PULSE_PERMISSION_EDIT_MENTORSHIPS);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error) > 0 ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: a toast when a mentorship change could not be kept, with the reason */
  text = g_strdup_printf (_("Not saved: %s"), error->message);
  pulse_mentors_toast (widget, text);
}

/**
 * pulse_mentors_save:
 * @widget: a widget in the window, for the toast
 * @before: (nullable): the mentorship as stored, or %NULL for a new one
 * @after: the mentorship to save, its wire form
 * @title: what the toast calls the change
 *
 * Returns: %TRUE if the change went to the outbox; %FALSE if the codec
 *   refused it (a toast names the field).
 */
gboolean
pulse_mentors_save (GtkWidget       *widget,
                    PulseSession    *session,
                    PulseMentorship *before,
                    JsonNode        *after,
                    const char      *title)
{
  g_autoptr(PulseMentorship) check = NULL;
  g_autoptr(GError) error = NULL;
  PulseOutbox *outbox = pulse_session_get_outbox (session);
  g_autofree char *text = NULL;

  check = pulse_mentorship_new_from_json (after, &error);
  if (check == NULL || outbox == NULL)
    {
      /* Translators: a toast when a mentorship change is refused before sending */
      text = g_strdup_printf (_("Not saved: %s"), error != NULL ? error->message
                              : _("the local copy is not open yet"));
      pulse_mentors_toast (widget, text);
      return FALSE;
    }

  pulse_outbox_submit_async (outbox, before != NULL ? "PUT" : "POST", "mentorship",
                             pulse_mentorship_get_id (check),
                             before != NULL ? pulse_mentorship_get_version (before) : 0, after,
                             NULL, submitted_cb, g_object_ref (widget));
  /* Translators: a toast after a mentorship change; %s says what changed */
  text = g_strdup_printf (_("%s saved"), title);
  pulse_mentors_toast (widget, text);
  return TRUE;
}
