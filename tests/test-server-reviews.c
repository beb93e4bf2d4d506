/* test-server-reviews.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review keeps the scorecard version it was drawn on: the scorecard
 * moves on to version 2, and the review is still graded and scored on
 * version 1's criteria, which the server finds in its audit log.
 */

#include "config.h"

#include "pulse-server-review-check.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"

/* Version 1: "answer" (60) and the critical "kyc" (40). Version 2 drops
 * "kyc" for "tone" (40). */
#define CARD_V1 "{\"id\":\"sc\",\"name\":\"Chat\",\"sections\":[{\"name\":\"S\",\"criteria\":[" \
  "{\"id\":\"answer\",\"name\":\"Correct answer\",\"weight\":60,\"critical\":false}," \
  "{\"id\":\"kyc\",\"name\":\"Identity checked\",\"weight\":40,\"critical\":true}]}]}"
#define CARD_V2 "{\"name\":\"Chat\",\"sections\":[{\"name\":\"S\",\"criteria\":[" \
  "{\"id\":\"answer\",\"name\":\"Correct answer\",\"weight\":60,\"critical\":false}," \
  "{\"id\":\"tone\",\"name\":\"Tone\",\"weight\":40,\"critical\":false}]}]}"

#define G(c, r) "{\"criterion_id\":\"" c "\",\"result\":\"" r "\"}"

static const char *
qa (PulseTestServer *ts)
{
  return pulse_test_server_get_token (ts, PULSE_ROLE_QA);
}

static char *
review_body (const char *version,
             const char *status,
             const char *grades,
             const char *score)
{
  return g_strdup_printf ("{\"ticket_id\":\"t\",\"message_id\":\"m\",\"agent_id\":\"a\","
                          "\"scorecard_id\":\"sc\",\"scorecard_version\":%s,"
                          "\"reason\":\"random\",\"status\":\"%s\",\"grades\":[%s]%s%s%s,"
                          "\"created_at\":\"2026-11-20T09:30:00Z\"}",
                          version, status, grades,
                          score != NULL ? ",\"score\":" : "", score != NULL ? score : "",
                          score != NULL ? ",\"submitted_at\":\"2026-11-21T09:30:00Z\"" : "");
}

/* PUTs review r based on @if_match; returns the status, and the error's
 * message in @message. */
static guint
put_review (PulseTestServer  *ts,
            const char       *if_match,
            const char       *body,
            char            **message)
{
  g_autoptr(PulseTestResponse) r = NULL;
  JsonObject *object;

  r = pulse_test_server_request (ts, "PUT", "/api/v1/reviews/r", qa (ts), body,
                                 "If-Match", if_match, NULL);
  object = pulse_test_response_object (r);
  if (message != NULL && r->status != 200)
    *message = g_strdup (json_object_get_string_member (json_object_get_object_member (object,
                                                                                       "error"),
                                                        "message"));
  return r->status;
}

