/* bench-sync-data.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What bench-sync.c feeds the sync engine: the managed items of a
 * 150-agent centre, tickets of about 1 KB, and a stream of ingest events
 * as the server sends them (docs/protocol.md, "Ingest events"), each
 * consistent with the one before (versions one apart, time moving on).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pulse-cache-batch.h"
#include "pulse-state.h"

G_BEGIN_DECLS

/* A closed port on loopback: the app pointed at it starts offline
 * (bench-sync-app.c). */
#define BENCH_URL    "http://127.0.0.1:9"
#define BENCH_DAY    (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define BENCH_N_OPEN 5000

/* The tickets a stream of events works on; opaque. */
typedef struct _BenchStream BenchStream;

char        *bench_format_time         (gint64        usec);
char        *bench_ticket_json         (const char   *id,
                                        guint         n,
                                        gint64        version,
                                        gint64        created,
                                        const char   *status,
                                        guint         n_messages);
JsonNode    *bench_snapshot            (gint64        seq,
                                        gint64        now);
guint        bench_write_entities      (PulseCacheBatch *batch);
void         bench_write_open_tickets  (PulseCacheBatch *batch,
                                        gint64        now);

BenchStream *bench_stream_new          (gint64        seq,
                                        gint64        now,
                                        guint32       seed);
char        *bench_stream_next         (BenchStream  *self,
                                        const char  **type);
void         bench_stream_free         (BenchStream  *self);

void         bench_sort_runs           (double       *values,
                                        guint         n);

/* bench-sync.c */
guint        bench_env_size            (const char   *name,
                                        guint         fallback);
void         bench_remove_dir          (const char   *dir);
GPtrArray   *bench_new_lists           (PulseState   *state);

/* bench-sync-cold.c */
void         bench_cold_start          (void);
int          bench_cold_load           (const char   *path);

/* bench-sync-app.c */
void         bench_app_first_frame     (const char   *cache_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchStream, bench_stream_free)

G_END_DECLS
