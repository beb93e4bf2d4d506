/* test-server-qa.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QA workflow over loopback: the default scorecard, the sampling
 * policy and its workload, the weekly draw, follow-ups for leads and
 * settling calibrations, with conflicts (412) and roles (403).
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-json.h"
#include "pulse-scorecard-default.h"
#include "pulse-server-draw.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

/* Team A is led by lead-a, whose name is the lead token's user. */
static const char directory_format[] =
  "{\"teams\":[{\"id\":\"team-a\",\"name\":\"A\",\"lead_id\":\"lead-a\"},"
  "{\"id\":\"team-b\",\"name\":\"B\",\"lead_id\":\"lead-b\"}],"
  "\"queues\":[{\"id\":\"q-1\",\"name\":\"Q\",\"channel\":\"chat\",\"country\":\"UA\","
  "\"language\":\"uk\",\"sl_target_seconds\":20,\"sl_goal\":0.8}],"
  "\"agents\":["
  "{\"id\":\"lead-a\",\"name\":\"lead\",\"team_id\":\"team-a\",\"position\":\"lead\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[]},"
  "{\"id\":\"lead-b\",\"name\":\"Other\",\"team_id\":\"team-b\",\"position\":\"lead\","
  "\"status\":\"available\",\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[]},"
  "{\"id\":\"a-1\",\"name\":\"A1\",\"team_id\":\"team-a\",\"position\":\"agent\","
  "\"hired_at\":\"2025-01-01T00:00:00Z\",\"status\":\"available\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"a-2\",\"name\":\"A2\",\"team_id\":\"team-a\",\"position\":\"agent\","
  "\"hired_at\":\"2025-01-01T00:00:00Z\",\"status\":\"available\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]},"
  "{\"id\":\"a-3\",\"name\":\"A3\",\"team_id\":\"team-b\",\"position\":\"agent\","
  "\"hired_at\":\"%s\",\"status\":\"available\","
  "\"status_since\":\"2026-11-01T00:00:00Z\",\"channels\":[\"chat\"]}]}";

static const char scorecard[] =
  "{\"id\":\"sc-1\",\"name\":\"Chat\",\"sections\":[{\"name\":\"S\",\"criteria\":["
  "{\"id\":\"c-tone\",\"name\":\"Tone\",\"weight\":50,\"critical\":false},"
  "{\"id\":\"c-id\",\"name\":\"Identity\",\"weight\":50,\"critical\":true}]}]}";

/* Two reviewers, one per team: each grades the other team. */
static const char policy[] =
  "{\"per_agent\":2,\"per_newcomer\":4,\"calibration_share\":0,"
  "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"},"
  "{\"id\":\"qa-2\",\"team_id\":\"team-b\"}]}";

static const char *
token (PulseTestServer *ts,
       PulseRole        role)
{
  return pulse_test_server_get_token (ts, role);
}

static PulseTestResponse *
request (PulseTestServer *ts,
         const char      *method,
         const char      *path,
         PulseRole        role,
         const char      *body,
         const char      *if_match)
{
  if (if_match != NULL)
    return pulse_test_server_request (ts, method, path, token (ts, role), body,
                                      "If-Match", if_match, NULL);
  return pulse_test_server_request (ts, method, path, token (ts, role), body, NULL);
}

static void
expect (PulseTestServer *ts,
        const char      *method,
        const char      *path,
        PulseRole        role,
        const char      *body,
        const char      *if_match,
        guint            status)
{
  g_autoptr(PulseTestResponse) r = request (ts, method, path, role, body, if_match);

  if (r->status != status && r->body != NULL)
    {
      g_autofree char *text = pulse_json_to_string (r->body);

      g_test_message ("%s %s: %s", method, path, text);
    }
  g_assert_cmpuint (r->status, ==, status);
}

/* Five contacts of each agent on Tuesday 17 November, each answered by
 * them; a-1's first is rated 1 (a negative), a-2's first 4. */
