/* pulse-sync-net.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync on the network, main thread only: the snapshot (with its
 * retries), the event stream, and catching up after a connect. Each
 * event applied is pulse-sync-apply.c.
 *
 * Callbacks of requests take the object as a plain pointer: every
 * request runs on the run's cancellable, which stop and dispose cancel,
 * and a cancelled callback returns before touching it.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-sync-private.h"

#define SNAPSHOT_PATH "/api/v1/snapshot"

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
on_offline_cb (gpointer user_data)
{
  PulseSync *self = user_data;

  self->offline_id = 0;
  _pulse_sync_update (self);
  return G_SOURCE_REMOVE;
}

/* The server did not answer; offline after a while if it had before. */
static void
unreachable (PulseSync *self)
{
  if (self->unreachable_since != 0)
    return;

  self->unreachable_since = g_get_monotonic_time ();
  g_clear_handle_id (&self->offline_id, g_source_remove);
  self->offline_id = g_timeout_add (MAX (self->offline_delay_ms, 1), on_offline_cb, self);
}

static void
reachable (PulseSync *self)
{
  self->unreachable_since = 0;
  g_clear_handle_id (&self->offline_id, g_source_remove);
}

static void
refused (PulseSync            *self,
         PulseConnectionState  state,
         const GError         *error)
{
  g_message ("sync: not retrying: %s", error->message);
  self->fatal = state;
  pulse_stream_stop (self->stream);
  g_clear_handle_id (&self->retry_id, g_source_remove);
}

static void
start_stream (PulseSync *self)
{
  self->phase = PULSE_SYNC_PHASE_STREAMING;
  self->catch_up_seq = 0;
  self->health_pending = FALSE;
  pulse_stream_start (self->stream, pulse_state_get_seq (self->state));
}

static void
on_stream_resync_cb (PulseStream *stream,
                     gint64       seq,
                     gpointer     user_data)
{
  PulseSync *self = user_data;

  g_message ("sync: the server's log no longer reaches seq %" G_GINT64_FORMAT
             "; taking a snapshot", pulse_state_get_seq (self->state));
  _pulse_sync_net_take_snapshot (self);
}

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  PulseSync *self;
  gint64 seq = 0;

  version = pulse_client_get_health_finish (PULSE_CLIENT (object), result, &seq, &error);
  if (is_cancelled (error))
    return;

  self = user_data;
  self->health_pending = FALSE;
  self->catch_up_seq = version != NULL ? seq : 0;
  if (version == NULL)
    g_debug ("sync: /health: %s; counting the stream as caught up", error->message);
  _pulse_sync_update (self);
}

/* The stream opened: live once it has replayed up to the server's seq
 * of now; and fetch again what an earlier connection could not. */
static void
stream_opened (PulseSync *self)
{
  g_auto(GStrv) missing = NULL;

  reachable (self);
  self->ever_live = TRUE;
  self->health_pending = TRUE;
  pulse_client_get_health_async (self->client, self->cancellable, health_cb, self);

  missing = pulse_state_dup_missing_tickets (self->state);
  for (guint i = 0; missing[i] != NULL; i++)
    _pulse_sync_fetch_ticket (self, missing[i]);
}

static void
on_stream_state_cb (PulseStream *stream,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  PulseSync *self = user_data;

  if (self->phase != PULSE_SYNC_PHASE_STREAMING)
    return;

  switch (pulse_stream_get_state (stream))
    {
    case PULSE_CONNECTION_STATE_LIVE:
      stream_opened (self);
      break;
    case PULSE_CONNECTION_STATE_RECONNECTING:
      unreachable (self);
      break;
    case PULSE_CONNECTION_STATE_UNAUTHORIZED:
    case PULSE_CONNECTION_STATE_INCOMPATIBLE:
      refused (self, pulse_stream_get_state (stream), pulse_stream_get_error (stream));
      break;
    case PULSE_CONNECTION_STATE_DISCONNECTED:
    case PULSE_CONNECTION_STATE_CONNECTING:
    case PULSE_CONNECTION_STATE_OFFLINE:
    default:
      break;
    }

  _pulse_sync_update (self);
}

static gboolean
on_retry_cb (gpointer user_data)
{
  PulseSync *self = user_data;

  self->retry_id = 0;
  _pulse_sync_net_take_snapshot (self);
  return G_SOURCE_REMOVE;
}

/* Another snapshot after the backoff's wait. */
static void
retry_later (PulseSync  *self,
             const char *why)
{
  guint wait_ms = pulse_backoff_next_ms (&self->backoff);

  g_message ("sync: %s; next attempt in %u ms", why, wait_ms);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (wait_ms, on_retry_cb, self);
}

/* A snapshot we could not read: a server that is not one we speak with,
 * once it happens PULSE_SYNC_BAD_SNAPSHOTS times in a row; before that,
 * perhaps an answer cut or damaged on its way, worth another try. */
