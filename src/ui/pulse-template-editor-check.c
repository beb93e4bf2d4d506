/* pulse-template-editor-check.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Templates editor shows about the draft as it is typed: the
 * variables in bold and the errors underlined in the text, a line on the
 * first error, the reply rendered with sample data, the lint list, and
 * how often the version answered contacts and how they rated it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-rule-runner.h"
#include "pulse-template-editor-private.h"
#include "pulse-template-lint.h"
#include "pulse-template-render.h"
#include "pulse-template-usage.h"
#include "pulse-template-vars.h"

static const struct { const char *code; const char *name; } language_names[] = {
  { "uk", N_("Ukrainian") },
  { "ru", N_("Russian") },
  { "kk", N_("Kazakh") },
  { "es", N_("Spanish") },
  { "en", N_("English") },
};

const char *
_pulse_template_editor_language_name (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_strcmp0 (language, language_names[i].code) == 0)
      return _(language_names[i].name);

  return language;
}

static char *
link_text (const PulseTemplateIssue *issue)
{
  switch (issue->detail)
    {
    case PULSE_TEMPLATE_LINK_INSECURE:
      /* Translators: lint; %s is a link in the template */
      return g_strdup_printf (_("“%s” uses http://: links to clients must be https://"),
                              issue->subject);
    case PULSE_TEMPLATE_LINK_NO_SCHEME:
      /* Translators: lint; %s is a link in the template */
      return g_strdup_printf (_("“%s” has no https:// in front: messengers may not open it"),
                              issue->subject);
    default:
      /* Translators: lint; %s is a link in the template */
      return g_strdup_printf (_("“%s” is not a well-formed https:// link"), issue->subject);
    }
}

/* The issue in the console's language (core's message is English). */
static char *
issue_text (const PulseTemplateIssue *issue,
            const char               *body)
{
  switch (issue->kind)
    {
    case PULSE_TEMPLATE_ISSUE_UNCLOSED:
      /* Translators: lint; %ld is the position of the braces in the text */
      return g_strdup_printf (_("“{{” at character %ld is not closed with “}}”"),
                              g_utf8_pointer_to_offset (body, body + issue->start) + 1);
    case PULSE_TEMPLATE_ISSUE_BAD_NAME:
      /* Translators: lint; %s is what stands between the braces */
      return g_strdup_printf (_("“%s” is not a variable name: use lower-case words joined by "
                                "dots, like client.first_name"), issue->subject);
    case PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE:
      /* Translators: lint; {{%s}} is a variable name */
      return g_strdup_printf (_("{{%s}} is not a documented variable"), issue->subject);
    case PULSE_TEMPLATE_ISSUE_MISSING_VALUE:
      /* Translators: lint; {{%s}} is a variable name */
      return g_strdup_printf (_("No value for {{%s}}"), issue->subject);
    case PULSE_TEMPLATE_ISSUE_MISSING_LANGUAGE:
      /* Translators: lint; %s is a language, e.g. “Kazakh” */
      return g_strdup_printf (_("No version in %s"),
                              _pulse_template_editor_language_name (issue->subject));
    case PULSE_TEMPLATE_ISSUE_TOO_LONG:
      /* Translators: lint; the first number is the reply's length */
      return g_strdup_printf (_("%u characters as sent: a messenger reply should have at most "
                                "%d"), issue->detail, PULSE_TEMPLATE_MESSENGER_LIMIT);
    case PULSE_TEMPLATE_ISSUE_DEAD_LINK:
    default:
      return link_text (issue);
    }
}

static void
mark_text (PulseTemplateEditor *self,
           GPtrArray           *placeholders,
           GPtrArray           *issues)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);

  for (guint i = 0; i < placeholders->len; i++)
    {
      PulseTemplatePlaceholder *placeholder = placeholders->pdata[i];

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_utf8_pointer_to_offset (text,
                                                                    text + placeholder->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          g_utf8_pointer_to_offset (text,
                                                                    text + placeholder->end));
      gtk_text_buffer_apply_tag_by_name (buffer, "variable", &start, &end);
    }

  for (guint i = 0; i < issues->len; i++)
    {
      PulseTemplateIssue *issue = issues->pdata[i];

      if (issue->start == issue->end)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_utf8_pointer_to_offset (text, text + issue->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          g_utf8_pointer_to_offset (text, text + issue->end));
      gtk_text_buffer_apply_tag_by_name (buffer, "issue", &start, &end);
    }
}

/* The line under the text: the first error as you type, else what the
 * body uses. */
