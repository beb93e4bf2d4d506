/* pulse-session-items.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How every Manage page edits an item: a save or a delete goes through
 * the outbox (so it survives a restart and a stale version becomes a
 * conflict there), whether the signed-in role may edit a kind at all,
 * and the item's audit history. Part of PulseSession.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-role-policy.h"
#include "pulse-session-items.h"
#include "pulse-session-private.h"

/* The permission that edits each kind, as the server's roles say
 * (docs/protocol.md, "Managed items"). */
static const struct
{
  const char      *kind;
  PulsePermission  permission;
} editors[] = {
  { "rule", PULSE_PERMISSION_EDIT_RULES },
  { "template", PULSE_PERMISSION_EDIT_TEMPLATES },
  { "mentorship", PULSE_PERMISSION_EDIT_MENTORSHIPS },
  { "scorecard", PULSE_PERMISSION_EDIT_SCORECARDS },
  { "review", PULSE_PERMISSION_EDIT_REVIEWS },
  { "shift", PULSE_PERMISSION_EDIT_SHIFTS },
  { "followup", PULSE_PERMISSION_EDIT_FOLLOWUPS },
  { "calibration", PULSE_PERMISSION_SETTLE_CALIBRATIONS },
};

/**
 * pulse_session_can_edit:
 * @kind: the item's kind ("rule", "template" …)
 *
 * Whether the signed-in role may change items of @kind. The server
 * enforces the same; this lets a page show them read-only up front.
 *
 * Returns: %TRUE if edits of @kind would be taken
 */
gboolean
pulse_session_can_edit (PulseSession *self,
                        const char   *kind)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), FALSE);

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (editors); i++)
    {
      if (g_str_equal (kind, editors[i].kind))
        return pulse_role_can (self->role, editors[i].permission);
    }

  return FALSE;
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gint64 entry_id;

  entry_id = pulse_outbox_submit_finish (PULSE_OUTBOX (object), result, &error);
  if (entry_id <= 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, entry_id);
}

static GTask *
edit_task_new (PulseSession        *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->outbox == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "The local copy is not open yet");
      g_object_unref (task);
      return NULL;
    }

  return task;
}

/**
 * pulse_session_save_item_async:
 * @kind: the item's kind ("rule", "template" …)
 * @item: the item's whole wire form, with its `id`
 * @base_version: the version the edit was made against, 0 for a create
 * @cancellable: (nullable): to stop waiting (the edit stays saved once
 *   it is in the outbox)
 *
 * Saves @item through the outbox: a create when @base_version is 0, else
 * an update with `If-Match`. Finishes once the edit is safely stored;
 * the server's answer comes later, as PulseOutbox::acknowledged,
 * ::conflict or ::rejected for the entry.
 */
