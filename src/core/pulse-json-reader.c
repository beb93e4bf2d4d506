/* pulse-json-reader.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * #PulseJsonReader itself: reading an object, strict mode, the first
 * error and how it is reported. The typed reads of members are in
 * pulse-json-reader-get.c.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json-private.h"
#include "pulse-json.h"

const char *
_pulse_json_describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

/* Strict decoding is per thread, so the server's request handlers can
 * turn it on around one decode without changing every codec's signature. */
static __thread gboolean strict_decoding;

/**
 * pulse_json_reader_init:
 * @reader: an uninitialised reader on the stack
 * @node: the JSON value to read
 * @what: what the value should be, for the error ("ticket")
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * Returns: %TRUE if @node is an object; otherwise @reader is left empty
 *   and need not be cleared.
 */
gboolean
pulse_json_reader_init (PulseJsonReader  *reader,
                        JsonNode         *node,
                        const char       *what,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  reader->object = NULL;
  reader->error = NULL;
  reader->seen = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "expected %s object, got %s", what,
                   node == NULL ? "nothing" : _pulse_json_describe_node (node));
      return FALSE;
    }

  reader->object = json_object_ref (json_node_get_object (node));
  if (strict_decoding)
    reader->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

/**
 * pulse_json_set_strict:
 * @strict: whether readers initialised from now on, on this thread,
 *   reject members their codec never asked for
 *
 * Returns: the previous setting, to restore when done.
 */
gboolean
pulse_json_set_strict (gboolean strict)
{
  gboolean previous = strict_decoding;

  strict_decoding = strict;
  return previous;
}

/* In strict mode, the first member no read asked for is the error. */
static void
check_unknown_members (PulseJsonReader *reader)
{
  g_autoptr(GList) members = NULL;

  if (reader->seen == NULL || reader->error != NULL)
    return;

  members = json_object_get_members (reader->object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_hash_table_contains (reader->seen, l->data))
        {
          pulse_json_reader_fail (reader, l->data, "unknown member");
          return;
        }
    }
}

/**
 * pulse_json_decode_object:
 * @node: the wire form
 * @type: the GObject type to build
 * @what: what the value should be, for the error ("a rule")
 * @read_fields: fills a fresh @type object from the reader
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error
 *
 * The shape of most codecs: build an empty object, read every field into
 * it, and hand it out only if all of them passed, so a bad document never
 * yields a half-filled object.
 *
 * Returns: (transfer full) (nullable): the object, or %NULL on error.
 */
gpointer
pulse_json_decode_object (JsonNode             *node,
                          GType                 type,
                          const char           *what,
                          PulseJsonFieldsFunc   read_fields,
                          GError              **error)
{
  g_autoptr(GObject) object = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, what, error))
    return NULL;

  object = g_object_new (type, NULL);
  read_fields (object, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&object);
}

/**
 * pulse_json_reader_finish:
 * @reader: a reader
 * @error: return location for the first problem found
 *
 * Ends reading and releases @reader.
 *
 * Returns: %TRUE if every read succeeded.
 */
gboolean
pulse_json_reader_finish (PulseJsonReader  *reader,
                          GError          **error)
{
  gboolean ok;

  check_unknown_members (reader);
  ok = reader->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&reader->error));

  pulse_json_reader_clear (reader);
  return ok;
}

void
pulse_json_reader_clear (PulseJsonReader *reader)
{
  g_clear_pointer (&reader->object, json_object_unref);
  g_clear_pointer (&reader->seen, g_hash_table_unref);
  g_clear_error (&reader->error);
}

gboolean
pulse_json_reader_failed (PulseJsonReader *reader)
{
  return reader->error != NULL;
}

/**
 * pulse_json_reader_fail:
 * @reader: a reader
 * @member: the field at fault
 * @format: printf-style description of the problem
 *
 * Records a problem found by the codec itself (a value out of order, an
 * end before a start). Only the first problem is kept.
 */
void
pulse_json_reader_fail (PulseJsonReader *reader,
                        const char      *member,
                        const char      *format,
                        ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->error != NULL)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (&reader->error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
               "%s: %s", member, problem);
}

/**
 * pulse_json_reader_take_error:
 * @reader: a reader
 * @prefix: the path of the nested value ("messages[2]")
 * @error: (transfer full): the nested codec's error
 *
 * Records a nested codec's error under the path of the nested value, so
 * the message reads "messages[2].author: …".
 */
void
pulse_json_reader_take_error (PulseJsonReader *reader,
                              const char      *prefix,
                              GError          *error)
{
  if (reader->error != NULL)
    {
      g_error_free (error);
      return;
    }

  /* An "expected an object" error names no field, so it takes ": ". */
  if (strchr (error->message, ':') != NULL)
    g_prefix_error (&error, "%s.", prefix);
  else
    g_prefix_error (&error, "%s: ", prefix);

  reader->error = error;
}

gboolean
pulse_json_reader_has (PulseJsonReader *reader,
                       const char      *member)
{
  JsonNode *node;

  if (reader->object == NULL)
    return FALSE;

  if (reader->seen != NULL)
    g_hash_table_add (reader->seen, g_strdup (member));

  node = json_object_get_member (reader->object, member);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}
