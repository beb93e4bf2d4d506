/* pulse-rule-row.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-rule-figures-text.h"
#include "pulse-rule-row.h"
#include "pulse-rule-text.h"

/*
 * PulseRuleRow:
 *
 * One rule on the Rules page: "3. Name", what it looks for and does, its
 * figures over 30 days (hits, share answered automatically, CSAT after,
 * reopened), flags when it never fired in those days or an earlier rule
 * shadows it, a drag handle, a menu to move it and its on/off switch.
 * Activating it opens the editor (the page does that, and the moving).
 */
struct _PulseRuleRow
{
  AdwActionRow  parent_instance;

  PulseRule    *rule;
  GtkSwitch    *toggle;
  GtkBox       *flags;
  char         *flags_text;
  char         *summary;
};

G_DEFINE_FINAL_TYPE (PulseRuleRow, pulse_rule_row, ADW_TYPE_ACTION_ROW)

static void
pulse_rule_row_finalize (GObject *object)
{
  PulseRuleRow *self = PULSE_RULE_ROW (object);

  g_clear_object (&self->rule);
  g_clear_pointer (&self->flags_text, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pulse_rule_row_parent_class)->finalize (object);
}

static void
pulse_rule_row_class_init (PulseRuleRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_rule_row_finalize;
}

static void
pulse_rule_row_init (PulseRuleRow *self)
{
}

static void
add_item (GMenu      *menu,
          const char *label,
          const char *action,
          const char *rule_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (rule_id));
  g_menu_append_item (menu, item);
}

static GtkWidget *
move_menu (const char *rule_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  add_item (menu, _("Move _Up"), "rules.move-up", rule_id);
  add_item (menu, _("Move _Down"), "rules.move-down", rule_id);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move (Alt+Up, Alt+Down)"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/**
 * pulse_rule_row_new:
 * @rule: the rule shown
 * @editable: whether the user may switch and move it
 *
 * Returns: (transfer full): the row
 */
GtkWidget *
pulse_rule_row_new (PulseRule *rule,
                    gboolean   editable)
{
  PulseRuleRow *self = g_object_new (PULSE_TYPE_RULE_ROW, "activatable", TRUE, NULL);
  g_autofree char *title = NULL;
  GtkWidget *handle;

  g_return_val_if_fail (PULSE_IS_RULE (rule), NULL);

  self->rule = g_object_ref (rule);
  self->summary = pulse_rule_text_summary (rule);
  title = g_strdup_printf ("%d. %s", pulse_rule_get_position (rule), pulse_rule_get_name (rule));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 4);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_set_visible (handle, editable);
  gtk_widget_set_tooltip_text (handle, _("Drag to change the order"));
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), handle);

  self->flags = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_valign (GTK_WIDGET (self->flags), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->flags));

  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->toggle, pulse_rule_get_enabled (rule));
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->toggle), editable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle), pulse_rule_get_enabled (rule)
                               ? _("Runs on new contacts") : _("Switched off"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  if (editable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (self), move_menu (pulse_rule_get_id (rule)));
  if (!pulse_rule_get_enabled (rule))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  return GTK_WIDGET (self);
}

PulseRule *
pulse_rule_row_get_rule (PulseRuleRow *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_ROW (self), NULL);

  return self->rule;
}

GtkSwitch *
pulse_rule_row_get_switch (PulseRuleRow *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_ROW (self), NULL);

  return self->toggle;
}

static void
add_flag (PulseRuleRow *self,
          GString      *all,
          const char   *text,
          const char   *tooltip,
          const char   *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "pulse-rule-flag");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_box_append (self->flags, label);
  g_string_append_printf (all, "%s%s", all->len > 0 ? "; " : "", text);
}

/**
 * pulse_rule_row_set_figures:
 * @figures: (nullable): the rule's entry of the 30-day figures
 * @shadow: (nullable): the earlier rule that shadows it
 *
 * Shows the figures under the summary and the flags beside the switch.
 */
void
pulse_rule_row_set_figures (PulseRuleRow *self,
                            JsonObject   *figures,
                            PulseRule    *shadow)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *child;

  g_return_if_fail (PULSE_IS_RULE_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flags))) != NULL)
    gtk_box_remove (self->flags, child);

  if (shadow != NULL)
    {
      /* Translators: a rule that can never fire; %s is the earlier rule */
      g_autofree char *tip = g_strdup_printf (_("“%s” runs earlier and catches every contact "
                                                "this rule would."),
                                              pulse_rule_get_name (shadow));

      add_flag (self, all, C_("rule flag", "Shadowed"), tip, "warning");
    }
  if (figures != NULL && pulse_rule_figures_text_never_fired (figures))
    add_flag (self, all, C_("rule flag", "No hits in 30 days"),
              _("As the rules stand now, it would not have fired on any contact of the "
                "last 30 days."), "dim-label");

  g_free (self->flags_text);
  self->flags_text = all->len > 0 ? g_strdup (all->str) : NULL;
  if (figures != NULL)
    {
      line = pulse_rule_figures_text_line (figures);
      channels = pulse_rule_figures_text_channels (figures);
    }
  /* Translators: the tooltip of a rule's row: every channel it answered on */
  tooltip = channels != NULL ? g_strdup_printf (_("Answered automatically, of each channel's "
                                                  "contacts in 30 days: %s"), channels) : NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  subtitle = line != NULL ? g_strdup_printf ("%s\n%s", self->summary, line)
                          : g_strdup (self->summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/* Returns: (nullable): the flags shown, "; "-separated. */
const char *
pulse_rule_row_get_flags (PulseRuleRow *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_ROW (self), NULL);

  return self->flags_text;
}