static gboolean
bad_snapshot_is_final (PulseSync *self)
{
  return ++self->bad_snapshots >= PULSE_SYNC_BAD_SNAPSHOTS;
}

static void
snapshot_failed (PulseSync    *self,
                 const GError *error)
{
  if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_UNAUTHORIZED))
    refused (self, PULSE_CONNECTION_STATE_UNAUTHORIZED, error);
  else if (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_NOT_FOUND) ||
           (g_error_matches (error, PULSE_CLIENT_ERROR, PULSE_CLIENT_ERROR_PROTOCOL) &&
            bad_snapshot_is_final (self)))
    refused (self, PULSE_CONNECTION_STATE_INCOMPATIBLE, error);
  else
    {
      unreachable (self);
      retry_later (self, error->message);
    }

  _pulse_sync_update (self);
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PulseSyncHistory history = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PulseSync *self;

  node = pulse_client_get_json_finish (PULSE_CLIENT (object), result, &error);
  if (is_cancelled (error))
    return;

  self = user_data;
  if (node == NULL)
    {
      snapshot_failed (self, error);
      return;
    }

  /* Read and stored in a worker; the state in use stays until then. The
   * backoff starts again only once it proved a state (replaced()). */
  reachable (self);
  _pulse_sync_history_for_snapshot (self, &history);
  _pulse_sync_writer_replace (self, node, &history);
  _pulse_sync_history_clear (&history);
  _pulse_sync_update (self);
}

/**
 * _pulse_sync_net_take_snapshot:
 *
 * Stops the stream and fetches `/api/v1/snapshot`; the state stays in
 * use until the new one is read and stored, then ::reset.
 */
void
_pulse_sync_net_take_snapshot (PulseSync *self)
{
  g_assert (self->running);

  self->phase = PULSE_SYNC_PHASE_SNAPSHOT;
  self->health_pending = FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  pulse_stream_stop (self->stream);
  _pulse_sync_drop_inbox (self);
  _pulse_sync_history_abandon (self);
  pulse_client_get_json_async (self->client, SNAPSHOT_PATH, self->cancellable, snapshot_cb,
                               self);
  _pulse_sync_update (self);
}

/**
 * _pulse_sync_net_replaced:
 * @state: (nullable): the snapshot's state, or %NULL if it was unreadable
 * @error: (nullable): why it was
 *
 * The snapshot was read (and stored): use it, and stream from its seq.
 */
void
_pulse_sync_net_replaced (PulseSync    *self,
                          PulseState   *state,
                          const GError *error)
{
  gboolean waiting = self->running && self->phase == PULSE_SYNC_PHASE_SNAPSHOT;

  if (state == NULL)
    {
      g_message ("sync: the snapshot is not a v1 state: %s", error->message);
      if (waiting && bad_snapshot_is_final (self))
        self->fatal = PULSE_CONNECTION_STATE_INCOMPATIBLE;
      else if (waiting)
        retry_later (self, "the snapshot could not be read");
      _pulse_sync_update (self);
      return;
    }

  /* Also when stopped meanwhile: the cache holds this state now. */
  self->bad_snapshots = 0;
  pulse_backoff_reset (&self->backoff);
  self->has_baseline = TRUE;
  _pulse_sync_set_state_object (self, state);
  if (waiting)
    start_stream (self);
  _pulse_sync_update (self);
}

/**
 * _pulse_sync_net_connect:
 *
 * After the cache is read: stream from its seq, or take a snapshot.
 */
void
_pulse_sync_net_connect (PulseSync *self)
{
  if (self->has_baseline)
    start_stream (self);
  else
    _pulse_sync_net_take_snapshot (self);
}

/**
 * _pulse_sync_net_stop:
 *
 * Ends the network side; the requests were cancelled by the caller.
 */
void
_pulse_sync_net_stop (PulseSync *self)
{
  self->phase = PULSE_SYNC_PHASE_IDLE;
  if (self->stream != NULL)
    pulse_stream_stop (self->stream);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->offline_id, g_source_remove);
  _pulse_sync_drop_inbox (self);
  self->health_pending = FALSE;
  if (self->fetching != NULL)
    g_hash_table_remove_all (self->fetching);
}

/**
 * _pulse_sync_net_init:
 *
 * Follows the stream's events, resyncs and state.
 */
void
_pulse_sync_net_init (PulseSync *self)
{
  g_signal_connect (self->stream, "event", G_CALLBACK (_pulse_sync_on_stream_event), self);
  g_signal_connect (self->stream, "resync", G_CALLBACK (on_stream_resync_cb), self);
  g_signal_connect (self->stream, "notify::state", G_CALLBACK (on_stream_state_cb), self);
}
