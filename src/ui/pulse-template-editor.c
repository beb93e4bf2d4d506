/* pulse-template-editor.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-audit-list.h"
#include "pulse-format.h"
#include "pulse-item-edit.h"
#include "pulse-session-items.h"
#include "pulse-template-editor-private.h"
#include "pulse-template-lint.h"
#include "pulse-template-node.h"
#include "pulse-template-render.h"
#include "pulse-utils.h"

/*
 * PulseTemplateEditor:
 *
 * One template family: its language versions as linked buttons, and the
 * version shown with its name, section and category (shared by the
 * family), channels, disclosure and body. Each version is edited in a
 * draft; switching versions keeps the drafts, and Save sends every
 * changed version through the edit kit (one undoable save each). What
 * the draft looks like to the client (preview, lint, marks in the text)
 * is pulse-template-editor-check.c's. Read-only when the role may not
 * edit templates.
 */

G_DEFINE_FINAL_TYPE (PulseTemplateEditor, pulse_template_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PulseTemplate *
copy_template (PulseTemplate *template)
{
  g_autoptr(JsonNode) node = pulse_template_to_json (template);

  return pulse_template_new_from_json (node, NULL);
}

PulseTemplate *
_pulse_template_editor_find_version (PulseTemplateEditor *self,
                                     const char          *id)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    if (g_str_equal (pulse_template_get_id (self->versions->pdata[i]), id))
      return self->versions->pdata[i];

  return NULL;
}

PulseTemplate *
_pulse_template_editor_get_draft (PulseTemplateEditor *self)
{
  return self->current != NULL ? g_hash_table_lookup (self->drafts, self->current) : NULL;
}

gboolean
_pulse_template_editor_can_edit (PulseTemplateEditor *self)
{
  return pulse_session_can_edit (self->session, "template");
}

void
_pulse_template_editor_load (PulseTemplateEditor *self)
{
  PulseTemplate *draft = _pulse_template_editor_get_draft (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char *section, *category;
  guint channels;
  gboolean editable = _pulse_template_editor_can_edit (self);

  if (draft == NULL)
    return;

  self->loading = TRUE;
  section = pulse_template_get_section (draft);
  category = pulse_template_get_category (draft);
  channels = pulse_template_get_channels (draft);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), pulse_template_get_name (draft));
  gtk_editable_set_text (GTK_EDITABLE (self->section_row), section != NULL ? section : "");
  gtk_editable_set_text (GTK_EDITABLE (self->category_row), category != NULL ? category : "");
  gtk_switch_set_active (self->disclosure_switch, pulse_template_get_disclosure (draft));
  for (guint i = 0; i < N_CHANNELS; i++)
    gtk_check_button_set_active (self->channel_checks[i],
                                 channels == 0 || (channels & (1u << i)) != 0);
  gtk_text_buffer_set_text (buffer, pulse_template_get_body (draft), -1);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->disclosure_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->channels_box), editable);
  gtk_widget_set_visible (self->variables_button, editable);
  gtk_text_view_set_editable (self->body_view, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->readonly_label), !editable);
  gtk_widget_set_visible (self->save_button, editable);
  gtk_widget_set_visible (self->delete_button, editable);

  _pulse_template_editor_fill_languages (self);
  if (_pulse_template_editor_find_version (self, self->current) != NULL)
    pulse_audit_list_show (PULSE_AUDIT_LIST (self->audit), self->session, "template",
                           self->current);
  gtk_widget_set_visible (self->audit,
                          _pulse_template_editor_find_version (self, self->current) != NULL);
  _pulse_template_editor_refresh (self);
}

/* Reads the widgets into the draft; section and category are the
 * family's, so they go to every version. */
static void
on_field_changed_cb (PulseTemplateEditor *self)
{
  PulseTemplate *draft = _pulse_template_editor_get_draft (self);
  const char *section = gtk_editable_get_text (GTK_EDITABLE (self->section_row));
  const char *category = gtk_editable_get_text (GTK_EDITABLE (self->category_row));
  GHashTableIter iter;
  gpointer id, other;
  guint channels = 0;

  if (self->loading || draft == NULL)
    return;

  for (guint i = 0; i < N_CHANNELS; i++)
    if (gtk_check_button_get_active (self->channel_checks[i]))
      channels |= 1u << i;
  /* Every channel ticked is the same as none listed: all of them. */
  if (channels == (1u << N_CHANNELS) - 1)
    channels = 0;

  pulse_template_set_name (draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  pulse_template_set_disclosure (draft, gtk_switch_get_active (self->disclosure_switch));
  pulse_template_set_channels (draft, channels);
  g_hash_table_add (self->dirty, g_strdup (self->current));

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &id, &other))
    {
      if (g_strcmp0 (pulse_template_get_section (other), section[0] ? section : NULL) == 0 &&
          g_strcmp0 (pulse_template_get_category (other), category[0] ? category : NULL) == 0)
        continue;
      pulse_template_set_section (other, section[0] != '\0' ? section : NULL);
      pulse_template_set_category (other, category[0] != '\0' ? category : NULL);
      g_hash_table_add (self->dirty, g_strdup (id));
    }

  _pulse_template_editor_refresh (self);
}

