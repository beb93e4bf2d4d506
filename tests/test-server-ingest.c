/* test-server-ingest.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticket, message and rating ingest against a real server, and what every
 * ingest endpoint shares: batches, limits, roles.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-server-http.h"
#include "pulse-test-fixture.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/ingest/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

static char *
message_json (const char *id,
              const char *at)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"author_kind\":\"customer\",\"author_id\":\"cust-42\","
                          "\"at\":\"2026-11-20T%s\",\"body\":\"Моя картка заблокована\"}", id, at);
}

/* A chat ticket created at 09:30:00; @messages is the inside of its array. */
static char *
ticket_json (const char *id,
             const char *status,
             const char *updated_at,
             const char *messages)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q-ua-chat\",\"channel\":\"chat\","
                          "\"subject\":\"Картку заблоковано\",\"customer_id\":\"cust-42\","
                          "\"status\":\"%s\",\"created_at\":\"2026-11-20T09:30:00Z\","
                          "\"updated_at\":\"2026-11-20T%s\",\"messages\":[%s]}",
                          id, status, updated_at, messages);
}

/* Posts @body and checks the answer counts. */
static void
post (Fixture    *fixture,
      const char *endpoint,
      const char *body,
      gint64      received,
      gint64      events)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  gint64 before = pulse_test_fixture_last_seq (fixture);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, 200);
  JsonObject *object = json_node_get_object (answer);

  g_assert_cmpint (json_object_get_int_member (object, "received"), ==, received);
  g_assert_cmpint (json_object_get_int_member (object, "events"), ==, events);
  g_assert_cmpint (json_object_get_int_member (object, "seq"), ==, before + events);
  g_assert_cmpint (pulse_test_fixture_last_seq (fixture), ==, before + events);
}

/* Posts @body, expects it refused with @status, and nothing applied. */
static void
post_refused (Fixture    *fixture,
              const char *endpoint,
              const char *body,
              guint       status,
              const char *code,
              const char *message_part)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  gint64 before = pulse_test_fixture_last_seq (fixture);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, status);

  pulse_test_assert_error (answer, code, message_part);
  g_assert_cmpint (pulse_test_fixture_last_seq (fixture), ==, before);
}

static JsonObject *
get_ticket (Fixture    *fixture,
            const char *id,
            JsonNode  **node)
{
  g_autofree char *path = g_strconcat ("/api/v1/tickets/", id, NULL);

  *node = pulse_test_fixture_request (fixture, "GET", path, fixture->head, NULL, 200);
  return json_node_get_object (*node);
}

static JsonObject *
event_data (GPtrArray  *events,
            guint       index,
            const char *type)
{
  JsonObject *event = json_node_get_object (events->pdata[index]);

  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, type);
  return json_object_get_object_member (event, "data");
}

static void
assert_message_ids (JsonObject *ticket,
                    const char *expected)
{
  JsonArray *messages = json_object_get_array_member (ticket, "messages");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (messages); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (messages,
                                                                                         i),
                                                           "id"));
  g_assert_cmpstr (ids->str, ==, expected);
}

/* The ticket of most tests: t-1, new, updated 09:40, two messages. */
static void
create_t1 (Fixture *fixture)
{
  g_autofree char *m1 = message_json ("m-1", "09:30:00Z");
  g_autofree char *m2 = message_json ("m-2", "09:31:00Z");
  g_autofree char *messages = g_strconcat (m1, ",", m2, NULL);
  g_autofree char *body = ticket_json ("t-1", "new", "09:40:00Z", messages);

  post (fixture, "tickets", body, 1, 1);
}

static void
test_ticket_created (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *created, *ticket;

  create_t1 (fixture);

  events = pulse_test_fixture_events_since (fixture, 0);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (events->pdata[0]), "seq"),
                   ==, 1);
  created = event_data (events, 0, "ticket.created");
  g_assert_cmpstr (json_object_get_string_member (created, "id"), ==, "t-1");
  g_assert_cmpint (json_object_get_int_member (created, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (created, "updated_at"), ==,
                   "2026-11-20T09:40:00Z");
  g_assert_cmpstr (json_object_get_string_member (created, "priority"), ==, "normal");
  assert_message_ids (created, "m-1 m-2");

  /* What is served is what the event announced. */
  ticket = get_ticket (fixture, "t-1", &stored);
  g_assert_true (json_node_equal (stored, json_object_get_member (json_node_get_object (
                                                                    events->pdata[0]), "data")));
  g_assert_cmpint (json_object_get_int_member (ticket, "version"), ==, 1);
}

