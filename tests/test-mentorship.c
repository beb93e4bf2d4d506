/* test-mentorship.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-mentorship.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_mentorship_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_mentorship_to_json)

/* The usual probation: email at once, chat after a month, phone after
 * seven weeks, the test at the end of the third month. */
static const char full_mentorship[] =
  "{\"id\":\"mt-1\",\"version\":3,\"mentor_id\":\"agent-2\",\"newcomer_id\":\"agent-19\","
  "\"status\":\"active\",\"started_at\":\"2026-09-01T06:00:00Z\","
  "\"plan\":[{\"channel\":\"email\",\"opens_at\":\"2026-09-01T06:00:00Z\","
  "\"signed_off_at\":\"2026-09-01T09:00:00Z\",\"signed_off_by\":\"Olena Lead\"},"
  "{\"channel\":\"chat\",\"opens_at\":\"2026-10-01T06:00:00Z\"},"
  "{\"channel\":\"phone\",\"opens_at\":\"2026-10-20T06:00:00Z\"}],"
  "\"test_at\":\"2026-11-28T10:00:00Z\",\"test_score\":87.5,\"decision\":\"extend\","
  "\"notes\":\"Strong on email; needs practice with refunds.\"}";

static const char minimal_mentorship[] =
  "{\"id\":\"m\",\"version\":0,\"mentor_id\":\"a\",\"newcomer_id\":\"b\","
  "\"status\":\"planned\",\"started_at\":\"2026-09-01T06:00:00Z\",\"plan\":[]}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseMentorship *
decode (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseMentorship *mentorship = pulse_mentorship_new_from_json (node, &error);

  g_assert_no_error (error);
  return mentorship;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_mentorship, DECODE, ENCODE);
  PulseMentorship *mentorship = PULSE_MENTORSHIP (object);
  const PulseMentorshipStep *step;

  g_assert_cmpstr (pulse_mentorship_get_id (mentorship), ==, "mt-1");
  g_assert_cmpint (pulse_mentorship_get_version (mentorship), ==, 3);
  g_assert_cmpstr (pulse_mentorship_get_mentor_id (mentorship), ==, "agent-2");
  g_assert_cmpstr (pulse_mentorship_get_newcomer_id (mentorship), ==, "agent-19");
  g_assert_cmpint (pulse_mentorship_get_status (mentorship), ==, PULSE_MENTORSHIP_STATUS_ACTIVE);
  g_assert_cmpint (pulse_mentorship_get_started_at (mentorship), ==,
                   parse_time ("2026-09-01T06:00:00Z"));
  g_assert_cmpint (pulse_mentorship_get_test_at (mentorship), ==,
                   parse_time ("2026-11-28T10:00:00Z"));
  g_assert_cmpfloat (pulse_mentorship_get_test_score (mentorship), ==, 87.5);
  g_assert_true (g_str_has_prefix (pulse_mentorship_get_notes (mentorship), "Strong"));

  g_assert_cmpuint (pulse_mentorship_get_n_steps (mentorship), ==, 3);
  step = pulse_mentorship_get_step (mentorship, 2);
  g_assert_cmpint (step->channel, ==, PULSE_CHANNEL_KIND_PHONE);
  g_assert_cmpint (step->opens_at, ==, parse_time ("2026-10-20T06:00:00Z"));
  g_assert_cmpint (step->signed_off_at, ==, 0);
  g_assert_null (step->signed_off_by);
  step = pulse_mentorship_get_step (mentorship, 0);
  g_assert_cmpint (step->signed_off_at, ==, parse_time ("2026-09-01T09:00:00Z"));
  g_assert_cmpstr (step->signed_off_by, ==, "Olena Lead");
  g_assert_cmpint (pulse_mentorship_get_decision (mentorship), ==,
                   PULSE_MENTORSHIP_DECISION_EXTEND);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_mentorship, DECODE, ENCODE);
  PulseMentorship *mentorship = PULSE_MENTORSHIP (object);

  g_assert_cmpuint (pulse_mentorship_get_n_steps (mentorship), ==, 0);
  g_assert_cmpint (pulse_mentorship_get_test_at (mentorship), ==, 0);
  g_assert_cmpfloat (pulse_mentorship_get_test_score (mentorship), ==, -1);
  g_assert_null (pulse_mentorship_get_notes (mentorship));
  g_assert_cmpint (pulse_mentorship_get_decision (mentorship), ==, PULSE_MENTORSHIP_DECISION_NONE);
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(PulseMentorship) mentorship = decode (
    "{\"id\":\"m\",\"version\":1,\"mentor_id\":\"a\",\"newcomer_id\":\"b\",\"status\":\"passed\","
    "\"started_at\":\"2026-09-01T06:00:00Z\",\"buddy\":\"c\","
    "\"plan\":[{\"channel\":\"chat\",\"opens_at\":\"2026-09-01T06:00:00Z\",\"note\":1}]}");

  g_assert_cmpint (pulse_mentorship_get_status (mentorship), ==, PULSE_MENTORSHIP_STATUS_PASSED);
  g_assert_cmpuint (pulse_mentorship_get_n_steps (mentorship), ==, 1);
}

