/* pulse-test-fixture.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-test-fixture.h"

void
pulse_test_fixture_set_up (PulseTestFixture *fixture,
                           gconstpointer     data)
{
  fixture->ts = pulse_test_server_new ();
  fixture->db = fixture->ts->db;
  fixture->server = fixture->ts->server;
  fixture->head = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_HEAD);
  fixture->lead = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_LEAD);
  fixture->viewer = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_VIEWER);
  fixture->integration = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_INTEGRATION);
}

void
pulse_test_fixture_tear_down (PulseTestFixture *fixture,
                              gconstpointer     data)
{
  g_clear_pointer (&fixture->ts, pulse_test_server_free);
}

/**
 * pulse_test_fixture_request:
 * @token: (nullable): the bearer token
 * @body: (nullable): the request body
 *
 * Sends a request and checks the answer's status.
 *
 * Returns: (transfer full): the JSON answer.
 */
JsonNode *
pulse_test_fixture_request (PulseTestFixture *fixture,
                            const char       *method,
                            const char       *path,
                            const char       *token,
                            const char       *body,
                            guint             expected_status)
{
  g_autoptr(PulseTestResponse) response = NULL;

  response = pulse_test_server_request (fixture->ts, method, path, token, body, NULL);
  if (response->status != expected_status)
    {
      g_autofree char *text = json_to_string (response->body, FALSE);

      g_test_message ("%s %s answered %s", method, path, text);
    }
  g_assert_cmpuint (response->status, ==, expected_status);
  return json_node_ref (response->body);
}

gint64
pulse_test_fixture_last_seq (PulseTestFixture *fixture)
{
  return pulse_event_log_get_last_seq (pulse_server_get_event_log (fixture->server));
}

/**
 * pulse_test_fixture_events_since:
 *
 * Returns: (transfer full) (element-type JsonNode): the events in the
 *   server's log after @since, in their wire form.
 */
GPtrArray *
pulse_test_fixture_events_since (PulseTestFixture *fixture,
                                 gint64            since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = pulse_event_log_read_since (pulse_server_get_event_log (fixture->server),
                                                  since, G_MAXUINT, &error);

  g_assert_no_error (error);
  return events;
}

/**
 * pulse_test_assert_error:
 * @message_part: (nullable): a fragment the message must contain
 *
 * Checks an error answer: `{"error":{"code","message"}}`.
 */
void
pulse_test_assert_error (JsonNode   *node,
                         const char *code,
                         const char *message_part)
{
  JsonObject *error = json_object_get_object_member (json_node_get_object (node), "error");
  const char *message;

  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  message = json_object_get_string_member (error, "message");
  g_assert_nonnull (message);
  if (message_part == NULL)
    return;
  if (strstr (message, message_part) == NULL)
    g_test_message ("“%s” lacks “%s”", message, message_part);
  g_assert_nonnull (strstr (message, message_part));
}
