/* pulse-queue-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseQueue (its wire form is described there): decoding
 * with every field checked, and the shape of a country code and a
 * language tag; and encoding. Part of PulseQueue (pulse-queue-private.h).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-queue-private.h"

static void
check_codes (PulseQueue      *self,
             PulseJsonReader *reader)
{
  if (self->country != NULL && !pulse_queue_country_is_valid (self->country))
    pulse_json_reader_fail (reader, "country",
                            "must be two uppercase ASCII letters (ISO 3166 alpha-2)");
  if (self->language != NULL && !pulse_queue_language_is_valid (self->language))
    pulse_json_reader_fail (reader, "language",
                            "must be a short BCP 47 tag of 2 to 8 characters a-z and “-”");
}

/**
 * pulse_queue_new_from_json:
 * @node: the wire form of a queue
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the queue, or %NULL on error.
 */
PulseQueue *
pulse_queue_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PulseQueue) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "a queue", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_QUEUE, NULL);
  self->id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (&reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (&reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->channel = pulse_json_reader_get_enum (&reader, "channel", PULSE_TYPE_CHANNEL_KIND,
                                              PULSE_JSON_REQUIRED, PULSE_CHANNEL_KIND_EMAIL);
  self->country = pulse_json_reader_dup_string (&reader, "country", PULSE_JSON_REQUIRED,
                                                PULSE_JSON_MAX_ID);
  self->language = pulse_json_reader_dup_string (&reader, "language", PULSE_JSON_REQUIRED,
                                                 PULSE_JSON_MAX_ID);
  check_codes (self, &reader);
  self->timezone = pulse_json_reader_dup_string (&reader, "timezone", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_NAME);
  self->team_id = pulse_json_reader_dup_string (&reader, "team_id", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_ID);
  self->sl_target_seconds = pulse_json_reader_get_int (&reader, "sl_target_seconds",
                                                       PULSE_JSON_REQUIRED,
                                                       1, PULSE_QUEUE_MAX_SECONDS, 1);
  self->sl_goal = pulse_json_reader_get_double (&reader, "sl_goal", PULSE_JSON_REQUIRED,
                                                0.0, 1.0, DEFAULT_SL_GOAL);
  if (self->sl_goal <= 0.0)
    pulse_json_reader_fail (&reader, "sl_goal", "must be greater than 0");
  self->patience_seconds = pulse_json_reader_get_int (&reader, "patience_seconds",
                                                      PULSE_JSON_OPTIONAL,
                                                      0, PULSE_QUEUE_MAX_SECONDS, 0);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_queue_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_queue_to_json (PulseQueue *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_QUEUE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, self->channel);
  pulse_json_add_string (builder, "country", self->country);
  pulse_json_add_string (builder, "language", self->language);
  pulse_json_add_string (builder, "timezone", self->timezone);
  pulse_json_add_string (builder, "team_id", self->team_id);
  pulse_json_add_int (builder, "sl_target_seconds", self->sl_target_seconds);
  pulse_json_add_double (builder, "sl_goal", self->sl_goal);
  if (self->patience_seconds > 0)
    pulse_json_add_int (builder, "patience_seconds", self->patience_seconds);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_queue_country_is_valid:
 * @country: (nullable): a country code
 *
 * Returns: %TRUE if @country has the shape of an ISO 3166-1 alpha-2 code:
 *   exactly two ASCII uppercase letters ("UA", "ES").
 */
gboolean
pulse_queue_country_is_valid (const char *country)
{
  return country != NULL &&
         g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]) && country[2] == '\0';
}

/**
 * pulse_queue_language_is_valid:
 * @language: (nullable): a language tag
 *
 * Accepts the short lowercase BCP 47 tags helpdesks use ("uk", "es",
 * "pt-br"): 2 to 8 characters of a-z and "-", starting and ending with a
 * letter.
 *
 * Returns: %TRUE if @language has that shape.
 */
gboolean
pulse_queue_language_is_valid (const char *language)
{
  gsize length;

  if (language == NULL)
    return FALSE;

  length = strlen (language);
  if (length < 2 || length > 8 || language[0] == '-' || language[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_islower (language[i]) && language[i] != '-')
        return FALSE;
    }

  return TRUE;
}