static void
ingest_week (PulseTestServer *ts)
{
  static const char * const agents[] = { "a-1", "a-2", "a-3" };
  g_autofree char *hired = pulse_time_format (g_get_real_time () - 30 * PULSE_USEC_PER_DAY);
  g_autofree char *directory = g_strdup_printf (directory_format, hired);

  expect (ts, "POST", "/api/v1/ingest/directory", PULSE_ROLE_INTEGRATION, directory, NULL, 200);
  for (guint a = 0; a < G_N_ELEMENTS (agents); a++)
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *ticket = g_strdup_printf (
          "{\"id\":\"t-%s-%u\",\"queue_id\":\"q-1\",\"channel\":\"chat\",\"subject\":\"S\","
          "\"customer_id\":\"c-%s-%u\",\"status\":\"resolved\",\"assignee_id\":\"%s\","
          "\"created_at\":\"2026-11-17T10:0%u:00Z\",\"messages\":["
          "{\"id\":\"m-1\",\"author_kind\":\"customer\",\"at\":\"2026-11-17T10:0%u:00Z\","
          "\"body\":\"?\"},{\"id\":\"m-2\",\"author_kind\":\"agent\",\"author_id\":\"%s\","
          "\"at\":\"2026-11-17T10:0%u:30Z\",\"body\":\"!\"}]}",
          agents[a], i, agents[a], i, agents[a], i, i, agents[a], i);

        expect (ts, "POST", "/api/v1/ingest/tickets", PULSE_ROLE_INTEGRATION, ticket, NULL, 200);
      }
  expect (ts, "POST", "/api/v1/ingest/ratings", PULSE_ROLE_INTEGRATION,
          "{\"ticket_id\":\"t-a-1-0\",\"rating\":{\"kind\":\"csat\",\"score\":1,"
          "\"at\":\"2026-11-17T11:00:00Z\"}}", NULL, 200);
  expect (ts, "POST", "/api/v1/ingest/ratings", PULSE_ROLE_INTEGRATION,
          "{\"ticket_id\":\"t-a-2-0\",\"rating\":{\"kind\":\"csat\",\"score\":4,"
          "\"at\":\"2026-11-17T11:00:00Z\"}}", NULL, 200);
}

static PulseTestServer *
setup (void)
{
  PulseTestServer *ts = pulse_test_server_new ();

  ingest_week (ts);
  expect (ts, "POST", "/api/v1/scorecards", PULSE_ROLE_QA, scorecard, NULL, 201);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_QA, policy, "0", 200);
  return ts;
}

static JsonObject *
get_object (PulseTestServer    *ts,
            const char         *path,
            PulseRole           role,
            PulseTestResponse **keep)
{
  *keep = request (ts, "GET", path, role, NULL, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  return pulse_test_response_object (*keep);
}

/* A server with no scorecard gets the fintech one, once. */
static void
test_seed_scorecard (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) list = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  g_assert_true (pulse_server_draw_seed_scorecard (ts->server, &error));
  g_assert_true (pulse_server_draw_seed_scorecard (ts->server, &error));
  g_assert_no_error (error);
  items = json_object_get_array_member (get_object (ts, "/api/v1/scorecards", PULSE_ROLE_VIEWER,
                                                    &list), "scorecards");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, PULSE_SCORECARD_DEFAULT_ID);
  g_assert_cmpint (pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server)), ==, 1);
}

/* Head and qa edit the policy, with If-Match; others may only read it.
 * The workload: a-1 and a-2 (team A) 2 each, for qa-2; a-3 (team B, on
 * probation) 4, for qa-1; no negatives last week. */
