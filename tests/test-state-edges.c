/* test-state-edges.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseState at the edges: seq gaps and duplicates, version skips, bad
 * data that must change nothing, unknown types, resync, tickets outside
 * the snapshot's window, and the fair comparison of two states.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-state.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

static void
test_seq (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *gap = event_text (13, "team.updated", TEAM);
  g_autofree char *duplicate = event_text (10, "team.updated", TEAM);
  g_autofree char *old = event_text (3, "team.updated", TEAM);

  apply_fails (state, gap, PULSE_ERROR_CONFLICT, "seq: expected 11, got 13 (2 events are missing)");
  apply_fails (state, duplicate, PULSE_ERROR_CONFLICT, "seq: event 10 is applied already");
  apply_fails (state, old, PULSE_ERROR_CONFLICT, "seq: event 3 is applied already");
}

static void
test_versions (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *skipped = message_data (5, "09:40:00Z", "m-9", "09:40:00Z");
  g_autofree char *stale = message_data (3, "09:40:00Z", "m-9", "09:40:00Z");
  g_autofree char *rule_v1 = at_version (RULE, 1);
  g_autofree char *rule_v3 = at_version (RULE, 3);

  apply_data_fails (state, "message.created", skipped, PULSE_ERROR_CONFLICT,
                    "ticket_version: expected 4 (the ticket is at 3), got 5");
  apply_data_fails (state, "message.created", stale, PULSE_ERROR_CONFLICT,
                    "ticket_version: expected 4 (the ticket is at 3), got 3");
  apply_data_fails (state, "ticket.updated",
                    "{'id':'t-2','version':3,'queue_id':'q','channel':'email','subject':'S',"
                    "'customer_id':'c','status':'open','created_at':'2026-11-20T09:40:00Z'}",
                    PULSE_ERROR_CONFLICT, "version: expected 2 (the ticket is at 1), got 3");
  apply_data_fails (state, "ticket.created", T2, PULSE_ERROR_CONFLICT,
                    "the state has a ticket “t-2” already");
  apply_data_fails (state, "team.updated", "{'id':'team-kz','version':2,'name':'Almaty'}",
                    PULSE_ERROR_CONFLICT, "the state has no team “team-kz”");
  apply_data_fails (state, "team.created", TEAM, PULSE_ERROR_CONFLICT,
                    "the state has a team “team-ua” already");
  apply_data_fails (state, "agent.status",
                    "{'agent_id':'agent-7','version':4,'status':'busy',"
                    "'since':'2026-11-20T09:00:00Z'}",
                    PULSE_ERROR_CONFLICT, "version: expected 3 (the agent is at 2), got 4");
  apply_data_fails (state, "agent.status",
                    "{'agent_id':'agent-0','version':1,'status':'busy',"
                    "'since':'2026-11-20T09:00:00Z'}",
                    PULSE_ERROR_CONFLICT, "the state has no agent “agent-0”");

  apply_ok (state, "rule.created", rule_v1, PULSE_STATE_KIND_RULE, PULSE_STATE_ACTION_CREATED,
            "r-1");
  apply_data_fails (state, "rule.updated", rule_v3, PULSE_ERROR_CONFLICT,
                    "version: expected 2 (the rule is at 1), got 3");
  apply_data_fails (state, "rule.deleted", "{'id':'r-1','version':1}", PULSE_ERROR_CONFLICT,
                    "version: expected 2 (the rule is at 1), got 1");
  apply_data_fails (state, "rule.deleted", "{'id':'r-2','version':2}", PULSE_ERROR_CONFLICT,
                    "the state has no rule “r-2”");
}

/* Every known type with one bad field: refused by name, nothing changed. */
static void
test_bad_data (void)
{
  static const char * const cases[][3] = {
    { "queue.created", "{'id':'q-x','version':1,'name':'N','channel':'fax','country':'UA',"
      "'language':'uk','sl_target_seconds':20,'sl_goal':0.8}",
      "event 11 (queue.created): data.channel: unknown value “fax”" },
    { "team.updated", "{'id':'team-ua','version':2}", "data.name: is required" },
    { "rule.created", "[]", "data: expected an object, got an array" },
    { "rule.deleted", "{'id':'r-1'}", "data.version: is required" },
    { "ticket.created", "{'id':'t-9','version':1,'queue_id':'q','channel':'chat',"
      "'subject':'S','customer_id':'c','status':'new','created_at':'2026-11-20T09:30:00Z',"
      "'messages':[" M2 "," M1 "]}", "data.messages[1].at: is before messages[0]" },
    { "ticket.updated", "{'id':'t-1','version':4,'queue_id':'q','channel':'chat',"
      "'subject':'S','customer_id':'c','status':'lost','created_at':'2026-11-20T09:30:00Z'}",
      "data.status: unknown value “lost”" },
    { "message.created", "{'ticket_id':'t-1','ticket_version':4,"
      "'ticket_updated_at':'2026-11-20T09:40:00Z','message':{'id':'m-9',"
      "'author_kind':'customer','at':'tomorrow','body':'B'}}",
      "data.message.at: is not an RFC 3339 time" },
    { "message.created", "{'ticket_id':'t-1','ticket_updated_at':'2026-11-20T09:40:00Z',"
      "'message':" M2 "}", "data.ticket_version: is required" },
    { "message.created", "{'ticket_id':'t-1','ticket_version':4,"
      "'ticket_updated_at':'2026-11-20T09:40:00Z','message':" M1 "}",
      "data.message.id: the ticket has a message “m-1” already" },
    { "message.created", "{'ticket_id':'t-1','ticket_version':4,"
      "'ticket_updated_at':'2026-11-20T09:00:00Z','message':{'id':'m-9',"
      "'author_kind':'customer','at':'2026-11-20T08:59:00Z','body':'B'}}",
      "data.ticket_updated_at: is before the ticket's created_at" },
    { "message.created", "null", "data: expected a ticket addition object, got nothing" },
    { "rating.created", "{'ticket_id':'t-1','ticket_version':4,"
      "'ticket_updated_at':'2026-11-20T10:00:00Z','rating':{'kind':'csat','score':11,"
      "'at':'2026-11-20T10:00:00Z'}}", "data.rating.score" },
    { "agent.status", "{'agent_id':'agent-7','version':3,'status':'sleeping',"
      "'since':'2026-11-20T09:00:00Z'}", "data.status: unknown value “sleeping”" },
    { "agent.status", "{'agent_id':'agent-7','version':3,'status':'busy'}",
      "data.since: is required" },
    { "applications.updated", "{'date':'2026-11-20','country':'ua','count':1}",
      "data.country: must be two uppercase ASCII letters" },
    { "applications.updated", "{'date':'2026-02-30','country':'UA','count':1}",
      "data.date: must be a day such as" },
  };
  g_autoptr(PulseState) state = new_state (10);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    apply_data_fails (state, cases[i][0], cases[i][1], PULSE_ERROR_INVALID_DATA, cases[i][2]);

  apply_fails (state, "{'type':'team.updated','data':" TEAM "}", PULSE_ERROR_INVALID_DATA,
               "seq: is required");
  apply_fails (state, "{'seq':11,'type':7,'data':" TEAM "}", PULSE_ERROR_INVALID_DATA,
               "type: expected a string, got a number");
  apply_fails (state, "{'seq':11,'type':'team.updated','data':'team'}",
               PULSE_ERROR_INVALID_DATA, "data: expected an object, got a string");
  apply_fails (state, "'resync'", PULSE_ERROR_INVALID_DATA, "expected an event object");
}

