/* pulse-test-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An in-process pulse-server on 127.0.0.1 port 0 with a token per role,
 * and a blocking-looking request helper that iterates the shared main
 * context (client and server live in one thread: async calls only).
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pulse-server.h"
#include "pulse-token-store.h"
#include "pulse-types.h"

G_BEGIN_DECLS

typedef struct
{
  PulseDb         *db;
  PulseTokenStore *tokens;
  PulseServer     *server;
  SoupSession     *soup;
  char            *url;
  char            *role_tokens[PULSE_ROLE_INTEGRATION + 1];
} PulseTestServer;

typedef struct
{
  guint               status;
  JsonNode           *body;
  SoupMessageHeaders *headers;
} PulseTestResponse;

PulseTestServer   *pulse_test_server_new          (void);
void               pulse_test_server_free         (PulseTestServer   *self);
const char        *pulse_test_server_get_token    (PulseTestServer   *self,
                                                   PulseRole          role);
PulseTestResponse *pulse_test_server_request      (PulseTestServer   *self,
                                                   const char        *method,
                                                   const char        *path,
                                                   const char        *token,
                                                   const char        *body,
                                                   ...) G_GNUC_NULL_TERMINATED;
PulseTestResponse *pulse_test_server_request_raw  (PulseTestServer   *self,
                                                   const char        *method,
                                                   const char        *path,
                                                   const char        *token,
                                                   GBytes            *body,
                                                   const char * const *headers);
void               pulse_test_response_free       (PulseTestResponse *response);
void               pulse_test_set_json_body       (SoupMessage       *msg,
                                                   GBytes            *body);
const char        *pulse_test_response_error_code (PulseTestResponse *response);
JsonObject        *pulse_test_response_object     (PulseTestResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestServer, pulse_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestResponse, pulse_test_response_free)

G_END_DECLS
