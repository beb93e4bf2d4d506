/* bench-ui-observer.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchObserver BenchObserver;

BenchObserver *bench_observer_start       (const char    *url,
                                           const char    *token,
                                           gint64         since,
                                           guint          max_tickets);
gboolean       bench_observer_get_times   (BenchObserver *self,
                                           guint          n,
                                           gint64        *received,
                                           gint64        *stamped);
guint          bench_observer_get_n_seen  (BenchObserver *self);
void           bench_observer_stop        (BenchObserver *self);

G_END_DECLS