static void
setup (PulseTestServer *ts)
{
  g_autoptr(PulseTestResponse) card = NULL;
  g_autoptr(PulseTestResponse) review = NULL;
  g_autoptr(PulseTestResponse) moved = NULL;
  g_autofree char *body = review_body ("1", "pending", "", NULL);
  g_autofree char *with_id = NULL;

  card = pulse_test_server_request (ts, "POST", "/api/v1/scorecards", qa (ts), CARD_V1, NULL);
  g_assert_cmpuint (card->status, ==, 201);
  with_id = g_strconcat ("{\"id\":\"r\",", body + 1, NULL);
  review = pulse_test_server_request (ts, "POST", "/api/v1/reviews", qa (ts), with_id, NULL);
  g_assert_cmpuint (review->status, ==, 201);
  moved = pulse_test_server_request (ts, "PUT", "/api/v1/scorecards/sc", qa (ts), CARD_V2,
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (moved->status, ==, 200);
}

static void
test_old_version_is_found (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autoptr(PulseScorecard) v1 = NULL;
  g_autoptr(PulseScorecard) v2 = NULL;

  setup (ts);
  v1 = pulse_server_find_scorecard_version (ts->server, "sc", 1);
  v2 = pulse_server_find_scorecard_version (ts->server, "sc", 2);
  g_assert_nonnull (v1);
  g_assert_nonnull (v2);
  g_assert_nonnull (pulse_scorecard_find_criterion (v1, "kyc"));
  g_assert_null (pulse_scorecard_find_criterion (v1, "tone"));
  g_assert_nonnull (pulse_scorecard_find_criterion (v2, "tone"));
  g_assert_null (pulse_server_find_scorecard_version (ts->server, "sc", 3));
  g_assert_null (pulse_server_find_scorecard_version (ts->server, "other", 1));
}

/* Graded on version 1: a failed critical "kyc" scores 0, whatever the
 * new version says; the stored review still names version 1. */
static void
test_submit_scores_on_drawn_version (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *wrong = review_body ("1", "submitted", G ("answer", "pass") ","
                                        G ("kyc", "fail"), "60");
  g_autofree char *right = review_body ("1", "submitted", G ("answer", "pass") ","
                                        G ("kyc", "fail"), "0");
  g_autofree char *message = NULL;
  g_autoptr(PulseTestResponse) got = NULL;
  JsonObject *object;

  setup (ts);
  g_assert_cmpuint (put_review (ts, "1", wrong, &message), ==, 422);
  g_assert_cmpstr (message, ==, "score: the grades make 0.00, not 60.00");
  g_assert_cmpuint (put_review (ts, "1", right, NULL), ==, 200);

  got = pulse_test_server_request (ts, "GET", "/api/v1/reviews/r", qa (ts), NULL, NULL);
  object = pulse_test_response_object (got);
  g_assert_cmpint (json_object_get_int_member (object, "scorecard_version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (object, "score"), ==, 0);
}

static void
test_grades_name_the_drawn_criteria (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *new_criterion = review_body ("1", "draft", G ("tone", "pass"), NULL);
  g_autofree char *moved = review_body ("2", "draft", G ("tone", "pass"), NULL);
  g_autofree char *missing = review_body ("1", "submitted", G ("answer", "pass"), "100");
  g_autofree char *draft = review_body ("1", "draft", G ("kyc", "pass"), NULL);
  g_autofree char *message = NULL;

  setup (ts);
  g_assert_cmpuint (put_review (ts, "1", new_criterion, &message), ==, 422);
  g_assert_cmpstr (message, ==,
                   "grades[0].criterion_id: “tone” is not on version 1 of the scorecard");
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (put_review (ts, "1", moved, &message), ==, 422);
  g_assert_cmpstr (message, ==,
                   "scorecard_version: a review keeps the scorecard version it was drawn on");
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (put_review (ts, "1", missing, &message), ==, 422);
  g_assert_cmpstr (message, ==, "grades: criterion “kyc” is not graded");
  /* A draft may leave criteria ungraded. */
  g_assert_cmpuint (put_review (ts, "1", draft, NULL), ==, 200);
}

static void
test_unknown_version_is_refused (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  g_autofree char *body = review_body ("3", "pending", "", NULL);
  g_autoptr(PulseTestResponse) r = NULL;

  setup (ts);
  r = pulse_test_server_request (ts, "POST", "/api/v1/reviews", qa (ts), body, NULL);
  g_assert_cmpuint (r->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (r), ==, "unknown_reference");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/reviews/old-version-is-found", test_old_version_is_found);
  g_test_add_func ("/pulse/server/reviews/submit-scores-on-drawn-version",
                   test_submit_scores_on_drawn_version);
  g_test_add_func ("/pulse/server/reviews/grades-name-the-drawn-criteria",
                   test_grades_name_the_drawn_criteria);
  g_test_add_func ("/pulse/server/reviews/unknown-version-is-refused",
                   test_unknown_version_is_refused);

  return g_test_run ();
}
