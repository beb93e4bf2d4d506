/* pulse-sync-accessors.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The getters of PulseSync: what the object holds, read on the main
 * thread (the state, the cache, the seq and the flags behind its
 * properties). Part of PulseSync (pulse-sync-private.h).
 */

#include "config.h"

#include "pulse-sync-private.h"

/**
 * pulse_sync_get_client:
 *
 * Returns: (transfer none): the server's client.
 */
PulseClient *
pulse_sync_get_client (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), NULL);

  return self->client;
}

/**
 * pulse_sync_get_cache_path:
 *
 * Returns: (transfer none): the cache file.
 */
const char *
pulse_sync_get_cache_path (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), NULL);

  return self->cache_path;
}

/**
 * pulse_sync_get_cache:
 *
 * The cache, for reading history (from workers: its reads block). Do not
 * write to it; the sync is its only writer.
 *
 * Returns: (transfer none) (nullable): the cache, or %NULL before it is
 *   read at the first start, or if the file could not be opened.
 */
PulseCache *
pulse_sync_get_cache (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), NULL);

  return self->cache;
}

/**
 * pulse_sync_get_state_snapshot:
 *
 * The state as it is now: it changes as events come (#PulseSync::changed)
 * and is replaced on #PulseSync::reset. Do not change it.
 *
 * Returns: (transfer none): the state, valid until the next ::reset;
 *   empty at seq 0 before the cache is read.
 */
PulseState *
pulse_sync_get_state_snapshot (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), NULL);

  return self->state;
}

/**
 * pulse_sync_get_seq:
 *
 * Returns: #PulseSync:seq.
 */
gint64
pulse_sync_get_seq (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), 0);

  return pulse_state_get_seq (self->state);
}

/**
 * pulse_sync_get_last_event_at:
 *
 * Returns: #PulseSync:last-event-at.
 */
gint64
pulse_sync_get_last_event_at (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), 0);

  return self->last_event_at;
}

/**
 * pulse_sync_get_cache_rebuilt:
 *
 * Returns: #PulseSync:cache-rebuilt.
 */
gboolean
pulse_sync_get_cache_rebuilt (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), FALSE);

  return self->cache_rebuilt;
}

/**
 * pulse_sync_get_history_complete:
 *
 * Returns: #PulseSync:history-complete.
 */
gboolean
pulse_sync_get_history_complete (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), FALSE);

  return self->history.complete;
}

/**
 * pulse_sync_get_loading:
 *
 * Returns: whether the cache is being read (PulseSync:loading)
 */
gboolean
pulse_sync_get_loading (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), FALSE);

  return self->loading || self->recent != NULL;
}

/**
 * pulse_sync_get_n_missing:
 *
 * Tickets that events named and the state lacked (closed before the
 * snapshot's window): fetched, or to be fetched again once connected.
 * Until they come, the state is at the server's seq but without them.
 *
 * Returns: how many tickets the state is missing
 */
guint
pulse_sync_get_n_missing (PulseSync *self)
{
  g_return_val_if_fail (PULSE_IS_SYNC (self), 0);

  return pulse_state_get_n_missing (self->state);
}
