/* pulse-test-mutation.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bad-input tables written as one change to a valid document:
 * { "phrases.1.mode", "\"fuzzy\"", "phrases[1].mode: unknown value" }.
 * Header-only, so a test needs no extra meson wiring.
 */

#pragma once

#include <json-glib/json-glib.h>

/* The limits (PULSE_JSON_MAX_*) that over-long cases are built from. */
#include "pulse-json.h"
#include "pulse-test-util.h"

G_BEGIN_DECLS

/* @path names a member with dots, array items by number ("sections.0.name");
 * its last part must be an object member. @value is JSON text for the new
 * value, or NULL to remove the member. */
typedef struct
{
  const char *path;
  const char *value;
  const char *message_part;
} PulseTestMutation;

static inline JsonNode *
pulse_test_mutation_step (JsonNode   *node,
                          const char *part)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint64 index = g_ascii_strtoull (part, NULL, 10);

      g_assert_cmpuint (index, <, json_array_get_length (array));
      return json_array_get_element (array, (guint) index);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_true (json_object_has_member (json_node_get_object (node), part));
  return json_object_get_member (json_node_get_object (node), part);
}

/* Returns: (transfer full): @json with the member at @path set to @value. */
static inline char *
pulse_test_mutate (const char *json,
                   const char *path,
                   const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n_parts = g_strv_length (parts);
  JsonNode *node;
  JsonObject *object;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  node = json_parser_get_root (parser);
  for (guint i = 0; i + 1 < n_parts; i++)
    node = pulse_test_mutation_step (node, parts[i]);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  if (value == NULL)
    {
      g_assert_true (json_object_has_member (object, parts[n_parts - 1]));
      json_object_remove_member (object, parts[n_parts - 1]);
    }
  else
    {
      JsonNode *new_value = json_from_string (value, &error);

      g_assert_no_error (error);
      json_object_set_member (object, parts[n_parts - 1], new_value);
    }

  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* Checks that @base decodes, then that every mutation of it is refused
 * with an error containing its message part. */
static inline void
pulse_test_assert_bad_mutations (const char              *base,
                                 const PulseTestMutation *mutations,
                                 gsize                    n_mutations,
                                 PulseTestDecodeFunc      decode)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree PulseTestBadInput *cases = g_new0 (PulseTestBadInput, n_mutations);
  g_autoptr(JsonNode) node = pulse_test_parse (base);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = decode (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);

  for (gsize i = 0; i < n_mutations; i++)
    {
      char *text = pulse_test_mutate (base, mutations[i].path, mutations[i].value);

      g_ptr_array_add (texts, text);
      cases[i].json = text;
      cases[i].message_part = mutations[i].message_part;
    }

  pulse_test_assert_bad_inputs (cases, n_mutations, decode);
}

/* Returns: (transfer full): a JSON string literal of @length copies of @c. */
static inline char *
pulse_test_long_string (gsize length,
                        char  c)
{
  g_autofree char *text = g_strnfill (length, c);

  return g_strdup_printf ("\"%s\"", text);
}

G_END_DECLS
