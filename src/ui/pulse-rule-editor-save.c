/* pulse-rule-editor-save.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseRuleEditor: saving and deleting the rule through the outbox, the
 * rule's history, and the names the editor's lists show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-rule-editor-private.h"
#include "pulse-session-rules.h"
#include "pulse-window.h"

static const struct { const char *code; const char *name; } language_names[] = {
  { "uk", N_("Ukrainian") },
  { "ru", N_("Russian") },
  { "kk", N_("Kazakh") },
  { "es", N_("Spanish") },
  { "en", N_("English") },
};

/* Returns: (transfer none): a language code's name, or the code. */
const char *
pulse_rule_editor_language_name (GtkStringObject *code)
{
  const char *text = gtk_string_object_get_string (code);

  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (g_strcmp0 (text, language_names[i].code) == 0)
        return _(language_names[i].name);
    }

  return text;
}

const char *
pulse_rule_editor_priority_name (PulsePriority priority)
{
  switch (priority)
    {
    case PULSE_PRIORITY_LOW:
      return C_("priority", "Low");
    case PULSE_PRIORITY_NORMAL:
      return C_("priority", "Normal");
    case PULSE_PRIORITY_HIGH:
      return C_("priority", "High");
    case PULSE_PRIORITY_URGENT:
    default:
      return C_("priority", "Urgent");
    }
}

static void
show_toast (GtkWindow  *parent,
            const char *text)
{
  if (PULSE_IS_WINDOW (parent))
    pulse_window_add_toast (PULSE_WINDOW (parent), text);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_session_submit_rule_finish (PULSE_SESSION (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: a toast when a rule could not be saved, with the reason */
  text = g_strdup_printf (_("The rule was not saved: %s"), error->message);
  show_toast (parent, text);
}

static void
submit (PulseRuleEditor *self,
        const char      *method,
        JsonNode        *rule,
        const char      *done)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 version = self->before != NULL ? self->form->version : 0;

  pulse_session_submit_rule_async (self->session, method, rule, version, NULL, submitted_cb,
                                   parent != NULL ? g_object_ref (parent) : NULL);
  show_toast (parent, done);
}

/* Saves @after, a create when the editor opened on no rule. */
void
pulse_rule_editor_save_item (PulseRuleEditor *self,
                             JsonNode        *after)
{
  g_autofree char *done = NULL;
  const char *name = json_object_get_string_member (json_node_get_object (after), "name");

  /* Translators: a toast once a rule is saved; %s is its name */
  done = g_strdup_printf (_("“%s” saved"), name);
  submit (self, self->before != NULL ? "PUT" : "POST", after, done);
}

void
pulse_rule_editor_delete_item (PulseRuleEditor *self)
{
  g_autofree char *done = NULL;

  /* Translators: a toast once a rule is deleted; %s is its name */
  done = g_strdup_printf (_("“%s” deleted"), pulse_rule_get_name (self->rule));
  submit (self, "DELETE", self->before, done);
}

/* The rule's history comes with the shared edit kit; until then the
 * group stays hidden. */
void
pulse_rule_editor_add_history (PulseRuleEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
}
