/* bench-soak.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-soak.c's load (bench-soak-load.c): a feeder thread that ingests
 * at a steady rate over HTTP, and groups of WebSocket clients, each on a
 * thread of its own, that count what they receive and the latency of
 * each event that carries a send time.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SoakFeeder SoakFeeder;
typedef struct _SoakClients SoakClients;

SoakFeeder  *soak_feeder_new             (const char  *url,
                                          const char  *token,
                                          guint        rate);
void         soak_feeder_post_directory  (SoakFeeder  *self,
                                          const char  *json);
void         soak_feeder_start           (SoakFeeder  *self);
void         soak_feeder_stop            (SoakFeeder  *self);
gint64       soak_feeder_get_events      (SoakFeeder  *self);
guint        soak_feeder_get_failed      (SoakFeeder  *self);
void         soak_feeder_free            (SoakFeeder  *self);

SoakClients *soak_clients_start          (const char  *url,
                                          const char  *token,
                                          guint        n_clients);
gint64       soak_clients_take           (SoakClients *self,
                                          GArray      *latencies);
guint        soak_clients_get_closed     (SoakClients *self);
void         soak_clients_stop           (SoakClients *self);

G_END_DECLS
