/* pulse-test-json-same.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the tests of pulse-json-scan.c: json-glib's own parse of a text,
 * and a comparison stricter than json_node_equal() (which takes 1 and
 * 1.0 as equal and ignores member order).
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib alone, as pulse_json_parse() used it: NULL if it refuses. */
static inline JsonNode *
pulse_test_json_glib_parse (const char *text,
                            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

/* Same node types, value types, values, member names and order, and
 * both sealed. */
static inline gboolean
pulse_test_json_same (JsonNode *a,
                      JsonNode *b)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b) ||
      json_node_is_immutable (a) != json_node_is_immutable (b))
    return FALSE;

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) ma = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) mb = json_object_get_members (json_node_get_object (b));
        GList *la = ma, *lb = mb;

        for (; la != NULL && lb != NULL; la = la->next, lb = lb->next)
          if (g_strcmp0 (la->data, lb->data) != 0 ||
              !pulse_test_json_same (json_object_get_member (json_node_get_object (a), la->data),
                                     json_object_get_member (json_node_get_object (b), lb->data)))
            return FALSE;
        return la == NULL && lb == NULL;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *xa = json_node_get_array (a), *xb = json_node_get_array (b);

        if (json_array_get_length (xa) != json_array_get_length (xb))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (xa); i++)
          if (!pulse_test_json_same (json_array_get_element (xa, i),
                                     json_array_get_element (xb, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
      if (json_node_get_value_type (a) == G_TYPE_DOUBLE)
        return memcmp (&(double) { json_node_get_double (a) },
                       &(double) { json_node_get_double (b) }, sizeof (double)) == 0;
      if (json_node_get_value_type (a) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (a) == json_node_get_boolean (b);
      return json_node_get_int (a) == json_node_get_int (b);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

G_END_DECLS
