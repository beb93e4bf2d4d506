/* pulse-session-live.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSession's live data: the sync engine that keeps the copy of the
 * server, the list models the UI shows, and the outbox that carries the
 * user's edits back. Part of PulseSession (pulse-session-private.h).
 */

#include "config.h"

#include "pulse-idle-budget.h"
#include "pulse-session-private.h"

/* Above GTK's redraw (G_PRIORITY_HIGH_IDLE + 20), so the changes of one
 * main-loop turn reach the lists as one batch before the next frame. */
#define BATCH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

/* A first state's items go into the empty lists between frames, a slice
 * of the iteration's budget at a time (pulse-idle-budget.c): 5,000
 * tickets and every view that follows the lists held the loop for
 * 30-90 ms in one piece (docs/performance.md). */
#define FILL_PRIORITY  G_PRIORITY_DEFAULT_IDLE
/* Appended per list step, between looks at the deadline. */
#define FILL_STEP      64

static void
change_free (PulseStateChange *change)
{
  pulse_state_change_clear (change);
  g_free (change);
}

static PulseStateChange *
change_copy (const PulseStateChange *change)
{
  PulseStateChange *copy = g_new0 (PulseStateChange, 1);

  copy->seq = change->seq;
  copy->kind = change->kind;
  copy->action = change->action;
  copy->id = g_strdup (change->id);
  copy->country = g_strdup (change->country);
  copy->item = change->item != NULL ? json_node_ref (change->item) : NULL;
  return copy;
}

/* The changes of a main-loop turn reach the lists here, in one dispatch,
 * each list's content and its `items-changed` together: whatever reads a
 * list before (an input handler, a model made in an idle, a filter
 * model's own idle) reads what the signals so far announced. The lists
 * used to change at each change and announce it here, so a reader in
 * between read content no signal had told of. */
static gboolean
end_batches_cb (gpointer user_data)
{
  PulseSession *self = user_data;
  g_autoptr(GPtrArray) changes = g_steal_pointer (&self->pending_changes);

  self->batch_id = 0;
  self->pending_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    pulse_entity_list_begin_batch (self->lists[kind]);
  for (guint i = 0; i < changes->len; i++)
    {
      const PulseStateChange *change = changes->pdata[i];

      pulse_entity_list_apply (self->lists[change->kind], change);
    }
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    pulse_entity_list_end_batch (self->lists[kind]);

  return G_SOURCE_REMOVE;
}

static void
schedule_batches (PulseSession *self)
{
  if (self->batch_id == 0 && self->fill_id == 0 && self->pending_changes->len > 0)
    self->batch_id = g_idle_add_full (BATCH_PRIORITY, end_batches_cb, self, NULL);
}

/* Appends to the lists until @deadline (0: all of it). Returns whether
 * items still wait. */
static gboolean
fill_lists (PulseSession *self,
            gint64        deadline)
{
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    {
      guint max = deadline == 0 ? G_MAXUINT : FILL_STEP;

      while (pulse_entity_list_fill_step (self->lists[kind], max))
        {
          if (deadline != 0 && g_get_monotonic_time () >= deadline)
            return TRUE;
        }
    }
  return FALSE;
}

/* The changes that came meanwhile wait for the fill: applied to a list
 * still filling, each would first append the rest of it. */
static gboolean
fill_cb (gpointer user_data)
{
  PulseSession *self = user_data;

  if (fill_lists (self, pulse_idle_budget_deadline ()))
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  schedule_batches (self);
  return G_SOURCE_REMOVE;
}

static void
finish_fill (PulseSession *self)
{
  if (self->fill_id != 0)
    {
      g_clear_handle_id (&self->fill_id, g_source_remove);
      fill_lists (self, 0);
    }
}

static void
flush_batches (PulseSession *self)
{
  finish_fill (self);
  g_clear_handle_id (&self->batch_id, g_source_remove);
  if (self->pending_changes->len > 0)
    end_batches_cb (self);
}

