/* pulse-sync.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-sync-private.h"

#define DEFAULT_OFFLINE_DELAY_MS 10000
#define DEFAULT_BACKOFF_BASE_MS  500
#define DEFAULT_BACKOFF_CAP_MS   30000

/**
 * PulseSync:
 *
 * The console's live copy of one server, offline first. It starts from
 * its #PulseCache (the state last seen, at once and before any network),
 * then brings that state up to date: from the event stream, which
 * replays what was missed since the cached seq, or, when the cache is
 * empty or the server's log no longer reaches back, from a new snapshot.
 * Each event is applied to the #PulseState on the main thread and
 * reported by #PulseSync::changed; the cache follows in batches written
 * by a worker, each with the seq it reaches, so after a crash the cache
 * is the state at some seq and the stream resumes from there.
 *
 * #PulseSync:state is a #PulseConnectionState:
 *
 * - %PULSE_CONNECTION_STATE_DISCONNECTED: not started, or stopped;
 * - %PULSE_CONNECTION_STATE_CONNECTING: started, the server not reached yet;
 * - %PULSE_CONNECTION_STATE_LIVE: the event stream is open (while it
 *   replays, #PulseSync:is-live is still %FALSE);
 * - %PULSE_CONNECTION_STATE_RECONNECTING: the server was reached during
 *   this run and is being reached again (a lost connection, a resync);
 * - %PULSE_CONNECTION_STATE_OFFLINE: the server could not be reached at
 *   all this run, or not for #PulseSync's offline delay (10 s); it keeps
 *   trying, and the cached state stays on screen;
 * - %PULSE_CONNECTION_STATE_UNAUTHORIZED, %PULSE_CONNECTION_STATE_INCOMPATIBLE:
 *   refused (the token, or a server that does not speak v1); no retry.
 *
 * The old state stays until a new one is complete: a snapshot replaces it
 * whole, in memory and in the cache (one transaction), and then
 * #PulseSync::reset is emitted. Main thread only; SQLite is used only in
 * workers.
 */

G_DEFINE_FINAL_TYPE (PulseSync, pulse_sync, G_TYPE_OBJECT)

enum {
  SIGNAL_RESET,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[SYNC_N_PROPS];
static guint signals[N_SIGNALS];

void
_pulse_sync_notify (PulseSync     *self,
                    PulseSyncProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_pulse_sync_emit_changed (PulseSync              *self,
                          const PulseStateChange *change)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, change);
}

/* A whole new state: the handlers of ::reset read it afresh. */
void
_pulse_sync_set_state_object (PulseSync  *self,
                              PulseState *state)
{
  g_autoptr(PulseSync) hold = g_object_ref (self);

  g_set_object (&self->state, state);
  _pulse_sync_notify_seq (self);
  g_signal_emit (self, signals[SIGNAL_RESET], 0);
}

static void
pulse_sync_constructed (GObject *object)
{
  PulseSync *self = (PulseSync *)object;

  G_OBJECT_CLASS (pulse_sync_parent_class)->constructed (object);

  if (self->cache_path == NULL)
    self->cache_path = pulse_cache_default_path (pulse_client_get_base_url (self->client));
  self->stream = pulse_stream_new (self->client);
  pulse_stream_set_backoff (self->stream, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS);
  _pulse_sync_net_init (self);
}

