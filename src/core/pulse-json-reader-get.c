/* pulse-json-reader-get.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The typed reads of #PulseJsonReader: one member as a string, a number,
 * a boolean, an enum, a time, an array, a string list or an object, each
 * checked for its type and bounds, the first failure recorded with the
 * member's name. The reader itself is in pulse-json-reader.c.
 */

#include "config.h"

#include <math.h>

#include "pulse-error.h"
#include "pulse-json-private.h"
#include "pulse-json.h"
#include "pulse-time-utils.h"

static gboolean
value_has_type (JsonNode *node,
                GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The member, or NULL when it is absent or null. A missing required member
 * is recorded; null counts as absent so "assignee": null clears a field. */
static JsonNode *
lookup (PulseJsonReader *reader,
        const char      *member,
        PulseJsonFlags   flags)
{
  JsonNode *node;

  if (reader->error != NULL)
    return NULL;

  if (reader->seen != NULL)
    g_hash_table_add (reader->seen, g_strdup (member));

  node = json_object_get_member (reader->object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (flags & PULSE_JSON_REQUIRED)
        pulse_json_reader_fail (reader, member, "is required");
      return NULL;
    }

  return node;
}

static void
fail_type (PulseJsonReader *reader,
           const char      *member,
           const char      *expected,
           JsonNode        *node)
{
  pulse_json_reader_fail (reader, member, "expected %s, got %s", expected,
                          _pulse_json_describe_node (node));
}

static gboolean
check_string (PulseJsonReader *reader,
              const char      *member,
              const char      *value,
              gsize            max_length)
{
  gsize length = strlen (value);

  if (length > max_length)
    {
      pulse_json_reader_fail (reader, member, "longer than %" G_GSIZE_FORMAT " bytes", max_length);
      return FALSE;
    }

  /* json-glib validates the document, but a node built in memory may not be. */
  if (!g_utf8_validate (value, length, NULL))
    {
      pulse_json_reader_fail (reader, member, "is not valid UTF-8");
      return FALSE;
    }

  return TRUE;
}

/**
 * pulse_json_reader_dup_string:
 * @max_length: the longest value accepted, in bytes
 *
 * A required string must also be non-empty: an empty id or name is as
 * useless as a missing one.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL when absent
 *   or on error.
 */
char *
pulse_json_reader_dup_string (PulseJsonReader *reader,
                              const char      *member,
                              PulseJsonFlags   flags,
                              gsize            max_length)
{
  JsonNode *node = lookup (reader, member, flags);
  const char *value;

  if (node == NULL)
    return NULL;

  if (!value_has_type (node, G_TYPE_STRING))
    {
      fail_type (reader, member, "a string", node);
      return NULL;
    }

  value = json_node_get_string (node);
  if (!check_string (reader, member, value, max_length))
    return NULL;

  if ((flags & PULSE_JSON_REQUIRED) && value[0] == '\0')
    {
      pulse_json_reader_fail (reader, member, "must not be empty");
      return NULL;
    }

  return g_strdup (value);
}

gint64
pulse_json_reader_get_int (PulseJsonReader *reader,
                           const char      *member,
                           PulseJsonFlags   flags,
                           gint64           min,
                           gint64           max,
                           gint64           default_value)
{
  JsonNode *node = lookup (reader, member, flags);
  gint64 value;

  if (node == NULL)
    return default_value;

  if (!value_has_type (node, G_TYPE_INT64))
    {
      fail_type (reader, member, "an integer", node);
      return default_value;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      pulse_json_reader_fail (reader, member,
                              "%" G_GINT64_FORMAT " is outside %" G_GINT64_FORMAT "…%" G_GINT64_FORMAT,
                              value, min, max);
      return default_value;
    }

  return value;
}

double
pulse_json_reader_get_double (PulseJsonReader *reader,
                              const char      *member,
                              PulseJsonFlags   flags,
                              double           min,
                              double           max,
                              double           default_value)
{
  JsonNode *node = lookup (reader, member, flags);
  double value;

  if (node == NULL)
    return default_value;

  if (value_has_type (node, G_TYPE_INT64))
    value = (double) json_node_get_int (node);
  else if (value_has_type (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    {
      fail_type (reader, member, "a number", node);
      return default_value;
    }

  if (!isfinite (value) || value < min || value > max)
    {
      pulse_json_reader_fail (reader, member, "%g is outside %g…%g", value, min, max);
      return default_value;
    }

  return value;
}

gboolean
pulse_json_reader_get_boolean (PulseJsonReader *reader,
                               const char      *member,
                               PulseJsonFlags   flags,
                               gboolean         default_value)
{
  JsonNode *node = lookup (reader, member, flags);

  if (node == NULL)
    return default_value;

  if (!value_has_type (node, G_TYPE_BOOLEAN))
    {
      fail_type (reader, member, "a boolean", node);
      return default_value;
    }

  return json_node_get_boolean (node);
}

/**
 * pulse_json_reader_get_enum:
 * @enum_type: a #GEnum type whose nicks are the wire values
 *
 * Returns: the value; an unknown nick is an error, since guessing would
 *   misfile a ticket.
 */
int
pulse_json_reader_get_enum (PulseJsonReader *reader,
                            const char      *member,
                            GType            enum_type,
                            PulseJsonFlags   flags,
                            int              default_value)
{
  JsonNode *node = lookup (reader, member, flags);
  const char *nick;
  int value;

  if (node == NULL)
    return default_value;

  if (!value_has_type (node, G_TYPE_STRING))
    {
      fail_type (reader, member, "a string", node);
      return default_value;
    }

  nick = json_node_get_string (node);
  if (!pulse_enum_from_nick (enum_type, nick, &value))
    {
      g_autofree char *shown = g_utf8_make_valid (nick, MIN (strlen (nick), 64));

      pulse_json_reader_fail (reader, member, "unknown value “%s”", shown);
      return default_value;
    }

  return value;
}

/**
 * pulse_json_reader_get_time:
 *
 * Returns: the time in microseconds since the epoch, or 0 when absent or
 *   on error.
 */
gint64
pulse_json_reader_get_time (PulseJsonReader *reader,
                            const char      *member,
                            PulseJsonFlags   flags)
{
  JsonNode *node = lookup (reader, member, flags);
  gint64 usec = 0;

  if (node == NULL)
    return 0;

  if (!value_has_type (node, G_TYPE_STRING))
    {
      fail_type (reader, member, "an RFC 3339 time string", node);
      return 0;
    }

  if (!pulse_time_parse (json_node_get_string (node), &usec))
    {
      pulse_json_reader_fail (reader, member, "is not an RFC 3339 time with a time zone");
      return 0;
    }

  return usec;
}

/**
 * pulse_json_reader_get_array:
 *
 * Returns: (transfer none) (nullable): the array, or %NULL when absent or
 *   on error.
 */
JsonArray *
pulse_json_reader_get_array (PulseJsonReader *reader,
                             const char      *member,
                             PulseJsonFlags   flags,
                             guint            max_items)
{
  JsonNode *node = lookup (reader, member, flags);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_type (reader, member, "an array", node);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_items)
    {
      pulse_json_reader_fail (reader, member, "has more than %u items", max_items);
      return NULL;
    }

  return array;
}

/**
 * pulse_json_reader_dup_strv:
 *
 * Returns: (transfer full): the strings; an empty vector when absent, so
 *   callers need no %NULL check. %NULL only on error.
 */
GStrv
pulse_json_reader_dup_strv (PulseJsonReader *reader,
                            const char      *member,
                            PulseJsonFlags   flags,
                            guint            max_items,
                            gsize            max_length)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  array = pulse_json_reader_get_array (reader, member, flags, max_items);
  if (reader->error != NULL)
    return NULL;

  n = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

      if (!value_has_type (item, G_TYPE_STRING))
        {
          fail_type (reader, path, "a string", item);
          return NULL;
        }
      if (!check_string (reader, path, json_node_get_string (item), max_length))
        return NULL;

      g_strv_builder_add (builder, json_node_get_string (item));
    }

  return g_strv_builder_end (builder);
}

/**
 * pulse_json_reader_get_object:
 *
 * Returns: (transfer none) (nullable): the member if it is an object.
 */
JsonNode *
pulse_json_reader_get_object (PulseJsonReader *reader,
                              const char      *member,
                              PulseJsonFlags   flags)
{
  JsonNode *node = lookup (reader, member, flags);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (reader, member, "an object", node);
      return NULL;
    }

  return node;
}