static void
test_policy (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) got = NULL;
  g_autoptr(PulseTestResponse) stale = NULL;
  g_autofree char *text = NULL;
  JsonObject *body, *workload;
  JsonArray *reviewers;

  ingest_week (ts);
  body = get_object (ts, "/api/v1/sampling-policy", PULSE_ROLE_VIEWER, &got);
  g_assert_cmpint (json_object_get_int_member (body, "version"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (body, "per_agent"), ==, 3);
  g_clear_pointer (&got, pulse_test_response_free);

  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_LEAD, policy, "0", 403);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_VIEWER, policy, "0", 403);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_QA, policy, NULL, 428);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_QA, "{\"per_agnet\":2}", "0", 422);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_QA, "{\"scorecard_id\":\"sc-x\"}",
          "0", 422);
  expect (ts, "POST", "/api/v1/sampling-policy", PULSE_ROLE_QA, policy, NULL, 405);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_QA, policy, "0", 200);
  stale = request (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_HEAD, policy, "0");
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     pulse_test_response_object (stale), "current"), "version"), ==, 1);

  body = get_object (ts, "/api/v1/sampling-policy", PULSE_ROLE_LEAD, &got);
  g_assert_cmpint (json_object_get_int_member (body, "version"), ==, 1);
  workload = json_object_get_object_member (body, "workload");
  g_assert_cmpfloat (json_object_get_double_member (workload, "samples"), ==, 8);
  g_assert_cmpfloat (json_object_get_double_member (workload, "gradings"), ==, 8);
  reviewers = json_object_get_array_member (workload, "reviewers");
  g_assert_cmpuint (json_array_get_length (reviewers), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (reviewers, 0),
                                                    "gradings"), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (reviewers, 1),
                                                    "gradings"), ==, 4);

  /* What GET adds may be sent back. */
  text = pulse_json_to_string (got->body);
  expect (ts, "PUT", "/api/v1/sampling-policy", PULSE_ROLE_HEAD, text, "1", 200);
}

static guint
count_items (PulseTestServer *ts,
             const char      *collection,
             PulseRole        role)
{
  g_autofree char *path = g_strconcat ("/api/v1/", collection, NULL);
  g_autoptr(PulseTestResponse) list = NULL;
  JsonObject *body = get_object (ts, path, role, &list);

  return json_array_get_length (json_object_get_array_member (body, collection));
}

/* 9 samples: a-1's negative and 2 more, a-2's 2, a-3's 4 (probation);
 * team A's for qa-2, team B's for qa-1. Drawn again, nothing changes. */
static void
test_draw (void)
{
  g_autoptr(PulseTestServer) ts = setup ();
  g_autoptr(PulseTestResponse) first = NULL;
  g_autoptr(PulseTestResponse) again = NULL;
  g_autoptr(PulseTestResponse) list = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *reviews;
  gint64 seq;
  guint by_reason[5] = { 0 };

  expect (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_LEAD, "{\"week\":\"2026-11-16\"}", NULL,
          403);
  expect (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_QA, "{\"week\":\"2026-11-17\"}", NULL,
          422);
  expect (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_QA, "{\"wek\":\"2026-11-16\"}", NULL,
          422);
  expect (ts, "GET", "/api/v1/reviews/draw", PULSE_ROLE_QA, NULL, NULL, 405);

  first = request (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_QA,
                   "{\"week\":\"2026-11-16\"}", NULL);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      pulse_test_response_object (first), "reviews")), ==, 9);
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (first), "unassigned"),
                   ==, 0);
  seq = pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server));

  again = request (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_HEAD,
                   "{\"week\":\"2026-11-16\"}", NULL);
  g_assert_cmpuint (again->status, ==, 200);
  first_text = pulse_json_to_string (json_object_get_member (pulse_test_response_object (first),
                                                             "reviews"));
  again_text = pulse_json_to_string (json_object_get_member (pulse_test_response_object (again),
                                                             "reviews"));
  g_assert_cmpstr (again_text, ==, first_text);
  g_assert_cmpint (pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server)), ==, seq);

  reviews = json_object_get_array_member (get_object (ts, "/api/v1/reviews", PULSE_ROLE_VIEWER,
                                                      &list), "reviews");
  g_assert_cmpuint (json_array_get_length (reviews), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      JsonObject *review = json_array_get_object_element (reviews, i);
      const char *agent = json_object_get_string_member (review, "agent_id");
      const char *reason = json_object_get_string_member (review, "reason");

      g_assert_cmpstr (json_object_get_string_member (review, "reviewer_id"), ==,
                       g_str_equal (agent, "a-3") ? "qa-1" : "qa-2");
      g_assert_cmpstr (json_object_get_string_member (review, "scorecard_id"), ==, "sc-1");
      g_assert_cmpstr (json_object_get_string_member (review, "status"), ==, "pending");
      by_reason[g_str_equal (reason, "random") ? 0 : g_str_equal (reason, "newcomer") ? 1
                : g_str_equal (reason, "negative-rating") ? 2 : 3]++;
      if (g_str_equal (reason, "negative-rating"))
        g_assert_cmpstr (json_object_get_string_member (review, "ticket_id"), ==, "t-a-1-0");
    }
  g_assert_cmpuint (by_reason[0], ==, 4);
  g_assert_cmpuint (by_reason[1], ==, 4);
  g_assert_cmpuint (by_reason[2], ==, 1);
  g_assert_cmpuint (by_reason[3], ==, 0);

  /* The weekly check: last week had no replies, so nothing is drawn or
   * marked, and the next check looks again. */
  g_assert_true (pulse_server_draw_due (ts->server, g_get_real_time (), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pulse_event_log_get_last_seq (pulse_server_get_event_log (ts->server)), ==, seq);

}

