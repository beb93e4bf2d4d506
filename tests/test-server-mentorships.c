/* test-server-mentorships.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mentorships on the server: the mentee limit (max-mentees), milestone
 * sign-offs opening and closing the newcomer's channels with an
 * agent.updated event and an audit entry, and who may do it.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-test-server.h"

static const char directory[] =
  "{\"teams\":[{\"id\":\"team-ua\",\"name\":\"Kyiv desk\"}],\"agents\":["
  "{\"id\":\"ag-m\",\"name\":\"Mentor\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-20T06:00:00Z\","
  "\"channels\":[\"email\",\"chat\",\"phone\"]},"
  "{\"id\":\"ag-n1\",\"name\":\"Newcomer\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-20T06:00:00Z\",\"channels\":[\"email\"],"
  "\"hired_at\":\"2026-09-01T06:00:00Z\"},"
  "{\"id\":\"ag-n2\",\"name\":\"Second\",\"team_id\":\"team-ua\",\"position\":\"agent\","
  "\"status\":\"offline\",\"status_since\":\"2026-11-20T06:00:00Z\",\"channels\":[],"
  "\"hired_at\":\"2026-09-01T06:00:00Z\"}]}";

#define EMAIL_SIGNED_OFF ",\"signed_off_at\":\"2026-09-01T06:00:00Z\""
#define CHAT_SIGNED_OFF \
  ",\"signed_off_at\":\"2026-10-02T09:00:00Z\",\"signed_off_by\":\"lead\""

/* The usual plan, each step with @email or @chat added to its members. */
static char *
mentorship_json (const char *id,
                 const char *mentor,
                 const char *newcomer,
                 const char *email,
                 const char *chat)
{
  return g_strdup_printf (
    "{\"id\":\"%s\",\"mentor_id\":\"%s\",\"newcomer_id\":\"%s\",\"status\":\"active\","
    "\"started_at\":\"2026-09-01T06:00:00Z\",\"plan\":["
    "{\"channel\":\"email\",\"opens_at\":\"2026-09-01T06:00:00Z\"%s},"
    "{\"channel\":\"chat\",\"opens_at\":\"2026-10-01T06:00:00Z\"%s},"
    "{\"channel\":\"phone\",\"opens_at\":\"2026-10-16T06:00:00Z\"}],"
    "\"test_at\":\"2026-11-30T06:00:00Z\"}",
    id, mentor, newcomer, email, chat);
}

static PulseTestServer *
new_server (void)
{
  PulseTestServer *ts = pulse_test_server_new ();
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", "/api/v1/ingest/directory",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION),
                                 directory, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  return ts;
}

static guint
create (PulseTestServer *ts,
        PulseRole        role,
        const char      *id,
        const char      *mentor,
        const char      *newcomer,
        const char      *email)
{
  g_autofree char *body = mentorship_json (id, mentor, newcomer, email, "");
  g_autoptr(PulseTestResponse) r = NULL;

  r = pulse_test_server_request (ts, "POST", "/api/v1/mentorships",
                                 pulse_test_server_get_token (ts, role), body, NULL);
  return r->status;
}

static JsonObject *
get_agent_id (PulseTestServer    *ts,
              const char         *id,
              PulseTestResponse **keep)
{
  *keep = pulse_test_server_request (ts, "GET", "/api/v1/snapshot",
                                     pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER),
                                     NULL, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);

  for (guint i = 0;; i++)
    {
      JsonArray *agents = json_object_get_array_member (pulse_test_response_object (*keep),
                                                        "agents");
      JsonObject *agent = json_array_get_object_element (agents, i);

      if (g_str_equal (json_object_get_string_member (agent, "id"), id))
        return agent;
    }
}

static JsonObject *
get_agent (PulseTestServer    *ts,
           PulseTestResponse **keep)
{
  return get_agent_id (ts, "ag-n1", keep);
}

static char *
channels_of (JsonObject *agent)
{
  JsonArray *channels = json_object_get_array_member (agent, "channels");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (channels); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            json_array_get_string_element (channels, i));
  return g_string_free (out, FALSE);
}

