/* test-agent.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-channel-set.h"
#include "pulse-json.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_agent_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_agent_to_json)

/* Every optional field set; channels in enum order, as the writer puts them. */
static const char full_agent[] =
  "{\"id\":\"agent-7\",\"version\":2,\"name\":\"Olena K.\",\"email\":\"olena@example.com\","
  "\"team_id\":\"team-ua\",\"position\":\"lead\",\"status\":\"after-call\","
  "\"status_since\":\"2026-11-20T09:30:00Z\",\"channels\":[\"email\",\"chat\",\"phone\"],"
  "\"languages\":[\"uk\",\"ru\"],\"timezone\":\"Europe/Kyiv\","
  "\"hired_at\":\"2026-09-01T08:00:00Z\",\"mentor_id\":\"agent-1\"}";

static const char minimal_agent[] =
  "{\"id\":\"a\",\"version\":0,\"name\":\"A\",\"position\":\"agent\",\"status\":\"offline\","
  "\"status_since\":\"2026-11-20T09:30:00Z\",\"channels\":[],\"languages\":[]}";

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_agent, DECODE, ENCODE);
  PulseAgent *agent = PULSE_AGENT (object);

  g_assert_cmpstr (pulse_agent_get_id (agent), ==, "agent-7");
  g_assert_cmpint (pulse_agent_get_version (agent), ==, 2);
  g_assert_cmpstr (pulse_agent_get_name (agent), ==, "Olena K.");
  g_assert_cmpstr (pulse_agent_get_email (agent), ==, "olena@example.com");
  g_assert_cmpstr (pulse_agent_get_team_id (agent), ==, "team-ua");
  g_assert_cmpint (pulse_agent_get_position (agent), ==, PULSE_AGENT_POSITION_LEAD);
  g_assert_cmpint (pulse_agent_get_status (agent), ==, PULSE_AGENT_STATUS_AFTER_CALL);
  g_assert_cmpint (pulse_agent_get_status_since (agent), ==, parse_time ("2026-11-20T09:30:00Z"));
  g_assert_cmpuint (pulse_agent_get_channels (agent), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE));
  g_assert_true (pulse_agent_has_channel (agent, PULSE_CHANNEL_KIND_PHONE));
  g_assert_false (pulse_agent_has_channel (agent, PULSE_CHANNEL_KIND_TELEGRAM));
  g_assert_cmpstrv (pulse_agent_get_languages (agent), ((const char *[]) { "uk", "ru", NULL }));
  g_assert_cmpstr (pulse_agent_get_timezone (agent), ==, "Europe/Kyiv");
  g_assert_cmpint (pulse_agent_get_hired_at (agent), ==, parse_time ("2026-09-01T08:00:00Z"));
  g_assert_cmpstr (pulse_agent_get_mentor_id (agent), ==, "agent-1");
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_agent, DECODE, ENCODE);
  PulseAgent *agent = PULSE_AGENT (object);

  g_assert_null (pulse_agent_get_email (agent));
  g_assert_null (pulse_agent_get_mentor_id (agent));
  g_assert_cmpint (pulse_agent_get_hired_at (agent), ==, 0);
  g_assert_cmpuint (pulse_agent_get_channels (agent), ==, 0);
  /* An agent's empty set is no channel, not every channel. */
  g_assert_false (pulse_agent_has_channel (agent, PULSE_CHANNEL_KIND_EMAIL));
  g_assert_cmpstrv (pulse_agent_get_languages (agent), ((const char *[]) { NULL }));
}