/* By itself: early on Monday 23 November the server draws the week that
 * has just ended; asked for it afterwards, it answers the same draw. */
static void
test_draw_weekly (void)
{
  g_autoptr(PulseTestServer) ts = setup ();
  g_autoptr(GError) error = NULL;
  gint64 monday = 0;

  g_assert_true (pulse_time_parse ("2026-11-23T00:05:00Z", &monday));
  g_assert_true (pulse_server_draw_due (ts->server, monday, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (ts, "reviews", PULSE_ROLE_VIEWER), ==, 9);
  expect (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_QA, "{\"week\":\"2026-11-16\"}", NULL,
          200);
  g_assert_cmpuint (count_items (ts, "reviews", PULSE_ROLE_VIEWER), ==, 9);
}

/* With no scorecard there is nothing to grade on. */
static void
test_draw_no_scorecard (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();

  ingest_week (ts);
  expect (ts, "POST", "/api/v1/reviews/draw", PULSE_ROLE_QA, "{\"week\":\"2026-11-16\"}", NULL,
          422);
}

/* A submitted review of @ticket by qa-1, drawn and graded on @day. */
static char *
submit_scored (const char *ticket,
               const char *agent,
               const char *tone,
               const char *identity,
               const char *group,
               int         score,
               const char *day)
{
  return g_strdup_printf ("{\"ticket_id\":\"%s\",\"message_id\":\"m-2\",\"agent_id\":\"%s\","
                          "\"reviewer_id\":\"qa-1\",\"scorecard_id\":\"sc-1\","
                          "\"scorecard_version\":1,\"reason\":\"%s\",\"status\":\"submitted\","
                          "\"grades\":[{\"criterion_id\":\"c-tone\",\"result\":\"%s\"},"
                          "{\"criterion_id\":\"c-id\",\"result\":\"%s\"}],\"score\":%d%s%s%s,"
                          "\"created_at\":\"%sT09:00:00Z\",\"submitted_at\":\"%sT10:00:00Z\"}",
                          ticket, agent, group ? "calibration" : "random", tone, identity, score,
                          group ? ",\"calibration_group\":\"" : "", group ? group : "",
                          group ? "\"" : "", day, day);
}

static char *
submit_body (const char *ticket,
             const char *agent,
             const char *tone,
             const char *identity,
             const char *group)
{
  return submit_scored (ticket, agent, tone, identity, group, 50, "2026-11-23");
}

/* Creates review @id from a body made by submit_body(). */
static void
post_review (PulseTestServer *ts,
             const char      *id,
             const char      *body)
{
  g_autofree char *with_id = g_strdup_printf ("{\"id\":\"%s\",%s", id, body + 1);

  expect (ts, "POST", "/api/v1/reviews", PULSE_ROLE_QA, with_id, NULL, 201);
}

/* A CSAT 1 flags the contact to team A's lead; a review with a failed
 * criterion, submitted, makes a follow-up (once); a lead sees and acts on
 * their own team's only. */
static void
test_followups (void)
{
  g_autoptr(PulseTestServer) ts = setup ();
  g_autofree char *failed_a = submit_body ("t-a-2-1", "a-2", "fail", "pass", NULL);
  g_autofree char *failed_b = submit_body ("t-a-3-1", "a-3", "pass", "fail", NULL);
  g_autofree char *passed = submit_body ("t-a-1-1", "a-1", "pass", "pass", NULL);
  g_autoptr(PulseTestResponse) rating = NULL;
  g_autoptr(PulseTestResponse) review = NULL;
  g_autoptr(PulseTestResponse) done = NULL;
  g_autoptr(PulseTestResponse) stale = NULL;
  JsonObject *fu;

  fu = get_object (ts, "/api/v1/followups/fu-rating-t-a-1-0", PULSE_ROLE_LEAD, &rating);
  g_assert_cmpstr (json_object_get_string_member (fu, "reason"), ==, "low-rating");
  g_assert_cmpint (json_object_get_int_member (fu, "rating"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (fu, "agent_id"), ==, "a-1");
  g_assert_cmpstr (json_object_get_string_member (fu, "team_id"), ==, "team-a");
  g_assert_cmpstr (json_object_get_string_member (fu, "created_at"), ==, "2026-11-17T11:00:00Z");
  g_assert_cmpuint (count_items (ts, "followups", PULSE_ROLE_HEAD), ==, 1);

  post_review (ts, "rv-a", failed_a);
  post_review (ts, "rv-b", failed_b);
  post_review (ts, "rv-ok", passed);
  /* Submitted again (a comment added): still one follow-up. */
  expect (ts, "PUT", "/api/v1/reviews/rv-a", PULSE_ROLE_QA, failed_a, "1", 200);
  g_assert_cmpuint (count_items (ts, "followups", PULSE_ROLE_HEAD), ==, 3);
  g_assert_cmpuint (count_items (ts, "followups", PULSE_ROLE_VIEWER), ==, 3);
  g_assert_cmpuint (count_items (ts, "followups", PULSE_ROLE_LEAD), ==, 2);

  fu = get_object (ts, "/api/v1/followups/fu-review-rv-a", PULSE_ROLE_LEAD, &review);
  g_assert_cmpstr (json_object_get_string_member (fu, "reason"), ==, "failed-criterion");
  g_assert_cmpstr (json_object_get_string_member (fu, "review_id"), ==, "rv-a");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (fu, "criteria"),
                                                  0), ==, "c-tone");
  g_assert_cmpstr (json_object_get_string_member (fu, "status"), ==, "open");

  /* Team B's is not this lead's; qa does not act on follow-ups. */
  expect (ts, "PUT", "/api/v1/followups/fu-review-rv-b", PULSE_ROLE_LEAD,
          "{\"agent_id\":\"a-3\",\"ticket_id\":\"t-a-3-1\",\"reason\":\"failed-criterion\","
          "\"status\":\"done\"}", "1", 403);
  expect (ts, "PUT", "/api/v1/followups/fu-review-rv-a", PULSE_ROLE_QA,
          "{\"agent_id\":\"a-2\",\"ticket_id\":\"t-a-2-1\",\"reason\":\"failed-criterion\","
          "\"status\":\"done\"}", "1", 403);

  /* Done: the server stamps who and when; what it is about stays. */
  done = request (ts, "PUT", "/api/v1/followups/fu-review-rv-a", PULSE_ROLE_LEAD,
                  "{\"agent_id\":\"a-1\",\"ticket_id\":\"t-a-2-1\",\"reason\":\"low-rating\","
                  "\"rating\":5,\"status\":\"done\",\"note\":\"Talked it through\"}", "1");
  g_assert_cmpuint (done->status, ==, 200);
  fu = pulse_test_response_object (done);
  g_assert_cmpint (json_object_get_int_member (fu, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (fu, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (fu, "done_by"), ==, "lead");
  g_assert_true (json_object_has_member (fu, "done_at"));
  g_assert_cmpstr (json_object_get_string_member (fu, "agent_id"), ==, "a-2");
  g_assert_cmpstr (json_object_get_string_member (fu, "reason"), ==, "failed-criterion");
  g_assert_false (json_object_has_member (fu, "rating"));
  g_assert_cmpstr (json_object_get_string_member (fu, "note"), ==, "Talked it through");

  /* Another lead's tab, still at version 1. */
  stale = request (ts, "PUT", "/api/v1/followups/fu-review-rv-a", PULSE_ROLE_HEAD,
                   "{\"agent_id\":\"a-2\",\"ticket_id\":\"t-a-2-1\","
                   "\"reason\":\"failed-criterion\",\"status\":\"open\"}", "1");
  g_assert_cmpuint (stale->status, ==, 412);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     pulse_test_response_object (stale), "current"), "status"), ==, "done");

  expect (ts, "DELETE", "/api/v1/followups/fu-review-rv-b", PULSE_ROLE_LEAD, NULL, "1", 403);

  /* The head acts on any team's. */
  expect (ts, "PUT", "/api/v1/followups/fu-review-rv-b", PULSE_ROLE_HEAD,
          "{\"agent_id\":\"a-3\",\"ticket_id\":\"t-a-3-1\",\"reason\":\"failed-criterion\","
          "\"status\":\"done\"}", "1", 200);
}

