/* pulse-sync-writer.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync's cache work. Every write goes through one queue of jobs,
 * run in a worker one at a time and in order: event batches, a
 * snapshot's replacement, history pages, pruning. So a batch never
 * overtakes the snapshot it follows, and there is at most one batch in
 * flight. Changes wait in `pending` on the main thread and go out as one
 * batch when PULSE_SYNC_FLUSH_OPS have gathered, PULSE_SYNC_FLUSH_MS
 * after the first of them, or on a flush (stop). A job holds copies (and
 * immutable, shared JSON nodes), never the object.
 *
 * The object outlives its writes: each task's callback holds a reference
 * to it, dropped in the callback on the main thread. Not as the task's
 * source object: the worker may drop the last reference to a task, and
 * the object would then be disposed in the worker.
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-sync-private.h"

typedef enum
{
  JOB_OPS,
  JOB_REPLACE,
  JOB_PAGE,
  JOB_PRUNE,
} JobKind;

typedef struct
{
  JobKind           kind;
  guint64           id;
  PulseCache       *cache;          /* NULL: nothing to write */
  gint64            now;
  GPtrArray        *ops;            /* OPS */
  gint64            seq;            /* OPS */
  gint64            last_event_at;  /* OPS */
  JsonNode         *snapshot;       /* REPLACE */
  JsonArray        *tickets;        /* PAGE */
  guint             generation;     /* PAGE */
  PulseSyncHistory  history;        /* REPLACE, PAGE */
  PulseState       *state;          /* REPLACE: the result */
  GError           *read_error;     /* REPLACE: the snapshot is not a state */
  GError           *error;          /* the cache write failed */
} Job;

static void kick (PulseSync *self);

void
_pulse_sync_op_free (PulseSyncOp *op)
{
  g_free (op->id);
  g_free (op->country);
  g_clear_pointer (&op->item, json_node_unref);
  g_free (op);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->cache);
  g_clear_pointer (&job->ops, g_ptr_array_unref);
  g_clear_pointer (&job->snapshot, json_node_unref);
  g_clear_pointer (&job->tickets, json_array_unref);
  _pulse_sync_history_clear (&job->history);
  g_clear_object (&job->state);
  g_clear_error (&job->read_error);
  g_clear_error (&job->error);
  g_free (job);
}

static Job *
job_new (PulseSync *self,
         JobKind    kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->id = ++self->last_job_id;
  job->now = g_get_real_time ();
  if (self->cache != NULL && !self->cache_failed)
    job->cache = g_object_ref (self->cache);
  return job;
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;

  switch (job->kind)
    {
    case JOB_OPS:
      if (job->cache != NULL)
        _pulse_sync_store_write_ops (job->cache, job->ops, job->seq, job->last_event_at,
                                     job->now, &job->error);
      break;
    case JOB_REPLACE:
      job->state = _pulse_sync_store_replace (job->cache, job->snapshot, &job->history, job->now,
                                              &job->error, &job->read_error);
      break;
    case JOB_PAGE:
      if (job->cache != NULL)
        _pulse_sync_store_write_page (job->cache, job->tickets, &job->history, job->now,
                                      &job->error);
      break;
    case JOB_PRUNE:
      if (job->cache != NULL)
        _pulse_sync_store_prune (job->cache, job->now, &job->error);
      break;
    default:
      g_assert_not_reached ();
    }

  g_task_return_boolean (task, TRUE);
}

