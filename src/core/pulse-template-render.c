/* pulse-template-render.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A body's `{{variable}}` placeholders found, checked against the
 * documented list, and filled with values written the customer's way.
 */

#include "config.h"

#include <string.h>

#include "pulse-rule-runner.h"
#include "pulse-template-format.h"
#include "pulse-template-render.h"
#include "pulse-template-vars.h"

static void
placeholder_free (PulseTemplatePlaceholder *placeholder)
{
  g_free (placeholder->name);
  g_free (placeholder);
}

static void
add_issue (GPtrArray          *issues,
           PulseTemplateIssue *issue)
{
  if (issues != NULL)
    g_ptr_array_add (issues, issue);
  else
    pulse_template_issue_free (issue);
}

/* One `{{…}}` from @open to just after @close's `}}`. */
static void
take_placeholder (const char *body,
                  const char *open,
                  const char *close,
                  GPtrArray  *out,
                  GPtrArray  *issues)
{
  g_autofree char *name = g_strstrip (g_strndup (open + 2, close - open - 2));
  guint start = open - body, end = close + 2 - body;
  PulseTemplatePlaceholder *placeholder;

  if (!pulse_template_is_valid_variable_name (name))
    {
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      add_issue (issues, pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_BAD_NAME, start, end,
                                                   shown, 0,
                                                   "“%s” is not a variable name: use lower-case "
                                                   "words joined by dots, as in client.first_name",
                                                   shown));
      return;
    }

  if (pulse_template_vars_lookup (name) == NULL)
    add_issue (issues, pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_UNKNOWN_VARIABLE, start,
                                                 end, name, 0,
                                                 "{{%s}} is not a documented variable", name));

  placeholder = g_new0 (PulseTemplatePlaceholder, 1);
  placeholder->start = start;
  placeholder->end = end;
  placeholder->name = g_steal_pointer (&name);
  g_ptr_array_add (out, placeholder);
}

/**
 * pulse_template_parse:
 * @body: a template's body
 * @issues: (nullable) (element-type PulseTemplateIssue): where to add
 *   what is wrong: a `{{` never closed (before the next `{{` or the
 *   end), a bad name between the braces, a name not in the documented
 *   list (pulse_template_vars_lookup())
 *
 * Finds the placeholders of @body. Single braces are text. Spaces
 * inside the braces do not count: `{{ loan.id }}` is `{{loan.id}}`.
 *
 * Returns: (transfer full) (element-type PulseTemplatePlaceholder): the
 *   well-formed placeholders, known or not, in order.
 */
GPtrArray *
pulse_template_parse (const char *body,
                      GPtrArray  *issues)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) placeholder_free);
  const char *p = body;
  const char *open;

  g_return_val_if_fail (body != NULL, out);

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open + 2, "}}");
      const char *next = strstr (open + 2, "{{");

      if (close == NULL || (next != NULL && next < close))
        {
          guint start = open - body;

          add_issue (issues, pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_UNCLOSED, start,
                                                       start + 2, NULL, 0,
                                                       "“{{” at character %ld is never closed "
                                                       "with “}}”",
                                                       g_utf8_pointer_to_offset (body, open) + 1));
          p = open + 2;
          continue;
        }

      take_placeholder (body, open, close, out, issues);
      p = close + 2;
    }

  return out;
}

/**
 * pulse_template_dup_used_names:
 * @body: a template's body
 *
 * Returns: (transfer full): the names of the well-formed placeholders
 *   of @body, each once, in order of first use: what the template's
 *   `variables` member lists.
 */
char **
pulse_template_dup_used_names (const char *body)
{
  g_autoptr(GPtrArray) placeholders = pulse_template_parse (body, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < placeholders->len; i++)
    {
      PulseTemplatePlaceholder *placeholder = placeholders->pdata[i];

      if (g_hash_table_add (seen, placeholder->name))
        g_strv_builder_add (builder, placeholder->name);
    }

  return g_strv_builder_end (builder);
}

/* The text that stands for @name, or NULL to leave the placeholder. */
static char *
value_of (const char  *name,
          const char  *language,
          GHashTable  *values,
          guint        start,
          guint        end,
          GPtrArray   *issues)
{
  const PulseTemplateVar *var = pulse_template_vars_lookup (name);
  const char *raw;
  char *shown;

  if (values == NULL)
    raw = var != NULL ? pulse_template_var_get_sample (var, language) : NULL;
  else
    raw = g_hash_table_lookup (values, name);

  if (raw == NULL)
    {
      if (values != NULL && var != NULL)
        add_issue (issues, pulse_template_issue_new (PULSE_TEMPLATE_ISSUE_MISSING_VALUE, start,
                                                     end, name, 0, "no value for {{%s}}", name));
      return NULL;
    }

  shown = var != NULL ? pulse_template_format_value (var->type, raw, language) : NULL;
  return shown != NULL ? shown : g_strdup (raw);
}

/**
 * pulse_template_render_body:
 * @body: a template's body
 * @language: (nullable): its language, for how money and dates read
 * @values: (nullable) (element-type utf8 utf8): the real values by
 *   variable name (raw: "12500.00 UAH", "2026-12-15"); %NULL to use the
 *   documented samples
 * @issues: (nullable) (element-type PulseTemplateIssue): where to add
 *   parse issues, and a missing value for each documented variable
 *   @values lacks
 *
 * Fills the placeholders. One that cannot be filled (an unknown
 * variable without a value, a missing value) stays as written, so the
 * gap is seen rather than hidden; so does a malformed one.
 *
 * Returns: (transfer full): the text.
 */
char *
pulse_template_render_body (const char *body,
                            const char *language,
                            GHashTable *values,
                            GPtrArray  *issues)
{
  g_autoptr(GPtrArray) placeholders = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint at = 0;

  g_return_val_if_fail (body != NULL, NULL);

  placeholders = pulse_template_parse (body, issues);
  for (guint i = 0; i < placeholders->len; i++)
    {
      PulseTemplatePlaceholder *placeholder = placeholders->pdata[i];
      g_autofree char *value = value_of (placeholder->name, language, values,
                                         placeholder->start, placeholder->end, issues);

      g_string_append_len (out, body + at, placeholder->start - at);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, body + placeholder->start,
                             placeholder->end - placeholder->start);
      at = placeholder->end;
    }
  g_string_append (out, body + at);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pulse_template_render:
 * @values: (nullable): as for pulse_template_render_body()
 * @issues: (nullable) (element-type PulseTemplateIssue): as there
 *
 * Renders @self as a rule would send it: the body filled in, then, when
 * the disclosure is on, an empty line and the "sent automatically" line
 * in the template's language (pulse_rule_runner_get_disclosure()).
 *
 * Returns: (transfer full): the reply.
 */
char *
pulse_template_render (PulseTemplate *self,
                       GHashTable    *values,
                       GPtrArray     *issues)
{
  const char *body;
  const char *language;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  body = pulse_template_get_body (self);
  language = pulse_template_get_language (self);
  text = pulse_template_render_body (body != NULL ? body : "", language, values, issues);
  if (!pulse_template_get_disclosure (self))
    return g_steal_pointer (&text);

  return g_strdup_printf ("%s\n\n%s", text, pulse_rule_runner_get_disclosure (language));
}
