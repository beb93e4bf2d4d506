/* pulse-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json-private.h"
#include "pulse-json.h"
#include "pulse-time-utils.h"

/* Writers. Absent values (NULL strings, unset times) are left out rather
 * than written as null, which keeps events small. */

void
pulse_json_add_string (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
pulse_json_add_int (JsonBuilder *builder,
                    const char  *member,
                    gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
pulse_json_add_double (JsonBuilder *builder,
                       const char  *member,
                       double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

void
pulse_json_add_boolean (JsonBuilder *builder,
                        const char  *member,
                        gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
pulse_json_add_enum (JsonBuilder *builder,
                     const char  *member,
                     GType        enum_type,
                     int          value)
{
  pulse_json_add_string (builder, member, pulse_enum_to_nick (enum_type, value));
}

void
pulse_json_add_time (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  g_autofree char *text = NULL;

  if (value == 0)
    return;

  text = pulse_time_format (value);
  pulse_json_add_string (builder, member, text);
}

void
pulse_json_add_strv (JsonBuilder        *builder,
                     const char         *member,
                     const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* @enum_type's class, kept: every event's fields look their nicks up in
 * it, and a reference taken and dropped each time cost a lock and two
 * atomics per field. The reference taken on the first use is never
 * dropped, so the class lives as long as the process. */
static GEnumClass *
enum_class (GType enum_type)
{
  GEnumClass *klass = g_type_class_peek (enum_type);

  return klass != NULL ? klass : g_type_class_ref (enum_type);
}

/**
 * pulse_enum_to_nick:
 *
 * Returns: (transfer none) (nullable): the wire spelling of @value, or
 *   %NULL if @value is not a member of @enum_type.
 */
const char *
pulse_enum_to_nick (GType enum_type,
                    int   value)
{
  GEnumValue *ev = g_enum_get_value (enum_class (enum_type), value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
pulse_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  ev = g_enum_get_value_by_nick (enum_class (enum_type), nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

/* One pass over the text before json-glib sees it: nesting depth, what
 * json-glib accepts but JSON does not (single quotes, comments), and
 * "\u0000", which json-glib would turn into a string cut short at the
 * NUL (an id or amount silently truncated is worse than refused). */
static gboolean
check_shape (const char  *text,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (text[i + 1] == 'u' && i + 5 < length && strncmp (text + i + 2, "0000", 4) == 0)
                {
                  g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                               "malformed JSON: NUL characters (\\u0000) are not allowed, "
                               "at byte %" G_GSIZE_FORMAT, i);
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/')
        {
          /* json-glib's scanner would take 'quoted' strings and comments;
           * neither is JSON, and a peer relying on them is broken. */
          g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                       "malformed JSON: unexpected “%c” at byte %" G_GSIZE_FORMAT, c, i);
          return FALSE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > PULSE_JSON_MAX_DEPTH)
            {
              g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "malformed JSON: nested deeper than %d levels",
                           PULSE_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * pulse_json_parse:
 * @text: UTF-8 JSON text
 * @length: length of @text, or -1 if nul-terminated
 *
 * Refuses documents nested deeper than 64 levels and strings with NUL
 * characters, before json-glib sees them. The common documents (events,
 * cache rows, pages) are read by a faster scanner of our own
 * (pulse-json-scan.c) into the same sealed tree; anything it does not
 * take, malformed or unusual, goes to json-glib as before.
 *
 * Returns: (transfer full): the root node, or %NULL with a
 *   %PULSE_ERROR_INVALID_DATA error naming where the text broke.
 */
JsonNode *
pulse_json_parse (const char  *text,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  JsonNode *root;

  /* An empty GBytes (an answer with no body) has no data at all. */
  if (text == NULL && length == 0)
    text = "";
  size = length < 0 ? strlen (text) : (gsize) length;

  root = _pulse_json_scan (text, size);
  if (root != NULL)
    return root;

  if (!check_shape (text, size, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "malformed JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "empty JSON document");
      return NULL;
    }

  return json_node_ref (root);
}

char *
pulse_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