static void
complete_waiters (PulseSync *self)
{
  for (guint i = 0; i < self->flush_waiters->len;)
    {
      GTask *task = self->flush_waiters->pdata[i];
      guint64 target = GPOINTER_TO_SIZE (g_task_get_task_data (task));

      if (target > self->done_job_id)
        {
          i++;
          continue;
        }

      g_ptr_array_remove_index (self->flush_waiters, i);
      if (self->cache_failed)
        g_task_return_new_error (task, PULSE_STORE_ERROR, PULSE_STORE_ERROR_QUERY,
                                 "the cache could not be written; it stays at an earlier seq");
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PulseSync) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));

  self->job_running = FALSE;
  self->done_job_id = job->id;

  /* Later batches would leave a hole: the cache stays at the last seq it
   * has whole, and the next start replays from there. */
  if (job->error != NULL && !self->cache_failed)
    {
      g_message ("cache: a write failed, not writing for the rest of this run: %s",
                 job->error->message);
      self->cache_failed = TRUE;
      self->cache_error = g_error_copy (job->error);
      _pulse_sync_notify (self, SYNC_PROP_CACHE_ERROR);
    }

  if (job->kind == JOB_REPLACE)
    {
      self->replacing = FALSE;
      _pulse_sync_net_replaced (self, job->state, job->read_error);
    }
  else if (job->kind == JOB_PAGE)
    _pulse_sync_history_stored (self, job->error == NULL && job->cache != NULL ? &job->history
                                                                               : NULL,
                                job->generation);

  complete_waiters (self);
  kick (self);
}

/* Everything pending, with the seq it brings the cache to. */
static Job *
take_pending (PulseSync *self)
{
  Job *job = job_new (self, JOB_OPS);

  job->ops = g_steal_pointer (&self->pending);
  job->seq = pulse_state_get_seq (self->state);
  job->last_event_at = self->last_event_at;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_sync_op_free);
  self->flush_wanted = FALSE;
  g_clear_handle_id (&self->flush_id, g_source_remove);
  return job;
}

static void
kick (PulseSync *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->job_running)
    return;

  job = g_queue_pop_head (&self->jobs);
  /* A batch takes the state's seq: not before the new state is in. */
  if (job == NULL && self->flush_wanted && self->pending->len > 0 && !self->replacing)
    job = take_pending (self);
  if (job == NULL)
    return;

  self->job_running = TRUE;
  task = g_task_new (NULL, NULL, job_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, kick);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  pulse_foreground_run_in_thread (task, job_worker);
}

static void
enqueue (PulseSync *self,
         Job       *job)
{
  g_queue_push_tail (&self->jobs, job);
  kick (self);
}

static gboolean
on_flush_cb (gpointer user_data)
{
  PulseSync *self = user_data;

  self->flush_id = 0;
  self->flush_wanted = TRUE;
  kick (self);
  return G_SOURCE_REMOVE;
}

/**
 * _pulse_sync_writer_add:
 * @change: a change the state reported (created, updated or deleted)
 *
 * Queues the change for the cache.
 */
void
_pulse_sync_writer_add (PulseSync              *self,
                        const PulseStateChange *change)
{
  PulseSyncOp *op;

  if (self->cache == NULL || self->cache_failed)
    return;

  op = g_new0 (PulseSyncOp, 1);
  op->kind = change->kind;
  op->action = change->action;
  op->id = g_strdup (change->id);
  op->country = g_strdup (change->country);
  op->item = change->item != NULL ? json_node_ref (change->item) : NULL;
  g_ptr_array_add (self->pending, op);

  if (self->pending->len >= PULSE_SYNC_FLUSH_OPS)
    {
      self->flush_wanted = TRUE;
      kick (self);
    }
  else if (self->flush_id == 0)
    self->flush_id = g_timeout_add (PULSE_SYNC_FLUSH_MS, on_flush_cb, self);
}

/**
 * _pulse_sync_writer_flush:
 *
 * Queues what is pending now, and the state's seq even without changes
 * (events that changed nothing still move it).
 */
void
_pulse_sync_writer_flush (PulseSync *self)
{
  if (self->cache == NULL || self->cache_failed || !self->has_baseline)
    return;

  /* During a replacement the batch waits for the new state's seq. */
  if (self->replacing)
    {
      self->flush_wanted = TRUE;
      return;
    }

  enqueue (self, take_pending (self));
}

