/* pulse-rules-page-order.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseRulesPage: changing the execution order, by dragging a row onto
 * another's place or with Move Up / Move Down (Alt+Up, Alt+Down, or the
 * row's menu). The new order is saved through the outbox, one update per
 * rule whose position changed (pulse_session_move_rules_async()).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-rule-row.h"
#include "pulse-rules-page-private.h"
#include "pulse-session-rules.h"

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_session_move_rules_finish (PULSE_SESSION (object), result, &error) >= 0)
    return;

  /* Translators: a toast when a new order of the rules was not saved */
  text = g_strdup_printf (_("The new order was not saved: %s"), error->message);
  _pulse_rules_page_toast (self, text);
}

/* Puts the rule @id at @index of the execution order. */
gboolean
_pulse_rules_page_move_to (PulseRulesPage *self,
         const char     *id,
         int             index)
{
  g_autoptr(GPtrArray) rules = _pulse_rules_page_ordered_rules (self);
  PulseRule *moving = NULL;

  for (guint i = 0; i < rules->len && moving == NULL; i++)
    {
      if (g_strcmp0 (pulse_rule_get_id (g_ptr_array_index (rules, i)), id) == 0)
        moving = g_ptr_array_steal_index (rules, i);
    }

  if (moving == NULL || !_pulse_rules_page_can_edit (self) || index < 0 || index > (int) rules->len)
    {
      g_clear_object (&moving);
      return FALSE;
    }

  g_ptr_array_insert (rules, index, moving);
  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  pulse_session_move_rules_async (self->session, rules, NULL, moved_cb, g_object_ref (self));
  return TRUE;
}

int
_pulse_rules_page_index_of (PulseRulesPage *self,
          const char     *id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PulseRule) rule = g_list_model_get_item (model, i);

      if (g_strcmp0 (pulse_rule_get_id (rule), id) == 0)
        return (int) i;
    }

  return -1;
}

static void
move_by (PulseRulesPage *self,
         const char     *id,
         int             delta)
{
  int index = _pulse_rules_page_index_of (self, id);

  if (index >= 0 && index + delta >= 0 &&
      index + delta < (int) g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    _pulse_rules_page_move_to (self, id, index + delta);
}

static void
rules_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_by (PULSE_RULES_PAGE (widget), g_variant_get_string (parameter, NULL),
           g_str_equal (action_name, "rules.move-up") ? -1 : 1);
}

/* Alt+Up / Alt+Down (rules.move-focused -1 / 1): moves the rule whose
 * row has the focus. */
static void
rules_move_focused_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, PULSE_TYPE_RULE_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, widget))
    return;

  move_by (self, pulse_rule_get_id (pulse_rule_row_get_rule (PULSE_RULE_ROW (row))),
           g_variant_get_int32 (parameter));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    PulseRuleRow  *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         pulse_rule_get_id (pulse_rule_row_get_rule (row)));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  PulseRuleRow  *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            PulseRuleRow  *row)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                    PULSE_TYPE_RULES_PAGE));
  const char *id = g_value_get_string (value);

  /* Dropped on a row, the rule takes that row's place. */
  return self != NULL && id != NULL &&
         _pulse_rules_page_move_to (self, id, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

void
_pulse_rules_page_add_drag_and_drop (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

void
_pulse_rules_page_install_moves (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "rules.move-up", "s", rules_move_action);
  gtk_widget_class_install_action (widget_class, "rules.move-down", "s", rules_move_action);
  gtk_widget_class_install_action (widget_class, "rules.move-focused", "i",
                                   rules_move_focused_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "rules.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "rules.move-focused", "i", 1);
}
