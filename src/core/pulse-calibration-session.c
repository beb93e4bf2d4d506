/* pulse-calibration-session.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-calibration-session.h"
#include "pulse-json-list.h"
#include "pulse-json.h"

/**
 * PulseCalibrationSession:
 *
 * The reference grading a lead or head settles for a calibration group,
 * after its reviewers graded the same reply: what the right verdict was
 * on each criterion, which the reviewers' gradings are measured against.
 * Its id is the calibration group's.
 *
 * Wire form: `{"id","version","ticket_id","scorecard_id",
 * "scorecard_version","reviews","grades","score"?,"settled_by",
 * "settled_at","note"?}`: reviews are the group's review ids, grades
 * name each criterion once. The server fills everything but grades and
 * note from the group when it is settled (docs/protocol.md).
 */
struct _PulseCalibrationSession
{
  GObject    parent_instance;

  char      *id;
  gint64     version;
  char      *ticket_id;
  char      *scorecard_id;
  gint64     scorecard_version;
  GStrv      reviews;
  GPtrArray *grades;
  double     score;
  char      *settled_by;
  gint64     settled_at;
  char      *note;
};

G_DEFINE_FINAL_TYPE (PulseCalibrationSession, pulse_calibration_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_grades (PulseCalibrationSession *self,
              PulseJsonReader         *reader)
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
read_fields (PulseCalibrationSession *self,
             PulseJsonReader         *reader)
{
  self->id = pulse_json_reader_dup_string (reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->ticket_id = pulse_json_reader_dup_string (reader, "ticket_id", PULSE_JSON_REQUIRED,
                                                  PULSE_JSON_MAX_ID);
  self->scorecard_id = pulse_json_reader_dup_string (reader, "scorecard_id", PULSE_JSON_REQUIRED,
                                                     PULSE_JSON_MAX_ID);
  self->scorecard_version = pulse_json_reader_get_int (reader, "scorecard_version",
                                                       PULSE_JSON_REQUIRED, 1, G_MAXINT64, 1);
  self->reviews = pulse_json_reader_dup_strv (reader, "reviews", PULSE_JSON_REQUIRED, 100,
                                              PULSE_JSON_MAX_ID);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  self->grades = pulse_json_list_read (reader, "grades", PULSE_JSON_REQUIRED,
                                       PULSE_JSON_LIST_DECODE (pulse_review_grade_new_from_json),
                                       (GDestroyNotify) pulse_review_grade_free);
  check_grades (self, reader);
  self->score = pulse_json_reader_get_double (reader, "score", PULSE_JSON_OPTIONAL, 0, 100, -1);
  self->settled_by = pulse_json_reader_dup_string (reader, "settled_by", PULSE_JSON_REQUIRED,
                                                   PULSE_JSON_MAX_NAME);
  self->settled_at = pulse_json_reader_get_time (reader, "settled_at", PULSE_JSON_REQUIRED);
  self->note = pulse_json_reader_dup_string (reader, "note", PULSE_JSON_OPTIONAL,
                                             PULSE_JSON_MAX_SHORT);
}

static void
pulse_calibration_session_finalize (GObject *object)
{
  PulseCalibrationSession *self = (PulseCalibrationSession *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->ticket_id, g_free);
  g_clear_pointer (&self->scorecard_id, g_free);
  g_clear_pointer (&self->reviews, g_strfreev);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  g_clear_pointer (&self->settled_by, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (pulse_calibration_session_parent_class)->finalize (object);
}

static void
pulse_calibration_session_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PulseCalibrationSession *self = PULSE_CALIBRATION_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_calibration_session_class_init (PulseCalibrationSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_calibration_session_finalize;
  object_class->get_property = pulse_calibration_session_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_calibration_session_init (PulseCalibrationSession *self)
{
  self->score = -1;
}

/**
 * pulse_calibration_session_new_from_json:
 * @node: the wire form of a settled calibration
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault
 *
 * Returns: (transfer full) (nullable): the session, or %NULL on error.
 */
PulseCalibrationSession *
pulse_calibration_session_new_from_json (JsonNode  *node,
                                         GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_CALIBRATION_SESSION, "a calibration",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_calibration_session_to_json:
 *
 * Returns: (transfer full): the wire form of @self.
 */
JsonNode *
pulse_calibration_session_to_json (PulseCalibrationSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", self->id);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "ticket_id", self->ticket_id);
  pulse_json_add_string (builder, "scorecard_id", self->scorecard_id);
  pulse_json_add_int (builder, "scorecard_version", self->scorecard_version);
  pulse_json_add_strv (builder, "reviews", (const char * const *) self->reviews);
  pulse_json_list_write (builder, "grades", self->grades,
                         PULSE_JSON_LIST_ENCODE (pulse_review_grade_to_json));
  if (self->score >= 0)
    pulse_json_add_double (builder, "score", self->score);
  pulse_json_add_string (builder, "settled_by", self->settled_by);
  pulse_json_add_time (builder, "settled_at", self->settled_at);
  pulse_json_add_string (builder, "note", self->note);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pulse_calibration_session_get_id (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return self->id;
}

gint64
pulse_calibration_session_get_version (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), 0);

  return self->version;
}

void
pulse_calibration_session_set_version (PulseCalibrationSession *self,
                                       gint64                   version)
{
  g_return_if_fail (PULSE_IS_CALIBRATION_SESSION (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_calibration_session_get_ticket_id (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return self->ticket_id;
}

const char *
pulse_calibration_session_get_scorecard_id (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return self->scorecard_id;
}

/**
 * pulse_calibration_session_get_reviews:
 *
 * Returns: (array zero-terminated=1): the ids of the group's reviews.
 */
const char * const *
pulse_calibration_session_get_reviews (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return (const char * const *) self->reviews;
}

guint
pulse_calibration_session_get_n_grades (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), 0);

  return self->grades->len;
}

const PulseReviewGrade *
pulse_calibration_session_get_grade (PulseCalibrationSession *self,
                                     guint                    index)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);
  g_return_val_if_fail (index < self->grades->len, NULL);

  return g_ptr_array_index (self->grades, index);
}

/**
 * pulse_calibration_session_find_grade:
 *
 * Returns: (nullable): the reference verdict on @criterion_id.
 */
const PulseReviewGrade *
pulse_calibration_session_find_grade (PulseCalibrationSession *self,
                                      const char              *criterion_id)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  for (guint i = 0; i < self->grades->len; i++)
    {
      const PulseReviewGrade *grade = g_ptr_array_index (self->grades, i);

      if (g_strcmp0 (grade->criterion_id, criterion_id) == 0)
        return grade;
    }

  return NULL;
}

/**
 * pulse_calibration_session_get_score:
 *
 * Returns: the reference grading's score, 0…100, or -1 when unknown.
 */
double
pulse_calibration_session_get_score (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), -1);

  return self->score;
}

const char *
pulse_calibration_session_get_settled_by (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return self->settled_by;
}

gint64
pulse_calibration_session_get_settled_at (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), 0);

  return self->settled_at;
}

const char *
pulse_calibration_session_get_note (PulseCalibrationSession *self)
{
  g_return_val_if_fail (PULSE_IS_CALIBRATION_SESSION (self), NULL);

  return self->note;
}
