/* test-server-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET /api/v1/coverage` against a real server: figures worked out by hand
 * from data fed in through ingest and the shift collection, the query's
 * checks and roles. test-server-coverage-threads.c has the work off the
 * main thread.
 */

#include "config.h"

#include "pulse-forecast-interval.h"
#include "pulse-test-fixture.h"
#include "pulse-test-util.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/coverage/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

#define MINUTE PULSE_USEC_PER_MINUTE
#define HOUR   PULSE_USEC_PER_HOUR
#define DAY    PULSE_USEC_PER_DAY
#define WEEK   (7 * DAY)

/* Two Ukrainian phone queues; a1 and a2 take calls, a3 only chats. */
static const char directory[] =
  "{\"queues\":["
  "{\"id\":\"q-a\",\"name\":\"Phone A\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8},"
  "{\"id\":\"q-b\",\"name\":\"Phone B\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a1\",\"name\":\"A1\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],\"languages\":[\"uk\"]},"
  "{\"id\":\"a2\",\"name\":\"A2\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\",\"chat\"],"
  "\"languages\":[\"uk\"]},"
  "{\"id\":\"a3\",\"name\":\"A3\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"],\"languages\":[\"uk\"]}]}";

static void
ingest (Fixture    *fixture,
        const char *endpoint,
        const char *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, 200);
}

static void
append_ticket (GString    *batch,
               const char *queue_id,
               guint       number,
               gint64      created_at,
               int         handle_seconds)
{
  g_autofree char *at = pulse_time_format (created_at);

  if (batch->len > strlen ("{\"items\":["))
    g_string_append_c (batch, ',');
  g_string_append_printf (batch,
                          "{\"id\":\"t-%s-%u\",\"queue_id\":\"%s\",\"channel\":\"phone\","
                          "\"subject\":\"Call\",\"customer_id\":\"c-%u\",\"status\":\"closed\","
                          "\"created_at\":\"%s\"",
                          queue_id, number, queue_id, number, at);
  if (handle_seconds >= 0)
    g_string_append_printf (batch, ",\"handle_seconds\":%d", handle_seconds);
  g_string_append_c (batch, '}');
}

/* Six weeks before @target: 100 calls of 180 s in its interval, and one
 * two hours later so the interval after it reads as a real zero. */
static void
ingest_history (Fixture    *fixture,
                const char *queue_id,
                gint64      target)
{
  g_autoptr(GString) batch = g_string_new ("{\"items\":[");
  guint number = 0;

  for (guint week = 1; week <= 6; week++)
    {
      gint64 start = target - week * WEEK;

      for (guint c = 0; c < 100; c++)
        append_ticket (batch, queue_id, number++, start + c * 18 * G_USEC_PER_SEC, 180);
      append_ticket (batch, queue_id, number++, start + 2 * HOUR, 180);
    }
  g_string_append (batch, "]}");
  ingest (fixture, "tickets", batch->str);
}

static JsonNode *
coverage (Fixture    *fixture,
          const char *query,
          const char *token,
          guint       status)
{
  g_autofree char *path = g_strconcat ("/api/v1/coverage?", query, NULL);

  return pulse_test_fixture_request (fixture, "GET", path, token, NULL, status);
}

static JsonArray *
queues_of (JsonNode *answer)
{
  return json_object_get_array_member (json_node_get_object (answer), "queues");
}

/* The interval as the console decodes it, with the codec. */
static PulseForecastInterval *
interval_of (JsonNode *answer,
             guint     queue,
             guint     index)
{
  JsonObject *entry = json_array_get_object_element (queues_of (answer), queue);
  JsonArray *intervals = json_object_get_array_member (entry, "intervals");
  g_autoptr(GError) error = NULL;
  PulseForecastInterval *interval;

  g_assert_cmpuint (index, <, json_array_get_length (intervals));
  interval = pulse_forecast_interval_new_from_json (json_array_get_element (intervals, index),
                                                    &error);
  g_assert_no_error (error);
  return interval;
}

/* Ten o'clock UTC two days from now: far enough ahead that a forecast
 * made a few seconds later reads the same six weeks. */
static gint64
day_after_tomorrow_at_ten (void)
{
  gint64 now = g_get_real_time ();

  return now - now % DAY + 2 * DAY + 10 * HOUR;
}