/* A newer server's types: ignored, but their seq is taken. */
static void
test_unknown_types (void)
{
  static const char * const types[] = {
    "ticket.merged", "queue.deleted", "shift.archived", "coverage.updated", "heartbeat",
  };
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) before = pulse_state_to_json (state);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) no_data = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *text = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    apply_ok (state, types[i], "{'id':'t-1','anything':[1,2]}", PULSE_STATE_KIND_NONE,
              PULSE_STATE_ACTION_NONE, NULL);

  no_data = parse_q ("{'seq':16,'type':'ping.v2','at':'2026-11-20T10:00:00Z'}");
  g_assert_true (pulse_state_apply (state, no_data, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_NONE);
  g_assert_cmpint (pulse_state_get_seq (state), ==, 16);

  /* Nothing else changed; the dumps differ only in seq. */
  after = pulse_state_to_json (state);
  text = pulse_json_to_string (before);
  expected = pulse_test_parse (text);
  json_object_set_int_member (json_node_get_object (expected), "seq", 16);
  g_assert_true (json_node_equal (expected, after));
}

static void
test_resync (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) frame = parse_q ("{'type':'resync','seq':40}");
  g_autoptr(JsonNode) before = pulse_state_to_json (state);
  g_autoptr(JsonNode) after = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (pulse_state_apply (state, frame, &change, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "resync"));
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_RESYNC);
  g_assert_cmpint (change.seq, ==, 40);
  g_assert_cmpint (pulse_state_get_seq (state), ==, 10);
  after = pulse_state_to_json (state);
  g_assert_true (json_node_equal (before, after));

  /* Without a change to fill it is still an error, never a success. */
  g_clear_error (&error);
  g_assert_false (pulse_state_apply (state, frame, NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_CONFLICT);
}

