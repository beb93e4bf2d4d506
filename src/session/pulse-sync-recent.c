/* pulse-sync-recent.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second half of a start from the cache. The first state shown is the
 * directory and the open tickets (pulse-sync-load.c); the tickets closed
 * in the last day, which a snapshot holds too and the day's figures need,
 * are two thirds of what a start reads. They are read and decoded in a
 * worker while the first frame is drawn, then put in the state in time
 * slices of the main loop, each told as a change like an event's. The
 * network waits for them, so that the stream's events find them there.
 * Part of PulseSync (pulse-sync-private.h).
 */

#include "config.h"

#include "pulse-background.h"
#include "pulse-idle-budget.h"
#include "pulse-sync-private.h"

struct _PulseSyncRecent
{
  PulseSync    *sync;         /* not a reference: the object's dispose detaches it */
  PulseState   *state;        /* the state they are for */
  GCancellable *cancellable;
  GPtrArray    *tickets;      /* PulseStateStoredTicket, once read */
  guint         next;
  guint         idle_id;
};

typedef struct
{
  PulseCache *cache;
  gint64      now;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->cache);
  g_free (job);
}

static void
recent_free (PulseSyncRecent *recent)
{
  g_clear_handle_id (&recent->idle_id, g_source_remove);
  g_clear_object (&recent->state);
  g_clear_object (&recent->cancellable);
  g_clear_pointer (&recent->tickets, g_ptr_array_unref);
  g_free (recent);
}

/**
 * _pulse_sync_stored_tickets:
 * @tickets: (element-type JsonNode): tickets read from the cache
 *
 * In any thread: @tickets decoded and checked for a state; a ticket
 * that is not a valid one is left out, and said so.
 *
 * Returns: (transfer full) (element-type PulseStateStoredTicket)
 */
GPtrArray *
_pulse_sync_stored_tickets (GPtrArray *tickets)
{
  GPtrArray *stored = g_ptr_array_new_full (tickets->len,
                                            (GDestroyNotify) pulse_state_stored_ticket_free);

  for (guint i = 0; i < tickets->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PulseStateStoredTicket *one = pulse_state_stored_ticket_new (tickets->pdata[i], &error);

      if (one != NULL)
        g_ptr_array_add (stored, one);
      else
        g_message ("cache: leaving out a ticket: %s", error->message);
    }

  return stored;
}

/* The ids of the closed tickets marked as changed in the 24 hours
 * before @now, those a snapshot holds too, dealt into two halves. */
static void
recent_ids (PulseCache *cache,
            gint64      now,
            GStrv       halves[2])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = pulse_cache_list_entities (cache, PULSE_SYNC_KIND_RECENT, &error);
  g_autoptr(GStrvBuilder) first = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) second = g_strv_builder_new ();
  guint n = 0;

  if (marks == NULL)
    g_message ("cache: cannot read which tickets closed in the last day: %s", error->message);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      JsonObject *mark = json_node_get_object (marks->pdata[i]);
      const char *id = json_object_get_string_member_with_default (mark, "id", NULL);

      if (id != NULL && json_object_get_int_member_with_default (mark, "at", 0) >=
                          now - PULSE_SYNC_RECENT_WINDOW)
        g_strv_builder_add (n++ % 2 == 0 ? first : second, id);
    }

  halves[0] = g_strv_builder_end (first);
  halves[1] = g_strv_builder_end (second);
}

/* The tickets of @ids that @cache holds, decoded. All in one read; if
 * a row cannot be read, one by one, leaving out only what cannot be
 * read. */
typedef struct
{
  PulseCache  *cache;
  char       **ids;
  GPtrArray   *stored;
} ReadPart;

static gpointer
read_part (gpointer data)
{
  ReadPart *part = data;
  g_autoptr(GPtrArray) tickets = NULL;

  pulse_background_enter ();
  tickets = pulse_cache_get_tickets (part->cache, (const char * const *) part->ids, NULL);
  if (tickets == NULL)
    {
      tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      for (guint i = 0; part->ids[i] != NULL; i++)
        {
          JsonNode *ticket = pulse_cache_get_ticket (part->cache, part->ids[i], NULL);

          if (ticket != NULL)
            g_ptr_array_add (tickets, ticket);
        }
    }

  part->stored = _pulse_sync_stored_tickets (tickets);
  return NULL;
}

/**
 * _pulse_sync_recent_read:
 * @now: the time the day is counted back from
 *
 * In a worker: reads the tickets closed in the day before @now that
 * @cache holds, decoded and checked for a state, half of them in a
 * thread of its own.
 *
 * Returns: (transfer full) (element-type PulseStateStoredTicket)
 */
