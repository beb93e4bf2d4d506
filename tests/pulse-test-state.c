/* pulse-test-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-state.h"
#include "pulse-test-util.h"

JsonNode *
parse_q (const char *text)
{
  g_autofree char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  return pulse_test_parse (json);
}

void
assert_json (JsonNode   *actual,
             const char *expected_q)
{
  g_autoptr(JsonNode) expected = parse_q (expected_q);

  g_assert_nonnull (actual);
  if (!json_node_equal (actual, expected))
    {
      g_autofree char *a = pulse_json_to_string (actual);
      g_autofree char *e = pulse_json_to_string (expected);

      g_assert_cmpstr (a, ==, e);
    }
}

PulseState *
new_state (gint64 seq)
{
  g_autofree char *text = g_strdup_printf (SNAPSHOT, seq);
  g_autoptr(JsonNode) snapshot = parse_q (text);
  g_autoptr(GError) error = NULL;
  PulseState *state = pulse_state_new_from_snapshot (snapshot, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

char *
event_text (gint64      seq,
            const char *type,
            const char *data_q)
{
  return g_strdup_printf ("{'seq':%" G_GINT64_FORMAT ",'type':'%s',"
                          "'at':'2026-11-20T10:00:00.5Z','data':%s}", seq, type, data_q);
}

/* Applies the next event, which must succeed and report @action. */
void
apply_ok (PulseState       *state,
          const char       *type,
          const char       *data_q,
          PulseStateKind    kind,
          PulseStateAction  action,
          const char       *id)
{
  gint64 seq = pulse_state_get_seq (state) + 1;
  g_autofree char *text = event_text (seq, type, data_q);
  g_autoptr(JsonNode) event = parse_q (text);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pulse_state_apply (state, event, &change, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (change.seq, ==, seq);
  g_assert_cmpint (change.kind, ==, kind);
  g_assert_cmpint (change.action, ==, action);
  g_assert_cmpstr (change.id, ==, id);
  g_assert_cmpint (pulse_state_get_seq (state), ==, seq);

  if ((action == PULSE_STATE_ACTION_CREATED || action == PULSE_STATE_ACTION_UPDATED) &&
      kind != PULSE_STATE_KIND_APPLICATIONS)
    g_assert_true (change.item == pulse_state_lookup (state, kind, id));
  else if (action == PULSE_STATE_ACTION_DELETED)
    {
      g_assert_nonnull (change.item);
      g_assert_null (pulse_state_lookup (state, kind, id));
    }
}

/* @event_q must fail with @code naming @part, changing nothing. */
void
apply_fails (PulseState *state,
             const char *event_q,
             int         code,
             const char *part)
{
  g_autoptr(JsonNode) event = parse_q (event_q);
  g_autoptr(JsonNode) before = pulse_state_to_json (state);
  g_autoptr(JsonNode) after = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 seq = pulse_state_get_seq (state);

  g_assert_false (pulse_state_apply (state, event, &change, &error));
  g_assert_error (error, PULSE_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not name “%s”", error->message, part);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_NONE);
  g_assert_null (change.item);

  g_assert_cmpint (pulse_state_get_seq (state), ==, seq);
  after = pulse_state_to_json (state);
  g_assert_true (json_node_equal (before, after));
}

void
apply_data_fails (PulseState *state,
                  const char *type,
                  const char *data_q,
                  int         code,
                  const char *part)
{
  g_autofree char *text = event_text (pulse_state_get_seq (state) + 1, type, data_q);

  apply_fails (state, text, code, part);
}

void
assert_ids (JsonNode   *dump,
            const char *member,
            const char *ids)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (dump), member);
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *id = json_object_has_member (item, "id")
                       ? json_object_get_string_member (item, "id")
                       : json_object_get_string_member (item, "country");

      g_string_append_printf (seen, "%s%s", i > 0 ? " " : "", id);
    }

  g_assert_cmpstr (seen->str, ==, ids);
}

/* @item_q, written at version 1, at @version. */
char *
at_version (const char *item_q,
            int         version)
{
  g_autoptr(GString) text = g_string_new (item_q);
  g_autofree char *replacement = g_strdup_printf ("'version':%d,", version);

  g_string_replace (text, "'version':1,", replacement, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
message_data (int         version,
              const char *updated_at,
              const char *id,
              const char *at)
{
  return g_strdup_printf ("{'ticket_id':'t-1','ticket_version':%d,"
                          "'ticket_updated_at':'2026-11-20T%s','message':{'id':'%s',"
                          "'author_kind':'customer','at':'2026-11-20T%s','body':'%s'}}",
                          version, updated_at, id, at, id);
}
