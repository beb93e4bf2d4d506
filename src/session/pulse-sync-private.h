/* pulse-sync-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseSync is split by concern:
 *
 * - pulse-sync.c: the object, its properties and signals;
 * - pulse-sync-accessors.c: its getters;
 * - pulse-sync-run.c: a run from start to stop, and how the connection
 *   state is derived;
 * - pulse-sync-net.c: the network on the main thread: snapshots, the
 *   event stream, tickets fetched out of band, catching up;
 * - pulse-sync-history.c: ticket history paged into the cache, pruning;
 * - pulse-sync-writer.c: the one queue of cache work, run in workers one
 *   job at a time, and the cache check;
 * - pulse-sync-recent.c: the day's closed tickets, read after the first
 *   state is shown;
 * - pulse-sync-store.c, pulse-sync-load.c: what those workers do with
 *   the cache, writing and reading back (they see only copied data: a
 *   job, never the object).
 *
 * This header is shared by them and by nothing else.
 */

#pragma once

#include "pulse-backoff.h"
#include "pulse-cache-batch.h"
#include "pulse-stream.h"
#include "pulse-sync.h"

G_BEGIN_DECLS

/* Cache kinds of our own, beside the server's collections. The prefix
 * cannot be an item kind: those are lower-case words. */
#define PULSE_SYNC_KIND_RECENT  "pulse-sync.recent-ticket"
#define PULSE_SYNC_KIND_HISTORY "pulse-sync.history"
#define PULSE_SYNC_HISTORY_ID   "tickets"

/* A snapshot's window for closed tickets (src/server/pulse-server-snapshot.c). */
#define PULSE_SYNC_RECENT_WINDOW (24 * G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/* Writes queued on the main thread go out when this many are pending, or
 * this long after the first of them. */
#define PULSE_SYNC_FLUSH_OPS 500
#define PULSE_SYNC_FLUSH_MS  100

/* Snapshots that cannot be read, in a row, before the server is told
 * incompatible: one may be an answer cut or damaged on its way. */
#define PULSE_SYNC_BAD_SNAPSHOTS 3

/* How long events may wait in the inbox for the drain's idle before the
 * stream's own callback applies a slice: a socket that is always ready
 * (a flood, a slow machine) keeps an idle from ever running. */
#define PULSE_SYNC_INBOX_WAIT_US 50000

typedef enum
{
  PULSE_SYNC_PHASE_IDLE,       /* not started, stopped, or reading the cache */
  PULSE_SYNC_PHASE_SNAPSHOT,   /* fetching or storing a snapshot */
  PULSE_SYNC_PHASE_STREAMING,  /* following the event stream */
} PulseSyncPhase;

typedef enum
{
  SYNC_PROP_0,
  SYNC_PROP_CLIENT,
  SYNC_PROP_CACHE_PATH,
  SYNC_PROP_STATE,
  SYNC_PROP_IS_LIVE,
  SYNC_PROP_LAST_EVENT_AT,
  SYNC_PROP_SEQ,
  SYNC_PROP_CACHE_REBUILT,
  SYNC_PROP_HISTORY_COMPLETE,
  SYNC_PROP_CACHE_ERROR,
  SYNC_PROP_LOADING,
  SYNC_N_PROPS
} PulseSyncProp;

/* One change for the cache, as the state reported it. @item is shared
 * with the state, which never changes a stored node in place. */
typedef struct
{
  PulseStateKind    kind;
  PulseStateAction  action;
  char             *id;
  char             *country;
  JsonNode         *item;
} PulseSyncOp;

/* Where history paging stands, as kept in the cache. */
typedef struct
{
  gint64    since;     /* µs; 0: no record (never paged) */
  char     *cursor;    /* the server's, for the next page; NULL: from @since */
  gboolean  complete;  /* every page up to the present is stored */
} PulseSyncHistory;

/* A state kind, its cache kind and its snapshot collection. */
typedef struct
{
  PulseStateKind  kind;
  const char     *cache_kind;
  const char     *collection;
} PulseSyncKindName;

