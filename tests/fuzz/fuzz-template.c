/* fuzz-template.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reply templates: parsing, rendering and lint. The input is a control
 * byte (the language, whether real values are given, the channels),
 * then the body up to the first NUL, then `name=value` lines: the
 * values to render with.
 *
 * Checks: placeholders and issues lie in the body, in order; rendering
 * and lint finish whatever the body.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "pulse-json.h"
#include "pulse-template-format.h"
#include "pulse-template-lint.h"
#include "pulse-template-render.h"
#include "pulse-template-vars.h"
#include "pulse-template.h"

static const char * const languages[] = { "uk", "ru", "es", "kk", "en", "xx", NULL };
static const char * const family[] = { "uk", "en", NULL };

static void
check_spans (const char *body,
             GPtrArray  *placeholders,
             GPtrArray  *issues)
{
  gsize length = strlen (body);
  guint after = 0;

  for (guint i = 0; i < placeholders->len; i++)
    {
      const PulseTemplatePlaceholder *p = g_ptr_array_index (placeholders, i);

      if (p->start >= p->end || p->end > length || p->start < after || p->name == NULL)
        {
          fprintf (stderr, "placeholder %u [%u, %u) out of place in %" G_GSIZE_FORMAT " bytes\n",
                   i, p->start, p->end, length);
          abort ();
        }
      after = p->end;
    }

  for (guint i = 0; i < issues->len; i++)
    {
      const PulseTemplateIssue *issue = g_ptr_array_index (issues, i);

      if (issue->start > issue->end || issue->end > length || issue->message == NULL)
        {
          fprintf (stderr, "issue %u [%u, %u) out of place in %" G_GSIZE_FORMAT " bytes\n",
                   i, issue->start, issue->end, length);
          abort ();
        }
    }
}

static GHashTable *
read_values (const char *text,
             const char *language)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 64);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');
      const PulseTemplateVar *var;

      if (equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_replace (values, g_strdup (lines[i]), g_strdup (equals + 1));

      /* The formatters run on raw values of every type. */
      if ((var = pulse_template_vars_lookup (lines[i])) != NULL)
        g_free (pulse_template_format_value (var->type, equals + 1, language));
      for (int type = PULSE_TEMPLATE_VAR_TEXT; type <= PULSE_TEMPLATE_VAR_URL; type++)
        g_free (pulse_template_format_value (type, equals + 1, language));
    }

  return values;
}

static PulseTemplate *
make_template (const char *body,
               const char *language,
               guint8      control)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", "tpl-fuzz");
  pulse_json_add_int (builder, "version", 1);
  pulse_json_add_string (builder, "name", "Fuzz");
  pulse_json_add_string (builder, "language", language != NULL ? language : "en");
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  if ((control & 0x10) != 0)
    json_builder_add_string_value (builder, "telegram");
  if ((control & 0x20) != 0)
    json_builder_add_string_value (builder, "email");
  json_builder_end_array (builder);
  pulse_json_add_string (builder, "body", body);
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  pulse_json_add_boolean (builder, "disclosure", (control & 0x40) != 0);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return pulse_template_new_from_json (node, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) issues = pulse_template_issues_new ();
  g_autoptr(GPtrArray) placeholders = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(PulseTemplate) template = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *rendered = NULL;
  const char *language;
  gsize body_length;

  pulse_fuzz_setup ();
  if (size == 0)
    return 0;

  text = pulse_fuzz_dup_text (data + 1, size - 1);
  body_length = strlen (text);
  language = languages[data[0] % G_N_ELEMENTS (languages)];
  if ((data[0] & 0x80) != 0 && body_length + 1 < size)
    values = read_values (text + body_length + 1, language);

  placeholders = pulse_template_parse (text, issues);
  check_spans (text, placeholders, issues);
  names = pulse_template_dup_used_names (text);
  g_ptr_array_set_size (issues, 0);
  rendered = pulse_template_render_body (text, language, values, issues);
  g_ptr_array_unref (pulse_template_lint_links (text));

  template = make_template (text, language, data[0]);
  if (template != NULL)
    {
      /* Run for what they may do wrong (the sanitizers watch); the
       * results themselves are not looked at. */
      g_autoptr(GPtrArray) lint = pulse_template_lint (template, family);
      g_autoptr(GPtrArray) more = pulse_template_issues_new ();
      g_autofree char *reply = pulse_template_render (template, values, more);

      (void) lint;
      (void) reply;
    }

  return 0;
}
