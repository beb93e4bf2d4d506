/* test-server-shifts.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift planning against a real server: a 5/2 pattern applied to a team
 * (the shifts the planner's client creates, in each agent's time zone),
 * a shift moved with If-Match, the coverage that follows, and
 * `GET /api/v1/adherence` from ingested status changes, by hand.
 */

#include "config.h"

#include "pulse-adherence-report.h"
#include "pulse-forecast-interval.h"
#include "pulse-json.h"
#include "pulse-shift-edit.h"
#include "pulse-shift-pattern.h"
#include "pulse-shift.h"
#include "pulse-test-fixture.h"
#include "pulse-test-util.h"

typedef PulseTestFixture Fixture;

#define TEST(path, func) \
  g_test_add ("/pulse/server/shifts/" path, Fixture, NULL, pulse_test_fixture_set_up, func, \
              pulse_test_fixture_tear_down)

#define HOUR PULSE_USEC_PER_HOUR

/* Team t-ua: a1 in Kyiv (UTC+2 in November), a2 in UTC; a3 is in
 * another team. All take Ukrainian calls. */
static const char directory[] =
  "{\"teams\":[{\"id\":\"t-ua\",\"name\":\"Ukraine\"},{\"id\":\"t-x\",\"name\":\"Other\"}],"
  "\"queues\":[{\"id\":\"q-a\",\"name\":\"Phone A\",\"channel\":\"phone\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"a1\",\"name\":\"A1\",\"team_id\":\"t-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],"
  "\"languages\":[\"uk\"],\"timezone\":\"Europe/Kyiv\"},"
  "{\"id\":\"a2\",\"name\":\"A2\",\"team_id\":\"t-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],"
  "\"languages\":[\"uk\"],\"timezone\":\"UTC\"},"
  "{\"id\":\"a3\",\"name\":\"A3\",\"team_id\":\"t-x\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"phone\"],"
  "\"languages\":[\"uk\"]}]}";

static const char *
planner (Fixture *fixture)
{
  return pulse_test_server_get_token (fixture->ts, PULSE_ROLE_PLANNER);
}

static void
ingest (Fixture    *fixture,
        const char *endpoint,
        const char *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/ingest/", endpoint, NULL);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "POST", path,
                                                          fixture->integration, body, 200);
}

/* What the Shifts page does: expand the pattern per agent of the team in
 * their own zone, and save each shift as a create. */
static GPtrArray *
apply_five_two (Fixture *fixture)
{
  static const char * const team[][2] = { { "a1", "Europe/Kyiv" }, { "a2", "UTC" } };
  GPtrArray *created = g_ptr_array_new_with_free_func (g_object_unref);
  GDate *monday = g_date_new_dmy (16, G_DATE_NOVEMBER, 2026);
  PulseShiftPattern pattern;

  pulse_shift_pattern_init (&pattern, PULSE_SHIFT_PATTERN_5_2);
  for (guint a = 0; a < G_N_ELEMENTS (team); a++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (team[a][1]);
      g_auto(PulseShiftPlan) plan = { 0 };

      g_assert_true (pulse_shift_pattern_plan (&pattern, team[a][0], tz, monday, 7, 0, NULL,
                                               &plan, NULL));
      g_assert_cmpuint (plan.creates->len, ==, 5);
      for (guint s = 0; s < plan.creates->len; s++)
        {
          g_autoptr(JsonNode) body = pulse_shift_to_json (plan.creates->pdata[s]);
          g_autofree char *text = pulse_json_to_string (body);
          g_autoptr(JsonNode) answer = NULL;

          answer = pulse_test_fixture_request (fixture, "POST", "/api/v1/shifts",
                                               planner (fixture), text, 201);
          g_ptr_array_add (created, pulse_shift_new_from_json (answer, NULL));
        }
    }
  g_date_free (monday);

  return created;
}

static PulseForecastInterval *
interval_at (Fixture    *fixture,
             const char *from,
             const char *to,
             guint       index)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/coverage?from=%s&to=%s&queue=q-a", from, to);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "GET", path, fixture->viewer,
                                                          NULL, 200);
  JsonObject *queue = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (answer), "queues"), 0);
  JsonArray *intervals = json_object_get_array_member (queue, "intervals");

  return pulse_forecast_interval_new_from_json (json_array_get_element (intervals, index), NULL);
}

static int
scheduled_at (Fixture    *fixture,
              const char *start)
{
  g_autofree char *end = NULL;
  g_autoptr(PulseForecastInterval) interval = NULL;
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (start, &usec));
  end = pulse_time_format (usec + PULSE_FORECAST_INTERVAL_USEC);
  interval = interval_at (fixture, start, end, 0);
  g_assert_nonnull (interval);
  return pulse_forecast_interval_get_scheduled (interval);
}

/* a1 works 09:00–18:00 Kyiv time = 07:00–16:00 UTC, break 11:00–12:00
 * UTC; a2 09:00–18:00 UTC, break 13:00–14:00. So on Monday 16 November:
 * 07:00 → 1 (a1), 09:00 → 2, 11:00 → 1 (a1 on break), 13:00 → 1 (a2 on
 * break), 16:00 → 1 (a2), 18:00 → 0; on Saturday nobody. */