static void
test_ticket_retry_changes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *m1 = message_json ("m-1", "09:30:00Z");
  g_autofree char *m2 = message_json ("m-2", "09:31:00Z");
  g_autofree char *messages = g_strconcat (m1, ",", m2, NULL);
  g_autofree char *body = ticket_json ("t-1", "new", "09:40:00Z", messages);
  g_autofree char *with_version = g_strconcat ("{\"version\":99,", body + 1, NULL);
  g_autoptr(JsonNode) stored = NULL;

  create_t1 (fixture);
  post (fixture, "tickets", body, 1, 0);
  /* Versions are the server's; one sent by a bridge is ignored. */
  post (fixture, "tickets", with_version, 1, 0);
  g_assert_cmpint (json_object_get_int_member (get_ticket (fixture, "t-1", &stored), "version"),
                   ==, 1);
}

static void
test_ticket_updated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *m1 = message_json ("m-1", "09:30:00Z");
  g_autofree char *m2 = message_json ("m-2", "09:31:00Z");
  g_autofree char *m3 = message_json ("m-3", "09:44:00Z");
  g_autofree char *messages = g_strconcat (m1, ",", m2, ",", m3, NULL);
  g_autofree char *body = ticket_json ("t-1", "open", "09:45:00Z", messages);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *message, *header, *ticket;

  create_t1 (fixture);
  post (fixture, "tickets", body, 1, 2);

  /* The new message first, then the header with the final version. */
  events = pulse_test_fixture_events_since (fixture, 1);
  message = event_data (events, 0, "message.created");
  g_assert_cmpstr (json_object_get_string_member (message, "ticket_id"), ==, "t-1");
  g_assert_cmpint (json_object_get_int_member (message, "ticket_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (message, "ticket_updated_at"), ==,
                   "2026-11-20T09:44:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (message,
                                                                                 "message"),
                                                  "id"), ==, "m-3");
  header = event_data (events, 1, "ticket.updated");
  g_assert_cmpint (json_object_get_int_member (header, "version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (header, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (header, "updated_at"), ==,
                   "2026-11-20T09:45:00Z");
  g_assert_false (json_object_has_member (header, "messages"));
  g_assert_false (json_object_has_member (header, "ratings"));

  ticket = get_ticket (fixture, "t-1", &stored);
  g_assert_cmpint (json_object_get_int_member (ticket, "version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (ticket, "status"), ==, "open");
  assert_message_ids (ticket, "m-1 m-2 m-3");
}

static void
test_stale_ticket_keeps_header (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *late = message_json ("m-late", "09:30:30Z");
  g_autofree char *stale = ticket_json ("t-1", "closed", "09:39:00Z", late);
  g_autofree char *stale_again = ticket_json ("t-1", "abandoned", "09:35:00Z", "");
  g_autofree char *same_time = ticket_json ("t-1", "pending", "09:40:00Z", "");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *ticket;

  create_t1 (fixture);
  /* Older than what is stored: the header stays, the new message goes in
   * its place by time. */
  post (fixture, "tickets", stale, 1, 1);
  post (fixture, "tickets", stale_again, 1, 0);
  events = pulse_test_fixture_events_since (fixture, 1);
  g_assert_cmpint (json_object_get_int_member (event_data (events, 0, "message.created"),
                                               "ticket_version"), ==, 2);

  ticket = get_ticket (fixture, "t-1", &stored);
  g_assert_cmpstr (json_object_get_string_member (ticket, "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (ticket, "updated_at"), ==,
                   "2026-11-20T09:40:00Z");
  assert_message_ids (ticket, "m-1 m-late m-2");

  /* At the same instant the later report wins. */
  post (fixture, "tickets", same_time, 1, 1);
  g_clear_pointer (&stored, json_node_unref);
  ticket = get_ticket (fixture, "t-1", &stored);
  g_assert_cmpstr (json_object_get_string_member (ticket, "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (ticket, "version"), ==, 3);
}

static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *ticket = ticket_json ("t-2", "open", "09:30:00Z", "");
  g_autofree char *ma = message_json ("m-a", "09:35:00Z");
  g_autofree char *mb = message_json ("m-b", "09:33:00Z");
  g_autofree char *mc = message_json ("m-c", "09:36:00Z");
  g_autofree char *one = g_strdup_printf ("{\"ticket_id\":\"t-2\",\"message\":%s}", ma);
  g_autofree char *batch = g_strdup_printf ("{\"items\":[{\"ticket_id\":\"t-2\",\"message\":%s},"
                                            "%s,{\"ticket_id\":\"t-2\",\"message\":%s}]}",
                                            mb, one, mc);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *created, *got;

  post (fixture, "tickets", ticket, 1, 1);
  post (fixture, "messages", one, 1, 1);
  events = pulse_test_fixture_events_since (fixture, 1);
  created = event_data (events, 0, "message.created");
  g_assert_cmpstr (json_object_get_string_member (created, "ticket_id"), ==, "t-2");
  g_assert_cmpint (json_object_get_int_member (created, "ticket_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (created, "ticket_updated_at"), ==,
                   "2026-11-20T09:35:00Z");

  /* A bridge retrying: the same id never makes a second message. */
  post (fixture, "messages", one, 1, 0);
  post (fixture, "messages", batch, 3, 2);

  got = get_ticket (fixture, "t-2", &stored);
  assert_message_ids (got, "m-b m-a m-c");
  g_assert_cmpint (json_object_get_int_member (got, "version"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (got, "updated_at"), ==, "2026-11-20T09:36:00Z");
}

static void
test_message_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *ticket = ticket_json ("t-2", "open", "09:30:00Z", "");
  g_autofree char *ma = message_json ("m-a", "09:35:00Z");
  g_autofree char *unknown = g_strdup_printf ("{\"items\":[{\"ticket_id\":\"t-2\",\"message\":%s},"
                                              "{\"ticket_id\":\"t-404\",\"message\":%s}]}",
                                              ma, ma);
  g_autoptr(JsonNode) stored = NULL;

  post (fixture, "tickets", ticket, 1, 1);
  post_refused (fixture, "messages", unknown, 404, "not_found",
                "items[1].ticket_id: no ticket “t-404”");
  post_refused (fixture, "messages",
                "{\"ticket_id\":\"t-2\",\"message\":{\"id\":\"x\",\"author_kind\":\"agent\","
                "\"at\":\"2026-11-20T09:35:00Z\",\"body\":\"b\"}}",
                422, "invalid_data", "message.author_id: is required when the author is an agent");
  post_refused (fixture, "messages", "{\"message\":{}}", 422, "invalid_data",
                "ticket_id: is required");
  post_refused (fixture, "messages", "[]", 422, "invalid_data", "expected an ingested message");

  /* The good first item of the refused batch was not applied either. */
  assert_message_ids (get_ticket (fixture, "t-2", &stored), "");
}

static void
test_ratings (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *ticket = ticket_json ("t-3", "resolved", "09:30:00Z", "");
  const char *csat = "{\"ticket_id\":\"t-3\",\"rating\":{\"kind\":\"csat\",\"score\":5,"
                     "\"at\":\"2026-11-20T10:00:00Z\"}}";
  const char *nps = "{\"ticket_id\":\"t-3\",\"rating\":{\"kind\":\"nps\",\"score\":9,"
                    "\"at\":\"2026-11-20T10:00:00Z\"}}";
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *created, *got;

  post (fixture, "tickets", ticket, 1, 1);
  post (fixture, "ratings", csat, 1, 1);
  post (fixture, "ratings", csat, 1, 0);
  post (fixture, "ratings", nps, 1, 1);
  post_refused (fixture, "ratings",
                "{\"ticket_id\":\"t-3\",\"rating\":{\"kind\":\"csat\",\"score\":9,"
                "\"at\":\"2026-11-20T10:00:00Z\"}}", 422, "invalid_data", "rating.score");

  events = pulse_test_fixture_events_since (fixture, 1);
  g_assert_cmpuint (events->len, ==, 2);
  created = event_data (events, 0, "rating.created");
  g_assert_cmpint (json_object_get_int_member (created, "ticket_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (created, "ticket_updated_at"), ==,
                   "2026-11-20T10:00:00Z");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (created, "rating"),
                                               "score"), ==, 5);

  got = get_ticket (fixture, "t-3", &stored);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "ratings")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (got, "version"), ==, 3);
}

static void
test_batch_is_all_or_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) batch = g_string_new ("{\"items\":[");
  g_autoptr(JsonNode) missing = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-b%u", i);
      g_autofree char *ticket = ticket_json (id, "new", "09:40:00Z",
                                             i == 3 ? "{\"id\":\"m\",\"author_kind\":\"customer\","
                                                      "\"at\":\"yesterday\",\"body\":\"x\"}" : "");

      g_string_append_printf (batch, "%s%s", i > 0 ? "," : "", ticket);
    }
  g_string_append (batch, "]}");

  post_refused (fixture, "tickets", batch->str, 422, "invalid_data",
                "items[3].messages[0].at: is not an RFC 3339 time");
  missing = pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets/t-b0", fixture->head,
                                       NULL, 404);
  pulse_test_assert_error (missing, "not_found", "t-b0");
}

