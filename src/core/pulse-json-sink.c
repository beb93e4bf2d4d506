/* pulse-json-sink.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching compares values as the writer would write them: a string the
 * same bytes, an integer the same gint64 (json-glib reads every JSON
 * integer as one), a time its canonical RFC 3339 text. Anything else (a
 * member out of order, one the writer leaves out, 1.0 for 1) differs,
 * and the caller writes the node again: a false "differs" costs time,
 * never correctness.
 */

#include "config.h"

#include <string.h>

#include "pulse-json-sink.h"
#include "pulse-json.h"
#include "pulse-time-utils.h"

void
pulse_json_sink_init_build (PulseJsonSink *sink,
                            JsonBuilder   *builder)
{
  memset (sink, 0, sizeof *sink);
  sink->builder = builder;
}

void
pulse_json_sink_init_match (PulseJsonSink *sink,
                            JsonObject    *object)
{
  memset (sink, 0, sizeof *sink);
  sink->matching = TRUE;
  json_object_iter_init_ordered (&sink->iter, object);
}

/**
 * pulse_json_sink_next:
 * @member: the member the writer writes next
 *
 * Matching only: the next member, if it is named @member; the sink
 * differs otherwise.
 *
 * Returns: (transfer none) (nullable): its value, or %NULL
 */
JsonNode *
pulse_json_sink_next (PulseJsonSink *sink,
                      const char    *member)
{
  const char *name;
  JsonNode *node;

  g_assert (sink->matching);

  if (sink->differs)
    return NULL;
  if (!json_object_iter_next_ordered (&sink->iter, &name, &node) || strcmp (name, member) != 0)
    {
      sink->differs = TRUE;
      return NULL;
    }
  return node;
}

/**
 * pulse_json_sink_matches:
 *
 * Matching only: ends the comparison.
 *
 * Returns: whether every member was as written, and none is left over
 */
gboolean
pulse_json_sink_matches (PulseJsonSink *sink)
{
  const char *name;
  JsonNode *node;

  g_assert (sink->matching);

  if (!sink->differs && json_object_iter_next_ordered (&sink->iter, &name, &node))
    sink->differs = TRUE;
  return !sink->differs;
}

/**
 * pulse_json_sink_build_object:
 *
 * Returns: (transfer full): the sealed object @write writes for @object
 */
JsonNode *
pulse_json_sink_build_object (PulseJsonSinkWriteFunc write,
                              gpointer               object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  PulseJsonSink sink;

  json_builder_begin_object (builder);
  pulse_json_sink_init_build (&sink, builder);
  write (object, &sink);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pulse_json_sink_object_matches:
 *
 * Returns: whether @node is the object @write writes for @object: the
 *   same members in the same order with the same values
 */
gboolean
pulse_json_sink_object_matches (JsonNode               *node,
                                PulseJsonSinkWriteFunc  write,
                                gpointer                object)
{
  PulseJsonSink sink;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  pulse_json_sink_init_match (&sink, json_node_get_object (node));
  write (object, &sink);
  return pulse_json_sink_matches (&sink);
}

static void
match_value (PulseJsonSink *sink,
             const char    *member,
             GType          type,
             const char    *string,
             gint64         integer)
{
  JsonNode *node = pulse_json_sink_next (sink, member);

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    sink->differs = TRUE;
  else if (type == G_TYPE_STRING)
    sink->differs = strcmp (json_node_get_string (node), string) != 0;
  else
    sink->differs = json_node_get_int (node) != integer;
}

/* Absent (NULL) strings are left out, as pulse_json_add_string() does. */
void
pulse_json_sink_string (PulseJsonSink *sink,
                        const char    *member,
                        const char    *value)
{
  if (!sink->matching)
    pulse_json_add_string (sink->builder, member, value);
  else if (value != NULL)
    match_value (sink, member, G_TYPE_STRING, value, 0);
}

void
pulse_json_sink_int (PulseJsonSink *sink,
                     const char    *member,
                     gint64         value)
{
  if (!sink->matching)
    pulse_json_add_int (sink->builder, member, value);
  else
    match_value (sink, member, G_TYPE_INT64, NULL, value);
}

void
pulse_json_sink_enum (PulseJsonSink *sink,
                      const char    *member,
                      GType          enum_type,
                      int            value)
{
  pulse_json_sink_string (sink, member, pulse_enum_to_nick (enum_type, value));
}

/* An unset time (0) is left out, as pulse_json_add_time() does. */
void
pulse_json_sink_time (PulseJsonSink *sink,
                      const char    *member,
                      gint64         value)
{
  g_autofree char *text = NULL;

  if (!sink->matching)
    {
      pulse_json_add_time (sink->builder, member, value);
      return;
    }
  if (value == 0)
    return;

  text = pulse_time_format (value);
  match_value (sink, member, G_TYPE_STRING, text, 0);
}

void
pulse_json_sink_strv (PulseJsonSink      *sink,
                      const char         *member,
                      const char * const *values)
{
  JsonNode *node;
  JsonArray *array;
  guint n = values != NULL ? g_strv_length ((char **) values) : 0;

  if (!sink->matching)
    {
      pulse_json_add_strv (sink->builder, member, values);
      return;
    }

  node = pulse_json_sink_next (sink, member);
  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) != n)
    {
      sink->differs = TRUE;
      return;
    }
  for (guint i = 0; i < n && !sink->differs; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      sink->differs = !JSON_NODE_HOLDS_VALUE (element) ||
                      json_node_get_value_type (element) != G_TYPE_STRING ||
                      strcmp (json_node_get_string (element), values[i]) != 0;
    }
}
