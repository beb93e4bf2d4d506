/* pulse-rules-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-lazy-bind.h"
#include "pulse-rule-bench.h"
#include "pulse-rule-editor.h"
#include "pulse-rule-row.h"
#include "pulse-rule-shadow.h"
#include "pulse-rules-page-private.h"
#include "pulse-session-items.h"
#include "pulse-session-rules.h"
#include "pulse-window.h"

/* How long the list stays quiet before its figures are asked for again. */
#define FIGURES_DELAY_MS 1500
#define FIGURES_DAYS 30

/*
 * PulseRulesPage:
 *
 * The automation rules in execution order — the first whose conditions
 * hold fires — each with what it looks for and does, its figures over
 * 30 days and flags (no hits; shadowed by an earlier rule, see
 * pulse-rule-shadow.c), a switch, and a way to move it: drag the row, or
 * Alt+Up / Alt+Down (or its menu). Activating a row opens the editor;
 * "New Rule" opens an empty one. Every change goes through the outbox.
 * Above, the test bench (PulseRuleBench). A role that may not edit rules
 * sees the same without the controls that change them.
 */
G_DEFINE_FINAL_TYPE (PulseRulesPage, pulse_rules_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_pulse_rules_page_can_edit (PulseRulesPage *self)
{
  return pulse_session_can_edit (self->session, "rule");
}

void
_pulse_rules_page_toast (PulseRulesPage *self,
       const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PULSE_IS_WINDOW (root))
    pulse_window_add_toast (PULSE_WINDOW (root), text);
}

/* The rules in execution order, as the list shows them. */
GPtrArray *
_pulse_rules_page_ordered_rules (PulseRulesPage *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  GPtrArray *rules = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (rules, g_list_model_get_item (model, i));
  return rules;
}

static JsonObject *
figures_for (PulseRulesPage *self,
             PulseRule      *rule)
{
  JsonArray *rules;

  if (self->figures == NULL || !JSON_NODE_HOLDS_OBJECT (self->figures) ||
      !json_object_has_member (json_node_get_object (self->figures), "rules"))
    return NULL;

  rules = json_object_get_array_member (json_node_get_object (self->figures), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *entry = json_array_get_object_element (rules, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "rule_id", NULL),
                     pulse_rule_get_id (rule)) == 0)
        return entry;
    }

  return NULL;
}

static void
update_row_figures (PulseRulesPage *self,
                    PulseRuleRow   *row,
                    GPtrArray      *rules)
{
  PulseRule *rule = pulse_rule_row_get_rule (row);

  pulse_rule_row_set_figures (row, figures_for (self, rule), pulse_rule_find_shadow (rules, rule));
}

static void
update_all_figures (gpointer user_data)
{
  PulseRulesPage *self = user_data;
  g_autoptr(GPtrArray) rules = _pulse_rules_page_ordered_rules (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (PULSE_IS_RULE_ROW (row))
        update_row_figures (self, PULSE_RULE_ROW (row), rules);
    }
}

static void
figures_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PulseRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *answer;

  answer = pulse_session_fetch_rule_figures_finish (PULSE_SESSION (object), result, &error);
  if (answer == NULL)
    {
      /* The flags are a help, not the page: keep the last ones. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No rule figures: %s", error->message);
      return;
    }

  g_clear_pointer (&self->figures, json_node_unref);
  self->figures = answer;
  update_all_figures (self);
}

static gboolean
fetch_figures (gpointer user_data)
{
  PulseRulesPage *self = user_data;

  self->figures_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pulse_session_fetch_rule_figures_async (self->session, FIGURES_DAYS, self->cancellable,
                                          figures_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Only a page in sight asks: the figures read weeks of contacts on the
 * server. A hidden page asks when it is shown. */
static void
schedule_figures (PulseRulesPage *self)
{
  g_clear_handle_id (&self->figures_id, g_source_remove);
  self->figures_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->figures_stale)
    self->figures_id = g_timeout_add (FIGURES_DELAY_MS, fetch_figures, self);
}

static void
on_map_cb (PulseRulesPage *self)
{
  if (self->figures_stale)
    schedule_figures (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PulseRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pulse_session_set_rule_enabled_finish (PULSE_SESSION (object), result, &error))
    return;

  /* Translators: a toast when switching a rule failed, with the reason */
  text = g_strdup_printf (_("The rule was not changed: %s"), error->message);
  _pulse_rules_page_toast (self, text);
}

static gboolean
on_switch_state_cb (GtkSwitch *button,
                    gboolean   state,
                    gpointer   user_data)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                    PULSE_TYPE_RULES_PAGE));
  PulseRule *rule = user_data;

  if (self == NULL || state == pulse_rule_get_enabled (rule))
    return FALSE;

  pulse_session_set_rule_enabled_async (self->session, rule, state, NULL, saved_cb,
                                        g_object_ref (self));
  return FALSE;
}

