/* pulse-review-sample.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-review-sample-private.h"
#include "pulse-utils.h"

/**
 * PulseReviewSample:
 *
 * One agent reply drawn for a QA reviewer to grade on a scorecard (the
 * version it was drawn against). Calibration copies of one sample, one
 * per reviewer, share a @calibration_group.
 *
 * Wire form: `{"id","version","ticket_id","message_id","agent_id",
 * "reviewer_id"?,"scorecard_id","scorecard_version","reason","status",
 * "grades","score"?,"calibration_group"?,"created_at","submitted_at"?}`.
 * Grades may be absent (empty) and name each criterion once. A submitted
 * review has a score and a submitted_at no earlier than created_at; any
 * other has no submitted_at.
 */

G_DEFINE_FINAL_TYPE (PulseReviewSample, pulse_review_sample, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TICKET_ID,
  PROP_MESSAGE_ID,
  PROP_AGENT_ID,
  PROP_REVIEWER_ID,
  PROP_SCORECARD_ID,
  PROP_SCORECARD_VERSION,
  PROP_REASON,
  PROP_STATUS,
  PROP_SCORE,
  PROP_CALIBRATION_GROUP,
  PROP_CREATED_AT,
  PROP_SUBMITTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_review_sample_finalize (GObject *object)
{
  PulseReviewSample *self = (PulseReviewSample *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->ticket_id, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->agent_id, g_free);
  g_clear_pointer (&self->reviewer_id, g_free);
  g_clear_pointer (&self->scorecard_id, g_free);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  g_clear_pointer (&self->calibration_group, g_free);

  G_OBJECT_CLASS (pulse_review_sample_parent_class)->finalize (object);
}

static void
pulse_review_sample_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseReviewSample *self = PULSE_REVIEW_SAMPLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_TICKET_ID:
      g_value_set_string (value, self->ticket_id);
      break;
    case PROP_MESSAGE_ID:
      g_value_set_string (value, self->message_id);
      break;
    case PROP_AGENT_ID:
      g_value_set_string (value, self->agent_id);
      break;
    case PROP_REVIEWER_ID:
      g_value_set_string (value, self->reviewer_id);
      break;
    case PROP_SCORECARD_ID:
      g_value_set_string (value, self->scorecard_id);
      break;
    case PROP_SCORECARD_VERSION:
      g_value_set_int64 (value, self->scorecard_version);
      break;
    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_CALIBRATION_GROUP:
      g_value_set_string (value, self->calibration_group);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_SUBMITTED_AT:
      g_value_set_int64 (value, self->submitted_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_review_sample_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseReviewSample *self = PULSE_REVIEW_SAMPLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TICKET_ID:
      self->ticket_id = g_value_dup_string (value);
      break;
    case PROP_MESSAGE_ID:
      self->message_id = g_value_dup_string (value);
      break;
    case PROP_AGENT_ID:
      self->agent_id = g_value_dup_string (value);
      break;
    case PROP_SCORECARD_ID:
      self->scorecard_id = g_value_dup_string (value);
      break;
    case PROP_SCORECARD_VERSION:
      self->scorecard_version = g_value_get_int64 (value);
      break;
    case PROP_REASON:
      self->reason = g_value_get_enum (value);
      break;
    case PROP_CALIBRATION_GROUP:
      self->calibration_group = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;
    case PROP_VERSION:
      pulse_review_sample_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_REVIEWER_ID:
      pulse_review_sample_set_reviewer_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What identifies a sample is set once, when it is drawn. */
static GParamSpec *
id_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
pulse_review_sample_class_init (PulseReviewSampleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_review_sample_finalize;
  object_class->get_property = pulse_review_sample_get_property;
  object_class->set_property = pulse_review_sample_set_property;

  properties[PROP_ID] = id_property ("id");
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TICKET_ID] = id_property ("ticket-id");
  properties[PROP_MESSAGE_ID] = id_property ("message-id");
  properties[PROP_AGENT_ID] = id_property ("agent-id");
  properties[PROP_REVIEWER_ID] = g_param_spec_string ("reviewer-id", NULL, NULL, NULL, rw);
  properties[PROP_SCORECARD_ID] = id_property ("scorecard-id");
  properties[PROP_SCORECARD_VERSION] =
    g_param_spec_int64 ("scorecard-version", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, PULSE_TYPE_SAMPLE_REASON,
                       PULSE_SAMPLE_REASON_RANDOM, once);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PULSE_TYPE_REVIEW_STATUS,
                       PULSE_REVIEW_STATUS_PENDING, ro);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, -1, 100, -1, ro);
  properties[PROP_CALIBRATION_GROUP] = id_property ("calibration-group");
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_SUBMITTED_AT] =
    g_param_spec_int64 ("submitted-at", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_review_sample_init (PulseReviewSample *self)
{
  self->grades = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_review_grade_free);
  self->score = -1;
}

