/* pulse-outbox-ops.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cache writes of #PulseOutbox. Each runs in a GTask worker on copied
 * data (STYLE.md §8), one at a time and in the order asked, and reads the
 * outbox back afterwards so the main thread never touches SQLite.
 *
 * Edits of one item form a chain, in id order: each is based on the
 * version the one before it will give (a create gives 1, an update or a
 * delete its base + 1). When the user settles a held edit, the rest of its
 * chain (up to the next create, which starts the item afresh) follows:
 * keeping mine moves their bases by as much as mine moved; taking theirs
 * turns the next one into a conflict against theirs, as it was built on
 * mine; discarding a refused update or delete moves their bases back by
 * one, as the refused edit took no version; discarding a refused create
 * refuses them too, as their item will never exist.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-error.h"
#include "pulse-outbox-private.h"

/* Not a status any server sends: the edit was refused here because the
 * create it depends on was discarded (424 Failed Dependency). */
#define DEPENDENCY_FAILED 424

PulseOutboxOp *
_pulse_outbox_op_new (PulseOutbox       *self,
                      PulseOutboxOpKind  kind,
                      gint64             entry_id)
{
  PulseOutboxOp *op = g_new0 (PulseOutboxOp, 1);

  op->kind = kind;
  op->cache = g_object_ref (self->cache);
  op->entry_id = entry_id;
  return op;
}

void
_pulse_outbox_op_free (PulseOutboxOp *op)
{
  if (op == NULL)
    return;

  g_clear_object (&op->cache);
  g_free (op->method);
  g_free (op->path);
  g_free (op->key);
  g_free (op->entity_kind);
  g_free (op->entity_id);
  g_clear_pointer (&op->json, json_node_unref);
  g_free (op->message);
  g_clear_pointer (&op->entry, pulse_outbox_entry_free);
  g_clear_pointer (&op->changed, g_array_unref);
  g_clear_pointer (&op->entries, g_ptr_array_unref);
  g_free (op);
}

static gboolean
same_item (const PulseOutboxEntry *a,
           const PulseOutboxEntry *b)
{
  return a->entity_id != NULL && g_strcmp0 (a->entity_kind, b->entity_kind) == 0 &&
         g_strcmp0 (a->entity_id, b->entity_id) == 0;
}

static gboolean
is_create (const PulseOutboxEntry *entry)
{
  return g_strcmp0 (entry->method, "POST") == 0;
}

/* The version the item has once @entry is applied. */
static gint64
version_after (const PulseOutboxEntry *entry)
{
  return is_create (entry) ? 1 : entry->base_version + 1;
}

typedef gboolean (*LaterFunc) (PulseOutboxOp     *op,
                               PulseOutboxEntry  *later,
                               GError           **error);

/* Calls @func on each entry after op->entry in its chain that is still to
 * send, or only on the first with @first_only. */
static gboolean
for_each_later (PulseOutboxOp  *op,
                LaterFunc       func,
                gboolean        first_only,
                GError        **error)
{
  g_autoptr(GPtrArray) all = pulse_cache_outbox_list_all (op->cache, error);

  if (all == NULL)
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      PulseOutboxEntry *later = g_ptr_array_index (all, i);

      if (later->id <= op->entry->id || !same_item (later, op->entry))
        continue;
      if (is_create (later))
        break;
      if (later->state != PULSE_OUTBOX_PENDING && later->state != PULSE_OUTBOX_FAILED)
        continue;
      if (!func (op, later, error))
        return FALSE;
      if (first_only)
        break;
    }

  return TRUE;
}

static void
note_changed (PulseOutboxOp *op,
              gint64         id)
{
  if (op->changed == NULL)
    op->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (op->changed, id);
}

/* op->base_version holds the shift. The key stays: if the edit did reach
 * the server once, the server answers from its memory. */
