/* pulse-cache-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text a #PulseCache stores for a JSON body. Every event rewrites a
 * ticket of a kilobyte or more, and JsonGenerator spends most of the
 * cache writer's time on it (a GObject per call, a copy of every string
 * to escape it): this writes the same compact JSON straight into one
 * buffer. The cache is read back with json-glib, so only the tree has to
 * be the same, but the text is json-glib's too except for rare escapes.
 */

#include "config.h"

#include "pulse-cache-private.h"

static void write_node (GString  *out,
                        JsonNode *node);

static void
write_string (GString    *out,
              const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default: break;
        }
      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_len (out, run, strlen (run));
  g_string_append_c (out, '"');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node));
      g_string_append (out, buffer);
      /* A double stays a double when read back. */
      if (strpbrk (buffer, ".eEn") == NULL)
        g_string_append (out, ".0");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      write_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
write_object (GString    *out,
              JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      write_string (out, name);
      g_string_append_c (out, ':');
      write_node (out, member);
    }
  g_string_append_c (out, '}');
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  JsonArray *array;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
      break;
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * _pulse_cache_json_to_string:
 * @node: a JSON tree
 * @length: (out): the text's length in bytes
 *
 * Returns: (transfer full): @node as compact JSON text, as
 *   pulse_json_to_string() writes it.
 */
char *
_pulse_cache_json_to_string (JsonNode *node,
                             gsize    *length)
{
  GString *out = g_string_sized_new (2048);

  write_node (out, node);
  *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * _pulse_cache_ticket_to_strings:
 * @ticket: a ticket's wire form
 * @head: (out): the text up to and with the messages' "[" (all of it
 *   when there is no "messages" array)
 * @tail: (out) (nullable): the text from the messages' "]" on, or %NULL
 *   when there is no "messages" array
 *
 * A ticket split for the cache's ticket and message rows (schema 2):
 * head, each message's text joined by ",", then tail, is
 * _pulse_cache_json_to_string()'s text of @ticket.
 *
 * Returns: (transfer none) (nullable): the messages, left out of @head
 *   and @tail; %NULL when there are none to leave out.
 */
JsonArray *
_pulse_cache_ticket_to_strings (JsonNode  *ticket,
                                char     **head,
                                gsize     *head_length,
                                char     **tail,
                                gsize     *tail_length)
{
  GString *out = g_string_sized_new (1024);
  GString *rest = NULL;
  JsonArray *messages = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (ticket))
    {
      write_node (out, ticket);
      *tail = NULL;
      *tail_length = 0;
      *head_length = out->len;
      *head = g_string_free (out, FALSE);
      return NULL;
    }

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, json_node_get_object (ticket));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      GString *to = rest != NULL ? rest : out;

      if (to->len > 1 || rest != NULL)
        g_string_append_c (to, ',');
      write_string (to, name);
      g_string_append_c (to, ':');
      if (rest == NULL && JSON_NODE_HOLDS_ARRAY (member) && g_str_equal (name, "messages"))
        {
          messages = json_node_get_array (member);
          g_string_append_c (out, '[');
          rest = g_string_new ("]");
        }
      else
        write_node (to, member);
    }
  g_string_append_c (rest != NULL ? rest : out, '}');

  *head_length = out->len;
  *head = g_string_free (out, FALSE);
  *tail_length = rest != NULL ? rest->len : 0;
  *tail = rest != NULL ? g_string_free (rest, FALSE) : NULL;
  return messages;
}