/* t-old: closed on the 10th, outside the snapshot's window. */
static char *
old_ticket (int         version,
            const char *status,
            const char *updated_at,
            const char *messages,
            const char *ratings)
{
  return g_strdup_printf ("{'id':'t-old','version':%d,'queue_id':'q-ua-chat','channel':'email',"
                          "'subject':'Old','customer_id':'cust-3','status':'%s',"
                          "'priority':'normal','tags':[],'created_at':'2026-11-10T08:00:00Z',"
                          "'updated_at':'%s','messages':[%s],'ratings':[%s]}",
                          version, status, updated_at, messages, ratings);
}

#define MA "{'id':'m-a','author_kind':'customer','at':'2026-11-20T09:50:00Z','body':'Again'}"
#define MB "{'id':'m-b','author_kind':'customer','at':'2026-11-20T09:51:00Z','body':'Hello?'}"
#define MC "{'id':'m-c','author_kind':'agent','author_id':'agent-7'," \
           "'at':'2026-11-20T09:53:00Z','body':'Here'}"
#define RA "{'kind':'csat','score':1,'at':'2026-11-20T09:51:00Z'}"

static char *
old_addition (int         version,
              const char *updated_at,
              const char *member,
              const char *item)
{
  return g_strdup_printf ("{'ticket_id':'t-old','ticket_version':%d,"
                          "'ticket_updated_at':'%s','%s':%s}", version, updated_at, member, item);
}

