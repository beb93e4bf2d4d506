/* pulse-rule-editor.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-format.h"
#include "pulse-queue.h"
#include "pulse-rule-editor-private.h"
#include "pulse-rule-phrase-row.h"
#include "pulse-rule-replay-view.h"
#include "pulse-session-items.h"
#include "pulse-template.h"

/*
 * PulseRuleEditor:
 *
 * A rule's editor, opened from its row or from "New Rule": its name and
 * switch, the phrases (with look-alike letters caught as they are typed),
 * the conditions (channels, queue, tags, language, a time window) and
 * the actions (an automatic answer with a template, tags, a queue, an
 * agent, a priority, closing). Save checks the form and names the field
 * at fault (pulse-rule-form.c); the edit goes through the outbox. A
 * replay runs the draft on the server's recent contacts. A role that may
 * not edit rules sees it all read-only, with no Save, Delete or Replay.
 */

G_DEFINE_FINAL_TYPE (PulseRuleEditor, pulse_rule_editor, ADW_TYPE_WINDOW)

static const char * const languages[] = { "uk", "ru", "kk", "es", "en" };

static void
show_message (PulseRuleEditor *self,
              const char      *message,
              gboolean         error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
on_phrase_remove_cb (PulseRulePhraseRow *row,
                     PulseRuleEditor    *self)
{
  gtk_list_box_remove (self->phrases_list, GTK_WIDGET (row));
}

static PulseRulePhraseRow *
add_phrase_row (PulseRuleEditor       *self,
                const PulseRulePhrase *phrase)
{
  GtkWidget *row = pulse_rule_phrase_row_new (phrase);

  pulse_rule_phrase_row_set_editable (PULSE_RULE_PHRASE_ROW (row), self->editable);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_phrase_remove_cb), self, 0);
  gtk_list_box_append (self->phrases_list, row);
  return PULSE_RULE_PHRASE_ROW (row);
}

static void
on_add_phrase_cb (PulseRuleEditor *self)
{
  g_autoptr(PulseRulePhrase) phrase = pulse_rule_phrase_new ("", PULSE_MATCH_MODE_PHRASE,
                                                             PULSE_MATCH_FIELD_ANY);

  gtk_widget_grab_focus (GTK_WIDGET (add_phrase_row (self, phrase)));
}

static void
update_channels_subtitle (PulseRuleEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint kind = 0; kind < PULSE_RULE_EDITOR_N_CHANNELS; kind++)
    {
      if (gtk_check_button_get_active (self->channel_checks[kind]))
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                                pulse_format_channel (kind));
    }

  adw_expander_row_set_subtitle (self->channels_row,
                                 text->len > 0 ? text->str : _("Every channel"));
}

static void
build_channels (PulseRuleEditor *self)
{
  for (guint kind = 0; kind < PULSE_RULE_EDITOR_N_CHANNELS; kind++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pulse_format_channel (kind));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_channels_subtitle), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->channels_row, row);
      self->channel_checks[kind] = GTK_CHECK_BUTTON (check);
    }
}

typedef const char *(*ItemText) (gpointer item);

/* A combo row over @items (first "none"), its ids kept in @ids, with
 * @selected chosen; an id no item has any more is kept as it is. */
static void
fill_combo (AdwComboRow  *row,
            GPtrArray   **ids,
            const char   *none,
            GListModel   *items,
            ItemText      get_id,
            ItemText      get_name,
            const char   *selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = 0;

  g_clear_pointer (ids, g_ptr_array_unref);
  *ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*ids, NULL);
  gtk_string_list_append (names, none);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *id = get_id (item);

      if (g_strcmp0 (id, selected) == 0)
        chosen = (*ids)->len;
      g_ptr_array_add (*ids, g_strdup (id));
      gtk_string_list_append (names, get_name (item) != NULL ? get_name (item) : id);
    }

  if (selected != NULL && chosen == 0)
    {
      chosen = (*ids)->len;
      g_ptr_array_add (*ids, g_strdup (selected));
      gtk_string_list_append (names, selected);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, chosen);
}

static const char *
chosen_id (AdwComboRow *row,
           GPtrArray   *ids)
{
  guint index = adw_combo_row_get_selected (row);

  return ids != NULL && index < ids->len ? g_ptr_array_index (ids, index) : NULL;
}

static GListModel *
list_of (PulseRuleEditor *self,
         PulseStateKind   kind)
{
  return pulse_session_get_list (self->session, kind);
}

