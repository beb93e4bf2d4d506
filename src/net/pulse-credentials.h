/* pulse-credentials.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      pulse_credentials_store_async   (const char           *server_url,
                                           const char           *token,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  pulse_credentials_store_finish  (GAsyncResult         *result,
                                           GError              **error);
void      pulse_credentials_lookup_async  (const char           *server_url,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char     *pulse_credentials_lookup_finish (GAsyncResult         *result,
                                           GError              **error);
void      pulse_credentials_clear_async   (const char           *server_url,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  pulse_credentials_clear_finish  (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
