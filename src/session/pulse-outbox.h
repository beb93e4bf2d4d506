/* pulse-outbox.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-cache-outbox.h"
#include "pulse-client.h"

G_BEGIN_DECLS

#define PULSE_TYPE_OUTBOX (pulse_outbox_get_type ())

G_DECLARE_FINAL_TYPE (PulseOutbox, pulse_outbox, PULSE, OUTBOX, GObject)

PulseOutbox      *pulse_outbox_new                        (PulseClient          *client,
                                                           PulseCache           *cache);
void              pulse_outbox_submit_async               (PulseOutbox          *self,
                                                           const char           *method,
                                                           const char           *kind,
                                                           const char           *id,
                                                           gint64                base_version,
                                                           JsonNode             *body,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gint64            pulse_outbox_submit_finish              (PulseOutbox          *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              pulse_outbox_set_online                 (PulseOutbox          *self,
                                                           gboolean              online);
gboolean          pulse_outbox_get_online                 (PulseOutbox          *self);
void              pulse_outbox_kick                       (PulseOutbox          *self);
void              pulse_outbox_set_retry_delays           (PulseOutbox          *self,
                                                           guint                 base_ms,
                                                           guint                 cap_ms);

void              pulse_outbox_resolve_keep_mine_async    (PulseOutbox          *self,
                                                           gint64                entry_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void              pulse_outbox_resolve_take_theirs_async  (PulseOutbox          *self,
                                                           gint64                entry_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void              pulse_outbox_discard_async              (PulseOutbox          *self,
                                                           gint64                entry_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          pulse_outbox_resolve_finish             (PulseOutbox          *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

GPtrArray        *pulse_outbox_dup_entries                (PulseOutbox          *self);
PulseOutboxEntry *pulse_outbox_dup_entry                  (PulseOutbox          *self,
                                                           gint64                entry_id);
gboolean          pulse_outbox_get_loaded                 (PulseOutbox          *self);
gint64            pulse_outbox_get_sending                (PulseOutbox          *self);
guint             pulse_outbox_get_n_pending              (PulseOutbox          *self);
guint             pulse_outbox_get_n_failed               (PulseOutbox          *self);
guint             pulse_outbox_get_n_conflicts            (PulseOutbox          *self);
guint             pulse_outbox_get_n_rejected             (PulseOutbox          *self);

G_END_DECLS