/* Absent arrays and null optionals read as empty; the writer spells them out. */
static void
test_absent_optionals (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"a\",\"version\":0,\"name\":\"A\",\"position\":\"agent\",\"status\":\"offline\","
    "\"status_since\":\"2026-11-20T11:30:00+02:00\",\"email\":null,\"hired_at\":null}");
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_agent);
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseAgent) agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  output = pulse_agent_to_json (agent);
  g_assert_true (json_node_equal (output, expected));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"a\",\"version\":1,\"name\":\"N\",\"position\":\"head\",\"status\":\"busy\","
    "\"status_since\":\"2026-11-20T09:30:00Z\",\"shoe_size\":43,\"extra\":{\"a\":[1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseAgent) agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pulse_agent_get_position (agent), ==, PULSE_AGENT_POSITION_HEAD);
  g_assert_cmpint (pulse_agent_get_status (agent), ==, PULSE_AGENT_STATUS_BUSY);
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "-2", "version: -2 is outside" },
    { "version", "2.0", "version: expected an integer" },
    { "name", NULL, "name: is required" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "email", "\"olena\"", "email: is not an e-mail address" },
    { "email", "\"@example.com\"", "email: is not an e-mail address" },
    { "email", "\"olena@\"", "email: is not an e-mail address" },
    { "email", "\"o@a@b\"", "email: is not an e-mail address" },
    { "email", "\"olena k@example.com\"", "email: is not an e-mail address" },
    { "email", "1", "email: expected a string, got a number" },
    { "email", long_name, "email: longer than 256 bytes" },
    { "team_id", "[]", "team_id: expected a string, got an array" },
    { "team_id", long_id, "team_id: longer than 128 bytes" },
    { "position", NULL, "position: is required" },
    { "position", "\"boss\"", "position: unknown value “boss”" },
    { "position", "0", "position: expected a string, got a number" },
    { "status", NULL, "status: is required" },
    { "status", "\"lunch\"", "status: unknown value “lunch”" },
    { "status", "\"after_call\"", "status: unknown value “after_call”" },
    { "status", "true", "status: expected a string, got a boolean" },
    { "status_since", NULL, "status_since: is required" },
    { "status_since", "\"yesterday\"", "status_since: is not an RFC 3339 time" },
    { "status_since", "\"2026-11-20T09:30:00\"", "status_since: is not an RFC 3339 time" },
    { "status_since", "\"2026-11-20\"", "status_since: is not an RFC 3339 time" },
    { "status_since", "1763631000", "status_since: expected an RFC 3339 time string" },
    { "channels", "\"chat\"", "channels: expected an array, got a string" },
    { "channels", "[\"email\",\"chat\",\"fax\"]", "channels[2]: unknown value “fax”" },
    { "channels", "[\"email\",5]", "channels[1]: expected a channel name string" },
    { "channels", "[\"chat\",\"chat\"]", "channels[1]: duplicate “chat”" },
    { "languages", "\"uk\"", "languages: expected an array, got a string" },
    { "languages", "[\"uk\",\"UK\"]", "languages[1]: must be a short BCP 47 tag" },
    { "languages", "[\"uk\",7]", "languages[1]: expected a string, got a number" },
    { "languages", "[\"ukrainian\"]", "languages[0]: must be a short BCP 47 tag" },
    { "timezone", "3", "timezone: expected a string, got a number" },
    { "timezone", long_name, "timezone: longer than 256 bytes" },
    { "hired_at", "\"2026-09-01\"", "hired_at: is not an RFC 3339 time" },
    { "hired_at", "\"1969-12-31T23:59:59Z\"", "hired_at: is not an RFC 3339 time" },
    { "hired_at", "0", "hired_at: expected an RFC 3339 time string, got a number" },
    { "mentor_id", "false", "mentor_id: expected a string, got a boolean" },
    { "mentor_id", long_id, "mentor_id: longer than 128 bytes" },
  };

  pulse_test_assert_bad_mutations (full_agent, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static PulseAgent *
agent_hired_at (const char *hired_at)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"a\",\"version\":0,\"name\":\"A\",\"position\":\"agent\",\"status\":\"offline\","
    "\"status_since\":\"2026-11-20T09:30:00Z\",\"hired_at\":\"%s\"}", hired_at);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseAgent *agent = pulse_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  return agent;
}

static void
test_is_newcomer (void)
{
  g_autoptr(PulseAgent) agent = agent_hired_at ("2026-09-01T08:00:00Z");
  g_autoptr(PulseAgent) unknown = pulse_agent_new ("u");
  gint64 hired = pulse_agent_get_hired_at (agent);
  gint64 probation = PULSE_AGENT_NEWCOMER_DAYS * PULSE_USEC_PER_DAY;

  g_assert_true (pulse_agent_is_newcomer (agent, hired));
  g_assert_true (pulse_agent_is_newcomer (agent, hired + PULSE_USEC_PER_DAY));
  g_assert_true (pulse_agent_is_newcomer (agent, hired + probation - 1));
  g_assert_false (pulse_agent_is_newcomer (agent, hired + probation));
  g_assert_false (pulse_agent_is_newcomer (agent, hired + probation + 1));
  g_assert_false (pulse_agent_is_newcomer (agent, hired + 365 * PULSE_USEC_PER_DAY));
  /* A start date still ahead (planned, or clock skew) is a newcomer too. */
  g_assert_true (pulse_agent_is_newcomer (agent, hired - PULSE_USEC_PER_DAY));

  /* 2026-09-01 + 92 days is 2026-12-02, same time of day. */
  g_assert_true (pulse_agent_is_newcomer (agent, parse_time ("2026-12-02T07:59:59Z")));
  g_assert_false (pulse_agent_is_newcomer (agent, parse_time ("2026-12-02T08:00:00Z")));

  g_assert_false (pulse_agent_is_newcomer (unknown, parse_time ("2026-11-20T09:30:00Z")));
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
  g_autoptr(PulseAgent) agent = pulse_agent_new ("a");
  guint count = 0;

  g_signal_connect (agent, "notify", G_CALLBACK (on_notify_cb), &count);

  pulse_agent_set_status (agent, PULSE_AGENT_STATUS_AVAILABLE);
  pulse_agent_set_status (agent, PULSE_AGENT_STATUS_AVAILABLE);
  g_assert_cmpuint (count, ==, 1);

  pulse_agent_set_status_since (agent, 1000);
  pulse_agent_set_status_since (agent, 1000);
  g_assert_cmpuint (count, ==, 2);

  g_object_set (agent, "status", PULSE_AGENT_STATUS_BREAK, "version", (gint64) 3, NULL);
  g_object_set (agent, "status", PULSE_AGENT_STATUS_BREAK, "version", (gint64) 3, NULL);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpint (pulse_agent_get_status (agent), ==, PULSE_AGENT_STATUS_BREAK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/agent/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/agent/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/agent/absent-optionals", test_absent_optionals);
  g_test_add_func ("/pulse/core/agent/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/agent/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/agent/is-newcomer", test_is_newcomer);
  g_test_add_func ("/pulse/core/agent/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
