/* pulse-outbox-edits.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the console asks of #PulseOutbox: save a change, settle a held
 * one, and list them for the UI.
 */

#include "config.h"

#include <string.h>

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-outbox-private.h"

/* The managed collections of docs/protocol.md, by the kind the cache and
 * the events name them with. */
static const struct
{
  const char *kind;
  const char *collection;
} collections[] = {
  { "rule", "rules" },
  { "template", "templates" },
  { "scorecard", "scorecards" },
  { "mentorship", "mentorships" },
  { "shift", "shifts" },
  { "review", "reviews" },
  { "followup", "followups" },
  { "calibration", "calibrations" },
};

const char *
_pulse_outbox_collection (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (collections); i++)
    {
      if (g_str_equal (kind, collections[i].kind))
        return collections[i].collection;
    }

  return NULL;
}

PulseOutboxEntry *
_pulse_outbox_entry_copy (const PulseOutboxEntry *entry)
{
  PulseOutboxEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->method = g_strdup (entry->method);
  copy->path = g_strdup (entry->path);
  copy->body = entry->body != NULL ? json_node_ref (entry->body) : NULL;
  copy->idempotency_key = g_strdup (entry->idempotency_key);
  copy->entity_kind = g_strdup (entry->entity_kind);
  copy->entity_id = g_strdup (entry->entity_id);
  copy->last_error = g_strdup (entry->last_error);
  copy->theirs = entry->theirs != NULL ? json_node_ref (entry->theirs) : NULL;
  return copy;
}


/* A copy that shares nothing with @node, for a worker to read while the
 * caller keeps (or changes) its own. */
JsonNode *
_pulse_outbox_copy_json (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = pulse_json_to_string (node);
  return pulse_json_parse (text, -1, NULL);
}

static gboolean
check_id (const char  *method,
          const char  *id,
          JsonNode    *body,
          GError     **error)
{
  const char *body_id = _pulse_outbox_json_string (body, "id");

  if (id == NULL && !g_str_equal (method, "POST"))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "id: %s needs the id of the item", method);
      return FALSE;
    }

  if (id != NULL && (id[0] == '\0' || strlen (id) > PULSE_JSON_MAX_ID ||
                     !g_utf8_validate (id, -1, NULL)))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "id: must be 1 to %d bytes of UTF-8", PULSE_JSON_MAX_ID);
      return FALSE;
    }

  if (id != NULL && body_id != NULL && !g_str_equal (id, body_id))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "id: “%s” differs from the body's “%s”", id, body_id);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): the request path, or %NULL with
 * %PULSE_ERROR_INVALID_DATA naming the argument. */
static char *
check_submit (const char  *method,
              const char  *kind,
              const char  *id,
              JsonNode    *body,
              GError     **error)
{
  const char *collection = _pulse_outbox_collection (kind);
  g_autofree char *escaped = NULL;
  gboolean is_delete = g_strcmp0 (method, "DELETE") == 0;

  if (!is_delete && g_strcmp0 (method, "POST") != 0 && g_strcmp0 (method, "PUT") != 0)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "method: must be POST, PUT or DELETE, got %s", method != NULL ? method : "none");
      return NULL;
    }

  if (collection == NULL)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "kind: not a managed item kind: %s", kind != NULL ? kind : "none");
      return NULL;
    }

  if (is_delete ? body != NULL : (body == NULL || !JSON_NODE_HOLDS_OBJECT (body)))
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   is_delete ? "body: a delete sends none"
                             : "body: a create or update sends the item as a JSON object");
      return NULL;
    }

  if (!check_id (method, id, body, error))
    return NULL;

  if (g_str_equal (method, "POST"))
    return g_strconcat ("/api/v1/", collection, NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strconcat ("/api/v1/", collection, "/", escaped, NULL);
}

/**
 * pulse_outbox_submit_async:
 * @method: "POST" (create), "PUT" (update) or "DELETE"
 * @kind: the item's kind: "rule", "template", "scorecard", "mentorship",
 *   "shift" or "review"
 * @id: (nullable): the item's id; a create may leave it to the body (or
 *   to the server)
 * @base_version: the version of the item the user edited, as the server
 *   last gave it (`If-Match`); 0 for a create. When the outbox still
 *   holds edits of the item, the edit is based on them instead: on the
 *   version the last of them will give.
 * @body: (nullable): the item for a create or update; %NULL for a delete
 *
 * Saves a change to the cache, in a worker, with a fresh idempotency key,
 * then sends it in its turn. Once saved, it is never dropped silently.
 * Cancelling @cancellable does not unsave it: it only turns the result
 * into %G_IO_ERROR_CANCELLED.
 */