static void
test_bad_input (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_notes = pulse_test_long_string (PULSE_JSON_MAX_TEXT + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "\"3\"", "version: expected an integer, got a string" },
    { "version", "-1", "version: -1 is outside" },
    { "mentor_id", NULL, "mentor_id: is required" },
    { "mentor_id", "2", "mentor_id: expected a string, got a number" },
    { "mentor_id", "\"\"", "mentor_id: must not be empty" },
    { "mentor_id", long_id, "mentor_id: longer than 128 bytes" },
    { "newcomer_id", NULL, "newcomer_id: is required" },
    { "newcomer_id", "[]", "newcomer_id: expected a string, got an array" },
    { "newcomer_id", "\"\"", "newcomer_id: must not be empty" },
    { "newcomer_id", long_id, "newcomer_id: longer than 128 bytes" },
    { "newcomer_id", "\"agent-2\"", "newcomer_id: must differ from mentor_id" },
    { "status", NULL, "status: is required" },
    { "status", "\"ongoing\"", "status: unknown value “ongoing”" },
    { "status", "2", "status: expected a string, got a number" },
    { "started_at", NULL, "started_at: is required" },
    { "started_at", "5", "started_at: expected an RFC 3339 time string, got a number" },
    { "started_at", "\"2026-09-01\"", "started_at: is not an RFC 3339 time" },
    { "started_at", "\"2026-02-30T06:00:00Z\"", "started_at: is not an RFC 3339 time" },
    { "started_at", "\"2026-09-01T06:00:01Z\"", "plan[0].opens_at: is before started_at" },
    { "plan", "{}", "plan: expected an array, got an object" },
    { "plan", "[\"email\"]", "plan[0]: expected a plan step object, got a string" },
    { "plan.1.channel", NULL, "plan[1].channel: is required" },
    { "plan.1.channel", "\"fax\"", "plan[1].channel: unknown value “fax”" },
    { "plan.1.channel", "1", "plan[1].channel: expected a string, got a number" },
    { "plan.1.channel", "\"email\"", "plan[1].channel: duplicate “email”" },
    { "plan.2.opens_at", NULL, "plan[2].opens_at: is required" },
    { "plan.2.opens_at", "5", "plan[2].opens_at: expected an RFC 3339 time string" },
    { "plan.2.opens_at", "\"soon\"", "plan[2].opens_at: is not an RFC 3339 time" },
    { "plan.2.opens_at", "\"2026-09-01T05:59:59Z\"", "plan[2].opens_at: is before started_at" },
    { "test_at", "5", "test_at: expected an RFC 3339 time string, got a number" },
    { "test_at", "\"2026-13-01T00:00:00Z\"", "test_at: is not an RFC 3339 time" },
    { "test_at", "\"2026-08-31T00:00:00Z\"", "test_at: is before started_at" },
    { "test_score", "\"87\"", "test_score: expected a number, got a string" },
    { "test_score", "-1", "test_score: -1 is outside 0…100" },
    { "test_score", "100.5", "test_score: 100.5 is outside 0…100" },
    { "plan.0.signed_off_at", "\"yesterday\"", "plan[0].signed_off_at: is not an RFC 3339" },
    { "plan.0.signed_off_at", NULL, "plan[0].signed_off_by: needs signed_off_at" },
    { "plan.0.signed_off_by", "3", "plan[0].signed_off_by: expected a string, got a number" },
    { "decision", "\"maybe\"", "decision: unknown value “maybe”" },
    { "decision", "\"pass\"", "decision: “pass” needs status “passed”" },
    { "decision", "\"fail\"", "decision: “fail” needs status “failed”" },
    { "status", "\"passed\"", "decision: “extend” needs status “planned” or “active”" },
    { "notes", "5", "notes: expected a string, got a number" },
    { "notes", long_notes, "notes: longer than 65536 bytes" },
  };

  pulse_test_assert_bad_mutations (full_mentorship, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_channel_open (void)
{
  g_autoptr(PulseMentorship) mentorship = decode (full_mentorship);
  g_autoptr(PulseMentorship) empty = decode (minimal_mentorship);
  gint64 start = parse_time ("2026-09-01T06:00:00Z");
  gint64 chat = parse_time ("2026-10-01T06:00:00Z");
  gint64 phone = parse_time ("2026-10-20T06:00:00Z");

  /* Before the start nothing is open. */
  g_assert_false (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_EMAIL, start - 1));

  /* Email from the first day; chat and phone at their exact times. */
  g_assert_true (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_EMAIL, start));
  g_assert_false (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_CHAT, chat - 1));
  g_assert_true (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_CHAT, chat));
  g_assert_false (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_PHONE, chat));
  g_assert_true (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_PHONE, phone));
  g_assert_true (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_EMAIL,
                                                phone + 30 * PULSE_USEC_PER_DAY));

  /* A channel outside the plan never opens. */
  g_assert_false (pulse_mentorship_channel_open (mentorship, PULSE_CHANNEL_KIND_TELEGRAM,
                                                 phone + 365 * PULSE_USEC_PER_DAY));
  g_assert_false (pulse_mentorship_channel_open (empty, PULSE_CHANNEL_KIND_EMAIL, phone));

  g_assert_cmpint (pulse_mentorship_get_opens_at (mentorship, PULSE_CHANNEL_KIND_CHAT), ==, chat);
  g_assert_cmpint (pulse_mentorship_get_opens_at (mentorship, PULSE_CHANNEL_KIND_VIBER), ==, 0);
}