static void
test_limit (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  g_autofree char *body = NULL;
  g_autoptr(PulseTestResponse) refused = NULL;
  g_autoptr(PulseTestResponse) moved = NULL;
  g_autoptr(PulseTestResponse) passed = NULL;

  /* The default is three; a fourth is refused by name. */
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-1", "ag-m", "x1", ""), ==, 201);
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-2", "ag-m", "x2", ""), ==, 201);
  g_assert_cmpuint (create (ts, PULSE_ROLE_HEAD, "mt-3", "ag-m", "x3", ""), ==, 201);
  body = mentorship_json ("mt-4", "ag-m", "x4", "", "");
  refused = pulse_test_server_request (ts, "POST", "/api/v1/mentorships",
                                       pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), body,
                                       NULL);
  g_assert_cmpuint (refused->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (refused), ==, "mentor_limit");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     pulse_test_response_object (refused), "error"), "message"), ==,
                   "mentor_id: “ag-m” already mentors 3 newcomers, the most one mentor may "
                   "(max-mentees is 3)");

  /* Another mentor may take the newcomer; moving one back is refused. */
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-4", "ag-o", "x4", ""), ==, 201);
  g_clear_pointer (&body, g_free);
  body = mentorship_json ("mt-4", "ag-m", "x4", "", "");
  moved = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-4",
                                     pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), body,
                                     "If-Match", "1", NULL);
  g_assert_cmpuint (moved->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (moved), ==, "mentor_limit");

  /* A passed probation frees its place. */
  g_clear_pointer (&body, g_free);
  body = g_strdup ("{\"mentor_id\":\"ag-m\",\"newcomer_id\":\"x1\",\"status\":\"passed\","
                   "\"decision\":\"pass\",\"test_score\":90,"
                   "\"started_at\":\"2026-09-01T06:00:00Z\"}");
  passed = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-1",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), body,
                                      "If-Match", "1", NULL);
  g_assert_cmpuint (passed->status, ==, 200);
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-5", "ag-m", "x5", ""), ==, 201);
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-6", "ag-m", "x6", ""), ==, 422);
}

static void
test_limit_configured (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  PulseServerConfig config = *pulse_server_get_config (ts->server);

  config.max_mentees = 1;
  pulse_server_set_config (ts->server, &config);
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-1", "ag-m", "x1", ""), ==, 201);
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-2", "ag-m", "x2", ""), ==, 422);
}

static void
assert_last_event_is_agent (PulseTestServer *ts,
                            const char      *channels,
                            gint64           version)
{
  PulseEventLog *log = pulse_server_get_event_log (ts->server);
  g_autoptr(GPtrArray) events = NULL;
  JsonObject *agent_event;
  JsonObject *data;
  g_autofree char *got = NULL;

  /* The change's two events: the agent, then the mentorship. */
  events = pulse_event_log_read_since (log, pulse_event_log_get_last_seq (log) - 2, 2, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  agent_event = json_node_get_object (events->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (agent_event, "type"), ==, "agent.updated");
  data = json_object_get_object_member (agent_event, "data");
  got = channels_of (data);
  g_assert_cmpstr (got, ==, channels);
  g_assert_cmpint (json_object_get_int_member (data, "version"), ==, version);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (events->pdata[1]),
                                                  "type"), ==, "mentorship.updated");
}

