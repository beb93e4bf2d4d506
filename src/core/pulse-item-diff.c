/* pulse-item-diff.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What differs between two versions of a managed item, member by member:
 * what a conflict shows as mine against theirs and an audit entry as
 * before against after. Members the server owns (version, who and when)
 * are left out: they always differ and say nothing about the edit.
 */

#include "config.h"

#include "pulse-item-diff.h"

/* Long enough for a template's first line, short enough for a table cell. */
#define MAX_TEXT_CHARS 120

static const char * const server_members[] = {
  "version", "updated_at", "updated_by", "created_at", "created_by",
};

void
pulse_item_change_free (PulseItemChange *change)
{
  if (change == NULL)
    return;

  g_free (change->member);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static char *
shorten (char *text)
{
  if (g_utf8_strlen (text, -1) > MAX_TEXT_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_TEXT_CHARS - 1);
      g_autofree char *head = g_strndup (text, end - text);

      g_free (text);
      return g_strconcat (head, "…", NULL);
    }

  return text;
}

/**
 * pulse_item_value_text:
 * @value: (nullable): a member's value
 *
 * A member's value as one short line: a string as it is, anything else
 * as compact JSON, cut at 120 characters with an ellipsis.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for no value
 */
char *
pulse_item_value_text (JsonNode *value)
{
  g_autoptr(JsonGenerator) generator = NULL;

  if (value == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return shorten (g_strdup (json_node_get_string (value)));

  generator = json_generator_new ();
  json_generator_set_root (generator, value);
  return shorten (json_generator_to_data (generator, NULL));
}

static gboolean
is_server_member (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (server_members); i++)
    {
      if (g_str_equal (member, server_members[i]))
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
object_or_null (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
member_or_null (JsonObject *object,
                const char *member)
{
  return object != NULL ? json_object_get_member (object, member) : NULL;
}

static void
add_members (GPtrArray  *names,
             JsonObject *object)
{
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!is_server_member (l->data)
          && !g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
        g_ptr_array_add (names, l->data);
    }
}

/**
 * pulse_item_diff:
 * @before: (nullable): one version (an object), %NULL for none
 * @after: (nullable): the other, %NULL for none
 *
 * The top-level members whose values differ, in the order they first
 * appear in @before then @after. A member missing on one side counts as
 * different; a member both sides lack does not appear.
 *
 * Returns: (transfer full) (element-type PulseItemChange): the changes
 */
GPtrArray *
pulse_item_diff (JsonNode *before,
                 JsonNode *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_item_change_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObject *left = object_or_null (before);
  JsonObject *right = object_or_null (after);

  add_members (names, left);
  add_members (names, right);
  for (guint i = 0; i < names->len; i++)
    {
      const char *member = g_ptr_array_index (names, i);
      JsonNode *a = member_or_null (left, member);
      JsonNode *b = member_or_null (right, member);
      PulseItemChange *change;

      if (a != NULL && b != NULL && json_node_equal (a, b))
        continue;

      change = g_new0 (PulseItemChange, 1);
      change->member = g_strdup (member);
      change->before = pulse_item_value_text (a);
      change->after = pulse_item_value_text (b);
      g_ptr_array_add (changes, change);
    }

  return changes;
}