/* Two gradings of one reply; a lead settles the reference, scored on the
 * scorecard server-side (identity failed: critical, 0), audited. */
static void
test_calibration (void)
{
  g_autoptr(PulseTestServer) ts = setup ();
  g_autofree char *one = submit_body ("t-a-2-0", "a-2", "pass", "pass", "cal-x");
  g_autofree char *two = submit_body ("t-a-2-0", "a-2", "fail", "fail", "cal-x");
  g_autoptr(PulseTestResponse) settled = NULL;
  g_autoptr(PulseTestResponse) again = NULL;
  g_autoptr(PulseTestResponse) audit = NULL;
  JsonObject *cal;
  JsonArray *reviews;
  const char *reference = "{\"id\":\"cal-x\",\"grades\":[{\"criterion_id\":\"c-tone\","
                          "\"result\":\"pass\"},{\"criterion_id\":\"c-id\",\"result\":\"fail\","
                          "\"comment\":\"No identity check\"}],\"note\":\"Identity first\"}";

  post_review (ts, "rv-c1", one);
  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_LEAD, reference, NULL, 422);
  post_review (ts, "rv-c2", two);

  /* Calibration gradings are measured, not fed back: only the low
   * rating of the setup has a follow-up. */
  g_assert_cmpuint (count_items (ts, "followups", PULSE_ROLE_HEAD), ==, 1);

  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_QA, reference, NULL, 403);
  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_VIEWER, reference, NULL, 403);
  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_LEAD,
          "{\"id\":\"cal-nope\",\"grades\":[]}", NULL, 422);
  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_LEAD,
          "{\"id\":\"cal-x\",\"grades\":[{\"criterion_id\":\"c-tone\",\"result\":\"pass\"}]}",
          NULL, 422);
  expect (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_LEAD,
          "{\"id\":\"cal-x\",\"grades\":[{\"criterion_id\":\"c-x\",\"result\":\"pass\"}]}",
          NULL, 422);

  settled = request (ts, "POST", "/api/v1/calibrations", PULSE_ROLE_LEAD, reference, NULL);
  g_assert_cmpuint (settled->status, ==, 201);
  cal = pulse_test_response_object (settled);
  g_assert_cmpfloat (json_object_get_double_member (cal, "score"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (cal, "settled_by"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (cal, "ticket_id"), ==, "t-a-2-0");
  g_assert_cmpstr (json_object_get_string_member (cal, "scorecard_id"), ==, "sc-1");
  reviews = json_object_get_array_member (cal, "reviews");
  g_assert_cmpuint (json_array_get_length (reviews), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (reviews, 0), ==, "rv-c1");
  g_assert_cmpstr (json_array_get_string_element (reviews, 1), ==, "rv-c2");

  /* The head settles it otherwise; a stale second try is refused. */
  again = request (ts, "PUT", "/api/v1/calibrations/cal-x", PULSE_ROLE_HEAD,
                   "{\"grades\":[{\"criterion_id\":\"c-tone\",\"result\":\"pass\"},"
                   "{\"criterion_id\":\"c-id\",\"result\":\"pass\"}]}", "1");
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpfloat (json_object_get_double_member (pulse_test_response_object (again), "score"),
                     ==, 100);
  g_assert_cmpstr (json_object_get_string_member (pulse_test_response_object (again),
                                                  "settled_by"), ==, "head");
  expect (ts, "PUT", "/api/v1/calibrations/cal-x", PULSE_ROLE_LEAD, reference, "1", 412);

  audit = request (ts, "GET", "/api/v1/audit?entity=calibration&id=cal-x", PULSE_ROLE_HEAD,
                   NULL, NULL);
  g_assert_cmpuint (audit->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      pulse_test_response_object (audit), "entries")), ==, 2);
}

