/* test-server-directory.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Directory, agent status and loan application ingest against a real
 * server.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-fixture.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/ingest/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

static const char channel[] =
  "{\"id\":\"ch-chat\",\"kind\":\"chat\",\"name\":\"Chat\",\"realtime\":true,"
  "\"sl_target_seconds\":20}";
static const char team[] = "{\"id\":\"team-ua\",\"name\":\"Kyiv desk\"}";
static const char queue_ua[] =
  "{\"id\":\"q-ua-chat\",\"name\":\"Ukraine chat\",\"channel\":\"chat\",\"country\":\"UA\","
  "\"language\":\"uk\",\"team_id\":\"team-ua\",\"sl_target_seconds\":20,\"sl_goal\":0.8}";
static const char queue_es[] =
  "{\"id\":\"q-es-mail\",\"name\":\"Spain mail\",\"channel\":\"email\",\"country\":\"ES\","
  "\"language\":\"es\",\"sl_target_seconds\":3600,\"sl_goal\":0.9}";

static char *
agent_json (const char *status,
            const char *since)
{
  return g_strdup_printf ("{\"id\":\"agent-7\",\"name\":\"Olena K.\",\"team_id\":\"team-ua\","
                          "\"position\":\"agent\",\"status\":\"%s\","
                          "\"status_since\":\"2026-11-20T%s\",\"channels\":[\"chat\"]}",
                          status, since);
}

static char *
directory_json (const char *queues,
                const char *agent)
{
  return g_strdup_printf ("{\"agents\":[%s],\"queues\":[%s],\"channels\":[%s],\"teams\":[%s]}",
                          agent, queues, channel, team);
}

static void
post (Fixture    *fixture,
      const char *endpoint,
      const char *body,
      gint64      events)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  gint64 before = pulse_test_fixture_last_seq (fixture);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, 200);

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "events"), ==,
                   events);
  g_assert_cmpint (pulse_test_fixture_last_seq (fixture), ==, before + events);
}

static void
post_refused (Fixture    *fixture,
              const char *endpoint,
              const char *body,
              guint       status,
              const char *message_part)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  gint64 before = pulse_test_fixture_last_seq (fixture);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, status);

  pulse_test_assert_error (answer, status == 404 ? "not_found" : "invalid_data", message_part);
  g_assert_cmpint (pulse_test_fixture_last_seq (fixture), ==, before);
}

static JsonObject *
event_at (GPtrArray  *events,
          guint       index,
          const char *type,
          const char *id)
{
  JsonObject *event = json_node_get_object (events->pdata[index]);
  JsonObject *data = json_object_get_object_member (event, "data");

  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, type);
  if (id != NULL)
    g_assert_cmpstr (json_object_get_string_member (data, "id"), ==, id);
  return data;
}

/* The snapshot's item of @member with @id. */
static JsonNode *
snapshot_item (Fixture    *fixture,
               const char *member,
               const char *id)
{
  g_autoptr(JsonNode) snapshot = pulse_test_fixture_request (fixture, "GET", "/api/v1/snapshot",
                                                            fixture->head, NULL, 200);
  JsonArray *items = json_object_get_array_member (json_node_get_object (snapshot), member);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (item), "id"), id) == 0)
        return json_node_ref (item);
    }

  return NULL;
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 count = pulse_db_query_int (fixture->db, sql, &error);

  g_assert_no_error (error);
  return count;
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *agent = agent_json ("offline", "08:00:00Z");
  g_autofree char *queues = g_strconcat (queue_ua, ",", queue_es, NULL);
  g_autofree char *body = directory_json (queues, agent);
  g_autofree char *renamed = g_strdup (queue_ua);
  g_autofree char *changed = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) item = NULL;

  post (fixture, "directory", body, 5);
  events = pulse_test_fixture_events_since (fixture, 0);
  /* Channels and teams first, so what names them comes after. */
  g_assert_cmpint (json_object_get_int_member (event_at (events, 0, "channel.created", "ch-chat"),
                                               "version"), ==, 1);
  event_at (events, 1, "team.created", "team-ua");
  event_at (events, 2, "queue.created", "q-ua-chat");
  event_at (events, 3, "queue.created", "q-es-mail");
  g_assert_cmpstr (json_object_get_string_member (event_at (events, 4, "agent.created",
                                                            "agent-7"), "status"), ==, "offline");

  post (fixture, "directory", body, 0);

  memcpy (strstr (renamed, "Ukraine chat"), "Ukraine Chat", 12);
  changed = directory_json (renamed, agent);
  g_clear_pointer (&events, g_ptr_array_unref);
  post (fixture, "directory", changed, 1);
  events = pulse_test_fixture_events_since (fixture, 5);
  g_assert_cmpint (json_object_get_int_member (event_at (events, 0, "queue.updated", "q-ua-chat"),
                                               "version"), ==, 2);

  item = snapshot_item (fixture, "queues", "q-ua-chat");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (item), "name"), ==,
                   "Ukraine Chat");
}

