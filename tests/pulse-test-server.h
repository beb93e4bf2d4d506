/* pulse-test-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real server in-process on 127.0.0.1 port 0 for server tests, with a
 * token per role and a request helper.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pulse-server.h"
#include "pulse-token-store.h"

G_BEGIN_DECLS

typedef struct
{
  PulseDb         *db;
  PulseTokenStore *tokens;
  PulseServer     *server;
  SoupSession     *soup;
  char            *url;
  /* One token per role, made at set-up. */
  char            *head;
  char            *lead;
  char            *viewer;
  char            *integration;
} PulseTestServer;

void       pulse_test_server_set_up         (PulseTestServer *fixture,
                                             gconstpointer    data);
void       pulse_test_server_tear_down      (PulseTestServer *fixture,
                                             gconstpointer    data);
JsonNode  *pulse_test_server_request        (PulseTestServer *fixture,
                                             const char      *method,
                                             const char      *path,
                                             const char      *token,
                                             const char      *body,
                                             guint            expected_status);
gint64     pulse_test_server_last_seq       (PulseTestServer *fixture);
GPtrArray *pulse_test_server_events_since   (PulseTestServer *fixture,
                                             gint64           since);
void       pulse_test_assert_error          (JsonNode        *node,
                                             const char      *code,
                                             const char      *message_part);

G_END_DECLS
