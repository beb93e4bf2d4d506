/* pulse-test-fixture.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A g_test_add() fixture over PulseTestServer for tests that check one
 * status per request and read the server's event log directly.
 */

#pragma once

#include "pulse-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  PulseTestServer *ts;
  PulseDb         *db;
  PulseServer     *server;
  /* Tokens of the roles these tests use (borrowed from @ts). */
  const char      *head;
  const char      *lead;
  const char      *viewer;
  const char      *integration;
} PulseTestFixture;

void       pulse_test_fixture_set_up        (PulseTestFixture *fixture,
                                             gconstpointer     data);
void       pulse_test_fixture_tear_down     (PulseTestFixture *fixture,
                                             gconstpointer     data);
JsonNode  *pulse_test_fixture_request       (PulseTestFixture *fixture,
                                             const char       *method,
                                             const char       *path,
                                             const char       *token,
                                             const char       *body,
                                             guint             expected_status);
gint64     pulse_test_fixture_last_seq      (PulseTestFixture *fixture);
GPtrArray *pulse_test_fixture_events_since  (PulseTestFixture *fixture,
                                             gint64            since);
void       pulse_test_assert_error          (JsonNode         *node,
                                             const char       *code,
                                             const char       *message_part);

G_END_DECLS