const char *
pulse_review_sample_get_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->id;
}

gint64
pulse_review_sample_get_version (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), 0);

  return self->version;
}

void
pulse_review_sample_set_version (PulseReviewSample *self,
                                 gint64             version)
{
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_review_sample_get_ticket_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->ticket_id;
}

const char *
pulse_review_sample_get_message_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->message_id;
}

/**
 * pulse_review_sample_get_agent_id:
 *
 * Returns: the agent who wrote the reply under review.
 */
const char *
pulse_review_sample_get_agent_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->agent_id;
}

/**
 * pulse_review_sample_get_reviewer_id:
 *
 * Returns: (nullable): the QA reviewer the sample is assigned to, if any.
 */
const char *
pulse_review_sample_get_reviewer_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->reviewer_id;
}

void
pulse_review_sample_set_reviewer_id (PulseReviewSample *self,
                                     const char        *reviewer_id)
{
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (self));

  if (pulse_set_str (&self->reviewer_id, reviewer_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_ID]);
}

const char *
pulse_review_sample_get_scorecard_id (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->scorecard_id;
}

/**
 * pulse_review_sample_get_scorecard_version:
 *
 * Returns: the scorecard version the grades refer to, at least 1.
 */
gint64
pulse_review_sample_get_scorecard_version (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), 0);

  return self->scorecard_version;
}

PulseSampleReason
pulse_review_sample_get_reason (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), PULSE_SAMPLE_REASON_RANDOM);

  return self->reason;
}

PulseReviewStatus
pulse_review_sample_get_status (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), PULSE_REVIEW_STATUS_PENDING);

  return self->status;
}

/**
 * pulse_review_sample_get_score:
 *
 * Returns: the QA score, 0…100, or -1 when it is not set; a submitted
 *   review always has one.
 */
double
pulse_review_sample_get_score (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), -1);

  return self->score;
}

/**
 * pulse_review_sample_get_calibration_group:
 *
 * Returns: (nullable): the id shared by every reviewer's copy of a
 *   calibration sample, or %NULL for an ordinary sample.
 */
const char *
pulse_review_sample_get_calibration_group (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);

  return self->calibration_group;
}

gint64
pulse_review_sample_get_created_at (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), 0);

  return self->created_at;
}

/**
 * pulse_review_sample_get_submitted_at:
 *
 * Returns: when the review was submitted, in microseconds since the
 *   epoch, or 0 if it is not submitted.
 */
gint64
pulse_review_sample_get_submitted_at (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), 0);

  return self->submitted_at;
}

guint
pulse_review_sample_get_n_grades (PulseReviewSample *self)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), 0);

  return self->grades->len;
}

/**
 * pulse_review_sample_get_grade:
 * @index: a position below pulse_review_sample_get_n_grades()
 *
 * Returns: (transfer none): the grade, owned by @self.
 */
const PulseReviewGrade *
pulse_review_sample_get_grade (PulseReviewSample *self,
                               guint              index)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);
  g_return_val_if_fail (index < self->grades->len, NULL);

  return g_ptr_array_index (self->grades, index);
}

/**
 * pulse_review_sample_find_grade:
 * @criterion_id: a scorecard criterion id
 *
 * Returns: (transfer none) (nullable): the grade given to @criterion_id,
 *   owned by @self, or %NULL if it is not graded yet.
 */
const PulseReviewGrade *
pulse_review_sample_find_grade (PulseReviewSample *self,
                                const char        *criterion_id)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  for (guint i = 0; i < self->grades->len; i++)
    {
      const PulseReviewGrade *grade = g_ptr_array_index (self->grades, i);

      if (g_str_equal (grade->criterion_id, criterion_id))
        return grade;
    }

  return NULL;
}