typedef struct _PulseSyncRecent PulseSyncRecent;

/* What the load at start found in the cache. */
typedef struct
{
  PulseCache       *cache;        /* NULL if the file could not be opened */
  PulseState       *state;        /* NULL: no snapshot stored, or unusable */
  gint64            last_event_at;
  gboolean          rebuilt;
  PulseSyncHistory  history;
} PulseSyncLoad;

struct _PulseSync
{
  GObject               parent_instance;

  PulseClient          *client;
  char                 *cache_path;
  PulseCache           *cache;
  PulseState           *state;          /* never NULL */
  PulseStream          *stream;

  /* Per start: cancelled by stop, so no callback of an earlier run acts. */
  GCancellable         *cancellable;
  PulseSyncPhase        phase;
  gboolean              running;
  gboolean              loading;        /* the cache is being read */
  gboolean              loaded;         /* the cache was read (once per object) */
  gboolean              has_baseline;   /* the state came from a snapshot */
  PulseSyncRecent      *recent;         /* the day's closed tickets being read and put */

  /* The connection as the `state` property shows it. */
  PulseConnectionState  conn_state;
  PulseConnectionState  fatal;          /* UNAUTHORIZED, INCOMPATIBLE, or 0 */
  gboolean              ever_live;      /* the stream opened during this run */
  gint64                unreachable_since;  /* monotonic µs; 0: not failing */
  guint                 offline_delay_ms;
  guint                 offline_id;
  PulseBackoff          backoff;        /* snapshot retries */
  guint                 retry_id;
  guint                 bad_snapshots;  /* unreadable ones in a row */

  /* Catching up: live once the state reaches the seq /health gave when
   * the stream opened. */
  gboolean              health_pending;
  gint64                catch_up_seq;
  gboolean              is_live;
  gint64                last_event_at;
  gboolean              cache_rebuilt;

  /* The cache writer (pulse-sync-writer.c). */
  GPtrArray            *pending;        /* PulseSyncOp, not yet in a job */
  guint                 flush_id;
  gboolean              flush_wanted;
  GQueue                jobs;           /* queued, not yet running */
  gboolean              job_running;
  gboolean              replacing;      /* a snapshot is queued or being stored */
  guint64               last_job_id;    /* the newest enqueued */
  guint64               done_job_id;    /* the newest finished */
  GPtrArray            *flush_waiters;  /* GTask */
  gboolean              cache_failed;   /* a write failed: stop writing */
  GError               *cache_error;    /* the first failed write's error */
  gboolean              checked;        /* quick_check ran */

  /* Events received, not yet applied (JsonNode), and their idle. */
  GQueue                inbox;
  gint64                inbox_since;     /* monotonic: when the oldest queued event came */
  guint                 drain_id;
  guint                 drain_late_id;   /* the drain's fallback timeout */

  /* Tickets being fetched because an event named them (id set). */
  GHashTable           *fetching;

  /* History (pulse-sync-history.c). */
  PulseSyncHistory      history;
  gboolean              history_busy;   /* a page is being fetched or stored */
  guint                 history_generation;  /* bumped when paging is abandoned */
  guint                 history_retry_id;    /* the wait after a failed page */
  gboolean              pruned;
  guint                 history_page_size;
};

/* pulse-sync.c */
void        _pulse_sync_notify             (PulseSync             *self,
                                            PulseSyncProp          prop);
void        _pulse_sync_emit_changed       (PulseSync             *self,
                                            const PulseStateChange *change);
void        _pulse_sync_set_state_object   (PulseSync             *self,
                                            PulseState            *state);

/* pulse-sync-run.c */
void        _pulse_sync_update             (PulseSync             *self);
void        _pulse_sync_set_last_event_at  (PulseSync             *self,
                                            gint64                 at);
void        _pulse_sync_notify_seq         (PulseSync             *self);
void        _pulse_sync_notify_history     (PulseSync             *self);
void        _pulse_sync_loaded             (PulseSync             *self,
                                            PulseSyncLoad         *load);