static void
fill_lists (PulseRuleEditor *self,
            PulseRuleForm   *form)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GListStore) codes = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  fill_combo (self->queue_row, &self->queue_ids, _("Any queue"),
              list_of (self, PULSE_STATE_KIND_QUEUE), (ItemText) pulse_queue_get_id,
              (ItemText) pulse_queue_get_name, form->queue_id);
  fill_combo (self->route_row, &self->route_ids, _("Leave where it is"),
              list_of (self, PULSE_STATE_KIND_QUEUE), (ItemText) pulse_queue_get_id,
              (ItemText) pulse_queue_get_name, form->route_queue_id);
  fill_combo (self->reply_row, &self->template_ids, _("No automatic answer"),
              list_of (self, PULSE_STATE_KIND_TEMPLATE), (ItemText) pulse_template_get_id,
              (ItemText) pulse_template_get_name, form->reply_template_id);
  fill_combo (self->assign_row, &self->agent_ids, _("Nobody"),
              list_of (self, PULSE_STATE_KIND_AGENT), (ItemText) pulse_agent_get_id,
              (ItemText) pulse_agent_get_name, form->assign_agent_id);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_list_store_append (codes, gtk_string_object_new (languages[i]));
  fill_combo (self->language_row, &self->language_ids, _("Any language"), G_LIST_MODEL (codes),
              (ItemText) gtk_string_object_get_string, (ItemText) pulse_rule_editor_language_name,
              form->language);

  gtk_string_list_append (priorities, _("Leave as it is"));
  for (PulsePriority p = PULSE_PRIORITY_LOW; p <= PULSE_PRIORITY_URGENT; p++)
    gtk_string_list_append (priorities, pulse_rule_editor_priority_name (p));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  adw_combo_row_set_selected (self->priority_row, form->priority + 1);
}

static void
fill_from_form (PulseRuleEditor *self,
                PulseRuleForm   *form)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), form->name != NULL ? form->name : "");
  gtk_switch_set_active (self->enabled_switch, form->enabled);
  for (guint i = 0; i < form->phrases->len; i++)
    add_phrase_row (self, g_ptr_array_index (form->phrases, i));
  for (guint kind = 0; kind < PULSE_RULE_EDITOR_N_CHANNELS; kind++)
    gtk_check_button_set_active (self->channel_checks[kind], (form->channels >> kind) & 1);
  update_channels_subtitle (self);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), form->tags != NULL ? form->tags : "");
  adw_expander_row_set_enable_expansion (self->window_row, form->windowed);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row),
                         form->active_from != NULL ? form->active_from : "09:00");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row),
                         form->active_to != NULL ? form->active_to : "18:00");
  gtk_editable_set_text (GTK_EDITABLE (self->add_tags_row),
                         form->add_tags != NULL ? form->add_tags : "");
  gtk_switch_set_active (self->close_switch, form->close);
  fill_lists (self, form);
}

static char *
dup_text (gpointer editable)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

/* The form as the widgets now say, on the rule being edited. */
static PulseRuleForm *
read_form (PulseRuleEditor *self)
{
  PulseRuleForm *form = pulse_rule_form_new (NULL, self->form->position);

  form->id = g_strdup (self->form->id);
  form->version = self->form->version;
  form->name = dup_text (self->name_row);
  form->enabled = gtk_switch_get_active (self->enabled_switch);
  g_ptr_array_set_size (form->phrases, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phrases_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (PULSE_IS_RULE_PHRASE_ROW (row))
        g_ptr_array_add (form->phrases,
                         pulse_rule_phrase_row_dup_phrase (PULSE_RULE_PHRASE_ROW (row)));
    }
  for (guint kind = 0; kind < PULSE_RULE_EDITOR_N_CHANNELS; kind++)
    form->channels |= gtk_check_button_get_active (self->channel_checks[kind]) ? 1u << kind : 0;
  form->queue_id = g_strdup (chosen_id (self->queue_row, self->queue_ids));
  form->tags = dup_text (self->tags_row);
  form->language = g_strdup (chosen_id (self->language_row, self->language_ids));
  form->windowed = adw_expander_row_get_enable_expansion (self->window_row);
  form->active_from = dup_text (self->from_row);
  form->active_to = dup_text (self->to_row);
  form->reply_template_id = g_strdup (chosen_id (self->reply_row, self->template_ids));
  form->add_tags = dup_text (self->add_tags_row);
  form->route_queue_id = g_strdup (chosen_id (self->route_row, self->route_ids));
  form->assign_agent_id = g_strdup (chosen_id (self->assign_row, self->agent_ids));
  form->priority = (int) adw_combo_row_get_selected (self->priority_row) - 1;
  form->close = gtk_switch_get_active (self->close_switch);
  return form;
}

static void
on_save_cb (PulseRuleEditor *self)
{
  pulse_rule_editor_save (self);
}

static void
on_delete_cb (PulseRuleEditor *self)
{
  if (self->before == NULL || !self->editable)
    return;

  pulse_rule_editor_delete_item (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_replay_run_cb (PulseRuleEditor *self)
{
  g_autoptr(PulseRuleForm) form = read_form (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) draft = NULL;

  /* A new rule's draft keeps no id: the server names it "draft". */
  draft = pulse_rule_form_to_json (form, &error);
  if (draft == NULL)
    {
      pulse_rule_replay_view_show_error (self->replay_view, error->message);
      return;
    }

  if (self->before == NULL)
    json_object_remove_member (json_node_get_object (draft), "id");
  pulse_rule_replay_view_start (self->replay_view, self->session, draft);
}

/* Read-only: every control insensitive, no Save, Delete or Replay. */
static void
apply_role (PulseRuleEditor *self)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->rule_group), GTK_WIDGET (self->conditions_group),
    GTK_WIDGET (self->actions_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], self->editable);
  gtk_widget_set_visible (self->save_button, self->editable);
  gtk_widget_set_visible (self->add_phrase_button, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->replay_group), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), self->editable && self->before != NULL);
  if (!self->editable)
    show_message (self, _("Your role may read rules but not change them."), FALSE);
}

