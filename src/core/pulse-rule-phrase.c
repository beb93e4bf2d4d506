/* pulse-rule-phrase.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-rule-phrase.h"

G_DEFINE_BOXED_TYPE (PulseRulePhrase, pulse_rule_phrase,
                     pulse_rule_phrase_copy, pulse_rule_phrase_free)

/* A phrase of spaces would match every contact. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * pulse_rule_phrase_new:
 * @text: the words to look for
 * @mode: how @text must match
 * @field: which part of the contact is searched
 *
 * Returns: (transfer full): a new phrase.
 */
PulseRulePhrase *
pulse_rule_phrase_new (const char      *text,
                       PulseMatchMode   mode,
                       PulseMatchField  field)
{
  PulseRulePhrase *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (PulseRulePhrase, 1);
  self->text = g_strdup (text);
  self->mode = mode;
  self->field = field;

  return self;
}

/**
 * pulse_rule_phrase_copy:
 * @self: a phrase
 *
 * Returns: (transfer full): a deep copy of @self.
 */
PulseRulePhrase *
pulse_rule_phrase_copy (const PulseRulePhrase *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return pulse_rule_phrase_new (self->text, self->mode, self->field);
}

/**
 * pulse_rule_phrase_free:
 * @self: (nullable): a phrase
 *
 * Frees @self and its text.
 */
void
pulse_rule_phrase_free (PulseRulePhrase *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

/**
 * pulse_rule_phrase_new_from_json:
 * @node: the wire form of a phrase
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the phrase, or %NULL on error.
 */
PulseRulePhrase *
pulse_rule_phrase_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *text = NULL;
  int mode;
  int field;

  if (!pulse_json_reader_init (&reader, node, "a phrase", error))
    return NULL;

  text = pulse_json_reader_dup_string (&reader, "text", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_SHORT);
  if (text != NULL && is_blank (text))
    pulse_json_reader_fail (&reader, "text", "must not be blank");
  mode = pulse_json_reader_get_enum (&reader, "mode", PULSE_TYPE_MATCH_MODE,
                                     PULSE_JSON_REQUIRED, PULSE_MATCH_MODE_WHOLE_WORD);
  field = pulse_json_reader_get_enum (&reader, "field", PULSE_TYPE_MATCH_FIELD,
                                      PULSE_JSON_REQUIRED, PULSE_MATCH_FIELD_ANY);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return pulse_rule_phrase_new (text, mode, field);
}

/**
 * pulse_rule_phrase_to_json:
 * @self: a phrase
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_rule_phrase_to_json (const PulseRulePhrase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "text", self->text);
  pulse_json_add_enum (builder, "mode", PULSE_TYPE_MATCH_MODE, self->mode);
  pulse_json_add_enum (builder, "field", PULSE_TYPE_MATCH_FIELD, self->field);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
