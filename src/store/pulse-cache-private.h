/* pulse-cache-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files PulseCache is split into: the open and integrity
 * checks (pulse-cache.c, pulse-cache-file.c), batches, reads and the
 * outbox.
 */

#pragma once

#include <sqlite3.h>

#include "pulse-cache-batch.h"
#include "pulse-db.h"
#include "pulse-error.h"

G_BEGIN_DECLS

/* The cache schema. A file at any other version is rebuilt, not migrated
 * (pulse-cache-file.c says why); bump it with every change of layout. */
#define PULSE_CACHE_SCHEMA_VERSION 2

/* Tickets in these states are history; every other status, including one
 * a newer server invents, counts as open. */
#define PULSE_CACHE_CLOSED_SQL "status IN ('resolved', 'closed', 'abandoned')"
#define PULSE_CACHE_OPEN_SQL   "status NOT IN ('resolved', 'closed', 'abandoned')"

/* Writer statements, prepared once and used only by the writer. */
typedef enum
{
  PULSE_CACHE_STMT_PUT_ENTITY,
  PULSE_CACHE_STMT_DELETE_ENTITY,
  PULSE_CACHE_STMT_PUT_TICKET,
  PULSE_CACHE_STMT_UPDATE_TICKET,
  PULSE_CACHE_STMT_DELETE_TICKET,
  PULSE_CACHE_STMT_MESSAGE_IDS,
  PULSE_CACHE_STMT_PUT_MESSAGE,
  PULSE_CACHE_STMT_TRIM_MESSAGES,
  PULSE_CACHE_STMT_DATA_VERSION,
  PULSE_CACHE_N_STMTS
} PulseCacheStmt;

struct _PulseCache
{
  GObject               parent_instance;

  /* Writes go through `writer` and only while holding the gate. Each read
   * takes a connection of its own from `idle_readers` (opening one when
   * none is idle): in WAL mode it sees only committed transactions, which
   * makes a batch atomic for readers on other threads and lets them read
   * while a long batch is open; and as no two statements share one, each
   * read sees the newest commit, including the caller's own. */
  PulseDb              *writer;
  PulseStmt            *stmts[PULSE_CACHE_N_STMTS];
  GMutex                readers_lock;
  GPtrArray            *idle_readers;

  GMutex                gate_lock;
  GCond                 gate_cond;
  GThread              *gate_owner;

  /* Which messages the writer knows stored (pulse-cache-messages.c):
   * ticket id → GPtrArray of message ids in `ord` order, as committed;
   * `staged_messages` what the open batch wrote (NULL: not known). */
  GHashTable           *known_messages;
  GHashTable           *staged_messages;
  gboolean              staged_forget_all;
  gint64                data_version;

  char                 *path;
  char                 *server_url;
  PulseCacheOpenStatus  open_status;
  char                 *moved_aside_path;
  int                   outbox_left_behind;
};

/* Shared by pulse-cache-batch.c and pulse-cache-batch-items.c. */
struct _PulseCacheBatch
{
  PulseCache *cache;
  GError     *failure;
  gboolean    finished;
  guint       n_stale;

  gboolean    has_seq;
  gint64      seq;
  gboolean    has_last_event_at;
  gint64      last_event_at;
  char       *server_version;
  gint64      snapshot_at;
};

/* One read statement with a reader connection to itself; clear it (or
 * let g_auto do it) to give the connection back. */
typedef struct
{
  PulseCache *cache;
  PulseDb    *db;
  PulseStmt  *stmt;
} PulseCacheRead;

gboolean            _pulse_cache_read_begin       (PulseCache      *self,
                                                   PulseCacheRead  *read,
                                                   const char      *sql,
                                                   GError         **error);
gboolean            _pulse_cache_read_step        (PulseCacheRead  *read,
                                                   gboolean        *has_row,
                                                   GError         **error);
