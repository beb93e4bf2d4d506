/* pulse-sync-run.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run of PulseSync, from pulse_sync_start() to pulse_sync_stop(): the
 * end of the load, the connection state derived from what the network
 * parts report, and the waits tests shorten.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sync-private.h"

static PulseConnectionState
derive_state (PulseSync *self)
{
  gint64 failing_for;

  if (!self->running)
    return PULSE_CONNECTION_STATE_DISCONNECTED;
  if (self->fatal != 0)
    return self->fatal;
  if (self->phase == PULSE_SYNC_PHASE_STREAMING &&
      pulse_stream_get_state (self->stream) == PULSE_CONNECTION_STATE_LIVE)
    return PULSE_CONNECTION_STATE_LIVE;

  /* Never reached this run: offline at the first failure. Reached
   * before: reconnecting, until that has failed for a while. */
  if (self->unreachable_since != 0)
    {
      failing_for = g_get_monotonic_time () - self->unreachable_since;
      if (!self->ever_live || failing_for >= (gint64) self->offline_delay_ms * 1000)
        return PULSE_CONNECTION_STATE_OFFLINE;
      return PULSE_CONNECTION_STATE_RECONNECTING;
    }

  return self->ever_live ? PULSE_CONNECTION_STATE_RECONNECTING
                         : PULSE_CONNECTION_STATE_CONNECTING;
}

/* Current: streaming from a snapshot's state, caught up with the seq the
 * server had when the stream opened. */
static gboolean
derive_is_live (PulseSync *self)
{
  return self->conn_state == PULSE_CONNECTION_STATE_LIVE && self->has_baseline &&
         !self->health_pending && pulse_state_get_seq (self->state) >= self->catch_up_seq;
}

/**
 * _pulse_sync_update:
 *
 * Derives #PulseSync:state and #PulseSync:is-live again, and starts what
 * waits for them: history paging and the cache check once the data is
 * current (or once it is clear that it will not be soon).
 */
void
_pulse_sync_update (PulseSync *self)
{
  PulseConnectionState state = derive_state (self);
  gboolean is_live;

  if (self->conn_state != state)
    {
      g_debug ("sync: %s → %s",
               pulse_enum_to_nick (PULSE_TYPE_CONNECTION_STATE, self->conn_state),
               pulse_enum_to_nick (PULSE_TYPE_CONNECTION_STATE, state));
      self->conn_state = state;
      _pulse_sync_notify (self, SYNC_PROP_STATE);
    }

  is_live = derive_is_live (self);
  if (self->is_live != is_live)
    {
      self->is_live = is_live;
      _pulse_sync_notify (self, SYNC_PROP_IS_LIVE);
    }

  if (is_live)
    _pulse_sync_history_kick (self);
  if (is_live || state == PULSE_CONNECTION_STATE_OFFLINE)
    _pulse_sync_writer_check (self);
}

void
_pulse_sync_set_last_event_at (PulseSync *self,
                               gint64     at)
{
  if (self->last_event_at == at)
    return;

  self->last_event_at = at;
  _pulse_sync_notify (self, SYNC_PROP_LAST_EVENT_AT);
}

void
_pulse_sync_notify_seq (PulseSync *self)
{
  _pulse_sync_notify (self, SYNC_PROP_SEQ);
}

void
_pulse_sync_notify_history (PulseSync *self)
{
  _pulse_sync_notify (self, SYNC_PROP_HISTORY_COMPLETE);
}

/**
 * _pulse_sync_loaded:
 * @load: what the cache held (an empty one if it could not be opened)
 *
 * The cache was read: show its state (::reset), then go to the network,
 * once the day's closed tickets are in it too.
 */
