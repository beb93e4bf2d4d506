/* pulse-rule-editor-save.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseRuleEditor: saving and deleting the rule through the shared edit
 * kit (the outbox, a toast with Undo, conflicts settled by the window),
 * the rule's history, and the names the editor's lists show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-audit-list.h"
#include "pulse-item-edit.h"
#include "pulse-rule-editor-private.h"
#include "pulse-session-items.h"
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

/* The kit saves from the window the editor belongs to: its toasts, its
 * conflicts and its Undo live there. */
static GtkWidget *
main_window (PulseRuleEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!PULSE_IS_WINDOW (parent))
    {
      g_warning ("A rule editor without its window cannot save");
      return NULL;
    }

  return GTK_WIDGET (parent);
}

/* Saves @after, a create when the editor opened on no rule. */
void
pulse_rule_editor_save_item (PulseRuleEditor *self,
                             JsonNode        *after)
{
  GtkWidget *window = main_window (self);

  if (window != NULL)
    pulse_item_edit_save (window, "rule", self->before, after,
                          json_object_get_string_member (json_node_get_object (after), "name"));
}

void
pulse_rule_editor_delete_item (PulseRuleEditor *self)
{
  GtkWidget *window = main_window (self);

  if (window != NULL)
    pulse_item_edit_delete (window, "rule", self->before, pulse_rule_get_name (self->rule));
}

/* Who changed the rule, and when; for a rule the server has. */
void
pulse_rule_editor_add_history (PulseRuleEditor *self)
{
  GtkWidget *list;

  if (self->rule == NULL || !pulse_session_can_edit (self->session, "rule"))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }

  list = pulse_audit_list_new ();
  adw_preferences_group_add (self->history_group, list);
  pulse_audit_list_show (PULSE_AUDIT_LIST (list), self->session, "rule",
                         pulse_rule_get_id (self->rule));
}