static gboolean
shift_later (PulseOutboxOp     *op,
             PulseOutboxEntry  *later,
             GError           **error)
{
  if (op->base_version == 0)
    return TRUE;

  return pulse_cache_outbox_requeue (op->cache, later->id,
                                     MAX (later->base_version + op->base_version, 1),
                                     later->body, later->idempotency_key, error);
}

static gboolean
conflict_later (PulseOutboxOp     *op,
                PulseOutboxEntry  *later,
                GError           **error)
{
  g_autoptr(JsonNode) none = json_node_new (JSON_NODE_NULL);

  note_changed (op, later->id);
  return pulse_cache_outbox_mark_conflict (op->cache, later->id,
                                           op->entry->theirs != NULL ? op->entry->theirs : none,
                                           error);
}

static gboolean
reject_later (PulseOutboxOp     *op,
              PulseOutboxEntry  *later,
              GError           **error)
{
  note_changed (op, later->id);
  return pulse_cache_outbox_mark_rejected (op->cache, later->id, DEPENDENCY_FAILED,
                                           "not sent: the create of this item was discarded",
                                           error);
}

/* Reads the entry a resolution is about into op->entry, in @state. */
static gboolean
get_held (PulseOutboxOp     *op,
          PulseOutboxState   state,
          GError           **error)
{
  op->entry = pulse_cache_outbox_get (op->cache, op->entry_id, error);
  if (op->entry == NULL)
    return FALSE;

  if (op->entry->state != state)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "entry_id: entry %" G_GINT64_FORMAT " is %s, not %s", op->entry_id,
                   pulse_outbox_state_to_string (op->entry->state),
                   pulse_outbox_state_to_string (state));
      return FALSE;
    }

  return TRUE;
}

static gboolean
submit_write (PulseOutboxOp  *op,
              GError        **error)
{
  PulseOutboxEntry self_item = { .entity_kind = op->entity_kind, .entity_id = op->entity_id };
  g_autoptr(GPtrArray) all = NULL;

  if (op->entity_id != NULL && g_strcmp0 (op->method, "POST") != 0)
    {
      all = pulse_cache_outbox_list_all (op->cache, error);
      if (all == NULL)
        return FALSE;

      /* An edit of an item the outbox still holds edits of is made on
       * top of them: the console shows them applied. */
      for (guint i = all->len; i > 0; i--)
        {
          PulseOutboxEntry *before = g_ptr_array_index (all, i - 1);

          if (same_item (before, &self_item))
            {
              op->base_version = version_after (before);
              break;
            }
        }
    }

  if (g_strcmp0 (op->method, "POST") != 0 && op->base_version < 1)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "base_version: an update or delete needs the version it was made "
                   "against, got %" G_GINT64_FORMAT, op->base_version);
      return FALSE;
    }

  op->entry_id = pulse_cache_outbox_enqueue (op->cache, op->method, op->path, op->json, op->key,
                                             op->entity_kind, op->entity_id, op->base_version,
                                             error);
  return op->entry_id > 0;
}

static gboolean
keep_mine_write (PulseOutboxOp  *op,
                 GError        **error)
{
  gint64 version;

  if (!get_held (op, PULSE_OUTBOX_CONFLICT, error))
    return FALSE;

  version = _pulse_outbox_json_int (op->entry->theirs, "version");
  if (version < 1)
    {
      g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                   "theirs: entry %" G_GINT64_FORMAT " has no server version to build on",
                   op->entry_id);
      return FALSE;
    }

  if (!pulse_cache_outbox_requeue (op->cache, op->entry_id, version, op->entry->body, op->key,
                                   error))
    return FALSE;

  op->base_version = version - op->entry->base_version;
  return for_each_later (op, shift_later, FALSE, error);
}

static gboolean
take_theirs_write (PulseOutboxOp  *op,
                   GError        **error)
{
  if (!get_held (op, PULSE_OUTBOX_CONFLICT, error) ||
      !pulse_cache_outbox_remove (op->cache, op->entry_id, error))
    return FALSE;

  return for_each_later (op, conflict_later, TRUE, error);
}

