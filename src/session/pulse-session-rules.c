/* pulse-session-rules.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Rules page asks of the session: the server's rule test bench
 * (`POST /api/v1/rules/test`, nothing stored), a draft's replay and the
 * rules' figures (`/api/v1/rules/replay`, `/stats`), and switching a rule
 * on or off or moving it, which are edits and so go through the outbox.
 * Part of PulseSession.
 */

#include "config.h"

#include "pulse-rule-order.h"
#include "pulse-session-private.h"
#include "pulse-session-rules.h"

/**
 * pulse_session_test_rules_async:
 * @message: the request body: `{"channel","subject"?,"text"?,"rule"?…}`
 * @cancellable: (nullable): to stop asking
 *
 * Asks the server which rules would fire on @message, and why.
 */
void
pulse_session_test_rules_async (PulseSession        *self,
                                JsonNode            *message,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (message != NULL);

  task = _pulse_session_new_online_task (self, pulse_session_test_rules_async, cancellable,
                                         callback, user_data);
  if (task != NULL)
    pulse_client_send_json_async (self->client, "POST", "/api/v1/rules/test", message, NULL,
                                  NULL, cancellable, _pulse_session_answered_cb, task);
}

/**
 * pulse_session_test_rules_finish:
 *
 * Returns: (transfer full) (nullable): the answer (`matches`, `fires`,
 *   `next`, `warnings`), or %NULL on error.
 */
JsonNode *
pulse_session_test_rules_finish (PulseSession  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pulse_session_replay_rule_async:
 * @request: `{"rule","days"?,"sample"?,"until"?}` (docs/protocol.md)
 * @cancellable: (nullable): to stop asking
 *
 * Asks the server what a draft rule would have caught in its stored
 * contacts. Nothing is saved.
 */
void
pulse_session_replay_rule_async (PulseSession        *self,
                                 JsonNode            *request,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (request != NULL);

  task = _pulse_session_new_online_task (self, pulse_session_replay_rule_async, cancellable,
                                         callback, user_data);
  if (task != NULL)
    pulse_client_send_json_async (self->client, "POST", "/api/v1/rules/replay", request, NULL,
                                  NULL, cancellable, _pulse_session_answered_cb, task);
}

/**
 * pulse_session_replay_rule_finish:
 *
 * Returns: (transfer full) (nullable): `{"contacts","matches","caught",
 *   "sample","answered",…}`, or %NULL on error.
 */
JsonNode *
pulse_session_replay_rule_finish (PulseSession  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
figures_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  JsonNode *answer = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);

  if (answer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
}

/**
 * pulse_session_fetch_rule_figures_async:
 * @days: the window, 1…90 days up to now
 * @cancellable: (nullable): to stop asking
 *
 * Asks the server for every rule's figures (`GET /api/v1/rules/stats`).
 */
void
pulse_session_fetch_rule_figures_async (PulseSession        *self,
                                        guint                days,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (days >= 1 && days <= 90);

  task = _pulse_session_new_online_task (self, pulse_session_fetch_rule_figures_async,
                                         cancellable, callback, user_data);
  if (task == NULL)
    return;

  path = g_strdup_printf ("/api/v1/rules/stats?days=%u", days);
  pulse_client_get_json_async (self->client, path, cancellable, figures_cb, task);
}

/**
 * pulse_session_fetch_rule_figures_finish:
 *
 * Returns: (transfer full) (nullable): `{"contacts","rules":[…],…}`, or
 *   %NULL on error.
 */
JsonNode *
pulse_session_fetch_rule_figures_finish (PulseSession  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error) <= 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * pulse_session_set_rule_enabled_async:
 * @rule: the rule as the session has it
 * @enabled: whether it should run on new contacts
 *
 * Saves @rule with @enabled through the outbox, at @rule's version: the
 * edit is kept until the server takes it, and a stale version becomes a
 * conflict there. Finishes once the edit is safely in the outbox.
 */
void
pulse_session_set_rule_enabled_async (PulseSession        *self,
                                      PulseRule           *rule,
                                      gboolean             enabled,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (PULSE_IS_RULE (rule));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_set_rule_enabled_async);
  if (self->outbox == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "The local copy is not open yet");
      g_object_unref (task);
      return;
    }

  body = pulse_rule_to_json (rule);
  json_object_set_boolean_member (json_node_get_object (body), "enabled", enabled);
  pulse_outbox_submit_async (self->outbox, "PUT", "rule", pulse_rule_get_id (rule),
                             pulse_rule_get_version (rule), body, cancellable, submitted_cb,
                             task);
}

gboolean
pulse_session_set_rule_enabled_finish (PulseSession  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  guint   pending;
  guint   saved;
  GError *error;
} MoveState;

static void
move_state_free (MoveState *state)
{
  g_clear_error (&state->error);
  g_free (state);
}

static void
move_done_one (GTask *task)
{
  MoveState *state = g_task_get_task_data (task);

  if (--state->pending > 0)
    return;

  if (state->error != NULL)
    g_task_return_error (task, g_steal_pointer (&state->error));
  else
    g_task_return_int (task, state->saved);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MoveState *state = g_task_get_task_data (task);
  GError *error = NULL;

  if (pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error) > 0)
    state->saved++;
  else if (state->error == NULL)
    state->error = error;
  else
    g_error_free (error);

  move_done_one (task);
}

/**
 * pulse_session_move_rules_async:
 * @rules: (element-type PulseRule): every rule, in the new order
 * @cancellable: (nullable): does not unsave what the outbox took
 *
 * Saves the order of @rules through the outbox: positions from
 * pulse_rule_order_positions(), and an update only for each rule whose
 * position changed, at the version the session has.
 */
void
pulse_session_move_rules_async (PulseSession        *self,
                                GPtrArray           *rules,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree int *current = NULL;
  g_autofree int *positions = NULL;
  MoveState *state;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (rules != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_move_rules_async);
  state = g_new0 (MoveState, 1);
  g_task_set_task_data (task, state, (GDestroyNotify) move_state_free);

  current = g_new0 (int, MAX (rules->len, 1));
  positions = g_new0 (int, MAX (rules->len, 1));
  for (guint i = 0; i < rules->len; i++)
    current[i] = pulse_rule_get_position (g_ptr_array_index (rules, i));
  pulse_rule_order_positions (current, positions, rules->len);

  /* One reference per submission, and one held here until all are out. */
  state->pending = 1;
  for (guint i = 0; i < rules->len && self->outbox != NULL; i++)
    {
      PulseRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(JsonNode) body = NULL;

      if (positions[i] == current[i])
        continue;

      body = pulse_rule_to_json (rule);
      json_object_set_int_member (json_node_get_object (body), "position", positions[i]);
      state->pending++;
      pulse_outbox_submit_async (self->outbox, "PUT", "rule", pulse_rule_get_id (rule),
                                 pulse_rule_get_version (rule), body, cancellable, moved_cb,
                                 g_object_ref (task));
    }

  if (self->outbox == NULL)
    state->error = g_error_new_literal (PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                                        "The local copy is not open yet");
  move_done_one (task);
  g_object_unref (task);
}

/**
 * pulse_session_move_rules_finish:
 *
 * Returns: how many rules were saved with a new position, or -1 with
 *   @error set.
 */
int
pulse_session_move_rules_finish (PulseSession  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}
