/* pulse-json-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json-list.h"

/**
 * pulse_json_list_read:
 * @reader: a reader
 * @member: the member holding an array of objects
 * @flags: whether the member is required; an absent optional member is an
 *   empty list
 * @decode: the items' codec
 * @free_func: frees one decoded item
 *
 * Decodes every item of an array with @decode. The first item that fails
 * is recorded in @reader under "member[N]".
 *
 * Returns: (transfer full) (nullable): the items, which the array owns, or
 *   %NULL if @reader has failed.
 */
GPtrArray *
pulse_json_list_read (PulseJsonReader         *reader,
                      const char              *member,
                      PulseJsonFlags           flags,
                      PulseJsonListDecodeFunc  decode,
                      GDestroyNotify           free_func)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  JsonArray *array;
  guint n;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (decode != NULL, NULL);

  array = pulse_json_reader_get_array (reader, member, flags, PULSE_JSON_MAX_ITEMS);
  if (pulse_json_reader_failed (reader))
    return NULL;

  n = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n; i++)
    {
      GError *error = NULL;
      gpointer item = decode (json_array_get_element (array, i), &error);

      if (item == NULL)
        {
          g_autofree char *prefix = g_strdup_printf ("%s[%u]", member, i);

          pulse_json_reader_take_error (reader, prefix, error);
          return NULL;
        }

      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * pulse_json_list_write:
 * @builder: a builder inside an object
 * @member: the member name
 * @items: the items, in order
 * @encode: the items' codec; returns a new node
 *
 * Writes @items as an array, always, even when it is empty.
 */
void
pulse_json_list_write (JsonBuilder             *builder,
                       const char              *member,
                       GPtrArray               *items,
                       PulseJsonListEncodeFunc  encode)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (items != NULL);
  g_return_if_fail (encode != NULL);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (builder, encode (g_ptr_array_index (items, i)));
  json_builder_end_array (builder);
}