static char *
range_query (gint64      from,
             gint64      to,
             const char *extra)
{
  g_autofree char *a = pulse_time_format (from);
  g_autofree char *b = pulse_time_format (to);

  return g_strdup_printf ("from=%s&to=%s%s", a, b, extra != NULL ? extra : "");
}

static PulseForecastInterval *
first_interval (Fixture    *fixture,
                gint64      target,
                const char *extra)
{
  g_autofree char *query = range_query (target, target + HOUR, extra);
  g_autoptr(JsonNode) answer = coverage (fixture, query, fixture->viewer, 200);

  return interval_of (answer, 0, 0);
}

/* DESIGN.md's case ahead of time: six equal weeks of 100 calls at 180 s
 * forecast 100 → 14 agents on the line (Erlang C, 80 % in 20 s), ⌈14/0.7⌉
 * = 20 to schedule; 30 minutes later nothing is expected. Shrinkage 0.2
 * gives ⌈14/0.8⌉ = 18; a 90 % goal needs 15 (14 answer 88.8 %, 15 94.1 %). */
static void
test_required (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 target = day_after_tomorrow_at_ten ();
  g_autofree char *query = range_query (target, target + HOUR, "&queue=q-a");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(PulseForecastInterval) first = NULL;
  g_autoptr(PulseForecastInterval) second = NULL;
  g_autoptr(PulseForecastInterval) leaner = NULL;
  g_autoptr(PulseForecastInterval) stricter = NULL;
  JsonObject *queue;

  ingest (fixture, "directory", directory);
  ingest_history (fixture, "q-a", target);

  answer = coverage (fixture, query, fixture->viewer, 200);
  g_assert_cmpuint (json_array_get_length (queues_of (answer)), ==, 1);
  queue = json_array_get_object_element (queues_of (answer), 0);
  g_assert_cmpstr (json_object_get_string_member (queue, "queue_id"), ==, "q-a");
  g_assert_cmpstr (json_object_get_string_member (queue, "model"), ==, "erlang-c");
  g_assert_cmpint (json_object_get_int_member (queue, "agents"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (answer), "shrinkage"),
                     ==, 0.3);

  first = interval_of (answer, 0, 0);
  g_assert_cmpint (pulse_forecast_interval_get_starts_at (first), ==, target);
  g_assert_cmpfloat_with_epsilon (pulse_forecast_interval_get_forecast_arrivals (first), 100,
                                  1e-9);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (first), ==, 180);
  g_assert_cmpint (pulse_forecast_interval_get_required (first), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (first), ==, 20);
  g_assert_cmpint (pulse_forecast_interval_get_online (first), ==, -1);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (first), ==, -1);

  second = interval_of (answer, 0, 1);
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (second), ==, 0);
  g_assert_cmpint (pulse_forecast_interval_get_required (second), ==, 0);
  g_assert_true (pulse_forecast_interval_has_flag (second, "handle-fallback"));

  leaner = first_interval (fixture, target, "&queue=q-a&shrinkage=0.2");
  g_assert_cmpint (pulse_forecast_interval_get_required (leaner), ==, 14);
  g_assert_cmpint (pulse_forecast_interval_get_required_with_shrinkage (leaner), ==, 18);

  stricter = first_interval (fixture, target, "&queue=q-a&goal=0.9");
  g_assert_cmpint (pulse_forecast_interval_get_required (stricter), ==, 15);
}

static void
create_shift (Fixture    *fixture,
              const char *json)
{
  const char *planner = pulse_test_server_get_token (fixture->ts, PULSE_ROLE_PLANNER);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", "/api/v1/shifts",
                                                          planner, json, 201);
}

/* Monday 16 November 2026, 10:00–11:00, long past. Shifts: a1 09:00–13:00
 * with a 10:00–10:15 break, a2 10:00–18:00, a3 (chat) all day, a1 also
 * an absence from 10:45 (it cuts the end of 10:30). Scheduled 10:00:
 * 0.5 + 1 = 1.5 → 2; 10:30: a1 15 min + a2 30 = 1.5 → 2.
 * Statuses: a1 available 09:00, break 10:00, available 10:15; a2
 * available 10:10, busy 10:20, after-call 10:40, away 10:45. Online
 * 10:00: 15 + 20 min = 1.17 → 1; 10:30: 30 + 15 = 1.5 → 2.
 * Calls that came: 7 in 10:00, 2 in 10:30. */