/* Once the session and the rule are known. */
static void
setup (PulseRuleEditor *self)
{
  self->editable = pulse_session_can_edit (self->session, "rule");
  self->form = pulse_rule_form_new (self->rule, self->position);
  if (self->rule != NULL)
    self->before = pulse_rule_to_json (self->rule);
  adw_window_title_set_title (self->window_title,
                              self->rule == NULL ? _("New Rule")
                              : self->editable ? _("Edit Rule") : _("Rule"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->rule != NULL ? pulse_rule_get_name (self->rule) : NULL);
  fill_from_form (self, self->form);
  apply_role (self);
  pulse_rule_editor_add_history (self);
}

static void
pulse_rule_editor_dispose (GObject *object)
{
  PulseRuleEditor *self = PULSE_RULE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_RULE_EDITOR);
  g_clear_object (&self->session);
  g_clear_object (&self->rule);

  G_OBJECT_CLASS (pulse_rule_editor_parent_class)->dispose (object);
}

static void
pulse_rule_editor_finalize (GObject *object)
{
  PulseRuleEditor *self = PULSE_RULE_EDITOR (object);

  g_clear_pointer (&self->before, json_node_unref);
  g_clear_pointer (&self->form, pulse_rule_form_free);
  g_clear_pointer (&self->queue_ids, g_ptr_array_unref);
  g_clear_pointer (&self->route_ids, g_ptr_array_unref);
  g_clear_pointer (&self->template_ids, g_ptr_array_unref);
  g_clear_pointer (&self->agent_ids, g_ptr_array_unref);
  g_clear_pointer (&self->language_ids, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (pulse_rule_editor_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PulseRuleEditor, name)

static void
pulse_rule_editor_class_init (PulseRuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_rule_editor_dispose;
  object_class->finalize = pulse_rule_editor_finalize;

  g_type_ensure (PULSE_TYPE_RULE_REPLAY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-rule-editor.ui");
  BIND (window_title); BIND (save_button); BIND (message_label); BIND (name_row);
  BIND (enabled_switch); BIND (add_phrase_button); BIND (phrases_list); BIND (channels_row);
  BIND (queue_row); BIND (tags_row); BIND (language_row); BIND (window_row); BIND (from_row);
  BIND (to_row); BIND (reply_row); BIND (add_tags_row); BIND (route_row); BIND (assign_row);
  BIND (priority_row); BIND (close_switch); BIND (rule_group); BIND (conditions_group);
  BIND (actions_group); BIND (replay_group); BIND (history_group); BIND (delete_group);
  BIND (replay_view);
  gtk_widget_class_bind_template_callback (widget_class, on_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_phrase_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replay_run_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pulse_rule_editor_init (PulseRuleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_channels (self);
}

/**
 * pulse_rule_editor_new:
 * @session: where rules, queues, templates and agents come from
 * @rule: (nullable): the rule to edit, or %NULL for a new one
 * @position: a new rule's position
 *
 * Returns: (transfer full): the editor, not shown yet
 */
GtkWidget *
pulse_rule_editor_new (PulseSession *session,
                       PulseRule    *rule,
                       int           position)
{
  PulseRuleEditor *self;

  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);
  g_return_val_if_fail (rule == NULL || PULSE_IS_RULE (rule), NULL);

  self = g_object_new (PULSE_TYPE_RULE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->rule = rule != NULL ? g_object_ref (rule) : NULL;
  self->position = position;
  setup (self);
  return GTK_WIDGET (self);
}

/**
 * pulse_rule_editor_save:
 *
 * What Save does: checks the form and, when it holds, saves the rule
 * through the outbox and closes the editor; otherwise shows the message.
 *
 * Returns: whether the rule went to the outbox
 */
gboolean
pulse_rule_editor_save (PulseRuleEditor *self)
{
  g_autoptr(PulseRuleForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_return_val_if_fail (PULSE_IS_RULE_EDITOR (self), FALSE);

  if (!self->editable)
    return FALSE;

  form = read_form (self);
  after = pulse_rule_form_to_json (form, &error);
  if (after == NULL)
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }

  pulse_rule_editor_save_item (self, after);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Returns: (nullable): the message shown above the form: a mistake, or
 * why the rule is read-only. */
const char *
pulse_rule_editor_get_message (PulseRuleEditor *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_EDITOR (self), NULL);

  return self->message;
}

gboolean
pulse_rule_editor_is_editable (PulseRuleEditor *self)
{
  g_return_val_if_fail (PULSE_IS_RULE_EDITOR (self), FALSE);

  return self->editable;
}