static void
test_pattern_for_team (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *first = NULL;

  ingest (fixture, "directory", directory);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T09:00:00Z"), ==, 0);

  created = apply_five_two (fixture);
  g_assert_cmpuint (created->len, ==, 10);
  first = pulse_time_format (pulse_shift_get_starts_at (created->pdata[0]));
  g_assert_cmpstr (first, ==, "2026-11-16T07:00:00Z");
  g_assert_cmpint (pulse_shift_get_version (created->pdata[0]), ==, 1);

  list = pulse_test_fixture_request (fixture, "GET", "/api/v1/shifts", fixture->viewer, NULL,
                                     200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (list), "shifts")), ==, 10);

  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T07:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T09:00:00Z"), ==, 2);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T11:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T13:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T16:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T18:00:00Z"), ==, 0);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-20T09:00:00Z"), ==, 2);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-21T09:00:00Z"), ==, 0);
}

/* a2's Monday moved two hours later (11:00–20:00, break 15:00–16:00):
 * 09:00 drops to 1, 18:00 rises to 1. A second move on the old version
 * is refused with 412 and changes nothing. */
static void
test_move_shift (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(PulseShift) moved = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(PulseTestResponse) stale = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  PulseShift *monday;

  ingest (fixture, "directory", directory);
  created = apply_five_two (fixture);
  monday = created->pdata[5];
  g_assert_cmpstr (pulse_shift_get_agent_id (monday), ==, "a2");

  moved = pulse_shift_dup_moved (monday, 2 * HOUR, 2 * HOUR, NULL);
  body = pulse_shift_to_json (moved);
  text = pulse_json_to_string (body);
  path = g_strconcat ("/api/v1/shifts/", pulse_shift_get_id (monday), NULL);
  answer = pulse_test_fixture_request (fixture, "PUT", path, planner (fixture), text, 428);
  g_clear_pointer (&answer, json_node_unref);

  stale = pulse_test_server_request (fixture->ts, "PUT", path, planner (fixture), text,
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (stale->status, ==, 200);
  g_clear_pointer (&stale, pulse_test_response_free);

  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T09:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T13:00:00Z"), ==, 2);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T15:00:00Z"), ==, 1);
  g_assert_cmpint (scheduled_at (fixture, "2026-11-16T18:00:00Z"), ==, 1);

  stale = pulse_test_server_request (fixture->ts, "PUT", path, planner (fixture), text,
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (stale->status, ==, 412);
  g_clear_pointer (&stale, pulse_test_response_free);

  /* Only planners (and heads) edit shifts. */
  stale = pulse_test_server_request (fixture->ts, "PUT", path, fixture->lead, text,
                                     "If-Match", "2", NULL);
  g_assert_cmpuint (stale->status, ==, 403);
}

static PulseAdherenceReport *
adherence (Fixture    *fixture,
           const char *query,
           const char *token)
{
  g_autofree char *path = g_strconcat ("/api/v1/adherence?", query, NULL);
  g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "GET", path, token, NULL,
                                                          200);
  g_autoptr(GError) error = NULL;
  PulseAdherenceReport *report = pulse_adherence_report_new_from_json (answer, &error);

  g_assert_no_error (error);
  return report;
}

/* a1 is planned 07:00–11:00 and 12:00–16:00 UTC: 480 min. Statuses:
 * available 07:00, offline 08:00, available 08:30, break 11:00, busy
 * 12:00, offline 16:30. Online 07–08, 08:30–11:00, 12:00–16:30: of the
 * plan 60 + 150 + 240 = 450 min, out 30, outside it 30 (16:00–16:30).
 * a2 reported nothing: all 480 min out. a3 has no shifts. */