/**
 * pulse_session_end_list_batches:
 *
 * Brings the lists up to the state now, announcing the changes of this
 * main-loop turn, instead of in their idle: for code that reads the
 * lists and the state together (a page built in an idle). A first state
 * still going into empty lists in steps is not hurried: the lists hold
 * its first part, as their signals told, the rest follows in its idles,
 * and the changes since wait for it.
 */
void
pulse_session_end_list_batches (PulseSession *self)
{
  g_return_if_fail (PULSE_IS_SESSION (self));

  if (self->fill_id == 0)
    flush_batches (self);
}

/* Each list takes what differs from @state (NULL: nothing), reading the
 * state's items directly: no dump of the whole state is written. Empty
 * lists (the first state) fill in steps from the next iteration on. */
static void
reset_lists (PulseSession *self,
             PulseState   *state)
{
  g_autoptr(JsonNode) empty = NULL;
  gboolean filling = FALSE;

  /* A fill not finished yet is of a state that this one replaces, and so
   * are the changes waiting for it. */
  if (self->fill_id != 0)
    {
      g_clear_handle_id (&self->fill_id, g_source_remove);
      g_clear_handle_id (&self->batch_id, g_source_remove);
      g_ptr_array_set_size (self->pending_changes, 0);
    }
  flush_batches (self);
  if (state == NULL)
    {
      /* json_node_init_object() takes its own reference on the object. */
      empty = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (empty, json_object_new ());
    }
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    {
      if (state != NULL)
        filling |= pulse_entity_list_reset_in_steps (self->lists[kind], state);
      else
        pulse_entity_list_reset_from_json (self->lists[kind], empty);
    }

  if (filling)
    self->fill_id = g_idle_add_full (FILL_PRIORITY, fill_cb, self, NULL);
}

static void
on_sync_changed_cb (PulseSync              *sync,
                    const PulseStateChange *change,
                    gpointer                user_data)
{
  PulseSession *self = user_data;

  if (change->kind == PULSE_STATE_KIND_NONE || change->kind >= G_N_ELEMENTS (self->lists))
    return;

  g_ptr_array_add (self->pending_changes, change_copy (change));
  schedule_batches (self);
}

/* Edits may go out as soon as the server answers; they need not wait for
 * the copy to catch up. */
static gboolean
is_connected (PulseSync *sync)
{
  return pulse_sync_get_state (sync) == PULSE_CONNECTION_STATE_LIVE;
}

/* The outbox shares the sync engine's cache, which opens in a worker:
 * it exists once the cached state has been loaded. */
static void
ensure_outbox (PulseSession *self)
{
  PulseCache *cache = pulse_sync_get_cache (self->sync);

  if (self->outbox != NULL || cache == NULL)
    return;

  self->outbox = pulse_outbox_new (pulse_sync_get_client (self->sync), cache);
  pulse_outbox_set_online (self->outbox, is_connected (self->sync));
  g_object_notify (G_OBJECT (self), "outbox");
}

static void
on_sync_reset_cb (PulseSync *sync,
                  gpointer   user_data)
{
  PulseSession *self = user_data;

  reset_lists (self, pulse_sync_get_state_snapshot (sync));
  ensure_outbox (self);
  _pulse_session_emit_data_reset (self);
}

static void
on_sync_state_cb (PulseSync  *sync,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  PulseSession *self = user_data;

  _pulse_session_set_connection_state (self, pulse_sync_get_state (sync));
  if (self->outbox != NULL)
    pulse_outbox_set_online (self->outbox, is_connected (sync));
  if (pulse_sync_get_state (sync) == PULSE_CONNECTION_STATE_LIVE)
    _pulse_session_confirm_identity (self);
}

static void
on_sync_last_event_cb (PulseSync  *sync,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  _pulse_session_set_last_event_at (user_data, pulse_sync_get_last_event_at (sync));
}

/* The demo server starts empty each run on a new port: one cache file
 * for it, rebuilt each time, rather than a new file per port. */