static gboolean
discard_write (PulseOutboxOp  *op,
               GError        **error)
{
  if (!get_held (op, PULSE_OUTBOX_REJECTED, error) ||
      !pulse_cache_outbox_remove (op->cache, op->entry_id, error))
    return FALSE;

  if (is_create (op->entry))
    return for_each_later (op, reject_later, FALSE, error);

  op->base_version = -1;
  return for_each_later (op, shift_later, FALSE, error);
}

static gboolean
write_op (PulseOutboxOp  *op,
          GError        **error)
{
  g_autoptr(JsonNode) none = NULL;

  switch (op->kind)
    {
    case PULSE_OUTBOX_OP_LOAD:
      return TRUE;
    case PULSE_OUTBOX_OP_SUBMIT:
      return submit_write (op, error);
    case PULSE_OUTBOX_OP_ACKNOWLEDGE:
      return pulse_cache_outbox_remove (op->cache, op->entry_id, error);
    case PULSE_OUTBOX_OP_FAIL:
      return pulse_cache_outbox_mark_failed (op->cache, op->entry_id, op->next_attempt_at,
                                             op->message, NULL, error);
    case PULSE_OUTBOX_OP_CONFLICT:
      none = json_node_new (JSON_NODE_NULL);
      return pulse_cache_outbox_mark_conflict (op->cache, op->entry_id,
                                               op->json != NULL ? op->json : none, error);
    case PULSE_OUTBOX_OP_REJECT:
      return pulse_cache_outbox_mark_rejected (op->cache, op->entry_id, op->status, op->message,
                                               error);
    case PULSE_OUTBOX_OP_KEEP_MINE:
      return keep_mine_write (op, error);
    case PULSE_OUTBOX_OP_TAKE_THEIRS:
      return take_theirs_write (op, error);
    case PULSE_OUTBOX_OP_DISCARD:
      return discard_write (op, error);
    default:
      g_assert_not_reached ();
    }
}

static void
op_worker (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  PulseOutboxOp *op = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  gboolean ok;

  ok = write_op (op, &error);

  /* Read back even after a failed write: the UI shows what is stored. */
  op->entries = pulse_cache_outbox_list_all (op->cache, &read_error);
  if (op->entries == NULL)
    g_warning ("outbox: cannot read the cache: %s", read_error->message);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void start_next_op (PulseOutbox *self);

static void
op_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PulseOutbox *self = PULSE_OUTBOX (object);
  g_autoptr(GTask) outer = user_data;
  PulseOutboxOp *op = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("outbox: %s", error->message);

  _pulse_outbox_op_done (self, op, error);
  self->op_running = FALSE;

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);

  start_next_op (self);
  _pulse_outbox_pump (self);
}

static void
start_next_op (PulseOutbox *self)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  if (self->op_running || (outer = g_queue_pop_head (&self->ops)) == NULL)
    return;

  self->op_running = TRUE;
  inner = g_task_new (self, NULL, op_written_cb, outer);
  g_task_set_source_tag (inner, start_next_op);
  g_task_set_task_data (inner, g_task_get_task_data (outer), NULL);
  pulse_foreground_run_in_thread (inner, op_worker);
}

/**
 * _pulse_outbox_run_op:
 * @op: (transfer full): the change
 *
 * Queues @op behind the changes asked for before it. When it is written,
 * the outbox takes the new state and signals it, then @callback runs;
 * finish it with g_task_propagate_boolean() (the public _finish
 * functions do).
 */
void
_pulse_outbox_run_op (PulseOutbox         *self,
                      PulseOutboxOp       *op,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (outer, _pulse_outbox_run_op);
  g_task_set_task_data (outer, op, (GDestroyNotify) _pulse_outbox_op_free);
  g_queue_push_tail (&self->ops, outer);
  start_next_op (self);
}