static void
test_directory_all_or_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *agent = agent_json ("offline", "08:00:00Z");
  g_autofree char *bad_es = g_strdup (queue_es);
  g_autofree char *queues = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) item = NULL;

  memcpy (strstr (bad_es, "0.9}"), "0.0}", 4);
  queues = g_strconcat (queue_ua, ",", bad_es, NULL);
  body = directory_json (queues, agent);
  post_refused (fixture, "directory", body, 422, "queues[1].sl_goal: must be greater than 0");
  post_refused (fixture, "directory", "{\"teams\":{}}", 422, "teams: expected an array");
  post_refused (fixture, "directory", "{\"items\":[{\"teams\":[{\"id\":\"t\"}]}]}", 422,
                "items[0].teams[0].name: is required");

  item = snapshot_item (fixture, "channels", "ch-chat");
  g_assert_null (item);
}

static void
test_agent_status (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *agent = agent_json ("offline", "08:00:00Z");
  g_autofree char *body = directory_json (queue_ua, agent);
  const char *available = "{\"agent_id\":\"agent-7\",\"status\":\"available\","
                          "\"at\":\"2026-11-20T09:00:00Z\"}";
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) item = NULL;
  JsonObject *status;

  post (fixture, "directory", body, 4);
  post_refused (fixture, "agent-status", "{\"agent_id\":\"agent-9\",\"status\":\"busy\","
                "\"at\":\"2026-11-20T09:00:00Z\"}", 404, "agent_id: no agent “agent-9”");
  post_refused (fixture, "agent-status", "{\"agent_id\":\"agent-7\",\"status\":\"lunch\","
                "\"at\":\"2026-11-20T09:00:00Z\"}", 422, "status: unknown value “lunch”");

  post (fixture, "agent-status", available, 1);
  events = pulse_test_fixture_events_since (fixture, 4);
  status = event_at (events, 0, "agent.status", NULL);
  g_assert_cmpstr (json_object_get_string_member (status, "agent_id"), ==, "agent-7");
  g_assert_cmpint (json_object_get_int_member (status, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (status, "status"), ==, "available");
  g_assert_cmpstr (json_object_get_string_member (status, "since"), ==, "2026-11-20T09:00:00Z");

  /* A retry, an older report, and the same status again change nothing
   * but are all kept in the history. */
  post (fixture, "agent-status", available, 0);
  post (fixture, "agent-status", "{\"agent_id\":\"agent-7\",\"status\":\"busy\","
        "\"at\":\"2026-11-20T08:30:00Z\"}", 0);
  post (fixture, "agent-status", "{\"items\":[{\"agent_id\":\"agent-7\",\"status\":\"available\","
        "\"at\":\"2026-11-20T09:10:00Z\"},{\"agent_id\":\"agent-7\",\"status\":\"break\","
        "\"at\":\"2026-11-20T09:20:00Z\"}]}", 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM agent_status"), ==, 5);

  /* The directory sent again with its old status does not roll it back. */
  post (fixture, "directory", body, 0);
  item = snapshot_item (fixture, "agents", "agent-7");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (item), "status"), ==,
                   "break");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (item), "version"), ==, 3);
}

static void
test_directory_newer_status (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *agent = agent_json ("offline", "08:00:00Z");
  g_autofree char *away = agent_json ("away", "10:00:00Z");
  g_autofree char *body = directory_json (queue_ua, agent);
  g_autofree char *newer = directory_json (queue_ua, away);
  g_autoptr(GPtrArray) events = NULL;

  post (fixture, "directory", body, 4);
  post (fixture, "directory", newer, 1);
  events = pulse_test_fixture_events_since (fixture, 4);
  g_assert_cmpstr (json_object_get_string_member (event_at (events, 0, "agent.updated",
                                                            "agent-7"), "status"), ==, "away");
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM agent_status "
                                        "WHERE agent_id = 'agent-7'"), ==, 2);
}

static void
test_applications (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *ua = "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":120}";
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) expected = NULL;

  post (fixture, "applications", ua, 1);
  events = pulse_test_fixture_events_since (fixture, 0);
  expected = pulse_json_parse (ua, -1, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (events->pdata[0]),
                                                  "type"), ==, "applications.updated");
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (events->pdata[0]),
                                                          "data"), expected));

  post (fixture, "applications", ua, 0);
  post (fixture, "applications", "{\"date\":\"2026-11-20\",\"country\":\"UA\",\"count\":130}", 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count FROM application WHERE country = 'UA'"),
                   ==, 130);

  post_refused (fixture, "applications",
                "{\"items\":[{\"date\":\"2026-11-20\",\"country\":\"ES\",\"count\":80},"
                "{\"date\":\"2026-02-30\",\"country\":\"ES\",\"count\":80}]}", 422,
                "items[1].date: must be a day such as");
  post_refused (fixture, "applications", "{\"date\":\"2026-11-20\",\"country\":\"ua\","
                "\"count\":1}", 422, "country: must be two uppercase");
  post_refused (fixture, "applications", "{\"date\":\"2026-11-20\",\"country\":\"UA\","
                "\"count\":-1}", 422, "count: -1 is outside");
  post_refused (fixture, "applications", "{\"date\":\"20261120\",\"country\":\"UA\","
                "\"count\":1}", 422, "date:");
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM application"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("directory", test_directory);
  TEST ("directory-all-or-nothing", test_directory_all_or_nothing);
  TEST ("agent-status", test_agent_status);
  TEST ("directory-newer-status", test_directory_newer_status);
  TEST ("applications", test_applications);

  return g_test_run ();
}