static void
put_ticket (PulseState       *state,
            const char       *ticket_q,
            PulseStateAction  action)
{
  g_autoptr(JsonNode) node = parse_q (ticket_q);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 seq = pulse_state_get_seq (state);

  g_assert_true (pulse_state_put_ticket (state, node, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.kind, ==, PULSE_STATE_KIND_TICKET);
  g_assert_cmpint (change.action, ==, action);
  g_assert_cmpint (pulse_state_get_seq (state), ==, seq);
}

static void
assert_missing (PulseState *state,
                const char *ids)
{
  g_auto(GStrv) missing = pulse_state_dup_missing_tickets (state);
  g_autofree char *joined = g_strjoinv (" ", missing);

  g_assert_cmpstr (joined, ==, ids);
}

/* Events for a ticket the snapshot left out are held; the fetched copy,
 * older than they are, gets them replayed. */
static void
test_missing_ticket (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *message = old_addition (4, "2026-11-20T09:50:00Z", "message", MA);
  g_autofree char *rating = old_addition (5, "2026-11-20T09:51:00Z", "rating", RA);
  g_autofree char *header = g_strdup_printf ("{'id':'t-old','version':6,'queue_id':'q-ua-chat',"
                                             "'channel':'email','subject':'Old',"
                                             "'customer_id':'cust-3','status':'open',"
                                             "'created_at':'2026-11-10T08:00:00Z',"
                                             "'updated_at':'2026-11-20T09:52:00Z'}");
  g_autofree char *fetched = old_ticket (3, "closed", "2026-11-10T09:00:00Z", "", "");
  g_autofree char *expected = old_ticket (7, "open", "2026-11-20T09:53:00Z", MA "," MC, RA);
  g_autofree char *next = old_addition (7, "2026-11-20T09:53:00Z", "message", MC);

  apply_ok (state, "message.created", message, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_MISSING, "t-old");
  apply_ok (state, "rating.created", rating, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
            "t-old");
  apply_ok (state, "ticket.updated", header, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
            "t-old");
  g_assert_null (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-old"));
  assert_missing (state, "t-old");
  g_assert_cmpuint (pulse_state_get_n_missing (state), ==, 1);
  g_assert_cmpint (pulse_state_get_seq (state), ==, 13);

  /* A creation for a ticket with held events cannot be right. */
  apply_data_fails (state, "ticket.created", fetched, PULSE_ERROR_CONFLICT,
                    "the state has a ticket “t-old” already");

  put_ticket (state, fetched, PULSE_STATE_ACTION_CREATED);
  assert_missing (state, "");
  g_assert_cmpuint (pulse_state_get_n_missing (state), ==, 0);
  apply_ok (state, "message.created", next, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-old");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-old"), expected);
}

/* A fetch newer than the stream: the events it holds already pass by,
 * then the next one applies and the strict rule is back. */
static void
test_fetched_ahead (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *first = old_addition (4, "2026-11-20T09:50:00Z", "message", MA);
  g_autofree char *second = old_addition (5, "2026-11-20T09:51:00Z", "message", MB);
  g_autofree char *fetched = old_ticket (5, "closed", "2026-11-20T09:51:00Z", MA "," MB, "");
  g_autofree char *third = old_addition (6, "2026-11-20T09:53:00Z", "message", MC);
  g_autofree char *expected = old_ticket (6, "closed", "2026-11-20T09:53:00Z",
                                          MA "," MB "," MC, "");

  apply_ok (state, "message.created", first, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_MISSING, "t-old");
  put_ticket (state, fetched, PULSE_STATE_ACTION_CREATED);
  apply_ok (state, "message.created", second, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
            "t-old");
  apply_ok (state, "message.created", third, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-old");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-old"), expected);
  apply_data_fails (state, "message.created", second, PULSE_ERROR_CONFLICT,
                    "ticket_version: expected 7 (the ticket is at 6), got 5");
}

static gint64
ticket_version (PulseState *state,
                const char *id)
{
  JsonNode *ticket = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, id);

  g_assert_nonnull (ticket);
  return json_object_get_int_member (json_node_get_object (ticket), "version");
}