void
pulse_outbox_submit_async (PulseOutbox         *self,
                           const char          *method,
                           const char          *kind,
                           const char          *id,
                           gint64               base_version,
                           JsonNode            *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PulseOutboxOp *op;

  g_return_if_fail (PULSE_IS_OUTBOX (self));

  path = check_submit (method, kind, id, body, &error);
  if (path == NULL || base_version < 0)
    {
      if (error == NULL)
        g_set_error_literal (&error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                             "base_version: must not be negative");
      g_task_report_error (self, callback, user_data, pulse_outbox_submit_async,
                           g_steal_pointer (&error));
      return;
    }

  op = _pulse_outbox_op_new (self, PULSE_OUTBOX_OP_SUBMIT, 0);
  op->method = g_strdup (method);
  op->path = g_steal_pointer (&path);
  op->key = g_uuid_string_random ();
  op->entity_kind = g_strdup (kind);
  op->entity_id = g_strdup (id);
  if (op->entity_id == NULL)
    op->entity_id = g_strdup (_pulse_outbox_json_string (body, "id"));
  op->base_version = base_version;
  op->json = _pulse_outbox_copy_json (body);
  _pulse_outbox_run_op (self, op, cancellable, callback, user_data);
}

/**
 * pulse_outbox_submit_finish:
 *
 * Returns: the entry's id, or 0 with %PULSE_ERROR_INVALID_DATA naming
 *   the argument at fault, or a %PULSE_STORE_ERROR if the cache could not
 *   be written (then nothing was saved).
 */
gint64
pulse_outbox_submit_finish (PulseOutbox   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  PulseOutboxOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  op = g_task_get_task_data (G_TASK (result));
  return op->entry_id;
}

static void
resolve (PulseOutbox         *self,
         PulseOutboxOpKind    kind,
         gint64               entry_id,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  PulseOutboxOp *op;

  if (entry_id <= 0)
    {
      g_task_report_new_error (self, callback, user_data, resolve, PULSE_ERROR,
                               PULSE_ERROR_INVALID_DATA, "entry_id: must be positive");
      return;
    }

  op = _pulse_outbox_op_new (self, kind, entry_id);
  if (kind == PULSE_OUTBOX_OP_KEEP_MINE)
    op->key = g_uuid_string_random ();
  _pulse_outbox_run_op (self, op, cancellable, callback, user_data);
}

/**
 * pulse_outbox_resolve_keep_mine_async:
 * @entry_id: a conflict
 *
 * Sends the user's change again, now based on the server's version, with
 * a new idempotency key. Later edits of the item move along with it.
 * Finish with pulse_outbox_resolve_finish().
 */
void
pulse_outbox_resolve_keep_mine_async (PulseOutbox         *self,
                                      gint64               entry_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (PULSE_IS_OUTBOX (self));

  resolve (self, PULSE_OUTBOX_OP_KEEP_MINE, entry_id, cancellable, callback, user_data);
}

/**
 * pulse_outbox_resolve_take_theirs_async:
 * @entry_id: a conflict
 *
 * Lets the user's change go: the server's item stands. The next edit of
 * the item, built on the change let go, becomes a conflict in turn.
 * Finish with pulse_outbox_resolve_finish().
 */
void
pulse_outbox_resolve_take_theirs_async (PulseOutbox         *self,
                                        gint64               entry_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (PULSE_IS_OUTBOX (self));

  resolve (self, PULSE_OUTBOX_OP_TAKE_THEIRS, entry_id, cancellable, callback, user_data);
}

/**
 * pulse_outbox_discard_async:
 * @entry_id: a rejected entry
 *
 * Drops a change the server refused, at the user's word. Later edits of
 * the item are based one version lower, as the refused one took none;
 * after a refused create they are refused too (status 424).
 * Finish with pulse_outbox_resolve_finish().
 */