static void
on_body_changed_cb (GtkTextBuffer       *buffer,
                    PulseTemplateEditor *self)
{
  PulseTemplate *draft = _pulse_template_editor_get_draft (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || draft == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pulse_template_set_body (draft, text);
  g_hash_table_add (self->dirty, g_strdup (self->current));
  _pulse_template_editor_refresh (self);
}

/* The wire form to save: the variables the body uses, the version the
 * server had. */
static JsonNode *
draft_json (PulseTemplate *draft,
            PulseTemplate *before)
{
  g_autoptr(JsonNode) node = pulse_template_to_json (draft);
  JsonObject *object = json_node_get_object (node);
  g_auto(GStrv) used = pulse_template_dup_used_names (pulse_template_get_body (draft));
  JsonArray *variables = json_array_new ();

  for (guint i = 0; used[i] != NULL; i++)
    json_array_add_string_element (variables, used[i]);
  json_object_set_array_member (object, "variables", variables);
  json_object_set_int_member (object, "version",
                              before != NULL ? pulse_template_get_version (before) : 0);
  json_object_remove_member (object, "updated_by");

  return g_steal_pointer (&node);
}

static void
on_save_cb (PulseTemplateEditor *self)
{
  g_autoptr(GPtrArray) drafts = _pulse_template_editor_sorted_drafts (self);

  for (guint i = 0; i < drafts->len; i++)
    {
      PulseTemplate *draft = drafts->pdata[i];
      const char *id = pulse_template_get_id (draft);
      PulseTemplate *before = _pulse_template_editor_find_version (self, id);
      g_autoptr(JsonNode) before_json = before != NULL ? pulse_template_to_json (before) : NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autofree char *title = NULL;

      if (!g_hash_table_contains (self->dirty, id))
        continue;

      after = draft_json (draft, before);
      title = g_strdup_printf ("%s (%s)", pulse_template_get_name (draft),
                               pulse_template_get_language (draft));
      pulse_item_edit_save (GTK_WIDGET (self), "template", before_json, after, title);
    }

  g_hash_table_remove_all (self->dirty);
  _pulse_template_editor_refresh (self);
}

static void
on_delete_cb (PulseTemplateEditor *self)
{
  PulseTemplate *before = _pulse_template_editor_find_version (self, self->current);
  g_autoptr(GPtrArray) drafts = NULL;

  if (before != NULL)
    {
      g_autoptr(JsonNode) node = pulse_template_to_json (before);
      g_autofree char *title = g_strdup_printf ("%s (%s)", pulse_template_get_name (before),
                                                pulse_template_get_language (before));

      pulse_item_edit_delete (GTK_WIDGET (self), "template", node, title);
    }

  g_hash_table_remove (self->drafts, self->current);
  g_hash_table_remove (self->dirty, self->current);
  drafts = _pulse_template_editor_sorted_drafts (self);
  g_clear_pointer (&self->current, g_free);
  if (drafts->len > 0)
    self->current = g_strdup (pulse_template_get_id (drafts->pdata[0]));
  _pulse_template_editor_load (self);
}

static void
on_variable_activated_cb (PulseTemplateEditor *self,
                          GtkListBoxRow       *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "variable");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = g_strdup_printf ("{{%s}}", name);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->variables_button));
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
pulse_template_editor_dispose (GObject *object)
{
  PulseTemplateEditor *self = PULSE_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->session);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (pulse_template_editor_parent_class)->dispose (object);
}

static void
pulse_template_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PulseTemplateEditor *self = PULSE_TEMPLATE_EDITOR (object);

  if (prop_id == PROP_SESSION)
    self->session = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pulse_template_editor_class_init (PulseTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_template_editor_dispose;
  object_class->set_property = pulse_template_editor_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-template-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, PulseTemplateEditor, name)
  CHILD (title_label); CHILD (subtitle_label); CHILD (readonly_label); CHILD (delete_button);
  CHILD (save_button); CHILD (language_box); CHILD (add_language_button);
  CHILD (add_language_box); CHILD (name_row); CHILD (section_row); CHILD (category_row);
  CHILD (disclosure_row); CHILD (disclosure_switch); CHILD (channels_box);
  CHILD (variables_button); CHILD (variables_list); CHILD (body_view); CHILD (body_status);
  CHILD (preview_label); CHILD (lint_list); CHILD (usage_label); CHILD (csat_label);
  CHILD (audit_box);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_variable_activated_cb);
}