static void
test_batch_shape (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) many = g_string_new ("{\"items\":[{}");
  g_autofree char *m1 = message_json ("m-1", "09:35:00Z");
  g_autofree char *m2 = message_json ("m-2", "09:31:00Z");
  g_autofree char *disordered = g_strconcat (m1, ",", m2, NULL);
  g_autofree char *ticket = ticket_json ("t", "new", "09:40:00Z", disordered);
  g_autofree char *batch = g_strdup_printf ("{\"items\":[%s]}", ticket);

  for (guint i = 1; i < PULSE_JSON_MAX_ITEMS + 1; i++)
    g_string_append (many, ",{}");
  g_string_append (many, "]}");

  post_refused (fixture, "tickets", many->str, 422, "invalid_data",
                "items: has more than 10000 items");
  post_refused (fixture, "tickets", "{\"items\":{}}", 422, "invalid_data",
                "items: expected an array");
  post_refused (fixture, "tickets", "{\"items\":[[]]}", 422, "invalid_data",
                "items[0]: expected a ticket object");
  post_refused (fixture, "tickets", batch, 422, "invalid_data",
                "items[0].messages[1].at: is before messages[0]");
  post (fixture, "tickets", "{\"items\":[]}", 0, 0);
}

static void
test_roles (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *endpoints[] = {
    "tickets", "messages", "ratings", "agent-status", "applications", "directory",
  };
  const char *applications = "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":1}";

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoints[i], NULL);
      g_autoptr(JsonNode) none = NULL;
      g_autoptr(JsonNode) viewer = NULL;
      g_autoptr(JsonNode) lead = NULL;

      none = pulse_test_fixture_request (fixture, "POST", path, NULL, "{}", 401);
      pulse_test_assert_error (none, "unauthorized", NULL);
      viewer = pulse_test_fixture_request (fixture, "POST", path, fixture->viewer, "{}", 403);
      pulse_test_assert_error (viewer, "forbidden", NULL);
      lead = pulse_test_fixture_request (fixture, "POST", path, fixture->lead, "{}", 403);
      pulse_test_assert_error (lead, "forbidden", NULL);
    }

  /* Head may do everything; integration may not read. */
  json_node_unref (pulse_test_fixture_request (fixture, "POST", "/api/v1/ingest/applications",
                                              fixture->head, applications, 200));
  json_node_unref (pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets",
                                              fixture->integration, NULL, 403));
  json_node_unref (pulse_test_fixture_request (fixture, "GET", "/api/v1/tickets/t-1",
                                              fixture->integration, NULL, 403));
  json_node_unref (pulse_test_fixture_request (fixture, "GET", "/api/v1/snapshot",
                                              fixture->integration, NULL, 403));
  g_assert_cmpint (pulse_test_fixture_last_seq (fixture), ==, 1);
}