GPtrArray *
_pulse_sync_recent_read (PulseCache *cache,
                         gint64      now)
{
  GStrv halves[2];
  ReadPart first = { cache }, second = { cache };
  GThread *other;

  recent_ids (cache, now, halves);
  first.ids = halves[0];
  second.ids = halves[1];
  other = g_thread_try_new ("pulse-cache-read", read_part, &second, NULL);
  read_part (&first);
  if (other != NULL)
    g_thread_join (other);
  else
    read_part (&second);

  g_strfreev (first.ids);
  g_strfreev (second.ids);
  g_ptr_array_extend_and_steal (first.stored, second.stored);
  return first.stored;
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;

  pulse_background_enter ();

  g_task_return_pointer (task, _pulse_sync_recent_read (job->cache, job->now),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* Done or given up: the network may start. */
static void
finish (PulseSyncRecent *recent)
{
  PulseSync *self = recent->sync;

  g_assert (self->recent == recent);
  self->recent = NULL;
  recent_free (recent);
  _pulse_sync_notify (self, SYNC_PROP_LOADING);

  if (self->running)
    _pulse_sync_net_connect (self);
  _pulse_sync_update (self);
}

/* The state was replaced meanwhile (it holds the tickets then, or will
 * from its snapshot): what is left is dropped. */
static gboolean
on_put_slice_cb (gpointer user_data)
{
  PulseSyncRecent *recent = user_data;
  g_autoptr(PulseSync) self = g_object_ref (recent->sync);
  gint64 deadline = pulse_idle_budget_deadline ();

  while (self->state == recent->state && recent->next < recent->tickets->len)
    {
      g_auto(PulseStateChange) change = { 0 };
      g_autoptr(GError) error = NULL;
      PulseStateStoredTicket *stored = g_steal_pointer (&recent->tickets->pdata[recent->next++]);

      if (!pulse_state_put_stored (self->state, stored, &change, &error))
        g_message ("cache: leaving out a ticket: %s", error->message);
      else if (change.action != PULSE_STATE_ACTION_NONE)
        _pulse_sync_emit_changed (self, &change);
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  if (self->state == recent->state && recent->next < recent->tickets->len)
    return G_SOURCE_CONTINUE;

  recent->idle_id = 0;
  finish (recent);
  return G_SOURCE_REMOVE;
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PulseSyncRecent *recent = user_data;

  recent->tickets = g_task_propagate_pointer (G_TASK (result), NULL);
  if (recent->sync == NULL)
    {
      recent_free (recent);
      return;
    }

  if (recent->tickets == NULL)
    {
      finish (recent);
      return;
    }

  g_debug ("sync: %u tickets closed in the last day read from the cache",
           recent->tickets->len);
  /* Below the redraws, as the drain: frames go on being drawn. */
  recent->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_put_slice_cb, recent, NULL);
}

/**
 * _pulse_sync_recent_start:
 * @state: the state read from the cache, about to be the object's
 *
 * Reads the day's closed tickets the cache marks in a worker and puts
 * them in @state while it is the object's; then the network starts if
 * the run is on (_pulse_sync_net_connect() waits).
 */
void
_pulse_sync_recent_start (PulseSync  *self,
                          PulseState *state)
{
  PulseSyncRecent *recent = g_new0 (PulseSyncRecent, 1);
  ReadJob *job = g_new0 (ReadJob, 1);
  g_autoptr(GTask) task = NULL;

  g_assert (self->recent == NULL);
  g_assert (self->cache != NULL);

  recent->sync = self;
  recent->state = g_object_ref (state);
  recent->cancellable = g_cancellable_new ();
  self->recent = recent;

  job->cache = g_object_ref (self->cache);
  job->now = g_get_real_time ();
  task = g_task_new (NULL, recent->cancellable, read_done_cb, recent);
  g_task_set_source_tag (task, _pulse_sync_recent_start);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  pulse_background_run_in_thread (task, read_worker);
}

/**
 * _pulse_sync_recent_stop:
 *
 * The object goes: a read in a worker ends on its own and is dropped,
 * what was read and not put is dropped now.
 */
void
_pulse_sync_recent_stop (PulseSync *self)
{
  PulseSyncRecent *recent = g_steal_pointer (&self->recent);

  if (recent == NULL)
    return;

  if (recent->idle_id != 0)
    recent_free (recent);
  else
    {
      recent->sync = NULL;
      g_cancellable_cancel (recent->cancellable);
    }
}