static void
pulse_template_editor_init (PulseTemplateEditor *self)
{
  GtkTextBuffer *buffer;
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < N_CHANNELS; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (pulse_format_channel (i));

      self->channel_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_field_changed_cb), self);
      gtk_flow_box_append (self->channels_box, check);
    }

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_create_tag (buffer, "issue", "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_buffer_create_tag (buffer, "variable", "weight", PANGO_WEIGHT_BOLD, NULL);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_body_changed_cb), self);

  self->audit = pulse_audit_list_new ();
  gtk_box_append (self->audit_box, self->audit);
  /* The variables' rows are made when their popover first shows: the
   * page is built while the app starts, and they were a third of that. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->variables_button));
  g_signal_connect_swapped (popover, "show", G_CALLBACK (_pulse_template_editor_fill_variables),
                            self);
}

GtkWidget *
pulse_template_editor_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_TEMPLATE_EDITOR, "session", session, NULL);
}

/* The family's versions as the server now has them: a version not
 * changed here follows the server, a changed one keeps its draft. */
void
pulse_template_editor_show_family (PulseTemplateEditor *self,
                                   GPtrArray           *versions,
                                   const char          *template_id)
{
  const char *family;

  g_return_if_fail (PULSE_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (versions != NULL && versions->len > 0);

  family = pulse_template_get_family (versions->pdata[0]);
  if (g_strcmp0 (family, self->family) != 0)
    {
      g_hash_table_remove_all (self->drafts);
      g_hash_table_remove_all (self->dirty);
      g_free (self->family);
      self->family = g_strdup (family);
    }

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = g_ptr_array_ref (versions);
  for (guint i = 0; i < versions->len; i++)
    {
      const char *id = pulse_template_get_id (versions->pdata[i]);

      if (!g_hash_table_contains (self->dirty, id))
        g_hash_table_insert (self->drafts, g_strdup (id), copy_template (versions->pdata[i]));
    }

  if (template_id != NULL && g_hash_table_contains (self->drafts, template_id))
    pulse_set_str (&self->current, template_id);
  else if (self->current == NULL || !g_hash_table_contains (self->drafts, self->current))
    pulse_set_str (&self->current, pulse_template_get_id (versions->pdata[0]));

  _pulse_template_editor_load (self);
}

/* A new family of one Ukrainian version, saved when the lead has
 * written it. */
void
pulse_template_editor_show_new (PulseTemplateEditor *self)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strdup_printf ("tpl-%.8s", uuid);
  PulseTemplate *draft = pulse_template_new (id);

  g_return_if_fail (PULSE_IS_TEMPLATE_EDITOR (self));

  pulse_template_set_name (draft, _("New template"));
  pulse_template_set_language (draft, "uk");
  pulse_template_set_body (draft, "");
  pulse_template_set_family (draft, id);
  g_hash_table_remove_all (self->drafts);
  g_hash_table_remove_all (self->dirty);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_hash_table_insert (self->drafts, g_strdup (id), draft);
  g_hash_table_add (self->dirty, g_strdup (id));
  pulse_set_str (&self->family, id);
  pulse_set_str (&self->current, id);
  _pulse_template_editor_load (self);
}

/* @usage: (nullable) (element-type utf8 PulseTemplateUsage) */
void
pulse_template_editor_set_usage (PulseTemplateEditor *self,
                                 GHashTable          *usage)
{
  g_return_if_fail (PULSE_IS_TEMPLATE_EDITOR (self));

  g_clear_pointer (&self->usage, g_hash_table_unref);
  self->usage = usage != NULL ? g_hash_table_ref (usage) : NULL;
  _pulse_template_editor_show_usage (self);
}

const char *
pulse_template_editor_get_family (PulseTemplateEditor *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_EDITOR (self), NULL);

  return self->family;
}

const char *
pulse_template_editor_get_current (PulseTemplateEditor *self)
{
  g_return_val_if_fail (PULSE_IS_TEMPLATE_EDITOR (self), NULL);

  return self->current;
}

/* Shows the family's version in @language; FALSE when it has none. */
gboolean
pulse_template_editor_select (PulseTemplateEditor *self,
                              const char          *language)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (PULSE_IS_TEMPLATE_EDITOR (self), FALSE);

  drafts = _pulse_template_editor_sorted_drafts (self);
  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (pulse_template_get_language (drafts->pdata[i]), language) == 0)
      {
        pulse_set_str (&self->current, pulse_template_get_id (drafts->pdata[i]));
        _pulse_template_editor_load (self);
        return TRUE;
      }

  return FALSE;
}
