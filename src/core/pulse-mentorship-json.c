/* pulse-mentorship-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseMentorship (its wire form is described there):
 * decoding with every field checked, a plan that names each channel once
 * and opens nothing before the start, a decision that agrees with the
 * status; and encoding. Part of PulseMentorship (pulse-mentorship-private.h).
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-mentorship-private.h"

static void
check_plan (PulseMentorship *self,
            PulseJsonReader *reader)
{
  guint seen = 0;

  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    {
      const PulseMentorshipStep *step = g_ptr_array_index (self->plan, i);
      g_autofree char *path = NULL;

      if (seen & PULSE_CHANNEL_SET_BIT (step->channel))
        {
          path = g_strdup_printf ("plan[%u].channel", i);
          pulse_json_reader_fail (reader, path, "duplicate “%s”",
                                  pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, step->channel));
          return;
        }
      seen |= PULSE_CHANNEL_SET_BIT (step->channel);

      if (step->opens_at < self->started_at)
        {
          path = g_strdup_printf ("plan[%u].opens_at", i);
          pulse_json_reader_fail (reader, path, "is before started_at");
          return;
        }
    }
}

/* A decision that contradicts the status would leave the page and the
 * server's routing disagreeing about the newcomer. */
static void
check_decision (PulseMentorship *self,
                PulseJsonReader *reader)
{
  const char *needs = NULL;

  if (self->decision == PULSE_MENTORSHIP_DECISION_PASS &&
      self->status != PULSE_MENTORSHIP_STATUS_PASSED)
    needs = "“pass” needs status “passed”";
  else if (self->decision == PULSE_MENTORSHIP_DECISION_FAIL &&
           self->status != PULSE_MENTORSHIP_STATUS_FAILED)
    needs = "“fail” needs status “failed”";
  else if (self->decision == PULSE_MENTORSHIP_DECISION_EXTEND &&
           self->status != PULSE_MENTORSHIP_STATUS_PLANNED &&
           self->status != PULSE_MENTORSHIP_STATUS_ACTIVE)
    needs = "“extend” needs status “planned” or “active”";

  if (needs != NULL)
    pulse_json_reader_fail (reader, "decision", "%s", needs);
}

static void
read_fields (PulseMentorship *self,
             PulseJsonReader *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->mentor_id = pulse_json_reader_dup_string (reader, "mentor_id", PULSE_JSON_REQUIRED,
                                                  PULSE_JSON_MAX_ID);
  self->newcomer_id = pulse_json_reader_dup_string (reader, "newcomer_id", PULSE_JSON_REQUIRED,
                                                    PULSE_JSON_MAX_ID);
  if (self->mentor_id != NULL && g_strcmp0 (self->mentor_id, self->newcomer_id) == 0)
    pulse_json_reader_fail (reader, "newcomer_id", "must differ from mentor_id");
  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_MENTORSHIP_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_MENTORSHIP_STATUS_PLANNED);
  self->started_at = pulse_json_reader_get_time (reader, "started_at", PULSE_JSON_REQUIRED);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = pulse_json_list_read (reader, "plan", PULSE_JSON_OPTIONAL,
                                     PULSE_JSON_LIST_DECODE (pulse_mentorship_step_new_from_json),
                                     (GDestroyNotify) pulse_mentorship_step_free);
  check_plan (self, reader);
  self->test_at = pulse_json_reader_get_time (reader, "test_at", PULSE_JSON_OPTIONAL);
  if (self->test_at != 0 && self->test_at < self->started_at)
    pulse_json_reader_fail (reader, "test_at", "is before started_at");
  self->test_score = pulse_json_reader_get_double (reader, "test_score", PULSE_JSON_OPTIONAL,
                                                   0, 100, -1);
  self->decision = pulse_json_reader_get_enum (reader, "decision",
                                               PULSE_TYPE_MENTORSHIP_DECISION,
                                               PULSE_JSON_OPTIONAL, PULSE_MENTORSHIP_DECISION_NONE);
  check_decision (self, reader);
  self->notes = pulse_json_reader_dup_string (reader, "notes", PULSE_JSON_OPTIONAL,
                                              PULSE_JSON_MAX_TEXT);
}

/**
 * pulse_mentorship_new_from_json:
 * @node: the wire form of a mentorship
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("plan[1].opens_at: is before started_at")
 *
 * Returns: (transfer full) (nullable): the mentorship, or %NULL on error.
 */
PulseMentorship *
pulse_mentorship_new_from_json (JsonNode  *node,
                                GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_MENTORSHIP, "a mentorship",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_mentorship_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_mentorship_to_json (PulseMentorship *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "mentor_id", self->mentor_id);
  pulse_json_add_string (builder, "newcomer_id", self->newcomer_id);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_MENTORSHIP_STATUS, self->status);
  pulse_json_add_time (builder, "started_at", self->started_at);
  pulse_json_list_write (builder, "plan", self->plan,
                         PULSE_JSON_LIST_ENCODE (pulse_mentorship_step_to_json));
  pulse_json_add_time (builder, "test_at", self->test_at);
  if (self->test_score >= 0)
    pulse_json_add_double (builder, "test_score", self->test_score);
  if (self->decision != PULSE_MENTORSHIP_DECISION_NONE)
    pulse_json_add_enum (builder, "decision", PULSE_TYPE_MENTORSHIP_DECISION, self->decision);
  pulse_json_add_string (builder, "notes", self->notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