static void
open_editor (PulseRulesPage *self,
             PulseRule      *rule)
{
  g_autoptr(GPtrArray) rules = _pulse_rules_page_ordered_rules (self);
  int last = 0;
  GtkWidget *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  for (guint i = 0; i < rules->len; i++)
    last = MAX (last, pulse_rule_get_position (g_ptr_array_index (rules, i)));

  editor = pulse_rule_editor_new (self->session, rule, last + 1);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_row_activated_cb (PulseRuleRow   *row,
                     PulseRulesPage *self)
{
  open_editor (self, pulse_rule_row_get_rule (row));
}

static void
rules_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (PULSE_RULES_PAGE (widget), NULL);
}

static GtkWidget *
create_rule_row (gpointer item,
                 gpointer user_data)
{
  PulseRulesPage *self = user_data;
  PulseRule *rule = item;
  GtkWidget *row = pulse_rule_row_new (rule, _pulse_rules_page_can_edit (self));

  g_signal_connect_object (pulse_rule_row_get_switch (PULSE_RULE_ROW (row)), "state-set",
                           G_CALLBACK (on_switch_state_cb), rule, 0);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
  if (_pulse_rules_page_can_edit (self))
    _pulse_rules_page_add_drag_and_drop (row);
  /* Its figures and shadow: update_all_figures(), once for every row the
   * change made (on_rules_changed_cb() or the first binding), not once
   * per row over every rule. */
  return row;
}

static int
by_position (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return pulse_rule_compare_order ((PulseRule *) a, (PulseRule *) b);
}

static void
update_hint (PulseRulesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  gboolean editable = _pulse_rules_page_can_edit (self);

  gtk_widget_set_visible (self->new_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.new", editable);
  if (n == 0)
    gtk_label_set_label (self->rules_hint, _("The server has no automation rules yet."));
  else if (editable)
    gtk_label_set_label (self->rules_hint, _("The first rule whose conditions hold fires. "
                                             "Open a rule to edit it; drag it, or press "
                                             "Alt+Up or Alt+Down, to change the order. Changes "
                                             "are saved even offline."));
  else
    gtk_label_set_label (self->rules_hint, _("The first rule whose conditions hold fires. "
                                             "Your role may read rules but not change them."));
}

/* After a move the list is rebuilt: the moved rule's row gets the focus
 * back, so Alt+Up can be pressed again. */
static void
restore_focus (PulseRulesPage *self)
{
  int index;
  GtkListBoxRow *row;

  if (self->focus_id == NULL)
    return;

  index = _pulse_rules_page_index_of (self, self->focus_id);
  row = index >= 0 ? gtk_list_box_get_row_at_index (self->rules_list, index) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_rules_changed_cb (PulseRulesPage *self)
{
  update_hint (self);
  restore_focus (self);
  update_all_figures (self);
  schedule_figures (self);
}

static void
pulse_rules_page_constructed (GObject *object)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);
  GtkCustomSorter *sorter = gtk_custom_sorter_new (by_position, NULL, NULL);

  G_OBJECT_CLASS (pulse_rules_page_parent_class)->constructed (object);

  pulse_rule_bench_set_session (self->bench, self->session);
  self->sorted = gtk_sort_list_model_new (
    G_LIST_MODEL (g_object_ref (pulse_session_get_list (self->session, PULSE_STATE_KIND_RULE))),
    GTK_SORTER (sorter));
  pulse_lazy_bind_list_box (self->rules_list, G_LIST_MODEL (self->sorted), create_rule_row, self,
                            update_all_figures);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_rules_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_rules_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  update_hint (self);
  schedule_figures (self);
}

static void
pulse_rules_page_dispose (GObject *object)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->figures_id, g_source_remove);
  if (self->rules_list != NULL)
    pulse_lazy_bind_list_box (self->rules_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->session);
  g_clear_pointer (&self->figures, json_node_unref);
  g_clear_pointer (&self->focus_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_RULES_PAGE);

  G_OBJECT_CLASS (pulse_rules_page_parent_class)->dispose (object);
}

static void
pulse_rules_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rules_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PulseRulesPage *self = PULSE_RULES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_rules_page_class_init (PulseRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_rules_page_constructed;
  object_class->dispose = pulse_rules_page_dispose;
  object_class->get_property = pulse_rules_page_get_property;
  object_class->set_property = pulse_rules_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_RULE_BENCH);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, bench);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, rules_hint);
  gtk_widget_class_bind_template_child (widget_class, PulseRulesPage, rules_list);

  gtk_widget_class_install_action (widget_class, "rules.new", NULL, rules_new_action);
  _pulse_rules_page_install_moves (widget_class);
}

static void
pulse_rules_page_init (PulseRulesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_rules_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_RULES_PAGE, "session", session, NULL);
}
