/* pulse-cache-batch.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-cache.h"

G_BEGIN_DECLS

/**
 * PulseCacheReplaceFlags:
 * @PULSE_CACHE_REPLACE_ENTITIES: drop every entity of every kind
 * @PULSE_CACHE_REPLACE_TICKETS: drop every ticket, history included
 * @PULSE_CACHE_REPLACE_OPEN_TICKETS: drop only the open tickets (a snapshot
 *   carries what is open now; closed history stays)
 *
 * What a replacing batch removes before its puts, in the same transaction.
 */
typedef enum
{
  PULSE_CACHE_REPLACE_ENTITIES     = 1 << 0,
  PULSE_CACHE_REPLACE_TICKETS      = 1 << 1,
  PULSE_CACHE_REPLACE_OPEN_TICKETS = 1 << 2,
} PulseCacheReplaceFlags;

#define PULSE_CACHE_REPLACE_ALL (PULSE_CACHE_REPLACE_ENTITIES | PULSE_CACHE_REPLACE_TICKETS)

typedef struct _PulseCacheBatch PulseCacheBatch;

PulseCacheBatch *pulse_cache_batch_begin              (PulseCache              *cache,
                                                       GError                 **error);
PulseCacheBatch *pulse_cache_batch_begin_replace      (PulseCache              *cache,
                                                       PulseCacheReplaceFlags   flags,
                                                       gint64                   snapshot_at,
                                                       GError                 **error);
gboolean         pulse_cache_batch_put_entity         (PulseCacheBatch         *self,
                                                       const char              *kind,
                                                       const char              *id,
                                                       gint64                   version,
                                                       JsonNode                *body,
                                                       gboolean                *applied,
                                                       GError                 **error);
gboolean         pulse_cache_batch_delete_entity      (PulseCacheBatch         *self,
                                                       const char              *kind,
                                                       const char              *id,
                                                       gint64                   version,
                                                       gboolean                *applied,
                                                       GError                 **error);
gboolean         pulse_cache_batch_put_ticket         (PulseCacheBatch         *self,
                                                       JsonNode                *ticket,
                                                       gboolean                *applied,
                                                       GError                 **error);
gboolean         pulse_cache_batch_delete_ticket      (PulseCacheBatch         *self,
                                                       const char              *id,
                                                       gint64                   version,
                                                       gboolean                *applied,
                                                       GError                 **error);
void             pulse_cache_batch_set_seq            (PulseCacheBatch         *self,
                                                       gint64                   seq);
void             pulse_cache_batch_set_last_event_at  (PulseCacheBatch         *self,
                                                       gint64                   at);
void             pulse_cache_batch_set_server_version (PulseCacheBatch         *self,
                                                       const char              *version);
guint            pulse_cache_batch_get_n_stale        (PulseCacheBatch         *self);
gboolean         pulse_cache_batch_commit             (PulseCacheBatch         *self,
                                                       GError                 **error);
void             pulse_cache_batch_free               (PulseCacheBatch         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseCacheBatch, pulse_cache_batch_free)

G_END_DECLS
