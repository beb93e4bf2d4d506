/* pulse-rt-fetch.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One batch's reads from RT, in sequence on the main loop: the current
 * state of each ticket the batch names, the text of each Create and
 * Correspond, and each queue not met before; then the mapped items for
 * pulse_rt_commit().
 */

#pragma once

#include "pulse-rt-client.h"
#include "pulse-rt-commit.h"
#include "pulse-rt-map.h"

G_BEGIN_DECLS

void     pulse_rt_fetch_async  (PulseRtClient            *client,
                                const PulseRtMapOptions  *options,
                                GHashTable               *queue_cache,
                                GArray                   *tickets,
                                GPtrArray                *txns,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data);
gboolean pulse_rt_fetch_finish (GAsyncResult             *result,
                                PulseRtBatch             *batch,
                                GError                  **error);
void     pulse_rt_batch_clear  (PulseRtBatch             *batch);
char    *pulse_rt_query_path   (const char               *collection,
                                const char               *query,
                                const char               *rest);

G_END_DECLS
