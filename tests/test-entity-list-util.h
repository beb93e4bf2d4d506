/* test-entity-list-util.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the entity list and KPI view tests and their benchmark share:
 * states made from hand-written snapshots, and events applied to them so
 * the models get real #PulseStateChange values. Header-only, so each
 * executable needs no extra meson wiring. Documents use ' for ".
 */

#pragma once

#include "pulse-json.h"
#include "pulse-state.h"
#include "pulse-test-util.h"

G_BEGIN_DECLS

#define EMPTY_SNAPSHOT "{'seq':0,'queues':[],'teams':[],'agents':[],'channels':[],'tickets':[]," \
                       "'applications':[],'rules':[],'templates':[],'scorecards':[]," \
                       "'mentorships':[],'shifts':[],'reviews':[]}"

static inline JsonNode *
test_parse_q (const char *text)
{
  g_autofree char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  return pulse_test_parse (json);
}

/* A snapshot with the given lists: NULL-terminated pairs of a member
 * ("rules") and its items without brackets, written with '. */
static inline PulseState *
test_state_new (const char *member,
                ...)
{
  g_autoptr(GString) text = g_string_new (EMPTY_SNAPSHOT);
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  PulseState *state;
  va_list args;

  va_start (args, member);
  for (const char *m = member; m != NULL; m = va_arg (args, const char *))
    {
      const char *items = va_arg (args, const char *);
      g_autofree char *empty = g_strdup_printf ("'%s':[]", m);
      g_autofree char *full = g_strdup_printf ("'%s':[%s]", m, items);

      g_assert_cmpuint (g_string_replace (text, empty, full, 1), ==, 1);
    }
  va_end (args);

  snapshot = test_parse_q (text->str);
  state = pulse_state_new_from_snapshot (snapshot, &error);
  g_assert_no_error (error);
  return state;
}

/* Applies the next event `{type, data}`; it must succeed. @data is
 * consumed. */
static inline void
test_apply (PulseState       *state,
            const char       *type,
            JsonNode         *data,
            PulseStateChange *change)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) event = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "seq", pulse_state_get_seq (state) + 1);
  pulse_json_add_string (builder, "type", type);
  pulse_json_add_string (builder, "at", "2026-11-20T10:00:00Z");
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, data);
  json_builder_end_object (builder);
  event = json_builder_get_root (builder);

  if (!pulse_state_apply (state, event, change, &error))
    {
      g_autofree char *text = pulse_json_to_string (event);

      g_error ("%s: %s", text, error->message);
    }
}

static inline void
test_apply_q (PulseState       *state,
              const char       *type,
              const char       *data_q,
              PulseStateChange *change)
{
  test_apply (state, type, test_parse_q (data_q), change);
}

/* A writable copy of the state's item @id at the next version. */
static inline JsonObject *
test_edit (PulseState     *state,
           PulseStateKind  kind,
           const char     *id)
{
  JsonNode *stored = pulse_state_lookup (state, kind, id);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *object;

  g_assert_nonnull (stored);
  text = pulse_json_to_string (stored);
  copy = pulse_test_parse (text);
  object = json_object_ref (json_node_get_object (copy));
  json_object_set_int_member (object, "version",
                              json_object_get_int_member (object, "version") + 1);
  return object;
}

/* @object as event data; the reference is taken. */
static inline JsonNode *
test_data (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static inline JsonNode *
test_deletion (PulseState     *state,
               PulseStateKind  kind,
               const char     *id)
{
  JsonObject *object = json_object_new ();
  JsonNode *stored = pulse_state_lookup (state, kind, id);

  json_object_set_string_member (object, "id", id);
  json_object_set_int_member (object, "version",
                              json_object_get_int_member (json_node_get_object (stored),
                                                          "version") + 1);
  return test_data (object);
}

G_END_DECLS
