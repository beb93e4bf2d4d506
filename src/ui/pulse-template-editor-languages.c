/* pulse-template-editor-languages.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Templates editor's language versions: the drafts in the family's
 * language order, a linked button per version to switch to it, and a
 * menu of the languages the family lacks, each making a new version
 * from the one shown (to translate).
 */

#include "config.h"

#include "pulse-template-editor-private.h"
#include "pulse-template-lint.h"
#include "pulse-template-node.h"

static int
by_language (gconstpointer a,
             gconstpointer b)
{
  PulseTemplate *x = *(PulseTemplate **) a, *y = *(PulseTemplate **) b;

  return pulse_template_language_rank (pulse_template_get_language (x)) -
         pulse_template_language_rank (pulse_template_get_language (y));
}

/* The drafts, in the family's language order. */
GPtrArray *
_pulse_template_editor_sorted_drafts (PulseTemplateEditor *self)
{
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer draft;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, &draft))
    g_ptr_array_add (out, draft);
  g_ptr_array_sort (out, by_language);
  return out;
}

GStrv
_pulse_template_editor_dup_languages (PulseTemplateEditor *self)
{
  g_autoptr(GPtrArray) drafts = _pulse_template_editor_sorted_drafts (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < drafts->len; i++)
    g_strv_builder_add (builder, pulse_template_get_language (drafts->pdata[i]));

  return g_strv_builder_end (builder);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
on_language_clicked_cb (GtkToggleButton     *button,
                        PulseTemplateEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "template-id");

  if (!gtk_toggle_button_get_active (button) || g_strcmp0 (id, self->current) == 0)
    return;

  g_free (self->current);
  self->current = g_strdup (id);
  _pulse_template_editor_load (self);
}

/* A new version in @language, a copy of the one shown to translate. */
static void
add_version (PulseTemplateEditor *self,
             const char          *language)
{
  PulseTemplate *draft = _pulse_template_editor_get_draft (self);
  g_autofree char *id = g_strdup_printf ("%s-%s", self->family, language);
  PulseTemplate *copy;

  if (draft == NULL)
    return;
  if (g_hash_table_contains (self->drafts, id) ||
      _pulse_template_editor_find_version (self, id) != NULL)
    {
      g_free (id);
      id = g_uuid_string_random ();
    }

  copy = g_object_new (PULSE_TYPE_TEMPLATE, "id", id, NULL);
  pulse_template_set_name (copy, pulse_template_get_name (draft));
  pulse_template_set_language (copy, language);
  pulse_template_set_body (copy, pulse_template_get_body (draft));
  pulse_template_set_disclosure (copy, pulse_template_get_disclosure (draft));
  pulse_template_set_family (copy, self->family);
  pulse_template_set_section (copy, pulse_template_get_section (draft));
  pulse_template_set_category (copy, pulse_template_get_category (draft));
  pulse_template_set_channels (copy, pulse_template_get_channels (draft));
  g_hash_table_insert (self->drafts, g_strdup (id), copy);
  g_hash_table_add (self->dirty, g_strdup (id));
  g_free (self->current);
  self->current = g_steal_pointer (&id);
  _pulse_template_editor_load (self);
}

typedef struct
{
  PulseTemplateEditor *self;
  char                *language;
} AddLanguage;

static void
add_language_free (AddLanguage *add)
{
  g_object_unref (add->self);
  g_free (add->language);
  g_free (add);
}

static gboolean
add_language_idle (gpointer user_data)
{
  AddLanguage *add = user_data;

  add_version (add->self, add->language);
  return G_SOURCE_REMOVE;
}

/* Once the click is over: the menu is remade, this button with it. */
static void
on_add_language_cb (GtkButton           *button,
                    PulseTemplateEditor *self)
{
  AddLanguage *add = g_new0 (AddLanguage, 1);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->add_language_button));
  add->self = g_object_ref (self);
  add->language = g_strdup (g_object_get_data (G_OBJECT (button), "language"));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_language_idle, add,
                   (GDestroyNotify) add_language_free);
}

/* The languages the family lacks, to add a version in. */
static void
fill_add_menu (PulseTemplateEditor *self)
{
  const char * const *wanted = pulse_template_lint_get_languages ();
  g_auto(GStrv) have = _pulse_template_editor_dup_languages (self);

  clear_box (self->add_language_box);
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      GtkWidget *button;

      if (g_strv_contains ((const char * const *) have, wanted[i]))
        continue;
      button = gtk_button_new_with_label (_pulse_template_editor_language_name (wanted[i]));
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "language", g_strdup (wanted[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_add_language_cb), self);
      gtk_box_append (self->add_language_box, button);
    }
  gtk_widget_set_visible (self->add_language_button,
                          _pulse_template_editor_can_edit (self) && gtk_widget_get_first_child (
                            GTK_WIDGET (self->add_language_box)) != NULL);
}

/* The buttons are remade only when the versions change: a button is
 * never destroyed while it is being toggled. */
void
_pulse_template_editor_fill_languages (PulseTemplateEditor *self)
{
  g_autoptr(GPtrArray) drafts = _pulse_template_editor_sorted_drafts (self);
  g_autoptr(GString) key = g_string_new (NULL);
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < drafts->len; i++)
    g_string_append_printf (key, "%s\n", pulse_template_get_id (drafts->pdata[i]));
  if (g_strcmp0 (key->str, g_object_get_data (G_OBJECT (self->language_box), "ids")) == 0)
    {
      for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->language_box));
           button != NULL; button = gtk_widget_get_next_sibling (button))
        if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "template-id"), self->current) == 0)
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      return;
    }

  g_object_set_data_full (G_OBJECT (self->language_box), "ids", g_strdup (key->str), g_free);
  clear_box (self->language_box);
  for (guint i = 0; i < drafts->len; i++)
    {
      PulseTemplate *draft = drafts->pdata[i];
      const char *id = pulse_template_get_id (draft);
      GtkWidget *button = gtk_toggle_button_new_with_label (pulse_template_get_language (draft));

      gtk_widget_set_tooltip_text (button, _pulse_template_editor_language_name (
                                     pulse_template_get_language (draft)));
      g_object_set_data_full (G_OBJECT (button), "template-id", g_strdup (id), g_free);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = group != NULL ? group : GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (id, self->current) == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (on_language_clicked_cb), self);
      gtk_box_append (self->language_box, button);
    }

  fill_add_menu (self);
}