static void
test_put_ticket (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *first = old_addition (4, "2026-11-20T09:50:00Z", "message", MA);
  g_autofree char *second = old_addition (5, "2026-11-20T09:51:00Z", "message", MB);
  g_autofree char *too_old = old_ticket (2, "closed", "2026-11-10T09:00:00Z", "", "");
  g_autoptr(JsonNode) node = parse_q (too_old);
  g_autoptr(JsonNode) bad = parse_q ("{'id':'t-old','version':3}");
  g_autoptr(JsonNode) newer = parse_q (T1);
  g_autofree char *v4 = message_data (4, "09:40:00Z", "m-3", "09:40:00Z");
  g_autofree char *v6 = message_data (6, "09:41:00Z", "m-4", "09:41:00Z");
  g_autoptr(GError) error = NULL;

  apply_ok (state, "message.created", first, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_MISSING, "t-old");
  apply_ok (state, "message.created", second, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
            "t-old");

  /* Version 2 cannot be followed by the held 4: refused, still missing. */
  g_assert_false (pulse_state_put_ticket (state, node, NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "a held event has version 4, the ticket is at 2"));
  g_clear_error (&error);
  g_assert_false (pulse_state_put_ticket (state, bad, NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "queue_id: is required"));
  g_clear_error (&error);
  g_assert_null (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-old"));
  assert_missing (state, "t-old");

  /* A copy no newer than the state's changes nothing. */
  put_ticket (state, T1, PULSE_STATE_ACTION_NONE);
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"), T1);

  /* A newer one replaces it; events it holds already pass by. */
  json_object_set_int_member (json_node_get_object (newer), "version", 5);
  g_assert_true (pulse_state_put_ticket (state, newer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ticket_version (state, "t-1"), ==, 5);
  apply_ok (state, "message.created", v4, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_NONE,
            "t-1");
  apply_ok (state, "message.created", v6, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  g_assert_cmpint (ticket_version (state, "t-1"), ==, 6);
}

/* What the codec writes of @node, so a patched ticket can be compared
 * with a decoded and written one. */
static JsonNode *
rewritten (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);

  g_assert_no_error (error);
  return pulse_ticket_to_json (ticket);
}

static JsonNode *
messages_of (JsonNode *ticket)
{
  return json_object_get_member (json_node_get_object (ticket), "messages");
}

/* A ticket event makes a new node that shares what it did not change:
 * the node handed out before stays as it was (lists and the cache
 * writer hold it), and the new one is what the codec would write. */
static void
test_ticket_patched (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *data = message_data (4, "09:35:00Z", "m-3", "09:35:00Z");
  g_autoptr(JsonNode) before = NULL, after = NULL, canonical = NULL, updated = NULL;
  g_autoptr(GString) text = g_string_new (T1);
  JsonArray *old_messages, *new_messages;

  before = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));
  apply_ok (state, "message.created", data, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-1");
  after = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));

  g_assert_true (before != after);
  assert_json (before, T1);
  old_messages = json_node_get_array (messages_of (before));
  new_messages = json_node_get_array (messages_of (after));
  g_assert_cmpuint (json_array_get_length (old_messages), ==, 2);
  g_assert_cmpuint (json_array_get_length (new_messages), ==, 3);
  g_assert_true (json_array_get_element (new_messages, 0) ==
                 json_array_get_element (old_messages, 0));
  g_assert_true (json_array_get_element (new_messages, 1) ==
                 json_array_get_element (old_messages, 1));
  g_assert_cmpstr (json_object_get_string_member (
                     json_node_get_object (json_array_get_element (new_messages, 2)), "id"),
                   ==, "m-3");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "version"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "updated_at"),
                   ==, "2026-11-20T09:35:00Z");
  canonical = rewritten (after);
  g_assert_true (json_node_equal (canonical, after));

  /* A header keeps the stored conversation: the same array node. */
  g_string_replace (text, "'version':3,", "'version':5,", 1);
  g_string_replace (text, "'status':'open'", "'status':'pending'", 1);
  g_string_replace (text, "'messages':[" M1 "," M2 "]", "'messages':[]", 1);
  apply_ok (state, "ticket.updated", text->str, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-1");
  updated = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));
  g_assert_true (messages_of (updated) == messages_of (after));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (updated), "status"),
                   ==, "pending");
  g_clear_pointer (&canonical, json_node_unref);
  canonical = rewritten (updated);
  g_assert_true (json_node_equal (canonical, updated));
}

/* The message ids a ticket has are known from its first message event on
 * and follow it through later messages, a header and a rating: a repeat
 * of any of them (the snapshot's, an event's) is refused and changes
 * nothing, also on the ticket a failed event left. */
static void
test_message_ids_follow (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *m3 = message_data (4, "09:35:00Z", "m-3", "09:35:00Z");
  g_autofree char *m1_again = message_data (5, "09:36:00Z", "m-1", "09:36:00Z");
  g_autofree char *m4 = message_data (5, "09:36:00Z", "m-4", "09:36:00Z");
  g_autofree char *m3_again = message_data (8, "09:50:00Z", "m-3", "09:50:00Z");
  g_autofree char *m4_again = message_data (8, "09:50:00Z", "m-4", "09:50:00Z");
  g_autofree char *m5 = message_data (8, "09:50:00Z", "m-5", "09:50:00Z");
  g_autoptr(GString) header = g_string_new (T1);
  g_autoptr(JsonNode) ticket = NULL;

  apply_ok (state, "message.created", m3, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  apply_data_fails (state, "message.created", m1_again, PULSE_ERROR_INVALID_DATA,
                    "data.message.id: the ticket has a message “m-1” already");
  apply_ok (state, "message.created", m4, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  g_string_replace (header, "'version':3,", "'version':6,", 1);
  apply_ok (state, "ticket.updated", header->str, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-1");
  apply_ok (state, "rating.created",
            "{'ticket_id':'t-1','ticket_version':7,'ticket_updated_at':'2026-11-20T09:45:00Z',"
            "'rating':{'kind':'csat','score':5,'at':'2026-11-20T09:45:00Z'}}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-1");
  apply_data_fails (state, "message.created", m3_again, PULSE_ERROR_INVALID_DATA,
                    "data.message.id: the ticket has a message “m-3” already");
  apply_data_fails (state, "message.created", m4_again, PULSE_ERROR_INVALID_DATA,
                    "data.message.id: the ticket has a message “m-4” already");
  apply_ok (state, "message.created", m5, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");

  ticket = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));
  assert_ids (ticket, "messages", "m-1 m-2 m-3 m-4 m-5");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (ticket), "version"), ==, 8);
}

