/* pulse-agent-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseAgent (its wire form is described there): decoding
 * with every field checked, an e-mail that looks like one and languages
 * as short BCP 47 tags; and encoding. Part of PulseAgent
 * (pulse-agent-private.h).
 */

#include "config.h"

#include "pulse-agent-private.h"
#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-queue.h"

#define MAX_LANGUAGES 32

/* Not RFC 5322, only enough to catch a name or a phone number pasted into
 * the wrong field: one "@" with something on either side and no spaces. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strpbrk (email, " \t\r\n") == NULL;
}

static void
check_agent (PulseAgent      *self,
             PulseJsonReader *reader)
{
  if (pulse_json_reader_failed (reader))
    return;

  if (self->email != NULL && !looks_like_email (self->email))
    pulse_json_reader_fail (reader, "email", "is not an e-mail address");

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      if (!pulse_queue_language_is_valid (self->languages[i]))
        {
          g_autofree char *path = g_strdup_printf ("languages[%u]", i);

          pulse_json_reader_fail (reader, path, "must be a short BCP 47 tag such as “uk”");
          return;
        }
    }
}

static void
read_people (PulseAgent      *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->name = pulse_json_reader_dup_string (reader, "name", PULSE_JSON_REQUIRED,
                                             PULSE_JSON_MAX_NAME);
  self->email = pulse_json_reader_dup_string (reader, "email", PULSE_JSON_OPTIONAL,
                                              PULSE_JSON_MAX_NAME);
  self->team_id = pulse_json_reader_dup_string (reader, "team_id", PULSE_JSON_OPTIONAL,
                                                PULSE_JSON_MAX_ID);
  self->position = pulse_json_reader_get_enum (reader, "position", PULSE_TYPE_AGENT_POSITION,
                                               PULSE_JSON_REQUIRED, PULSE_AGENT_POSITION_AGENT);
  self->timezone = pulse_json_reader_dup_string (reader, "timezone", PULSE_JSON_OPTIONAL,
                                                 PULSE_JSON_MAX_NAME);
  self->hired_at = pulse_json_reader_get_time (reader, "hired_at", PULSE_JSON_OPTIONAL);
  self->mentor_id = pulse_json_reader_dup_string (reader, "mentor_id", PULSE_JSON_OPTIONAL,
                                                  PULSE_JSON_MAX_ID);
}

static void
read_work (PulseAgent      *self,
           PulseJsonReader *reader)
{
  GStrv languages;

  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_AGENT_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_AGENT_STATUS_OFFLINE);
  self->status_since = pulse_json_reader_get_time (reader, "status_since", PULSE_JSON_REQUIRED);
  pulse_channel_set_read (reader, "channels", &self->channels);

  languages = pulse_json_reader_dup_strv (reader, "languages", PULSE_JSON_OPTIONAL,
                                          MAX_LANGUAGES, PULSE_JSON_MAX_ID);
  if (languages != NULL)
    {
      g_strfreev (self->languages);
      self->languages = languages;
    }
}

/**
 * pulse_agent_new_from_json:
 * @node: the wire form of an agent
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("channels[2]: unknown value “fax”")
 *
 * Returns: (transfer full) (nullable): the agent, or %NULL on error.
 */
PulseAgent *
pulse_agent_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PulseAgent) self = NULL;
  PulseJsonReader reader;

  if (!pulse_json_reader_init (&reader, node, "an agent", error))
    return NULL;

  self = g_object_new (PULSE_TYPE_AGENT, NULL);
  read_people (self, &reader);
  read_work (self, &reader);
  check_agent (self, &reader);

  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pulse_agent_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_agent_to_json (PulseAgent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_AGENT (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "name", self->name);
  pulse_json_add_string (builder, "email", self->email);
  pulse_json_add_string (builder, "team_id", self->team_id);
  pulse_json_add_enum (builder, "position", PULSE_TYPE_AGENT_POSITION, self->position);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_AGENT_STATUS, self->status);
  pulse_json_add_time (builder, "status_since", self->status_since);
  pulse_channel_set_write (builder, "channels", self->channels);
  pulse_json_add_strv (builder, "languages", (const char * const *) self->languages);
  pulse_json_add_string (builder, "timezone", self->timezone);
  pulse_json_add_time (builder, "hired_at", self->hired_at);
  pulse_json_add_string (builder, "mentor_id", self->mentor_id);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
