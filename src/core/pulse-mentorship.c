/* pulse-mentorship.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-mentorship-private.h"
#include "pulse-utils.h"

/**
 * PulseMentorship:
 *
 * A newcomer's probation under a mentor. The plan opens channels one by
 * one, typically email at the start, chat after about a month and phone
 * after one and a half to two months, with a test at the end.
 *
 * Wire form: `{"id","version","mentor_id","newcomer_id","status",
 * "started_at","plan","test_at"?,"test_score"?,"decision"?,"notes"?}`. The
 * plan may be absent (empty), names each channel once, and opens nothing
 * before started_at; the test is not before started_at either. The
 * decision after the test ("pass", "extend" or "fail"; absent until taken)
 * agrees with the status: a pass is "passed", a fail "failed", and an
 * extended probation goes on ("planned" or "active").
 */

G_DEFINE_FINAL_TYPE (PulseMentorship, pulse_mentorship, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_MENTOR_ID,
  PROP_NEWCOMER_ID,
  PROP_STATUS,
  PROP_STARTED_AT,
  PROP_TEST_AT,
  PROP_TEST_SCORE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pulse_mentorship_finalize (GObject *object)
{
  PulseMentorship *self = (PulseMentorship *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->mentor_id, g_free);
  g_clear_pointer (&self->newcomer_id, g_free);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pulse_mentorship_parent_class)->finalize (object);
}

static void
pulse_mentorship_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PulseMentorship *self = PULSE_MENTORSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_MENTOR_ID:
      g_value_set_string (value, self->mentor_id);
      break;
    case PROP_NEWCOMER_ID:
      g_value_set_string (value, self->newcomer_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STARTED_AT:
      g_value_set_int64 (value, self->started_at);
      break;
    case PROP_TEST_AT:
      g_value_set_int64 (value, self->test_at);
      break;
    case PROP_TEST_SCORE:
      g_value_set_double (value, self->test_score);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_mentorship_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PulseMentorship *self = PULSE_MENTORSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      pulse_mentorship_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_MENTOR_ID:
      self->mentor_id = g_value_dup_string (value);
      break;
    case PROP_NEWCOMER_ID:
      self->newcomer_id = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      pulse_mentorship_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STARTED_AT:
      self->started_at = g_value_get_int64 (value);
      break;
    case PROP_TEST_AT:
      pulse_mentorship_set_test_at (self, g_value_get_int64 (value));
      break;
    case PROP_TEST_SCORE:
      pulse_mentorship_set_test_score (self, g_value_get_double (value));
      break;
    case PROP_NOTES:
      pulse_mentorship_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_mentorship_class_init (PulseMentorshipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pulse_mentorship_finalize;
  object_class->get_property = pulse_mentorship_get_property;
  object_class->set_property = pulse_mentorship_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, once);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MENTOR_ID] = g_param_spec_string ("mentor-id", NULL, NULL, NULL, once);
  properties[PROP_NEWCOMER_ID] = g_param_spec_string ("newcomer-id", NULL, NULL, NULL, once);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PULSE_TYPE_MENTORSHIP_STATUS,
                       PULSE_MENTORSHIP_STATUS_PLANNED, rw);
  properties[PROP_STARTED_AT] =
    g_param_spec_int64 ("started-at", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_TEST_AT] = g_param_spec_int64 ("test-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TEST_SCORE] = g_param_spec_double ("test-score", NULL, NULL, -1, 100, -1, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_mentorship_init (PulseMentorship *self)
{
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_mentorship_step_free);
  self->test_score = -1;
}

/**
 * pulse_mentorship_new:
 * @id: the mentorship's identifier
 *
 * The mentor, newcomer and start are construct-only properties; set them
 * with g_object_new() when building a new assignment in code.
 *
 * Returns: (transfer full): a new, planned mentorship with an empty plan.
 */
PulseMentorship *
pulse_mentorship_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PULSE_TYPE_MENTORSHIP, "id", id, NULL);
}

const char *
pulse_mentorship_get_id (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  return self->id;
}

gint64
pulse_mentorship_get_version (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return self->version;
}

