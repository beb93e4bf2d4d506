/* pulse-rt-client.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asynchronous GETs on Request Tracker's REST 2 API. With a password it
 * logs in once (POST /NoAuth/Login.html) and keeps the session cookie:
 * RT checks a password with bcrypt on every basic-auth request (about
 * 230 ms), a cookie costs a few ms. A stale session answers 302 or 401;
 * the client logs in again and retries once. With a token it sends
 * `Authorization: token …` on each request. The secret is never logged.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_RT_CLIENT (pulse_rt_client_get_type ())
G_DECLARE_FINAL_TYPE (PulseRtClient, pulse_rt_client, PULSE, RT_CLIENT, GObject)

PulseRtClient *pulse_rt_client_new        (const char           *url,
                                           const char           *user,
                                           const char           *secret,
                                           gboolean              secret_is_token);
void           pulse_rt_client_get_async  (PulseRtClient        *self,
                                           const char           *path,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
JsonNode      *pulse_rt_client_get_finish (PulseRtClient        *self,
                                           GAsyncResult         *result,
                                           GError              **error);
guint          pulse_rt_client_get_logins (PulseRtClient        *self);
const char    *pulse_rt_client_get_user   (PulseRtClient        *self);

G_END_DECLS
