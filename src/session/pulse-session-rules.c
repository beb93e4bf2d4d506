/* pulse-session-rules.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Rules page asks of the session: the server's rule test bench
 * (`POST /api/v1/rules/test`, nothing stored) and switching a rule on or
 * off, which is an edit and so goes through the outbox. Part of
 * PulseSession.
 */

#include "config.h"

#include "pulse-session-private.h"
#include "pulse-session-rules.h"

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  guint status = 0;

  if (!pulse_client_send_json_finish (PULSE_CLIENT (object), result, &status, &answer, NULL,
                                      NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (status != 200 || answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonObject *object_node = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                                ? json_node_get_object (answer) : NULL;
      JsonObject *problem = object_node != NULL
                            && json_object_has_member (object_node, "error")
                            && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object_node,
                                                                               "error"))
                            ? json_object_get_object_member (object_node, "error") : NULL;

      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_HTTP,
                               "The rule test failed (%u): %s", status,
                               problem != NULL
                               ? json_object_get_string_member_with_default (problem, "message",
                                                                             "no reason given")
                               : "no reason given");
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&answer), (GDestroyNotify) json_node_unref);
}

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

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_session_test_rules_async);
  if (self->client == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "No server is followed");
      g_object_unref (task);
      return;
    }

  pulse_client_send_json_async (self->client, "POST", "/api/v1/rules/test", message, NULL, NULL,
                                cancellable, tested_cb, task);
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
