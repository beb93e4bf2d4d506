/* pulse-cache.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-db.h"

G_BEGIN_DECLS

/* History older than this is pruned (DESIGN.md: a 90-day history). */
#define PULSE_CACHE_HISTORY_DAYS 90

/**
 * PulseCacheOpenStatus:
 * @PULSE_CACHE_CREATED: there was no cache yet (or an empty file)
 * @PULSE_CACHE_OPENED: the existing cache was intact and is used as is
 * @PULSE_CACHE_REBUILT_CORRUPT: the file was not a database or failed
 *   `PRAGMA quick_check`; it was moved aside and a fresh one made
 * @PULSE_CACHE_REBUILT_OLD_SCHEMA: the file had an older cache schema
 * @PULSE_CACHE_REBUILT_NEW_SCHEMA: the file came from a newer Pulse
 * @PULSE_CACHE_REBUILT_OTHER_SERVER: the file belonged to another server URL
 *
 * What pulse_cache_open() found. Every `REBUILT` case means "cache
 * rebuilt": the state must come from the server again.
 */
typedef enum
{
  PULSE_CACHE_CREATED,
  PULSE_CACHE_OPENED,
  PULSE_CACHE_REBUILT_CORRUPT,
  PULSE_CACHE_REBUILT_OLD_SCHEMA,
  PULSE_CACHE_REBUILT_NEW_SCHEMA,
  PULSE_CACHE_REBUILT_OTHER_SERVER,
} PulseCacheOpenStatus;

/**
 * PulseCacheMeta:
 * @server_url: the server the cache belongs to
 * @seq: the last event applied (0 before the first snapshot)
 * @snapshot_at: when the last full snapshot was stored (µs, 0 never)
 * @last_event_at: the time of the last event applied (µs, 0 none)
 * @server_version: (nullable): the server's version string
 */
typedef struct
{
  char   *server_url;
  gint64  seq;
  gint64  snapshot_at;
  gint64  last_event_at;
  char   *server_version;
} PulseCacheMeta;

/**
 * PulseCacheCounts:
 *
 * Row counts read in one statement, so they are consistent with each other.
 */
typedef struct
{
  gint64 entities;
  gint64 tickets;
  gint64 open_tickets;
  gint64 outbox_pending;
  gint64 outbox_held;
} PulseCacheCounts;

/**
 * PulseCacheCursor:
 * @created_at: creation time of the last ticket returned
 * @id: (nullable): id of the last ticket returned; %NULL before the first page
 *
 * A keyset position in (created_at, id) order, for paging history.
 */
typedef struct
{
  gint64  created_at;
  char   *id;
} PulseCacheCursor;

#define PULSE_CACHE_CURSOR_INIT { 0, NULL }

#define PULSE_TYPE_CACHE (pulse_cache_get_type ())

G_DECLARE_FINAL_TYPE (PulseCache, pulse_cache, PULSE, CACHE, GObject)

char                *pulse_cache_default_path           (const char        *server_url);
PulseCache          *pulse_cache_open                   (const char        *path,
                                                         const char        *server_url,
                                                         GError           **error);
const char          *pulse_cache_get_path               (PulseCache        *self);
const char          *pulse_cache_get_server_url         (PulseCache        *self);
PulseCacheOpenStatus pulse_cache_get_open_status        (PulseCache        *self);
gboolean             pulse_cache_was_rebuilt            (PulseCache        *self);
const char          *pulse_cache_get_moved_aside_path   (PulseCache        *self);
int                  pulse_cache_get_outbox_left_behind (PulseCache        *self);

gboolean             pulse_cache_read_meta              (PulseCache        *self,
                                                         PulseCacheMeta    *meta,
                                                         GError           **error);
gboolean             pulse_cache_get_counts             (PulseCache        *self,
                                                         PulseCacheCounts  *counts,
                                                         GError           **error);
GPtrArray           *pulse_cache_list_entities          (PulseCache        *self,
                                                         const char        *kind,
                                                         GError           **error);
JsonNode            *pulse_cache_get_entity             (PulseCache        *self,
                                                         const char        *kind,
                                                         const char        *id,
                                                         GError           **error);
gint64               pulse_cache_count_entities         (PulseCache        *self,
                                                         const char        *kind,
                                                         GError           **error);
JsonNode            *pulse_cache_get_ticket             (PulseCache        *self,
                                                         const char        *id,
                                                         GError           **error);
GPtrArray           *pulse_cache_get_tickets            (PulseCache        *self,
                                                         const char * const *ids,
                                                         GError           **error);
GPtrArray           *pulse_cache_list_open_tickets      (PulseCache        *self,
                                                         GError           **error);
GPtrArray           *pulse_cache_list_open_tickets_part (PulseCache        *self,
                                                         guint              part,
                                                         guint              n_parts,
                                                         GError           **error);
GPtrArray           *pulse_cache_list_tickets           (PulseCache        *self,
                                                         gint64             from,
                                                         gint64             to,
                                                         PulseCacheCursor  *cursor,
                                                         guint              limit,
                                                         GError           **error);
gint64               pulse_cache_count_tickets          (PulseCache        *self,
                                                         gint64             from,
                                                         gint64             to,
                                                         GError           **error);
gint64               pulse_cache_prune_tickets_before   (PulseCache        *self,
                                                         gint64             before,
                                                         GError           **error);
gboolean             pulse_cache_quick_check            (PulseCache        *self,
                                                         GError           **error);

void                 pulse_cache_meta_clear             (PulseCacheMeta    *meta);
void                 pulse_cache_cursor_clear           (PulseCacheCursor  *cursor);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseCacheMeta, pulse_cache_meta_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PulseCacheCursor, pulse_cache_cursor_clear)

G_END_DECLS