static void
test_sign_off_opens_channel (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  g_autofree char *signed_off = NULL;
  g_autofree char *withdrawn = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *back = NULL;
  g_autoptr(PulseTestResponse) r = NULL;
  g_autoptr(PulseTestResponse) snapshot = NULL;
  g_autoptr(PulseTestResponse) audit = NULL;
  JsonObject *entry;

  /* Email was signed off at creation; the newcomer had it already. */
  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF), ==,
                    201);
  before = channels_of (get_agent (ts, &snapshot));
  g_assert_cmpstr (before, ==, "email");
  g_clear_pointer (&snapshot, pulse_test_response_free);

  signed_off = mentorship_json ("mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF, CHAT_SIGNED_OFF);
  r = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-1",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), signed_off,
                                 "If-Match", "1", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  after = channels_of (get_agent (ts, &snapshot));
  g_assert_cmpstr (after, ==, "email chat");
  assert_last_event_is_agent (ts, "email chat", 2);

  audit = pulse_test_server_request (ts, "GET", "/api/v1/audit?entity=agent&id=ag-n1",
                                     pulse_test_server_get_token (ts, PULSE_ROLE_HEAD),
                                     NULL, NULL);
  g_assert_cmpuint (audit->status, ==, 200);
  entry = json_array_get_object_element (json_object_get_array_member (
                                           pulse_test_response_object (audit), "entries"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (entry, "role"), ==, "lead");
  g_assert_cmpint (json_object_get_int_member (entry, "entity_version"), ==, 2);

  /* Taken back (an undo): chat closes again. */
  g_clear_pointer (&r, pulse_test_response_free);
  g_clear_pointer (&snapshot, pulse_test_response_free);
  withdrawn = mentorship_json ("mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF, "");
  r = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-1",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), withdrawn,
                                 "If-Match", "2", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  back = channels_of (get_agent (ts, &snapshot));
  g_assert_cmpstr (back, ==, "email");
  assert_last_event_is_agent (ts, "email", 3);
}

/* A mentorship moved to another newcomer opens its sign-offs to them; the
 * first keeps what they had. */
static void
test_moved_to_another_newcomer (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  g_autofree char *moved = mentorship_json ("mt-1", "ag-m", "ag-n2", EMAIL_SIGNED_OFF, "");
  g_autoptr(PulseTestResponse) r = NULL;
  g_autoptr(PulseTestResponse) first = NULL;
  g_autoptr(PulseTestResponse) second = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *opened = NULL;

  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF), ==,
                    201);
  r = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-1",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), moved,
                                 "If-Match", "1", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  kept = channels_of (get_agent_id (ts, "ag-n1", &first));
  opened = channels_of (get_agent_id (ts, "ag-n2", &second));
  g_assert_cmpstr (kept, ==, "email");
  g_assert_cmpstr (opened, ==, "email");
}

/* A sign-off for a newcomer the directory does not know changes nothing. */
static void
test_sign_off_unknown_agent (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  g_autofree char *body = mentorship_json ("mt-1", "ag-m", "ghost", EMAIL_SIGNED_OFF, "");
  g_autoptr(PulseTestResponse) r = NULL;
  g_autoptr(PulseTestResponse) got = NULL;

  r = pulse_test_server_request (ts, "POST", "/api/v1/mentorships",
                                 pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), body, NULL);
  g_assert_cmpuint (r->status, ==, 422);
  g_assert_cmpstr (pulse_test_response_error_code (r), ==, "unknown_reference");
  got = pulse_test_server_request (ts, "GET", "/api/v1/mentorships/mt-1",
                                   pulse_test_server_get_token (ts, PULSE_ROLE_LEAD), NULL, NULL);
  g_assert_cmpuint (got->status, ==, 404);
}

static void
test_roles (void)
{
  g_autoptr(PulseTestServer) ts = new_server ();
  g_autofree char *body = mentorship_json ("mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF,
                                           CHAT_SIGNED_OFF);
  g_autoptr(PulseTestResponse) snapshot = NULL;
  g_autofree char *channels = NULL;
  const PulseRole refused[] = {
    PULSE_ROLE_PLANNER, PULSE_ROLE_VIEWER, PULSE_ROLE_QA, PULSE_ROLE_INTEGRATION,
  };

  g_assert_cmpuint (create (ts, PULSE_ROLE_LEAD, "mt-1", "ag-m", "ag-n1", EMAIL_SIGNED_OFF), ==,
                    201);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PulseTestResponse) r = NULL;

      g_assert_cmpuint (create (ts, refused[i], "mt-2", "ag-m", "x2", ""), ==, 403);
      r = pulse_test_server_request (ts, "PUT", "/api/v1/mentorships/mt-1",
                                     pulse_test_server_get_token (ts, refused[i]), body,
                                     "If-Match", "1", NULL);
      g_assert_cmpuint (r->status, ==, 403);
    }

  channels = channels_of (get_agent (ts, &snapshot));
  g_assert_cmpstr (channels, ==, "email");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/mentorships/limit", test_limit);
  g_test_add_func ("/pulse/server/mentorships/limit-configured", test_limit_configured);
  g_test_add_func ("/pulse/server/mentorships/sign-off-opens-channel",
                   test_sign_off_opens_channel);
  g_test_add_func ("/pulse/server/mentorships/moved-to-another-newcomer",
                   test_moved_to_another_newcomer);
  g_test_add_func ("/pulse/server/mentorships/sign-off-unknown-agent",
                   test_sign_off_unknown_agent);
  g_test_add_func ("/pulse/server/mentorships/roles", test_roles);

  return g_test_run ();
}