static void
plan_monday (Fixture *fixture)
{
  create_shift (fixture, "{\"id\":\"s1\",\"agent_id\":\"a1\",\"kind\":\"work\","
                "\"starts_at\":\"2026-11-16T09:00:00Z\",\"ends_at\":\"2026-11-16T13:00:00Z\","
                "\"breaks\":[{\"starts_at\":\"2026-11-16T10:00:00Z\","
                "\"ends_at\":\"2026-11-16T10:15:00Z\"}]}");
  create_shift (fixture, "{\"id\":\"s2\",\"agent_id\":\"a2\",\"kind\":\"work\","
                "\"starts_at\":\"2026-11-16T10:00:00Z\",\"ends_at\":\"2026-11-16T18:00:00Z\"}");
  create_shift (fixture, "{\"id\":\"s3\",\"agent_id\":\"a3\",\"kind\":\"work\","
                "\"starts_at\":\"2026-11-16T08:00:00Z\",\"ends_at\":\"2026-11-16T20:00:00Z\"}");
  create_shift (fixture, "{\"id\":\"s4\",\"agent_id\":\"a1\",\"kind\":\"absence\","
                "\"starts_at\":\"2026-11-16T10:45:00Z\",\"ends_at\":\"2026-11-16T13:00:00Z\"}");
  ingest (fixture, "agent-status",
          "{\"items\":["
          "{\"agent_id\":\"a1\",\"status\":\"available\",\"at\":\"2026-11-16T09:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"break\",\"at\":\"2026-11-16T10:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"available\",\"at\":\"2026-11-16T10:15:00Z\"},"
          "{\"agent_id\":\"a2\",\"status\":\"available\",\"at\":\"2026-11-16T10:10:00Z\"},"
          "{\"agent_id\":\"a2\",\"status\":\"busy\",\"at\":\"2026-11-16T10:20:00Z\"},"
          "{\"agent_id\":\"a2\",\"status\":\"after-call\",\"at\":\"2026-11-16T10:40:00Z\"},"
          "{\"agent_id\":\"a2\",\"status\":\"away\",\"at\":\"2026-11-16T10:45:00Z\"},"
          "{\"agent_id\":\"a3\",\"status\":\"available\",\"at\":\"2026-11-16T08:00:00Z\"}]}");
}

static void
test_scheduled_and_online (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) batch = g_string_new ("{\"items\":[");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(PulseForecastInterval) first = NULL;
  g_autoptr(PulseForecastInterval) second = NULL;
  gint64 ten = 0;

  g_assert_true (pulse_time_parse ("2026-11-16T10:00:00Z", &ten));
  ingest (fixture, "directory", directory);
  plan_monday (fixture);
  for (guint c = 0; c < 7; c++)
    append_ticket (batch, "q-a", c, ten + c * 4 * MINUTE, -1);
  append_ticket (batch, "q-a", 7, ten + 35 * MINUTE, -1);
  append_ticket (batch, "q-a", 8, ten + 59 * MINUTE, -1);
  g_string_append (batch, "]}");
  ingest (fixture, "tickets", batch->str);

  answer = coverage (fixture, "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&queue=q-a",
                     fixture->head, 200);
  first = interval_of (answer, 0, 0);
  second = interval_of (answer, 0, 1);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (first), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_scheduled (second), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_online (first), ==, 1);
  g_assert_cmpint (pulse_forecast_interval_get_online (second), ==, 2);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (first), ==, 7);
  g_assert_cmpint (pulse_forecast_interval_get_actual_arrivals (second), ==, 2);

  /* Nothing before 16 November: no forecast, the phone default. */
  g_assert_cmpfloat (pulse_forecast_interval_get_forecast_arrivals (first), ==, 0);
  g_assert_cmpfloat (pulse_forecast_interval_get_handle_time_seconds (first), ==, 300);
  g_assert_true (pulse_forecast_interval_has_flag (first, "no-history"));
  g_assert_true (pulse_forecast_interval_has_flag (first, "no-handle"));
}

