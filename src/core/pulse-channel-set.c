/* pulse-channel-set.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"

/* Reads one array item; returns FALSE once the reader has failed. */
static gboolean
read_item (PulseJsonReader *reader,
           const char      *member,
           guint            index,
           JsonNode        *item,
           guint           *set)
{
  g_autofree char *path = g_strdup_printf ("%s[%u]", member, index);
  const char *nick;
  int kind;

  if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
    {
      pulse_json_reader_fail (reader, path, "expected a channel name string");
      return FALSE;
    }

  nick = json_node_get_string (item);
  if (!pulse_enum_from_nick (PULSE_TYPE_CHANNEL_KIND, nick, &kind))
    {
      g_autofree char *shown = g_utf8_make_valid (nick, MIN (strlen (nick), 64));

      pulse_json_reader_fail (reader, path, "unknown value “%s”", shown);
      return FALSE;
    }

  /* The writer cannot reproduce a repeat, so the wire form may not hold one. */
  if (*set & PULSE_CHANNEL_SET_BIT (kind))
    {
      pulse_json_reader_fail (reader, path, "duplicate “%s”", nick);
      return FALSE;
    }

  *set |= PULSE_CHANNEL_SET_BIT (kind);
  return TRUE;
}

/**
 * pulse_channel_set_read:
 * @reader: a reader
 * @member: the member holding an array of channel nicks
 * @out: (out): the set as a bitmask of PULSE_CHANNEL_SET_BIT()
 *
 * Reads an optional array of channel nicks. An absent or null member is the
 * empty set, which callers treat as "every channel". Problems are recorded
 * in @reader with the item's path ("channels[1]: unknown value “fax”");
 * an unknown or repeated channel is an error.
 *
 * Returns: %TRUE if @reader had not failed and the set was read; on
 *   failure @out is set to 0.
 */
gboolean
pulse_channel_set_read (PulseJsonReader *reader,
                        const char      *member,
                        guint           *out)
{
  JsonArray *array;
  guint set = 0;
  guint n;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = 0;

  array = pulse_json_reader_get_array (reader, member, PULSE_JSON_OPTIONAL, PULSE_JSON_MAX_ITEMS);
  if (pulse_json_reader_failed (reader))
    return FALSE;

  n = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n; i++)
    {
      if (!read_item (reader, member, i, json_array_get_element (array, i), &set))
        return FALSE;
    }

  *out = set;
  return TRUE;
}

/**
 * pulse_channel_set_write:
 * @builder: a builder inside an object
 * @member: the member name
 * @set: a bitmask of PULSE_CHANNEL_SET_BIT()
 *
 * Writes @set as an array of channel nicks in enum order. The member is
 * always written, as `[]` for the empty set ("every channel"), like
 * pulse_json_add_strv(). Bits that name no channel are ignored.
 */
void
pulse_channel_set_write (JsonBuilder *builder,
                         const char  *member,
                         guint        set)
{
  g_autoptr(GEnumClass) klass = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (member != NULL);

  klass = g_type_class_ref (PULSE_TYPE_CHANNEL_KIND);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (set & PULSE_CHANNEL_SET_BIT (klass->values[i].value))
        json_builder_add_string_value (builder, klass->values[i].value_nick);
    }
  json_builder_end_array (builder);
}

/**
 * pulse_channel_set_contains:
 * @set: a bitmask of PULSE_CHANNEL_SET_BIT()
 * @kind: a channel
 *
 * Returns: %TRUE if @set holds @kind, or if @set is empty, which means
 *   every channel.
 */
gboolean
pulse_channel_set_contains (guint            set,
                            PulseChannelKind kind)
{
  if ((set & PULSE_CHANNEL_SET_MASK) == 0)
    return TRUE;

  return (set & PULSE_CHANNEL_SET_BIT (kind)) != 0;
}