/* pulse-sync-apply.c */
void        _pulse_sync_on_stream_event    (PulseStream           *stream,
                                            JsonNode              *event,
                                            gpointer               user_data);
void        _pulse_sync_drop_inbox         (PulseSync             *self);
void        _pulse_sync_fetch_ticket       (PulseSync             *self,
                                            const char            *id);

/* pulse-sync-net.c */
void        _pulse_sync_net_connect        (PulseSync             *self);
void        _pulse_sync_net_stop           (PulseSync             *self);
void        _pulse_sync_net_take_snapshot  (PulseSync             *self);
void        _pulse_sync_net_replaced       (PulseSync             *self,
                                            PulseState            *state,
                                            const GError          *error);
void        _pulse_sync_net_init           (PulseSync             *self);

/* pulse-sync-history.c */
void        _pulse_sync_history_kick       (PulseSync             *self);
void        _pulse_sync_history_stored     (PulseSync             *self,
                                            const PulseSyncHistory *history,
                                            guint                  generation);
void        _pulse_sync_history_abandon    (PulseSync             *self);
void        _pulse_sync_history_for_snapshot (PulseSync           *self,
                                              PulseSyncHistory    *history);
void        _pulse_sync_history_clear      (PulseSyncHistory      *history);
void        _pulse_sync_history_copy       (PulseSyncHistory      *dest,
                                            const PulseSyncHistory *src);

/* pulse-sync-writer.c */
void        _pulse_sync_writer_add         (PulseSync             *self,
                                            const PulseStateChange *change);
void        _pulse_sync_writer_flush       (PulseSync             *self);
void        _pulse_sync_writer_replace     (PulseSync             *self,
                                            JsonNode              *snapshot,
                                            const PulseSyncHistory *history);
void        _pulse_sync_writer_page        (PulseSync             *self,
                                            JsonArray             *tickets,
                                            const PulseSyncHistory *history,
                                            guint                  generation);
void        _pulse_sync_writer_prune       (PulseSync             *self);
void        _pulse_sync_writer_check       (PulseSync             *self);
void        _pulse_sync_writer_clear       (PulseSync             *self);
void        _pulse_sync_op_free            (PulseSyncOp           *op);

/* pulse-sync-load.c */
void        _pulse_sync_load_start         (PulseSync             *self);

/* pulse-sync-recent.c */
void        _pulse_sync_recent_start       (PulseSync             *self,
                                            PulseState            *state);
void        _pulse_sync_recent_stop        (PulseSync             *self);
GPtrArray  *_pulse_sync_recent_read        (PulseCache            *cache,
                                            gint64                 now);
GPtrArray  *_pulse_sync_stored_tickets     (GPtrArray             *tickets);

/* pulse-sync-load.c and pulse-sync-store.c: in workers only, on copied
 * data. */
const PulseSyncKindName *_pulse_sync_kind_names (guint        *n);
PulseState *_pulse_sync_empty_state        (void);
PulseSyncLoad *_pulse_sync_store_load      (const char            *path,
                                            const char            *server_url,
                                            gint64                 now,
                                            GError               **error);
void        _pulse_sync_load_free          (PulseSyncLoad         *load);
gboolean    _pulse_sync_store_write_ops    (PulseCache            *cache,
                                            GPtrArray             *ops,
                                            gint64                 seq,
                                            gint64                 last_event_at,
                                            gint64                 now,
                                            GError               **error);
PulseState *_pulse_sync_store_replace      (PulseCache            *cache,
                                            JsonNode              *snapshot,
                                            const PulseSyncHistory *history,
                                            gint64                 now,
                                            GError               **cache_error,
                                            GError               **error);
gboolean    _pulse_sync_store_write_page   (PulseCache            *cache,
                                            JsonArray             *tickets,
                                            const PulseSyncHistory *history,
                                            gint64                 now,
                                            GError               **error);
gboolean    _pulse_sync_store_prune        (PulseCache            *cache,
                                            gint64                 now,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseSyncLoad, _pulse_sync_load_free)

G_END_DECLS