void
pulse_outbox_discard_async (PulseOutbox         *self,
                            gint64               entry_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (PULSE_IS_OUTBOX (self));

  resolve (self, PULSE_OUTBOX_OP_DISCARD, entry_id, cancellable, callback, user_data);
}

/**
 * pulse_outbox_resolve_finish:
 *
 * Finishes pulse_outbox_resolve_keep_mine_async(),
 * pulse_outbox_resolve_take_theirs_async() and
 * pulse_outbox_discard_async().
 *
 * Returns: %TRUE once written; %FALSE with %PULSE_ERROR_NOT_FOUND for no
 *   such entry, %PULSE_ERROR_INVALID_DATA for an entry not in the state
 *   the call settles (or a conflict whose server item has no version).
 */
gboolean
pulse_outbox_resolve_finish (PulseOutbox   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pulse_outbox_dup_entries:
 *
 * The outbox as last written, for the UI: do not modify the JSON.
 *
 * Returns: (transfer full) (element-type PulseOutboxEntry): every entry,
 *   held ones included, in order.
 */
GPtrArray *
pulse_outbox_dup_entries (PulseOutbox *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (PULSE_IS_OUTBOX (self), NULL);

  copy = g_ptr_array_new_full (self->entries->len, (GDestroyNotify) pulse_outbox_entry_free);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (copy, _pulse_outbox_entry_copy (g_ptr_array_index (self->entries, i)));
  return copy;
}

/**
 * pulse_outbox_dup_entry:
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL if it is not
 *   (or no longer) in the outbox.
 */
PulseOutboxEntry *
pulse_outbox_dup_entry (PulseOutbox *self,
                        gint64       entry_id)
{
  const PulseOutboxEntry *entry;

  g_return_val_if_fail (PULSE_IS_OUTBOX (self), NULL);

  entry = _pulse_outbox_find_entry (self, entry_id);
  return entry != NULL ? _pulse_outbox_entry_copy (entry) : NULL;
}

/**
 * pulse_outbox_get_online:
 *
 * Returns: whether the outbox sends (#PulseOutbox:online).
 */
gboolean
pulse_outbox_get_online (PulseOutbox *self)
{
  g_return_val_if_fail (PULSE_IS_OUTBOX (self), FALSE);

  return self->online;
}

/**
 * pulse_outbox_get_loaded:
 *
 * Returns: whether what the cache held at start has been read; until
 *   then the counts and entries are empty.
 */
gboolean
pulse_outbox_get_loaded (PulseOutbox *self)
{
  g_return_val_if_fail (PULSE_IS_OUTBOX (self), FALSE);

  return self->loaded;
}

/**
 * pulse_outbox_get_sending:
 *
 * Returns: the id of the entry on its way to the server, or 0.
 */
gint64
pulse_outbox_get_sending (PulseOutbox *self)
{
  g_return_val_if_fail (PULSE_IS_OUTBOX (self), 0);

  return self->sending;
}

static guint
get_count (PulseOutbox      *self,
           PulseOutboxState  state)
{
  g_return_val_if_fail (PULSE_IS_OUTBOX (self), 0);

  return self->counts[state];
}

/**
 * pulse_outbox_get_n_pending:
 *
 * Returns: how many entries are not sent yet, or on their way.
 */
guint
pulse_outbox_get_n_pending (PulseOutbox *self)
{
  return get_count (self, PULSE_OUTBOX_PENDING);
}

/**
 * pulse_outbox_get_n_failed:
 *
 * Returns: how many entries are to retry after a failure that may pass.
 */
guint
pulse_outbox_get_n_failed (PulseOutbox *self)
{
  return get_count (self, PULSE_OUTBOX_FAILED);
}

/**
 * pulse_outbox_get_n_conflicts:
 *
 * Returns: how many entries are held in conflict with the server's item.
 */
guint
pulse_outbox_get_n_conflicts (PulseOutbox *self)
{
  return get_count (self, PULSE_OUTBOX_CONFLICT);
}

/**
 * pulse_outbox_get_n_rejected:
 *
 * Returns: how many entries are held after the server refused them.
 */
guint
pulse_outbox_get_n_rejected (PulseOutbox *self)
{
  return get_count (self, PULSE_OUTBOX_REJECTED);
}