void
_pulse_sync_loaded (PulseSync     *self,
                    PulseSyncLoad *load)
{
  self->loaded = TRUE;
  g_set_object (&self->cache, load->cache);
  _pulse_sync_history_copy (&self->history, &load->history);
  if (load->history.complete)
    _pulse_sync_notify_history (self);
  if (load->rebuilt)
    {
      self->cache_rebuilt = TRUE;
      _pulse_sync_notify (self, SYNC_PROP_CACHE_REBUILT);
    }

  _pulse_sync_set_last_event_at (self, load->last_event_at);
  self->has_baseline = load->state != NULL;
  if (load->state != NULL)
    g_debug ("sync: the cache holds seq %" G_GINT64_FORMAT ", %u open tickets shown",
             pulse_state_get_seq (load->state),
             pulse_state_get_n_items (load->state, PULSE_STATE_KIND_TICKET));
  /* Started first, so that a start from a ::reset handler waits too. */
  if (load->state != NULL)
    _pulse_sync_recent_start (self, load->state);
  _pulse_sync_set_state_object (self, load->state != NULL ? load->state : self->state);
  self->loading = FALSE;

  if (self->recent == NULL)
    _pulse_sync_notify (self, SYNC_PROP_LOADING);
  if (self->running && self->recent == NULL)
    _pulse_sync_net_connect (self);
  _pulse_sync_update (self);
}

/**
 * pulse_sync_start:
 *
 * The first start reads the cache in a worker and emits #PulseSync::reset
 * with what it holds (not live), then goes to the network: the event
 * stream from the cached seq, or a snapshot when the cache has none.
 * A later start (after pulse_sync_stop()) resumes from the state's seq.
 */
void
pulse_sync_start (PulseSync *self)
{
  g_return_if_fail (PULSE_IS_SYNC (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->fatal = 0;
  self->ever_live = FALSE;
  self->unreachable_since = 0;
  pulse_backoff_reset (&self->backoff);

  if (self->loaded && self->recent == NULL)
    _pulse_sync_net_connect (self);
  else if (!self->loading)
    {
      self->loading = TRUE;
      _pulse_sync_notify (self, SYNC_PROP_LOADING);
      _pulse_sync_load_start (self);
    }
  _pulse_sync_update (self);
}

/**
 * pulse_sync_stop:
 *
 * Closes the stream and cancels the requests in flight, and flushes what
 * the cache has not got yet (in a worker: pulse_sync_flush_async() tells
 * when it is written). The state stays as it is.
 */
void
pulse_sync_stop (PulseSync *self)
{
  g_return_if_fail (PULSE_IS_SYNC (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _pulse_sync_net_stop (self);
  _pulse_sync_history_abandon (self);
  _pulse_sync_writer_flush (self);
  _pulse_sync_update (self);
}

/**
 * pulse_sync_get_state:
 *
 * Returns: #PulseSync:state.
 */
PulseConnectionState
pulse_sync_get_state (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), PULSE_CONNECTION_STATE_DISCONNECTED);

  return self->conn_state;
}

/**
 * pulse_sync_get_is_live:
 *
 * Returns: #PulseSync:is-live.
 */
gboolean
pulse_sync_get_is_live (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), FALSE);

  return self->is_live;
}

/**
 * pulse_sync_set_timing:
 * @backoff_base_ms: the first reconnect wait's ceiling (500 ms by default)
 * @backoff_cap_ms: the longest reconnect wait (30 s)
 * @offline_delay_ms: how long the server may be out of reach, after it
 *   was reached, before the state is %PULSE_CONNECTION_STATE_OFFLINE (10 s)
 *
 * Tests shorten these; the waits apply to the stream and to snapshots.
 */
void
pulse_sync_set_timing (PulseSync *self,
                       guint      backoff_base_ms,
                       guint      backoff_cap_ms,
                       guint      offline_delay_ms)
{
  g_return_if_fail (PULSE_IS_SYNC (self));

  pulse_stream_set_backoff (self->stream, backoff_base_ms, backoff_cap_ms);
  self->backoff.base_ms = MAX (backoff_base_ms, 1);
  self->backoff.cap_ms = MAX (backoff_cap_ms, self->backoff.base_ms);
  self->offline_delay_ms = offline_delay_ms;
}

/**
 * pulse_sync_set_history_page_size:
 * @page_size: tickets per history page, 1 to 1,000
 *   (%PULSE_SYNC_HISTORY_PAGE_SIZE by default)
 */
void
pulse_sync_set_history_page_size (PulseSync *self,
                                  guint      page_size)
{
  g_return_if_fail (PULSE_IS_SYNC (self));
  g_return_if_fail (page_size >= 1 && page_size <= 1000);

  self->history_page_size = page_size;
}
