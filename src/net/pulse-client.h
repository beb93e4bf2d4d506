/* pulse-client.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pulse-types.h"

G_BEGIN_DECLS

#define PULSE_CLIENT_ERROR (pulse_client_error_quark ())

/**
 * PulseClientError:
 * @PULSE_CLIENT_ERROR_HTTP: the server answered with an unexpected status
 * @PULSE_CLIENT_ERROR_UNAUTHORIZED: the token is missing, wrong or lacks the role
 * @PULSE_CLIENT_ERROR_NOT_FOUND: no such item or endpoint
 * @PULSE_CLIENT_ERROR_PROTOCOL: the answer does not follow protocol v1
 * @PULSE_CLIENT_ERROR_OFFLINE: the server could not be reached
 * @PULSE_CLIENT_ERROR_INSECURE: the URL would send the token in clear text
 */
typedef enum
{
  PULSE_CLIENT_ERROR_HTTP = 1,
  PULSE_CLIENT_ERROR_UNAUTHORIZED,
  PULSE_CLIENT_ERROR_NOT_FOUND,
  PULSE_CLIENT_ERROR_PROTOCOL,
  PULSE_CLIENT_ERROR_OFFLINE,
  PULSE_CLIENT_ERROR_INSECURE,
} PulseClientError;

#define PULSE_TYPE_CLIENT (pulse_client_get_type ())

/* For the event stream, without making every includer see libsoup. */
typedef struct _SoupMessage SoupMessage;
typedef struct _SoupSession SoupSession;

G_DECLARE_FINAL_TYPE (PulseClient, pulse_client, PULSE, CLIENT, GObject)

GQuark       pulse_client_error_quark        (void);
gboolean     pulse_client_host_is_loopback   (const char           *host);
gboolean     pulse_client_check_url          (const char           *url,
                                              gboolean              allow_insecure_http,
                                              GError              **error);
PulseClient *pulse_client_new                (const char           *base_url,
                                              const char           *token);
const char  *pulse_client_get_base_url       (PulseClient          *self);
void         pulse_client_get_json_async     (PulseClient          *self,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
JsonNode    *pulse_client_get_json_finish    (PulseClient          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void         pulse_client_get_health_async   (PulseClient          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
char        *pulse_client_get_health_finish  (PulseClient          *self,
                                              GAsyncResult         *result,
                                              gint64               *seq,
                                              GError              **error);

void         pulse_client_get_whoami_async   (PulseClient          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     pulse_client_get_whoami_finish  (PulseClient          *self,
                                              GAsyncResult         *result,
                                              char                **user,
                                              PulseRole            *role,
                                              GError              **error);
gboolean     pulse_client_has_token          (PulseClient          *self);

void         pulse_client_send_json_async    (PulseClient          *self,
                                              const char           *method,
                                              const char           *path,
                                              JsonNode             *body,
                                              const char           *if_match,
                                              const char           *idempotency_key,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     pulse_client_send_json_finish   (PulseClient          *self,
                                              GAsyncResult         *result,
                                              guint                *status,
                                              JsonNode            **answer,
                                              guint                *retry_after,
                                              gboolean             *replayed,
                                              GError              **error);

SoupSession *pulse_client_get_soup           (PulseClient          *self);
SoupMessage *pulse_client_new_events_message (PulseClient          *self,
                                              gint64                since);
GError      *pulse_client_error_from_status  (guint                 status,
                                              const char           *path);

G_END_DECLS
