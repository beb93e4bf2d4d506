/* pulse-session-items.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-session.h"

G_BEGIN_DECLS

gboolean   pulse_session_can_edit            (PulseSession         *self,
                                              const char           *kind);
void       pulse_session_save_item_async     (PulseSession         *self,
                                              const char           *kind,
                                              JsonNode             *item,
                                              gint64                base_version,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gint64     pulse_session_save_item_finish    (PulseSession         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void       pulse_session_delete_item_async   (PulseSession         *self,
                                              const char           *kind,
                                              const char           *id,
                                              gint64                base_version,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gint64     pulse_session_delete_item_finish  (PulseSession         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void       pulse_session_fetch_audit_async   (PulseSession         *self,
                                              const char           *kind,
                                              const char           *id,
                                              guint                 limit,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
JsonArray *pulse_session_fetch_audit_finish  (PulseSession         *self,
                                              GAsyncResult         *result,
                                              GError              **error);

void       pulse_session_get_json_async      (PulseSession         *self,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
JsonNode  *pulse_session_get_json_finish     (PulseSession         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void       pulse_session_post_json_async     (PulseSession         *self,
                                              const char           *path,
                                              JsonNode             *body,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
JsonNode  *pulse_session_post_json_finish    (PulseSession         *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
