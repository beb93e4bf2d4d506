/* pulse-rule-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseRule (its wire form is described there): decoding
 * with every field checked, the active window whole or absent, at least
 * one action; and encoding. Part of PulseRule (pulse-rule-private.h).
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-rule-private.h"

/* A list of ids or tags with an empty item would match nothing useful. */
static GStrv
read_names (PulseJsonReader *reader,
            const char      *member,
            gsize            max_length)
{
  g_auto(GStrv) names = NULL;

  names = pulse_json_reader_dup_strv (reader, member, PULSE_JSON_OPTIONAL,
                                      PULSE_JSON_MAX_ITEMS, max_length);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

          pulse_json_reader_fail (reader, path, "must not be empty");
          return NULL;
        }
    }

  return g_steal_pointer (&names);
}

static void
read_window (PulseRule       *self,
             PulseJsonReader *reader)
{
  gboolean has_from = pulse_json_reader_has (reader, "active_from");
  gboolean has_to = pulse_json_reader_has (reader, "active_to");

  /* A window may close at 24:00 but opens at 00:00 at the latest, so no
   * accepted window is empty. */
  self->active_from = pulse_json_reader_get_int (reader, "active_from", PULSE_JSON_OPTIONAL,
                                                 0, PULSE_MINUTES_PER_DAY - 1, -1);
  self->active_to = pulse_json_reader_get_int (reader, "active_to", PULSE_JSON_OPTIONAL,
                                               0, PULSE_MINUTES_PER_DAY, -1);

  if (has_from && !has_to)
    pulse_json_reader_fail (reader, "active_to", "is required when active_from is set");
  else if (has_to && !has_from)
    pulse_json_reader_fail (reader, "active_from", "is required when active_to is set");
  else if (has_from && self->active_from == self->active_to)
    pulse_json_reader_fail (reader, "active_to", "must differ from active_from");
}

static void
read_fields (PulseRule       *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->position = pulse_json_reader_get_int (reader, "position", PULSE_JSON_REQUIRED,
                                              0, G_MAXINT, 0);
  self->enabled = pulse_json_reader_get_boolean (reader, "enabled", PULSE_JSON_REQUIRED, FALSE);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  self->phrases = pulse_json_list_read (reader, "phrases", PULSE_JSON_OPTIONAL,
                                        PULSE_JSON_LIST_DECODE (pulse_rule_phrase_new_from_json),
                                        (GDestroyNotify) pulse_rule_phrase_free);
  pulse_channel_set_read (reader, "channels", &self->channels);
  g_strfreev (self->queue_ids);
  self->queue_ids = read_names (reader, "queue_ids", PULSE_JSON_MAX_ID);
  g_strfreev (self->tags);
  self->tags = read_names (reader, "tags", PULSE_JSON_MAX_NAME);
  self->language = pulse_json_reader_dup_string (reader, "language", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_ID);
  read_window (self, reader);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = pulse_json_list_read (reader, "actions", PULSE_JSON_REQUIRED,
                                        PULSE_JSON_LIST_DECODE (pulse_rule_action_new_from_json),
                                        (GDestroyNotify) pulse_rule_action_free);
  if (self->actions != NULL && self->actions->len == 0)
    pulse_json_reader_fail (reader, "actions", "must hold at least one action");
}

/**
 * pulse_rule_new_from_json:
 * @node: the wire form of a rule
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault, with its path for nested values
 *   ("phrases[1].mode: unknown value “fuzzy”")
 *
 * Returns: (transfer full) (nullable): the rule, or %NULL on error.
 */
PulseRule *
pulse_rule_new_from_json (JsonNode  *node,
                          GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_RULE, "a rule",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_rule_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_rule_to_json (PulseRule *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_RULE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_int (builder, "position", self->position);
  pulse_json_add_boolean (builder, "enabled", self->enabled);
  pulse_json_list_write (builder, "phrases", self->phrases,
                         PULSE_JSON_LIST_ENCODE (pulse_rule_phrase_to_json));
  pulse_channel_set_write (builder, "channels", self->channels);
  pulse_json_add_strv (builder, "queue_ids", (const char * const *) self->queue_ids);
  pulse_json_add_strv (builder, "tags", (const char * const *) self->tags);
  pulse_json_add_string (builder, "language", self->language);
  if (self->active_from >= 0)
    {
      pulse_json_add_int (builder, "active_from", self->active_from);
      pulse_json_add_int (builder, "active_to", self->active_to);
    }
  pulse_json_list_write (builder, "actions", self->actions,
                         PULSE_JSON_LIST_ENCODE (pulse_rule_action_to_json));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
