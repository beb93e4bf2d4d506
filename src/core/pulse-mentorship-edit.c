/* pulse-mentorship-edit.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits the Mentors page makes, as the wire form to save: each takes
 * a mentorship as stored and returns its JSON with one change. Nothing is
 * checked here; decoding the result with pulse_mentorship_new_from_json()
 * says what is wrong with it, by field.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-mentorship-edit.h"
#include "pulse-mentorship-plan.h"
#include "pulse-time-utils.h"

/* The codecs build immutable trees; an edit needs its own copy. */
static JsonNode *
mutable_copy (PulseMentorship *self)
{
  g_autoptr(JsonNode) node = pulse_mentorship_to_json (self);
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

static void
set_time (JsonObject *object,
          const char *member,
          gint64      value)
{
  g_autofree char *text = NULL;

  if (value == 0)
    {
      json_object_remove_member (object, member);
      return;
    }

  text = pulse_time_format (value);
  json_object_set_string_member (object, member, text);
}

static void
add_step (JsonBuilder      *builder,
          PulseChannelKind  channel,
          gint64            opens_at)
{
  json_builder_begin_object (builder);
  pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, channel);
  pulse_json_add_time (builder, "opens_at", opens_at);
  json_builder_end_object (builder);
}

/**
 * pulse_mentorship_edit_new_plan:
 * @id: the new mentorship's id
 * @mentor_id: the mentor
 * @newcomer_id: the newcomer
 * @started_at: the first day of the probation
 *
 * The usual plan: email from @started_at, chat from day
 * %PULSE_MENTORSHIP_CHAT_DAY, phone from day %PULSE_MENTORSHIP_PHONE_DAY
 * and the test on day %PULSE_MENTORSHIP_TEST_DAY, active, version 0.
 *
 * Returns: (transfer full): the wire form to create.
 */
JsonNode *
pulse_mentorship_edit_new_plan (const char *id,
                                const char *mentor_id,
                                const char *newcomer_id,
                                gint64      started_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (id != NULL && mentor_id != NULL && newcomer_id != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "mentor_id", mentor_id);
  pulse_json_add_string (builder, "newcomer_id", newcomer_id);
  pulse_json_add_string (builder, "status", "active");
  pulse_json_add_time (builder, "started_at", started_at);
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  add_step (builder, PULSE_CHANNEL_KIND_EMAIL, started_at);
  add_step (builder, PULSE_CHANNEL_KIND_CHAT,
            started_at + (gint64) PULSE_MENTORSHIP_CHAT_DAY * PULSE_USEC_PER_DAY);
  add_step (builder, PULSE_CHANNEL_KIND_PHONE,
            started_at + (gint64) PULSE_MENTORSHIP_PHONE_DAY * PULSE_USEC_PER_DAY);
  json_builder_end_array (builder);
  pulse_json_add_time (builder, "test_at",
                       started_at + (gint64) PULSE_MENTORSHIP_TEST_DAY * PULSE_USEC_PER_DAY);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonObject *
step_object (JsonNode *node,
             guint     index)
{
  JsonArray *plan = json_object_get_array_member (json_node_get_object (node), "plan");

  return json_array_get_object_element (plan, index);
}

/**
 * pulse_mentorship_edit_sign_off:
 * @index: the step, below pulse_mentorship_get_n_steps()
 * @at: when it is signed off, or 0 to take the sign-off back
 * @by: (nullable): who signs it off
 *
 * Signing off opens the step's channel once the server has the change; a
 * planned probation becomes active with its first sign-off.
 *
 * Returns: (transfer full): the wire form with the step signed off.
 */
JsonNode *
pulse_mentorship_edit_sign_off (PulseMentorship *self,
                                guint            index,
                                gint64           at,
                                const char      *by)
{
  JsonNode *node;
  JsonObject *step;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);
  g_return_val_if_fail (index < pulse_mentorship_get_n_steps (self), NULL);

  node = mutable_copy (self);
  step = step_object (node, index);
  set_time (step, "signed_off_at", at);
  if (at != 0 && by != NULL)
    json_object_set_string_member (step, "signed_off_by", by);
  else
    json_object_remove_member (step, "signed_off_by");

  if (at != 0 && pulse_mentorship_get_status (self) == PULSE_MENTORSHIP_STATUS_PLANNED)
    json_object_set_string_member (json_node_get_object (node), "status", "active");

  return node;
}

/**
 * pulse_mentorship_edit_set_date:
 * @index: a step, or -1 for the final test
 * @date: the milestone's new date
 *
 * Returns: (transfer full): the wire form with the milestone moved.
 */
JsonNode *
pulse_mentorship_edit_set_date (PulseMentorship *self,
                                int              index,
                                gint64           date)
{
  JsonNode *node;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);
  g_return_val_if_fail (index < (int) pulse_mentorship_get_n_steps (self), NULL);

  node = mutable_copy (self);
  if (index < 0)
    set_time (json_node_get_object (node), "test_at", date);
  else
    set_time (step_object (node, (guint) index), "opens_at", date);

  return node;
}

/**
 * pulse_mentorship_edit_decide:
 * @decision: pass, extend or fail (or none, to take a decision back)
 * @test_score: the test result, 0…100, or -1 to leave it as it is
 *
 * A pass makes the status "passed" and a fail "failed"; an extension
 * keeps the probation active and moves the test
 * %PULSE_MENTORSHIP_EXTEND_DAYS days later; none makes it active again.
 *
 * Returns: (transfer full): the wire form with the decision.
 */
JsonNode *
pulse_mentorship_edit_decide (PulseMentorship         *self,
                              PulseMentorshipDecision  decision,
                              double                   test_score)
{
  static const char * const statuses[] = { "active", "passed", "active", "failed" };
  JsonNode *node;
  JsonObject *object;
  gint64 test_at;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);
  g_return_val_if_fail (decision <= PULSE_MENTORSHIP_DECISION_FAIL, NULL);

  node = mutable_copy (self);
  object = json_node_get_object (node);
  json_object_set_string_member (object, "status", statuses[decision]);
  if (decision == PULSE_MENTORSHIP_DECISION_NONE)
    json_object_remove_member (object, "decision");
  else
    json_object_set_string_member (object, "decision",
                                   pulse_enum_to_nick (PULSE_TYPE_MENTORSHIP_DECISION, decision));
  if (test_score >= 0)
    json_object_set_double_member (object, "test_score", test_score);

  test_at = pulse_mentorship_get_test_at (self);
  if (decision == PULSE_MENTORSHIP_DECISION_EXTEND && test_at != 0)
    set_time (object, "test_at",
              test_at + (gint64) PULSE_MENTORSHIP_EXTEND_DAYS * PULSE_USEC_PER_DAY);

  return node;
}

/**
 * pulse_mentorship_edit_set_mentor:
 * @mentor_id: the new mentor
 *
 * Returns: (transfer full): the wire form with @mentor_id as the mentor.
 */
JsonNode *
pulse_mentorship_edit_set_mentor (PulseMentorship *self,
                                  const char      *mentor_id)
{
  JsonNode *node;

  g_return_val_if_fail (PULSE_IS_MENTORSHIP (self), NULL);
  g_return_val_if_fail (mentor_id != NULL, NULL);

  node = mutable_copy (self);
  json_object_set_string_member (json_node_get_object (node), "mentor_id", mentor_id);
  return node;
}