/* A lead creates an assignment in code through construct properties. */
static void
test_construct (void)
{
  g_autoptr(PulseMentorship) mentorship = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_mentorship);

  mentorship = g_object_new (PULSE_TYPE_MENTORSHIP,
                             "id", "m", "mentor-id", "a", "newcomer-id", "b",
                             "started-at", parse_time ("2026-09-01T06:00:00Z"),
                             NULL);
  node = pulse_mentorship_to_json (mentorship);
  g_assert_true (json_node_equal (node, expected));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify_on_change_only (void)
{
  g_autoptr(PulseMentorship) mentorship = pulse_mentorship_new ("m");
  gint64 when = parse_time ("2026-11-28T10:00:00Z");
  guint count = 0;

  g_signal_connect (mentorship, "notify", G_CALLBACK (on_notify_cb), &count);
  pulse_mentorship_set_status (mentorship, PULSE_MENTORSHIP_STATUS_ACTIVE);
  pulse_mentorship_set_status (mentorship, PULSE_MENTORSHIP_STATUS_ACTIVE);
  pulse_mentorship_set_test_at (mentorship, when);
  pulse_mentorship_set_test_at (mentorship, when);
  pulse_mentorship_set_test_score (mentorship, 90);
  pulse_mentorship_set_test_score (mentorship, 90);
  pulse_mentorship_set_notes (mentorship, "ok");
  pulse_mentorship_set_notes (mentorship, "ok");
  pulse_mentorship_set_version (mentorship, 1);
  pulse_mentorship_set_version (mentorship, 1);
  g_assert_cmpuint (count, ==, 5);

  g_object_set (mentorship, "test-score", -1.0, "status", PULSE_MENTORSHIP_STATUS_PASSED, NULL);
  g_assert_cmpuint (count, ==, 7);
  g_assert_cmpfloat (pulse_mentorship_get_test_score (mentorship), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/mentorship/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/mentorship/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/mentorship/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/mentorship/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/mentorship/channel-open", test_channel_open);
  g_test_add_func ("/pulse/core/mentorship/construct", test_construct);
  g_test_add_func ("/pulse/core/mentorship/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
