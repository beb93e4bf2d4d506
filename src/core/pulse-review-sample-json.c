/* pulse-review-sample-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec of #PulseReviewSample (its wire form is described there):
 * decoding with every field checked, each criterion graded once, and a
 * submitted review with its score and time; and encoding. Part of
 * PulseReviewSample (pulse-review-sample-private.h).
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-review-sample-private.h"

static void
check_grades (PulseReviewSample *self,
              PulseJsonReader   *reader)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; self->grades != NULL && i < self->grades->len; i++)
    {
      const PulseReviewGrade *grade = g_ptr_array_index (self->grades, i);

      if (!g_hash_table_add (seen, grade->criterion_id))
        {
          g_autofree char *path = g_strdup_printf ("grades[%u].criterion_id", i);

          pulse_json_reader_fail (reader, path, "duplicate “%s”", grade->criterion_id);
          return;
        }
    }
}

static void
check_submission (PulseReviewSample *self,
                  PulseJsonReader   *reader)
{
  if (self->status != PULSE_REVIEW_STATUS_SUBMITTED)
    {
      if (self->submitted_at != 0)
        pulse_json_reader_fail (reader, "submitted_at",
                                "must be absent unless status is submitted");
      return;
    }

  if (self->score < 0)
    pulse_json_reader_fail (reader, "score", "is required when status is submitted");
  else if (self->submitted_at == 0)
    pulse_json_reader_fail (reader, "submitted_at", "is required when status is submitted");
  else if (self->submitted_at < self->created_at)
    pulse_json_reader_fail (reader, "submitted_at", "is before created_at");
}

static char *
read_id (PulseJsonReader *reader,
         const char      *member,
         PulseJsonFlags   flags)
{
  return pulse_json_reader_dup_string (reader, member, flags, PULSE_JSON_MAX_ID);
}

static void
read_fields (PulseReviewSample *self,
             PulseJsonReader   *reader)
{
  self->id = read_id (reader, "id", PULSE_JSON_REQUIRED);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->ticket_id = read_id (reader, "ticket_id", PULSE_JSON_REQUIRED);
  self->message_id = read_id (reader, "message_id", PULSE_JSON_REQUIRED);
  self->agent_id = read_id (reader, "agent_id", PULSE_JSON_REQUIRED);
  self->reviewer_id = read_id (reader, "reviewer_id", PULSE_JSON_OPTIONAL);
  self->scorecard_id = read_id (reader, "scorecard_id", PULSE_JSON_REQUIRED);
  self->scorecard_version = pulse_json_reader_get_int (reader, "scorecard_version",
                                                       PULSE_JSON_REQUIRED, 1, G_MAXINT64, 1);
  self->reason = pulse_json_reader_get_enum (reader, "reason", PULSE_TYPE_SAMPLE_REASON,
                                             PULSE_JSON_REQUIRED, PULSE_SAMPLE_REASON_RANDOM);
  self->status = pulse_json_reader_get_enum (reader, "status", PULSE_TYPE_REVIEW_STATUS,
                                             PULSE_JSON_REQUIRED, PULSE_REVIEW_STATUS_PENDING);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  self->grades = pulse_json_list_read (reader, "grades", PULSE_JSON_OPTIONAL,
                                       PULSE_JSON_LIST_DECODE (pulse_review_grade_new_from_json),
                                       (GDestroyNotify) pulse_review_grade_free);
  check_grades (self, reader);
  self->score = pulse_json_reader_get_double (reader, "score", PULSE_JSON_OPTIONAL, 0, 100, -1);
  self->calibration_group = read_id (reader, "calibration_group", PULSE_JSON_OPTIONAL);
  self->created_at = pulse_json_reader_get_time (reader, "created_at", PULSE_JSON_REQUIRED);
  self->submitted_at = pulse_json_reader_get_time (reader, "submitted_at", PULSE_JSON_OPTIONAL);
  check_submission (self, reader);
}

/**
 * pulse_review_sample_new_from_json:
 * @node: the wire form of a review sample
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault ("grades[1].result: unknown value “maybe”")
 *
 * Returns: (transfer full) (nullable): the sample, or %NULL on error.
 */
PulseReviewSample *
pulse_review_sample_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_REVIEW_SAMPLE, "a review sample",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_review_sample_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_review_sample_to_json (PulseReviewSample *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "ticket_id", self->ticket_id);
  pulse_json_add_string (builder, "message_id", self->message_id);
  pulse_json_add_string (builder, "agent_id", self->agent_id);
  pulse_json_add_string (builder, "reviewer_id", self->reviewer_id);
  pulse_json_add_string (builder, "scorecard_id", self->scorecard_id);
  pulse_json_add_int (builder, "scorecard_version", self->scorecard_version);
  pulse_json_add_enum (builder, "reason", PULSE_TYPE_SAMPLE_REASON, self->reason);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_REVIEW_STATUS, self->status);
  pulse_json_list_write (builder, "grades", self->grades,
                         PULSE_JSON_LIST_ENCODE (pulse_review_grade_to_json));
  if (self->score >= 0)
    pulse_json_add_double (builder, "score", self->score);
  pulse_json_add_string (builder, "calibration_group", self->calibration_group);
  pulse_json_add_time (builder, "created_at", self->created_at);
  pulse_json_add_time (builder, "submitted_at", self->submitted_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