static void
test_body_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *applications = "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":1}";
  g_autofree char *too_large = g_strnfill (PULSE_SERVER_MAX_BODY_BYTES + 1, ' ');
  g_autofree char *at_limit = g_strnfill (PULSE_SERVER_MAX_BODY_BYTES, ' ');

  /* Exactly 1 MiB is still read. */
  memcpy (at_limit, applications, strlen (applications));
  post (fixture, "applications", at_limit, 1, 1);

  memcpy (too_large, applications, strlen (applications));
  post_refused (fixture, "applications", too_large, 413, "too_large", "1 MiB");
  post_refused (fixture, "applications", "{\"date\":", 400, "malformed_json", NULL);
}

static void
test_methods_and_paths (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) get = NULL;
  g_autoptr(JsonNode) unknown = NULL;

  get = pulse_test_fixture_request (fixture, "GET", "/api/v1/ingest/tickets",
                                   fixture->integration, NULL, 405);
  pulse_test_assert_error (get, "method_not_allowed", NULL);
  unknown = pulse_test_fixture_request (fixture, "POST", "/api/v1/ingest/customers",
                                       fixture->integration, "{}", 404);
  pulse_test_assert_error (unknown, "not_found", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("ticket-created", test_ticket_created);
  TEST ("ticket-retry-changes-nothing", test_ticket_retry_changes_nothing);
  TEST ("ticket-updated", test_ticket_updated);
  TEST ("stale-ticket-keeps-header", test_stale_ticket_keeps_header);
  TEST ("messages", test_messages);
  TEST ("message-refusals", test_message_refusals);
  TEST ("ratings", test_ratings);
  TEST ("batch-is-all-or-nothing", test_batch_is_all_or_nothing);
  TEST ("batch-shape", test_batch_shape);
  TEST ("roles", test_roles);
  TEST ("body-limits", test_body_limits);
  TEST ("methods-and-paths", test_methods_and_paths);

  return g_test_run ();
}