static void
test_adherence (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(PulseAdherenceReport) day = NULL;
  g_autoptr(PulseAdherenceReport) morning = NULL;
  const PulseAdherenceEntry *entry;

  ingest (fixture, "directory", directory);
  created = apply_five_two (fixture);
  ingest (fixture, "agent-status",
          "{\"items\":["
          "{\"agent_id\":\"a1\",\"status\":\"available\",\"at\":\"2026-11-16T07:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"offline\",\"at\":\"2026-11-16T08:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"available\",\"at\":\"2026-11-16T08:30:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"break\",\"at\":\"2026-11-16T11:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"busy\",\"at\":\"2026-11-16T12:00:00Z\"},"
          "{\"agent_id\":\"a1\",\"status\":\"offline\",\"at\":\"2026-11-16T16:30:00Z\"}]}");

  day = adherence (fixture, "from=2026-11-16T00:00:00Z&to=2026-11-17T00:00:00Z",
                   fixture->viewer);
  g_assert_cmpuint (day->entries->len, ==, 3);
  entry = pulse_adherence_report_find (day, "a1");
  g_assert_cmpint (entry->figures.planned_usec, ==, 480 * PULSE_USEC_PER_MINUTE);
  g_assert_cmpint (entry->figures.adherent_usec, ==, 450 * PULSE_USEC_PER_MINUTE);
  g_assert_cmpint (entry->figures.out_usec, ==, 30 * PULSE_USEC_PER_MINUTE);
  g_assert_cmpint (entry->figures.unplanned_usec, ==, 30 * PULSE_USEC_PER_MINUTE);
  /* The day is over: no live state. */
  g_assert_false (entry->has_state);
  entry = pulse_adherence_report_find (day, "a2");
  g_assert_cmpint (entry->figures.out_usec, ==, 480 * PULSE_USEC_PER_MINUTE);
  entry = pulse_adherence_report_find (day, "a3");
  g_assert_cmpint (entry->figures.planned_usec, ==, 0);

  /* Until 09:00 only: planned 120, online 60 + 30. */
  morning = adherence (fixture, "from=2026-11-16T07:00:00Z&to=2026-11-16T09:00:00Z",
                       fixture->head);
  entry = pulse_adherence_report_find (morning, "a1");
  g_assert_cmpint (entry->figures.planned_usec, ==, 120 * PULSE_USEC_PER_MINUTE);
  g_assert_cmpint (entry->figures.adherent_usec, ==, 90 * PULSE_USEC_PER_MINUTE);
}

/* Live: a2 planned now (a shift around the present) and online, a1 planned
 * and offline. */
static void
test_adherence_live (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PulseAdherenceReport) today = NULL;
  g_autofree char *start = pulse_time_format (g_get_real_time () - 2 * HOUR);
  g_autofree char *end = pulse_time_format (g_get_real_time () + 2 * HOUR);
  g_autofree char *since = pulse_time_format (g_get_real_time () - HOUR);
  g_autofree char *status = NULL;
  g_autofree char *query = NULL;

  ingest (fixture, "directory", directory);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      g_autofree char *shift = NULL;

      shift = g_strdup_printf ("{\"id\":\"live-%u\",\"agent_id\":\"a%u\",\"kind\":\"work\","
                                   "\"starts_at\":\"%s\",\"ends_at\":\"%s\"}",
                                   i + 1, i + 1, start, end);
      answer = pulse_test_fixture_request (fixture, "POST", "/api/v1/shifts", planner (fixture),
                                           shift, 201);
    }
  status = g_strdup_printf ("{\"items\":[{\"agent_id\":\"a2\",\"status\":\"available\","
                            "\"at\":\"%s\"}]}", since);
  ingest (fixture, "agent-status", status);

  query = g_strdup_printf ("from=%s&to=%s", start, end);
  today = adherence (fixture, query, fixture->viewer);
  g_assert_true (pulse_adherence_report_find (today, "a1")->has_state);
  g_assert_cmpint (pulse_adherence_report_find (today, "a1")->state, ==,
                   PULSE_ADHERENCE_STATE_MISSING);
  g_assert_cmpint (pulse_adherence_report_find (today, "a2")->state, ==,
                   PULSE_ADHERENCE_STATE_IN);
  g_assert_cmpint (pulse_adherence_report_find (today, "a3")->state, ==,
                   PULSE_ADHERENCE_STATE_OFF);
  /* a2: an hour online of the two planned so far, give or take the
   * seconds the test took. */
  g_assert_cmpint (pulse_adherence_report_find (today, "a2")->figures.adherent_usec, >=,
                   HOUR - 60 * G_USEC_PER_SEC);
}

static void
test_adherence_query (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *query; const char *message; } bad[] = {
    { "to=2026-11-17T00:00:00Z", "from: is required" },
    { "from=2026-11-16T00:00:00Z", "to: is required" },
    { "from=yesterday&to=2026-11-17T00:00:00Z", "from: is not an RFC 3339 time" },
    { "from=2026-11-17T00:00:00Z&to=2026-11-16T00:00:00Z", "to: must be after from" },
    { "from=2026-01-01T00:00:00Z&to=2026-11-16T00:00:00Z", "to: must be at most 8 weeks" },
    { "from=2026-11-16T00:00:00Z&to=2026-11-17T00:00:00Z&team=t-ua", "team: unknown" },
  };
  g_autoptr(JsonNode) unauthorized = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/adherence?", bad[i].query, NULL);
      g_autoptr(JsonNode) answer = pulse_test_fixture_request (fixture, "GET", path,
                                                              fixture->viewer, NULL, 400);

      pulse_test_assert_error (answer, "bad_request", bad[i].message);
    }

  unauthorized = pulse_test_fixture_request (fixture, "GET",
                                             "/api/v1/adherence?from=2026-11-16T00:00:00Z"
                                             "&to=2026-11-17T00:00:00Z", NULL, NULL, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("pattern-for-team", test_pattern_for_team);
  TEST ("move-shift", test_move_shift);
  TEST ("adherence", test_adherence);
  TEST ("adherence-live", test_adherence_live);
  TEST ("adherence-query", test_adherence_query);

  return g_test_run ();
}
