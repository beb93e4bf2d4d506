/* pulse-template-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wire form of PulseTemplate (documented on the type), and what a
 * variable name may be.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-json.h"
#include "pulse-template-private.h"

/* Names are unique, so a body's {{name}} has one meaning. */
static gboolean
check_variable (PulseJsonReader *reader,
                GHashTable      *seen,
                guint            index,
                const char      *name)
{
  g_autofree char *path = g_strdup_printf ("variables[%u]", index);

  if (!pulse_template_is_valid_variable_name (name))
    {
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      pulse_json_reader_fail (reader, path,
                              "“%s” is not a variable name ([a-z_][a-z0-9_]* joined by dots)",
                              shown);
      return FALSE;
    }

  if (!g_hash_table_add (seen, (gpointer) name))
    {
      pulse_json_reader_fail (reader, path, "duplicate “%s”", name);
      return FALSE;
    }

  return TRUE;
}

static GStrv
read_variables (PulseJsonReader *reader)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) names = NULL;

  names = pulse_json_reader_dup_strv (reader, "variables", PULSE_JSON_OPTIONAL,
                                      PULSE_JSON_MAX_ITEMS, PULSE_TEMPLATE_MAX_VARIABLE);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (!check_variable (reader, seen, i, names[i]))
        return NULL;
    }

  return g_steal_pointer (&names);
}

static void
read_fields (PulseTemplate   *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->language = pulse_json_reader_dup_string (reader, "language", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  pulse_channel_set_read (reader, "channels", &self->channels);
  self->body = pulse_json_reader_dup_string (reader, "body", PULSE_JSON_REQUIRED,
                                             PULSE_TEMPLATE_MAX_BODY);
  g_strfreev (self->variables);
  self->variables = read_variables (reader);
  self->disclosure = pulse_json_reader_get_boolean (reader, "disclosure", PULSE_JSON_OPTIONAL,
                                                    TRUE);
  self->family = pulse_json_reader_dup_string (reader, "family", PULSE_JSON_OPTIONAL,
                                               PULSE_JSON_MAX_ID);
  self->section = pulse_json_reader_dup_string (reader, "section", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_NAME);
  self->category = pulse_json_reader_dup_string (reader, "category", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_NAME);
  self->updated_by = pulse_json_reader_dup_string (reader, "updated_by", PULSE_JSON_OPTIONAL,
                                                   PULSE_JSON_MAX_NAME);
}

/**
 * pulse_template_new_from_json:
 * @node: the wire form of a template
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the template, or %NULL on error.
 */
PulseTemplate *
pulse_template_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_TEMPLATE, "a template",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_template_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_template_to_json (PulseTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_TEMPLATE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "language", self->language);
  pulse_channel_set_write (builder, "channels", self->channels);
  pulse_json_add_string (builder, "body", self->body);
  pulse_json_add_strv (builder, "variables", (const char * const *) self->variables);
  pulse_json_add_boolean (builder, "disclosure", self->disclosure);
  pulse_json_add_string (builder, "family", self->family);
  pulse_json_add_string (builder, "section", self->section);
  pulse_json_add_string (builder, "category", self->category);
  pulse_json_add_string (builder, "updated_by", self->updated_by);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_template_is_valid_variable_name:
 * @name: (nullable): a candidate name
 *
 * A name is one or more words of `[a-z_][a-z0-9_]*` joined by dots
 * (`client.first_name`), at most %PULSE_TEMPLATE_MAX_VARIABLE bytes.
 *
 * Returns: %TRUE if @name is such a name.
 */
gboolean
pulse_template_is_valid_variable_name (const char *name)
{
  gboolean word_start = TRUE;
  gsize i;

  if (name == NULL || name[0] == '\0')
    return FALSE;

  for (i = 0; name[i] != '\0'; i++)
    {
      if (i == PULSE_TEMPLATE_MAX_VARIABLE)
        return FALSE;
      if (name[i] == '.')
        {
          if (word_start)
            return FALSE;
          word_start = TRUE;
          continue;
        }
      if (word_start && g_ascii_isdigit (name[i]))
        return FALSE;
      if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
        return FALSE;
      word_start = FALSE;
    }

  return !word_start;
}