static char *
cache_path_for (PulseSession *self)
{
  if (pulse_session_get_is_demo (self))
    return g_build_filename (g_get_user_cache_dir (), "pulse", "demo.db", NULL);

  return NULL;
}

/**
 * _pulse_session_start_live:
 *
 * Starts following the server @self->client speaks to: the cached state
 * at once, marked not live, then the server's. The connection state now
 * follows the sync engine.
 */
void
_pulse_session_start_live (PulseSession *self)
{
  g_autofree char *cache_path = cache_path_for (self);

  _pulse_session_stop_live (self);

  _pulse_session_clear_kpi_views (self);
  self->sync = pulse_sync_new (self->client, cache_path);
  g_signal_connect_object (self->sync, "reset", G_CALLBACK (on_sync_reset_cb), self, 0);
  g_signal_connect_object (self->sync, "changed", G_CALLBACK (on_sync_changed_cb), self, 0);
  g_signal_connect_object (self->sync, "notify::state", G_CALLBACK (on_sync_state_cb), self, 0);
  g_signal_connect_object (self->sync, "notify::last-event-at",
                           G_CALLBACK (on_sync_last_event_cb), self, 0);
  pulse_sync_start (self->sync);
  _pulse_session_set_connection_state (self, pulse_sync_get_state (self->sync));
}

/**
 * _pulse_session_stop_live:
 *
 * Stops following the server and empties the lists. Edits still in the
 * outbox stay in the cache and go out at the next sign-in.
 */
void
_pulse_session_stop_live (PulseSession *self)
{
  if (self->sync == NULL)
    return;

  pulse_sync_stop (self->sync);
  g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  if (self->outbox != NULL)
    {
      g_clear_object (&self->outbox);
      g_object_notify (G_OBJECT (self), "outbox");
    }

  _pulse_session_clear_kpi_views (self);
  reset_lists (self, NULL);
  _pulse_session_emit_data_reset (self);
}

/**
 * _pulse_session_init_live:
 *
 * Makes the (empty) lists, which live as long as the session so the UI
 * can bind to them before any server is chosen.
 */
void
_pulse_session_init_live (PulseSession *self)
{
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    self->lists[kind] = pulse_entity_list_new (kind);
  self->pending_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

void
_pulse_session_clear_live (PulseSession *self)
{
  g_clear_handle_id (&self->batch_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  if (self->sync != NULL)
    {
      pulse_sync_stop (self->sync);
      g_signal_handlers_disconnect_by_data (self->sync, self);
    }
  g_clear_object (&self->sync);
  g_clear_object (&self->outbox);
  _pulse_session_clear_kpi_views (self);
  for (guint kind = 1; kind < G_N_ELEMENTS (self->lists); kind++)
    g_clear_object (&self->lists[kind]);
}

/**
 * pulse_session_get_list:
 * @kind: a collection of the state (not applications)
 *
 * Returns: (transfer none): the live list of @kind, empty while no
 *   server is followed. Items change in place; see #PulseEntityList.
 */
GListModel *
pulse_session_get_list (PulseSession   *self,
                        PulseStateKind  kind)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);
  g_return_val_if_fail (kind > PULSE_STATE_KIND_NONE && kind < PULSE_STATE_KIND_APPLICATIONS,
                        NULL);

  return G_LIST_MODEL (self->lists[kind]);
}

/**
 * pulse_session_get_outbox:
 *
 * Returns: (transfer none) (nullable): the outbox of the server followed,
 *   once its cache is open; %NULL otherwise.
 */
PulseOutbox *
pulse_session_get_outbox (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return self->outbox;
}

/**
 * pulse_session_get_sync:
 *
 * Returns: (transfer none) (nullable): the sync engine of the server
 *   followed, or %NULL.
 */
PulseSync *
pulse_session_get_sync (PulseSession *self)
{
  g_return_val_if_fail (PULSE_IS_SESSION (self), NULL);

  return self->sync;
}