/**
 * _pulse_sync_writer_replace:
 * @snapshot: the body of `GET /api/v1/snapshot`
 * @history: the history record to store with it
 *
 * Reads the snapshot into a state and stores it in place of the cache's,
 * in a worker, after what is pending; then _pulse_sync_net_replaced().
 */
void
_pulse_sync_writer_replace (PulseSync              *self,
                            JsonNode               *snapshot,
                            const PulseSyncHistory *history)
{
  Job *job;

  if (self->pending->len > 0)
    g_queue_push_tail (&self->jobs, take_pending (self));

  self->replacing = TRUE;
  job = job_new (self, JOB_REPLACE);
  job->snapshot = json_node_ref (snapshot);
  _pulse_sync_history_copy (&job->history, history);
  enqueue (self, job);
}

/**
 * _pulse_sync_writer_page:
 * @tickets: one history page
 * @history: where paging stands after it
 *
 * Stores the page; then _pulse_sync_history_stored().
 */
void
_pulse_sync_writer_page (PulseSync              *self,
                         JsonArray              *tickets,
                         const PulseSyncHistory *history,
                         guint                   generation)
{
  Job *job = job_new (self, JOB_PAGE);

  job->tickets = json_array_ref (tickets);
  job->generation = generation;
  _pulse_sync_history_copy (&job->history, history);
  enqueue (self, job);
}

void
_pulse_sync_writer_prune (PulseSync *self)
{
  enqueue (self, job_new (self, JOB_PRUNE));
}

/* Drops what has not started; the object is going away. */
void
_pulse_sync_writer_clear (PulseSync *self)
{
  Job *job;

  while ((job = g_queue_pop_head (&self->jobs)) != NULL)
    job_free (job);
  g_clear_handle_id (&self->flush_id, g_source_remove);
}

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (pulse_cache_quick_check (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("cache: the integrity check passed");
  else
    g_message ("cache: the integrity check failed, the file is rebuilt at the next start: %s",
               error->message);
}

/**
 * _pulse_sync_writer_check:
 *
 * Runs `PRAGMA quick_check` over the whole cache once, in a worker: it
 * reads every page (about a second at a million tickets), so it waits
 * until the first screen is up. A failure marks the file for a rebuild.
 */
void
_pulse_sync_writer_check (PulseSync *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->checked || self->cache == NULL)
    return;

  self->checked = TRUE;
  task = g_task_new (NULL, NULL, check_done_cb, NULL);
  g_task_set_source_tag (task, _pulse_sync_writer_check);
  g_task_set_task_data (task, g_object_ref (self->cache), g_object_unref);
  pulse_background_run_in_thread (task, check_worker);
}

/**
 * pulse_sync_flush_async:
 * @cancellable: (nullable): not used to stop the writes, which always
 *   complete
 *
 * Writes what the cache has not got yet (the changes so far and the seq
 * they reach) and completes once everything queued before is committed.
 */
void
pulse_sync_flush_async (PulseSync           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PULSE_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_sync_flush_async);
  _pulse_sync_writer_flush (self);
  g_task_set_task_data (task, GSIZE_TO_POINTER (self->last_job_id), NULL);
  g_ptr_array_add (self->flush_waiters, task);
  complete_waiters (self);
}

/**
 * pulse_sync_get_cache_error:
 *
 * Returns: (transfer none) (nullable): why the cache could not be
 *   written this run, or %NULL; see #PulseSync:cache-error.
 */
const GError *
pulse_sync_get_cache_error (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), NULL);

  return self->cache_error;
}

/**
 * pulse_sync_flush_finish:
 *
 * Returns: %TRUE once written; %FALSE with a %PULSE_STORE_ERROR if a
 *   cache write failed this run (the cache then stays at an earlier seq).
 */
gboolean
pulse_sync_flush_finish (PulseSync     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