static void
pulse_sync_dispose (GObject *object)
{
  PulseSync *self = (PulseSync *)object;

  /* Jobs and waiters hold a reference: none is left by now. What was not
   * flushed (no pulse_sync_stop()) stays out of the cache, which is then
   * the state at an earlier seq: the next start replays the rest. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      pulse_stream_stop (self->stream);
    }
  _pulse_sync_net_stop (self);
  _pulse_sync_recent_stop (self);
  _pulse_sync_history_abandon (self);
  _pulse_sync_writer_clear (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->cache);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pulse_sync_parent_class)->dispose (object);
}

static void
pulse_sync_finalize (GObject *object)
{
  PulseSync *self = (PulseSync *)object;

  g_clear_object (&self->state);
  g_clear_pointer (&self->cache_path, g_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->flush_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->fetching, g_hash_table_unref);
  g_clear_error (&self->cache_error);
  _pulse_sync_history_clear (&self->history);

  G_OBJECT_CLASS (pulse_sync_parent_class)->finalize (object);
}

static void
pulse_sync_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PulseSync *self = PULSE_SYNC (object);

  switch (prop_id)
    {
    case SYNC_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case SYNC_PROP_CACHE_PATH:
      g_value_set_string (value, self->cache_path);
      break;
    case SYNC_PROP_STATE:
      g_value_set_enum (value, self->conn_state);
      break;
    case SYNC_PROP_IS_LIVE:
      g_value_set_boolean (value, self->is_live);
      break;
    case SYNC_PROP_LAST_EVENT_AT:
      g_value_set_int64 (value, self->last_event_at);
      break;
    case SYNC_PROP_SEQ:
      g_value_set_int64 (value, pulse_state_get_seq (self->state));
      break;
    case SYNC_PROP_CACHE_REBUILT:
      g_value_set_boolean (value, self->cache_rebuilt);
      break;
    case SYNC_PROP_HISTORY_COMPLETE:
      g_value_set_boolean (value, self->history.complete);
      break;
    case SYNC_PROP_LOADING:
      g_value_set_boolean (value, pulse_sync_get_loading (self));
      break;
    case SYNC_PROP_CACHE_ERROR:
      g_value_set_boxed (value, self->cache_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_sync_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PulseSync *self = PULSE_SYNC (object);

  switch (prop_id)
    {
    case SYNC_PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case SYNC_PROP_CACHE_PATH:
      self->cache_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Where the data comes from, and how it is reached. */
static void
install_source_properties (void)
{
  /**
   * PulseSync:client:
   *
   * The server, with its token.
   */
  properties[SYNC_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PULSE_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:cache-path:
   *
   * The cache file; pulse_cache_default_path() of the server's URL
   * unless one was given.
   */
  properties[SYNC_PROP_CACHE_PATH] =
    g_param_spec_string ("cache-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:state:
   *
   * How the server is reached; see #PulseSync for what each value means.
   */
  properties[SYNC_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PULSE_TYPE_CONNECTION_STATE,
                       PULSE_CONNECTION_STATE_DISCONNECTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* What the data is: its seq, and how current. */
static void
install_data_properties (void)
{
  /**
   * PulseSync:is-live:
   *
   * %TRUE while the state is current: the stream is open and has
   * delivered everything the server had when it opened. %FALSE while the
   * cached state is shown, during a snapshot, a replay or a reconnect.
   */
  properties[SYNC_PROP_IS_LIVE] =
    g_param_spec_boolean ("is-live", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:last-event-at:
   *
   * When the last event arrived (µs since the epoch, this machine's
   * clock), also across restarts; 0 if none ever did.
   */
  properties[SYNC_PROP_LAST_EVENT_AT] =
    g_param_spec_int64 ("last-event-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:seq:
   *
   * The seq of the state: the last event applied, or the snapshot's.
   */
  properties[SYNC_PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* What the cache holds. */
static void
install_cache_properties (void)
{
  /**
   * PulseSync:cache-rebuilt:
   *
   * %TRUE if the cache file could not be used (damaged, another schema or
   * server) and was started afresh, so what was last seen comes from the
   * server again: worth a notice.
   */
  properties[SYNC_PROP_CACHE_REBUILT] =
    g_param_spec_boolean ("cache-rebuilt", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:history-complete:
   *
   * %TRUE once the cache holds the ticket history of the last
   * %PULSE_CACHE_HISTORY_DAYS days (paged in after going live); history
   * is read from the cache, not from the state.
   */
  properties[SYNC_PROP_HISTORY_COMPLETE] =
    g_param_spec_boolean ("history-complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:cache-error: (type GLib.Error)
   *
   * Why the cache could not be written (a full disk, say), or %NULL. Once
   * set, the state stays live in memory but the cache keeps the last seq
   * it has whole, for the rest of the run: worth telling the user, since
   * what is not in the cache must come from the server again next time.
   */
  properties[SYNC_PROP_CACHE_ERROR] =
    g_param_spec_boxed ("cache-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PulseSync:loading:
   *
   * %TRUE while the cache is read at the first start: from
   * pulse_sync_start() until the state it holds is whole. The first
   * ::reset comes before, with the directory and the open tickets; the
   * tickets closed in the last day follow as ::changed, and only then
   * the network is used.
   */
  properties[SYNC_PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pulse_sync_class_init (PulseSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pulse_sync_constructed;
  object_class->dispose = pulse_sync_dispose;
  object_class->finalize = pulse_sync_finalize;
  object_class->get_property = pulse_sync_get_property;
  object_class->set_property = pulse_sync_set_property;

  install_source_properties ();
  install_data_properties ();
  install_cache_properties ();
  g_object_class_install_properties (object_class, SYNC_N_PROPS, properties);

  /**
   * PulseSync::reset:
   * @self: the sync
   *
   * The whole state was replaced (read from the cache, a new snapshot):
   * read it again from pulse_sync_get_state_snapshot(). Never emitted
   * with a half-built state.
   */
  signals[SIGNAL_RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PulseSync::changed:
   * @self: the sync
   * @change: (type gpointer): the `const PulseStateChange *`: what one
   *   event (or a ticket fetched for one) did; valid for the emission
   *
   * One per change applied to the state, in order: an item created,
   * updated or deleted. The state already holds it.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
pulse_sync_init (PulseSync *self)
{
  self->state = _pulse_sync_empty_state ();
  self->offline_delay_ms = DEFAULT_OFFLINE_DELAY_MS;
  self->history_page_size = PULSE_SYNC_HISTORY_PAGE_SIZE;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _pulse_sync_op_free);
  self->flush_waiters = g_ptr_array_new ();
  self->fetching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->jobs);
  g_queue_init (&self->inbox);
  pulse_backoff_init (&self->backoff, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS,
                      ((guint64) g_random_int () << 32) | g_random_int ());
}

/**
 * pulse_sync_new:
 * @client: the server to follow
 * @cache_path: (nullable): the cache file; %NULL for
 *   pulse_cache_default_path() of the client's URL
 *
 * Returns: (transfer full): a sync that is not started.
 */
PulseSync *
pulse_sync_new (PulseClient *client,
                const char  *cache_path)
{
  g_return_val_if_fail (PULSE_IS_CLIENT (client), NULL);

  return g_object_new (PULSE_TYPE_SYNC, "client", client, "cache-path", cache_path, NULL);
}