void
pulse_mentorship_set_version (PulseMentorship *self,
                              gint64           version)
{
  g_return_if_fail (PULSE_IS_MENTORSHIP (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pulse_mentorship_get_mentor_id (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  return self->mentor_id;
}

const char *
pulse_mentorship_get_newcomer_id (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  return self->newcomer_id;
}

PulseMentorshipStatus
pulse_mentorship_get_status (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), PULSE_MENTORSHIP_STATUS_PLANNED);

  return self->status;
}

void
pulse_mentorship_set_status (PulseMentorship       *self,
                             PulseMentorshipStatus  status)
{
  g_return_if_fail (PULSE_IS_MENTORSHIP (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
pulse_mentorship_get_started_at (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return self->started_at;
}

guint
pulse_mentorship_get_n_steps (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return self->plan->len;
}

/**
 * pulse_mentorship_get_step:
 * @index: a position below pulse_mentorship_get_n_steps()
 *
 * Returns: (transfer none): the plan step, owned by @self.
 */
const PulseMentorshipStep *
pulse_mentorship_get_step (PulseMentorship *self,
                           guint            index)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);
  g_return_val_if_fail (index < self->plan->len, NULL);

  return g_ptr_array_index (self->plan, index);
}

/**
 * pulse_mentorship_get_opens_at:
 * @channel: a channel
 *
 * Returns: when the plan opens @channel to the newcomer, in microseconds
 *   since the epoch, or 0 if the plan never opens it.
 */
gint64
pulse_mentorship_get_opens_at (PulseMentorship  *self,
                               PulseChannelKind  channel)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  for (guint i = 0; i < self->plan->len; i++)
    {
      const PulseMentorshipStep *step = g_ptr_array_index (self->plan, i);

      if (step->channel == channel)
        return step->opens_at;
    }

  return 0;
}

/**
 * pulse_mentorship_channel_open:
 * @channel: a channel
 * @now_usec: the time to ask about, in microseconds since the epoch
 *
 * Whether the plan lets the newcomer answer on @channel at @now_usec. Only
 * the plan is consulted, not the status: what a passed or cancelled
 * probation means for routing is the caller's decision.
 *
 * Returns: %TRUE if the plan has a step for @channel that opened at or
 *   before @now_usec.
 */
gboolean
pulse_mentorship_channel_open (PulseMentorship  *self,
                               PulseChannelKind  channel,
                               gint64            now_usec)
{
  gint64 opens_at;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), FALSE);

  opens_at = pulse_mentorship_get_opens_at (self, channel);
  return opens_at != 0 && opens_at <= now_usec;
}

/**
 * pulse_mentorship_get_test_at:
 *
 * Returns: when the end-of-probation test is, or 0 if not scheduled.
 */
gint64
pulse_mentorship_get_test_at (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), 0);

  return self->test_at;
}

void
pulse_mentorship_set_test_at (PulseMentorship *self,
                              gint64           test_at)
{
  g_return_if_fail (PULSE_IS_MENTORSHIP (self));
  g_return_if_fail (test_at >= 0);

  if (self->test_at == test_at)
    return;

  self->test_at = test_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEST_AT]);
}

/**
 * pulse_mentorship_get_test_score:
 *
 * Returns: the test result, 0…100, or -1 if there is none yet.
 */
double
pulse_mentorship_get_test_score (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), -1);

  return self->test_score;
}

/**
 * pulse_mentorship_set_test_score:
 * @test_score: 0…100, or -1 to clear it
 */
void
pulse_mentorship_set_test_score (PulseMentorship *self,
                                 double           test_score)
{
  g_return_if_fail (PULSE_IS_MENTORSHIP (self));
  g_return_if_fail (test_score == -1 || (test_score >= 0 && test_score <= 100));

  if (self->test_score == test_score)
    return;

  self->test_score = test_score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEST_SCORE]);
}

/**
 * pulse_mentorship_get_decision:
 *
 * Returns: the decision after the test, or
 *   %PULSE_MENTORSHIP_DECISION_NONE while none is taken.
 */
PulseMentorshipDecision
pulse_mentorship_get_decision (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), PULSE_MENTORSHIP_DECISION_NONE);

  return self->decision;
}

const char *
pulse_mentorship_get_notes (PulseMentorship *self)
{
  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);

  return self->notes;
}

void
pulse_mentorship_set_notes (PulseMentorship *self,
                            const char      *notes)
{
  g_return_if_fail (PULSE_IS_MENTORSHIP (self));

  if (pulse_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
