/* pulse-sync.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-cache.h"
#include "pulse-client.h"
#include "pulse-state.h"
#include "pulse-types.h"

G_BEGIN_DECLS

/* Tickets per history page (`GET /api/v1/tickets?limit=`). PulseClient
 * parses answers in a worker and the cache writer stores them in
 * another, so the main loop only reads a page's envelope; 500 tickets of
 * five messages are about 1 MB, and fewer requests reach the present
 * sooner. */
#define PULSE_SYNC_HISTORY_PAGE_SIZE 500

#define PULSE_TYPE_SYNC (pulse_sync_get_type ())

G_DECLARE_FINAL_TYPE (PulseSync, pulse_sync, PULSE, SYNC, GObject)

PulseSync            *pulse_sync_new                    (PulseClient          *client,
                                                         const char           *cache_path);
void                  pulse_sync_start                  (PulseSync            *self);
void                  pulse_sync_stop                   (PulseSync            *self);
void                  pulse_sync_flush_async            (PulseSync            *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              pulse_sync_flush_finish           (PulseSync            *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

PulseClient          *pulse_sync_get_client             (PulseSync            *self);
const char           *pulse_sync_get_cache_path         (PulseSync            *self);
PulseCache           *pulse_sync_get_cache              (PulseSync            *self);
PulseState           *pulse_sync_get_state_snapshot     (PulseSync            *self);
PulseConnectionState  pulse_sync_get_state              (PulseSync            *self);
gboolean              pulse_sync_get_is_live            (PulseSync            *self);
gint64                pulse_sync_get_seq                (PulseSync            *self);
gint64                pulse_sync_get_last_event_at      (PulseSync            *self);
gboolean              pulse_sync_get_cache_rebuilt      (PulseSync            *self);
gboolean              pulse_sync_get_history_complete   (PulseSync            *self);
gboolean              pulse_sync_get_loading            (PulseSync            *self);
guint                 pulse_sync_get_n_missing          (PulseSync            *self);
const GError         *pulse_sync_get_cache_error        (PulseSync            *self);
const char           *pulse_sync_kind_to_cache_kind     (PulseStateKind        kind);

void                  pulse_sync_set_timing             (PulseSync            *self,
                                                         guint                 backoff_base_ms,
                                                         guint                 backoff_cap_ms,
                                                         guint                 offline_delay_ms);
void                  pulse_sync_set_history_page_size  (PulseSync            *self,
                                                         guint                 page_size);

G_END_DECLS