/* Ticket t-1 as the cache would give it back, at @version. */
static JsonNode *
t1_at_version (gint64 version)
{
  JsonNode *stored = parse_q (T1);

  json_object_set_int_member (json_node_get_object (stored), "version", version);
  return stored;
}

/* A ticket read back from the state's own cache is held as given (no
 * second copy), yet still checked; it behaves as a fetched one. */
static void
test_put_stored_ticket (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) stored = t1_at_version (5);
  g_autoptr(JsonNode) bad = parse_q ("{'id':'t-9','version':3}");
  g_autoptr(GError) error = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autofree char *v6 = message_data (6, "09:41:00Z", "m-4", "09:41:00Z");
  g_assert_true (pulse_state_put_stored_ticket (state, stored, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_UPDATED);
  g_assert_true (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1") == stored);
  apply_ok (state, "message.created", v6, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  g_assert_cmpint (ticket_version (state, "t-1"), ==, 6);

  g_assert_false (pulse_state_put_stored_ticket (state, bad, NULL, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "queue_id: is required"));
  g_assert_null (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-9"));
}

/* The same, decoded in a worker thread first and put after: the put
 * takes what the worker made, and a ticket that is not newer is dropped. */
static gpointer
decode_in_thread (gpointer data)
{
  return pulse_state_stored_ticket_new (data, NULL);
}

static void
test_put_stored_from_thread (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) stored = t1_at_version (5);
  g_autoptr(JsonNode) bad = parse_q ("{'id':'t-9','version':3}");
  g_autoptr(GError) error = NULL;
  g_auto(PulseStateChange) change = { 0 };
  PulseStateStoredTicket *decoded;

  decoded = g_thread_join (g_thread_new ("decode", decode_in_thread, stored));
  g_assert_nonnull (decoded);
  g_assert_true (pulse_state_put_stored (state, decoded, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_UPDATED);
  g_assert_cmpint (change.seq, ==, 10);
  g_assert_true (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1") == stored);
  g_assert_cmpint (ticket_version (state, "t-1"), ==, 5);

  /* Again at the same version: nothing changes. */
  decoded = pulse_state_stored_ticket_new (stored, &error);
  g_assert_true (pulse_state_put_stored (state, decoded, &change, &error));
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_NONE);

  g_assert_null (pulse_state_stored_ticket_new (bad, &error));
  g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "queue_id: is required"));
}

static gint64
parse_time (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

/* A state kept by events knows old things a fresh snapshot leaves out;
 * cut to one moment, they compare as equal, and a real difference does
 * not hide. */
static void
test_equal (void)
{
  g_autoptr(PulseState) kept = new_state (10);
  g_autoptr(PulseState) fresh_11 = new_state (11);
  g_autoptr(PulseState) fresh_12 = new_state (12);
  g_autoptr(PulseState) fresh_13 = new_state (13);
  g_autoptr(PulseState) fresh_14 = new_state (13);
  g_autofree char *late = old_addition (3, "2026-11-10T09:30:00Z", "message",
                                        "{'id':'m-z','author_kind':'customer',"
                                        "'at':'2026-11-10T09:30:00Z','body':'Late'}");
  g_autofree char *fetched = old_ticket (3, "closed", "2026-11-10T09:30:00Z",
                                         "{'id':'m-z','author_kind':'customer',"
                                         "'at':'2026-11-10T09:30:00Z','body':'Late'}", "");
  g_autoptr(JsonNode) whole_kept = NULL;
  g_autoptr(JsonNode) whole_fresh = NULL;
  gint64 now = parse_time ("2026-11-21T09:30:00Z");
  gint64 later = parse_time ("2026-11-22T09:30:00Z");

  g_assert_true (pulse_state_equal (kept, kept, now));
  g_assert_false (pulse_state_equal (kept, fresh_11, now));

  /* An old closed ticket that got an old message: the kept state has
   * it, no snapshot would. */
  apply_ok (kept, "message.created", late, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_MISSING, "t-old");
  put_ticket (kept, fetched, PULSE_STATE_ACTION_CREATED);
  g_assert_true (pulse_state_equal (kept, fresh_11, now));
  whole_kept = pulse_state_to_json (kept);
  whole_fresh = pulse_state_to_json (fresh_11);
  g_assert_false (json_node_equal (whole_kept, whole_fresh));

  /* t-0, closed on the 19th, is in a snapshot of the 20th only. */
  apply_ok (kept, "ticket.updated",
            "{'id':'t-0','version':3,'queue_id':'q-ua-chat','channel':'email','subject':'Old',"
            "'customer_id':'cust-1','status':'closed','priority':'low','tags':[],"
            "'created_at':'2026-11-19T08:00:00Z','updated_at':'2026-11-19T09:00:00Z'}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-0");
  g_assert_true (pulse_state_equal (kept, fresh_12, now));
  g_assert_false (pulse_state_equal (kept, fresh_12, parse_time ("2026-11-20T08:00:00Z")));

  /* The 90 days up to the 21st start on 24 August. */
  apply_ok (kept, "applications.updated", "{'date':'2026-08-23','country':'UA','count':7}",
            PULSE_STATE_KIND_APPLICATIONS, PULSE_STATE_ACTION_CREATED, "2026-08-23");
  g_assert_true (pulse_state_equal (kept, fresh_13, now));
  g_assert_false (pulse_state_equal (kept, fresh_13, parse_time ("2026-11-20T23:59:59Z")));
  apply_ok (kept, "applications.updated", "{'date':'2026-08-24','country':'UA','count':7}",
            PULSE_STATE_KIND_APPLICATIONS, PULSE_STATE_ACTION_CREATED, "2026-08-24");
  apply_ok (fresh_13, "heartbeat", "{}", PULSE_STATE_KIND_NONE, PULSE_STATE_ACTION_NONE, NULL);
  g_assert_false (pulse_state_equal (kept, fresh_13, now));

  /* An open ticket is in every snapshot, however old. */
  apply_ok (fresh_14, "applications.updated", "{'date':'2026-08-24','country':'UA','count':7}",
            PULSE_STATE_KIND_APPLICATIONS, PULSE_STATE_ACTION_CREATED, "2026-08-24");
  g_assert_true (pulse_state_equal (kept, fresh_14, later));
  apply_ok (fresh_14, "ticket.updated",
            "{'id':'t-2','version':2,'queue_id':'q-es-mail','channel':'email','subject':'Loan',"
            "'customer_id':'cust-7','status':'pending','priority':'high','tags':[],"
            "'created_at':'2026-11-20T09:40:00Z','updated_at':'2026-11-20T09:45:00Z'}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-2");
  apply_ok (kept, "heartbeat", "{}", PULSE_STATE_KIND_NONE, PULSE_STATE_ACTION_NONE, NULL);
  g_assert_false (pulse_state_equal (kept, fresh_14, later));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/state/seq", test_seq);
  g_test_add_func ("/pulse/core/state/versions", test_versions);
  g_test_add_func ("/pulse/core/state/bad-data", test_bad_data);
  g_test_add_func ("/pulse/core/state/unknown-types", test_unknown_types);
  g_test_add_func ("/pulse/core/state/resync", test_resync);
  g_test_add_func ("/pulse/core/state/missing-ticket", test_missing_ticket);
  g_test_add_func ("/pulse/core/state/fetched-ahead", test_fetched_ahead);
  g_test_add_func ("/pulse/core/state/put-ticket", test_put_ticket);
  g_test_add_func ("/pulse/core/state/equal", test_equal);
  g_test_add_func ("/pulse/core/state/ticket-patched", test_ticket_patched);
  g_test_add_func ("/pulse/core/state/put-stored-ticket", test_put_stored_ticket);
  g_test_add_func ("/pulse/core/state/put-stored-from-thread", test_put_stored_from_thread);
  g_test_add_func ("/pulse/core/state/message-ids-follow", test_message_ids_follow);

  return g_test_run ();
}