/* Without `queue`, every queue by id; each lists every interval, and an
 * agent serving both counts in both. Times off the boundaries widen the
 * range to whole intervals. */
static void
test_queue_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonObject *first;
  JsonObject *second;

  ingest (fixture, "directory", directory);
  all = coverage (fixture, "from=2026-11-16T10:10:00Z&to=2026-11-16T11:20:00Z",
                  fixture->viewer, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (all), "from"), ==,
                   "2026-11-16T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (all), "to"), ==,
                   "2026-11-16T11:30:00Z");
  g_assert_cmpuint (json_array_get_length (queues_of (all)), ==, 2);
  first = json_array_get_object_element (queues_of (all), 0);
  second = json_array_get_object_element (queues_of (all), 1);
  g_assert_cmpstr (json_object_get_string_member (first, "queue_id"), ==, "q-a");
  g_assert_cmpstr (json_object_get_string_member (second, "queue_id"), ==, "q-b");
  g_assert_cmpint (json_object_get_int_member (first, "agents"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (second, "agents"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "intervals")),
                    ==, 3);

  one = coverage (fixture, "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&queue=q-b",
                  fixture->viewer, 200);
  g_assert_cmpuint (json_array_get_length (queues_of (one)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (queues_of (one), 0), "queue_id"),
                   ==, "q-b");
}

static void
test_bad_parameters (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *query;
    const char *message;
  } cases[] = {
    { "to=2026-11-16T11:00:00Z", "from: is required" },
    { "from=2026-11-16T10:00:00Z", "to: is required" },
    { "from=yesterday&to=2026-11-16T11:00:00Z", "from: is not an RFC 3339 time" },
    { "from=2026-11-16T10:00:00&to=2026-11-16T11:00:00Z", "from: is not an RFC 3339 time" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16", "to: is not an RFC 3339 time" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T10:00:00Z", "to: must be after from" },
    { "from=2026-11-16T10:00:00Z&to=2027-01-11T10:10:00Z", "to: must be at most 8 weeks" },
    { "from=1970-01-01T00:10:00Z&to=1970-01-01T01:00:00Z", "from: must be after 1970-01-01" },
    { "from=9999-12-31T00:00:00Z&to=9999-12-31T23:59:59Z", "to: must be before 10000" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&shrinkage=lots",
      "shrinkage: is not a number" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&shrinkage=1",
      "shrinkage: must be 0 or more and below 1" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&shrinkage=nan",
      "shrinkage: is not a number" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&goal=0", "goal: must be above 0" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&goal=1", "goal: must be above 0" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&goal=high", "goal: is not a number" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&queue=", "queue: must not be empty" },
    { "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&shrinkge=0.1",
      "shrinkge: unknown parameter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) answer = coverage (fixture, cases[i].query, fixture->viewer, 400);

      pulse_test_assert_error (answer, "bad_request", cases[i].message);
    }
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const char *query = "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z";
  g_autoptr(JsonNode) anonymous = coverage (fixture, query, NULL, 401);
  g_autoptr(JsonNode) integration = coverage (fixture, query, fixture->integration, 403);
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) posted = NULL;
  g_autoptr(JsonNode) deeper = NULL;

  pulse_test_assert_error (anonymous, "unauthorized", NULL);
  pulse_test_assert_error (integration, "forbidden", NULL);

  ingest (fixture, "directory", directory);
  unknown = coverage (fixture, "from=2026-11-16T10:00:00Z&to=2026-11-16T11:00:00Z&queue=q-x",
                      fixture->viewer, 404);
  pulse_test_assert_error (unknown, "not_found", "queue: no queue “q-x”");

  posted = pulse_test_fixture_request (fixture, "POST", "/api/v1/coverage", fixture->head, "{}",
                                       405);
  pulse_test_assert_error (posted, "method_not_allowed", NULL);
  deeper = pulse_test_fixture_request (fixture, "GET", "/api/v1/coverage/q-a", fixture->head,
                                       NULL, 404);
  pulse_test_assert_error (deeper, "not_found", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("required", test_required);
  TEST ("scheduled-and-online", test_scheduled_and_online);
  TEST ("queue-filter", test_queue_filter);
  TEST ("bad-parameters", test_bad_parameters);
  TEST ("refused", test_refused);

  return g_test_run ();
}
