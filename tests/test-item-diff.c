/* test-item-diff.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse_item_diff(): what a conflict and an audit entry show.
 */

#include "config.h"

#include "pulse-item-diff.h"

static GPtrArray *
diff (const char *before,
      const char *after)
{
  g_autoptr(JsonNode) a = before != NULL ? json_from_string (before, NULL) : NULL;
  g_autoptr(JsonNode) b = after != NULL ? json_from_string (after, NULL) : NULL;

  return pulse_item_diff (a, b);
}

static void
assert_change (GPtrArray  *changes,
               guint       index,
               const char *member,
               const char *before,
               const char *after)
{
  PulseItemChange *change;

  g_assert_cmpuint (index, <, changes->len);
  change = g_ptr_array_index (changes, index);
  g_assert_cmpstr (change->member, ==, member);
  g_assert_cmpstr (change->before, ==, before);
  g_assert_cmpstr (change->after, ==, after);
}

static void
test_changed_members_only (void)
{
  g_autoptr(GPtrArray) changes = NULL;

  changes = diff ("{\"id\":\"r\",\"version\":2,\"name\":\"Card\",\"enabled\":true,"
                  "\"phrases\":[{\"text\":\"карта\"}],\"position\":1}",
                  "{\"id\":\"r\",\"version\":3,\"updated_by\":\"lead\",\"name\":\"Card\","
                  "\"enabled\":false,\"phrases\":[{\"text\":\"картка\"}],\"position\":1.0}");
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, "enabled", "true", "false");
  assert_change (changes, 1, "phrases", "[{\"text\":\"карта\"}]", "[{\"text\":\"картка\"}]");
}

static void
test_missing_members_and_sides (void)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GPtrArray) deleted = NULL;

  added = diff ("{\"id\":\"t\",\"name\":\"Hi\"}", "{\"id\":\"t\",\"name\":\"Hi\",\"tag\":\"x\"}");
  g_assert_cmpuint (added->len, ==, 1);
  assert_change (added, 0, "tag", NULL, "x");

  created = diff (NULL, "{\"id\":\"t\",\"version\":1,\"name\":\"Hi\"}");
  g_assert_cmpuint (created->len, ==, 2);
  assert_change (created, 0, "id", NULL, "t");
  assert_change (created, 1, "name", NULL, "Hi");

  deleted = diff ("{\"name\":\"Hi\"}", NULL);
  g_assert_cmpuint (deleted->len, ==, 1);
  assert_change (deleted, 0, "name", "Hi", NULL);
}

static void
test_long_values_are_cut (void)
{
  g_autoptr(GString) body = g_string_new ("{\"body\":\"");
  g_autoptr(GPtrArray) changes = NULL;
  PulseItemChange *change;

  for (guint i = 0; i < 200; i++)
    g_string_append (body, "ї");
  g_string_append (body, "\"}");
  changes = diff ("{}", body->str);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (g_utf8_strlen (change->after, -1), ==, 120);
  g_assert_true (g_str_has_suffix (change->after, "ї…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/item-diff/changed-members", test_changed_members_only);
  g_test_add_func ("/pulse/core/item-diff/missing", test_missing_members_and_sides);
  g_test_add_func ("/pulse/core/item-diff/long-values", test_long_values_are_cut);

  return g_test_run ();
}