void
pulse_session_save_item_async (PulseSession        *self,
                               const char          *kind,
                               JsonNode            *item,
                               gint64               base_version,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  const char *id;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (item != NULL && JSON_NODE_HOLDS_OBJECT (item));
  g_return_if_fail (base_version >= 0);

  task = edit_task_new (self, pulse_session_save_item_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  id = json_object_get_string_member_with_default (json_node_get_object (item), "id", NULL);
  pulse_outbox_submit_async (self->outbox, base_version == 0 ? "POST" : "PUT", kind, id,
                             base_version, item, cancellable, submitted_cb, task);
}

/**
 * pulse_session_save_item_finish:
 *
 * Returns: the outbox entry that holds the edit, or 0 on error.
 */
gint64
pulse_session_save_item_finish (PulseSession  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

/**
 * pulse_session_delete_item_async:
 * @kind: the item's kind
 * @id: the item's id
 * @base_version: the version the user saw
 * @cancellable: (nullable): to stop waiting
 *
 * Deletes an item through the outbox, as pulse_session_save_item_async()
 * saves one.
 */
void
pulse_session_delete_item_async (PulseSession        *self,
                                 const char          *kind,
                                 const char          *id,
                                 gint64               base_version,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (kind != NULL && id != NULL);

  task = edit_task_new (self, pulse_session_delete_item_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  pulse_outbox_submit_async (self->outbox, "DELETE", kind, id, base_version, NULL, cancellable,
                             submitted_cb, task);
}

/**
 * pulse_session_delete_item_finish:
 *
 * Returns: the outbox entry that holds the deletion, or 0 on error.
 */
gint64
pulse_session_delete_item_finish (PulseSession  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

static void
audit_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  JsonObject *root;

  answer = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  root = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (root == NULL || !json_object_has_member (root, "entries")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "entries")))
    {
      g_task_return_new_error (task, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                               "entries: the audit answer has no list of entries");
      return;
    }

  g_task_return_pointer (task, json_array_ref (json_object_get_array_member (root, "entries")),
                         (GDestroyNotify) json_array_unref);
}

/**
 * pulse_session_fetch_audit_async:
 * @kind: the item's kind, as the audit log names it ("rule" …)
 * @id: the item's id
 * @limit: the most entries to fetch (1–1000)
 * @cancellable: (nullable): to stop asking
 *
 * Asks the server who changed the item, when, and how; newest first.
 * Anyone who may edit @kind may read this.
 */
void
pulse_session_fetch_audit_async (PulseSession        *self,
                                 const char          *kind,
                                 const char          *id,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *escaped_kind = NULL;
  g_autofree char *escaped_id = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (kind != NULL && id != NULL);

  task = _pulse_session_new_online_task (self, pulse_session_fetch_audit_async, cancellable,
                                         callback, user_data);
  if (task == NULL)
    return;

  escaped_kind = g_uri_escape_string (kind, NULL, FALSE);
  escaped_id = g_uri_escape_string (id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/audit?entity=%s&id=%s&limit=%u", escaped_kind, escaped_id,
                          CLAMP (limit, 1, 1000));
  pulse_client_get_json_async (self->client, path, cancellable, audit_cb, task);
}

/**
 * pulse_session_fetch_audit_finish:
 *
 * Returns: (transfer full) (nullable): the entries of
 *   docs/protocol.md "Audit", or %NULL on error.
 */
JsonArray *
pulse_session_fetch_audit_finish (PulseSession  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
got_json_cb (GObject      *object,
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
 * _pulse_session_new_online_task:
 *
 * A task for a request to the server followed, or %NULL (the task
 * already returned an "offline" error) when none is followed.
 */
GTask *
_pulse_session_new_online_task (PulseSession        *self,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->client == NULL)
    {
      g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_OFFLINE,
                               "No server is followed");
      g_object_unref (task);
      return NULL;
    }

  return task;
}

/**
 * _pulse_session_answered_cb:
 * @user_data: (transfer full): the #GTask of the request
 *
 * Finishes a request sent with pulse_client_send_json_async(): its task
 * returns the answer's object, or an error with the server's reason for
 * a status other than 200 or 201.
 */
void
_pulse_session_answered_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  guint status = 0;
  JsonObject *root;
  JsonObject *problem;

  if (!pulse_client_send_json_finish (PULSE_CLIENT (object), result, &status, &answer, NULL,
                                      NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  root = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if ((status == 200 || status == 201) && root != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&answer), (GDestroyNotify) json_node_unref);
      return;
    }

  problem = root != NULL && json_object_has_member (root, "error")
            && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error"))
            ? json_object_get_object_member (root, "error") : NULL;
  g_task_return_new_error (task, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_HTTP,
                           "The server refused (%u): %s", status,
                           problem != NULL
                           ? json_object_get_string_member_with_default (problem, "message",
                                                                         "no reason given")
                           : "no reason given");
}

/**
 * pulse_session_get_json_async:
 * @path: an API path with its query ("/api/v1/sampling-policy")
 * @cancellable: (nullable): to stop asking
 *
 * Reads something the state does not hold (a policy, a report) from the
 * server followed, now. Not kept, not cached: ask again to refresh.
 */
void
pulse_session_get_json_async (PulseSession        *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (path != NULL);

  task = _pulse_session_new_online_task (self, pulse_session_get_json_async, cancellable,
                                         callback, user_data);
  if (task != NULL)
    pulse_client_get_json_async (self->client, path, cancellable, got_json_cb, task);
}

/**
 * pulse_session_get_json_finish:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL on error
 *   (an HTTP error names its status)
 */
JsonNode *
pulse_session_get_json_finish (PulseSession  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pulse_session_post_json_async:
 * @path: an API path
 * @body: (nullable): the request's body
 * @cancellable: (nullable): to stop waiting
 *
 * Asks the server followed to do something now that is not an edit of
 * an item (a draw of samples): sent at once, not kept in the outbox, so
 * it fails when offline. Only requests the server answers the same when
 * repeated belong here.
 */
void
pulse_session_post_json_async (PulseSession        *self,
                               const char          *path,
                               JsonNode            *body,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SESSION (self));
  g_return_if_fail (path != NULL);

  task = _pulse_session_new_online_task (self, pulse_session_post_json_async, cancellable,
                                         callback, user_data);
  if (task != NULL)
    pulse_client_send_json_async (self->client, "POST", path, body, NULL, NULL, cancellable,
                                  _pulse_session_answered_cb, task);
}

/**
 * pulse_session_post_json_finish:
 *
 * Returns: (transfer full) (nullable): the answer's object, or %NULL on
 *   error (a refusal carries the server's message)
 */
JsonNode *
pulse_session_post_json_finish (PulseSession  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
