/* pulse-mentors-save.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the Mentors page saves: the edit is checked with the codec first,
 * so a bad date is refused here by field with nothing sent, then saved
 * with the shared edit kit (pulse-item-edit.h) like every Manage page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-mentors-save.h"
#include "pulse-item-edit.h"
#include "pulse-session-items.h"
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
  return pulse_session_can_edit (session, "mentorship");
}

/**
 * pulse_mentors_save:
 * @widget: a widget in the window, for the toast
 * @before: (nullable): the mentorship as stored, or %NULL for a new one
 * @after: the mentorship to save, its wire form
 * @title: how the toast names the mentorship
 *
 * Checks @after with the codec, then saves it with the edit kit: a toast
 * with Undo, conflicts and refusals settled window-wide.
 *
 * Returns: %TRUE if the change was saved; %FALSE if the codec refused it
 *   (a toast names the field).
 */
gboolean
pulse_mentors_save (GtkWidget       *widget,
                    PulseMentorship *before,
                    JsonNode        *after,
                    const char      *title)
{
  g_autoptr(PulseMentorship) check = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  check = pulse_mentorship_new_from_json (after, &error);
  if (check == NULL)
    {
      /* Translators: a toast when a mentorship change is refused before sending */
      text = g_strdup_printf (_("Not saved: %s"), error->message);
      pulse_mentors_toast (widget, text);
      return FALSE;
    }

  stored = before != NULL ? pulse_mentorship_to_json (before) : NULL;
  pulse_item_edit_save (widget, "mentorship", stored, after, title);
  return TRUE;
}