static void
show_status (PulseTemplateEditor *self,
             const char          *body,
             GPtrArray           *placeholders,
             GPtrArray           *issues)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->body_status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->body_status), "dim-label");
  if (body[0] == '\0')
    text = g_strdup (_("Write the reply the client gets."));
  else if (issues->len > 0)
    text = issue_text (issues->pdata[0], body);
  else if (placeholders->len == 0)
    text = g_strdup (_("No variables: every client gets the same text."));
  else
    /* Translators: under the template's text, when every variable is known */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u variable, all documented.",
                                         "%u variables, all documented.", placeholders->len),
                            placeholders->len);

  gtk_widget_add_css_class (GTK_WIDGET (self->body_status),
                            issues->len > 0 ? "error" : "dim-label");
  gtk_label_set_text (self->body_status, text);
}

static GtkWidget *
lint_row (const char *text,
          const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  return row;
}

static void
show_lint (PulseTemplateEditor *self,
           PulseTemplate       *draft)
{
  g_auto(GStrv) languages = _pulse_template_editor_dup_languages (self);
  g_autoptr(GPtrArray) issues = pulse_template_lint (draft, (const char * const *) languages);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lint_list))) != NULL)
    gtk_list_box_remove (self->lint_list, child);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *text = issue_text (issues->pdata[i], pulse_template_get_body (draft));
      GtkWidget *row = lint_row (text, "dialog-warning-symbolic");

      gtk_widget_add_css_class (row, "pulse-template-lint-warning");
      gtk_list_box_append (self->lint_list, row);
    }
  if (issues->len == 0)
    gtk_list_box_append (self->lint_list, lint_row (_("No problems found"),
                                                    "emblem-ok-symbolic"));
}

void
_pulse_template_editor_show_usage (PulseTemplateEditor *self)
{
  PulseTemplateUsage *usage = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *csat = NULL;
  double share;

  if (self->current != NULL && self->usage != NULL)
    usage = g_hash_table_lookup (self->usage, self->current);

  if (self->usage == NULL)
    contacts = g_strdup (_("Counting…"));
  else
    contacts = g_strdup_printf ("%u", usage != NULL ? usage->contacts : 0);
  share = usage != NULL ? pulse_template_usage_get_csat (usage) : -1;
  if (share >= 0)
    /* Translators: CSAT of the contacts a template answered, and how many were rated */
    csat = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.0f %% of %u rated",
                                         "%.0f %% of %u rated", usage->rated),
                            share * 100, usage->rated);
  else
    /* Translators: no contact answered with the template was rated */
    csat = g_strdup (C_("csat", "None rated"));

  gtk_label_set_text (self->usage_label, contacts);
  gtk_label_set_text (self->csat_label, csat);
}

static gboolean
draft_is_complete (PulseTemplate *draft)
{
  const char *name = pulse_template_get_name (draft);
  const char *body = pulse_template_get_body (draft);

  return name != NULL && name[0] != '\0' && body != NULL && body[0] != '\0';
}

static gboolean
can_save (PulseTemplateEditor *self)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (self->dirty) == 0)
    return FALSE;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      PulseTemplate *draft = g_hash_table_lookup (self->drafts, id);

      if (draft != NULL && !draft_is_complete (draft))
        return FALSE;
    }

  return TRUE;
}

void
_pulse_template_editor_refresh (PulseTemplateEditor *self)
{
  PulseTemplate *draft = _pulse_template_editor_get_draft (self);
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) placeholders = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *subtitle = NULL;
  const char *body, *language, *section, *category;

  if (draft == NULL)
    return;

  body = pulse_template_get_body (draft) != NULL ? pulse_template_get_body (draft) : "";
  language = pulse_template_get_language (draft);
  placeholders = pulse_template_parse (body, issues);
  mark_text (self, placeholders, issues);
  show_status (self, body, placeholders, issues);

  preview = pulse_template_render (draft, NULL, NULL);
  gtk_label_set_text (self->preview_label, preview);
  show_lint (self, draft);
  _pulse_template_editor_show_usage (self);

  section = pulse_template_get_section (draft);
  category = pulse_template_get_category (draft);
  gtk_label_set_text (self->title_label, pulse_template_get_name (draft));
  /* Translators: under a template's name: section › category · language */
  subtitle = g_strdup_printf (_("%s › %s · %s"), section != NULL ? section : _("Unsorted"),
                              category != NULL ? category : _("No category"),
                              _pulse_template_editor_language_name (language));
  gtk_label_set_text (self->subtitle_label, subtitle);
  adw_action_row_set_subtitle (self->disclosure_row, pulse_rule_runner_get_disclosure (language));
  gtk_widget_set_sensitive (self->save_button, can_save (self));
}

/* Once: at the variables popover's first showing. */
void
_pulse_template_editor_fill_variables (PulseTemplateEditor *self)
{
  guint n = 0;
  const PulseTemplateVar *vars = pulse_template_vars_get_all (&n);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->variables_list)) != NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("{{%s}}", vars[i].name);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   pulse_template_var_type_to_string (vars[i].type),
                                                   vars[i].sample);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "variable", g_strdup (vars[i].name), g_free);
      gtk_list_box_append (self->variables_list, row);
    }
}