static double
agent_qa_score (PulseTestServer *ts,
                const char      *from,
                const char      *to,
                const char      *agent)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/metrics?from=%s&to=%s&group=agent", from, to);
  g_autoptr(PulseTestResponse) r = NULL;
  JsonArray *groups;

  r = request (ts, "GET", path, PULSE_ROLE_LEAD, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  groups = json_object_get_array_member (pulse_test_response_object (r), "groups");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_str_equal (json_object_get_string_member (group, "key"), agent))
        return json_object_get_double_member (group, "qa_score");
    }

  return -1;
}

/* A submitted review's score is the agent's QA score in the KPIs of its
 * week, and the week before gives the trend: a-2 graded 100 in the week
 * of 16 November, then 50 (tone failed, weights 50/50) and 0 (identity,
 * critical) in the week of 23 November: 100 → 25. */
static void
test_score_reaches_kpis (void)
{
  g_autoptr(PulseTestServer) ts = setup ();
  g_autofree char *earlier = submit_scored ("t-a-2-2", "a-2", "pass", "pass", NULL, 100,
                                            "2026-11-16");
  g_autofree char *tone = submit_scored ("t-a-2-3", "a-2", "fail", "pass", NULL, 50,
                                         "2026-11-23");
  g_autofree char *identity = submit_scored ("t-a-2-4", "a-2", "pass", "fail", NULL, 0,
                                             "2026-11-23");

  post_review (ts, "rv-w1", earlier);
  post_review (ts, "rv-w2", tone);
  post_review (ts, "rv-w3", identity);

  g_assert_cmpfloat (agent_qa_score (ts, "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", "a-2"),
                     ==, 100);
  g_assert_cmpfloat (agent_qa_score (ts, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", "a-2"),
                     ==, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/qa/seed-scorecard", test_seed_scorecard);
  g_test_add_func ("/pulse/server/qa/policy", test_policy);
  g_test_add_func ("/pulse/server/qa/draw", test_draw);
  g_test_add_func ("/pulse/server/qa/draw-weekly", test_draw_weekly);
  g_test_add_func ("/pulse/server/qa/draw-no-scorecard", test_draw_no_scorecard);
  g_test_add_func ("/pulse/server/qa/followups", test_followups);
  g_test_add_func ("/pulse/server/qa/calibration", test_calibration);
  g_test_add_func ("/pulse/server/qa/score-reaches-kpis", test_score_reaches_kpis);

  return g_test_run ();
}