void                _pulse_cache_read_clear       (PulseCacheRead  *read);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseCacheRead, _pulse_cache_read_clear)

/* What pulse-cache-file.c finds in a file before it is opened for use. */
typedef enum
{
  PULSE_CACHE_PROBE_ABSENT,
  PULSE_CACHE_PROBE_GOOD,
  PULSE_CACHE_PROBE_CORRUPT,
  PULSE_CACHE_PROBE_OLD_SCHEMA,
  PULSE_CACHE_PROBE_NEW_SCHEMA,
  PULSE_CACHE_PROBE_OTHER_SERVER,
} PulseCacheProbe;

const char * const *_pulse_cache_get_migrations     (void);
gboolean            _pulse_cache_probe              (const char       *path,
                                                     const char       *server_url,
                                                     PulseCacheProbe  *probe,
                                                     GError          **error);
char               *_pulse_cache_move_aside         (const char       *path,
                                                     PulseCacheProbe   probe,
                                                     GError          **error);
int                 _pulse_cache_salvage_outbox     (PulseCache       *self,
                                                     const char       *aside_path,
                                                     gboolean          carry_over);
gboolean            _pulse_cache_create_file        (const char       *path,
                                                     GError          **error);
void                _pulse_cache_mark_damaged       (const char       *path,
                                                     const char       *reason);

gboolean            _pulse_cache_acquire_writer     (PulseCache       *self,
                                                     GError          **error);
void                _pulse_cache_release_writer     (PulseCache       *self);
PulseStmt          *_pulse_cache_get_stmt           (PulseCache       *self,
                                                     PulseCacheStmt    which,
                                                     GError          **error);
gboolean            _pulse_cache_run                (PulseCache       *self,
                                                     PulseStmt        *stmt,
                                                     gint64           *changes,
                                                     GError          **error);
GPtrArray          *_pulse_cache_collect_json       (PulseCacheRead   *read,
                                                     int               column,
                                                     GError          **error);
gboolean            _pulse_cache_check_text         (const char       *what,
                                                     const char       *value,
                                                     gsize             max_length,
                                                     GError          **error);

char               *_pulse_cache_json_to_string    (JsonNode         *node,
                                                     gsize            *length);
JsonArray          *_pulse_cache_ticket_to_strings (JsonNode         *ticket,
                                                     char            **head,
                                                     gsize            *head_length,
                                                     char            **tail,
                                                     gsize            *tail_length);
gboolean            _pulse_cache_put_messages      (PulseCache       *self,
                                                     const char       *ticket_id,
                                                     JsonArray        *messages,
                                                     GError          **error);
void                _pulse_cache_messages_init     (PulseCache       *self);
void                _pulse_cache_messages_free     (PulseCache       *self);
gboolean            _pulse_cache_messages_begin    (PulseCache       *self,
                                                     GError          **error);
void                _pulse_cache_messages_forget   (PulseCache       *self,
                                                     const char       *ticket_id);
void                _pulse_cache_messages_end      (PulseCache       *self,
                                                     gboolean          committed);
gboolean            _pulse_cache_batch_fail         (PulseCacheBatch  *self,
                                                     GError           *error,
                                                     GError          **out);
gboolean            _pulse_cache_batch_check_usable (PulseCacheBatch  *self,
                                                     GError          **error);

/* A ticket's text as stored: its body, with its messages between body
 * and tail (pulse-cache-file.c, schema 2); `t` is the ticket table. The
 * messages come in `ord` order, the order of the primary key the
 * subquery walks. */
#define PULSE_CACHE_TICKET_BODY_SQL \
  "CASE WHEN t.tail IS NULL THEN t.body ELSE t.body ||" \
  " coalesce ((SELECT group_concat (m.body, ',') FROM" \
  "   (SELECT body FROM message WHERE ticket_id = t.id ORDER BY ord) AS m), '')" \
  " || t.tail END"

G_END_DECLS
