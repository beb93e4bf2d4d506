/* test-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseState: a snapshot read, and each event type of protocol v1
 * applied to it, with hand-written JSON.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-state.h"
#include "pulse-test-util.h"

static void
test_snapshot (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) dump = pulse_state_to_json (state);
  gint64 count = 0;

  g_assert_cmpint (pulse_state_get_seq (state), ==, 10);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (dump), "seq"), ==, 10);
  /* Lists by id, tickets by (updated_at, id), applications by day and
   * country: the server's order, whatever the input's. */
  assert_ids (dump, "queues", "q-es-mail q-ua-chat");
  assert_ids (dump, "tickets", "t-0 t-1 t-2");
  assert_ids (dump, "applications", "KZ UA");
  assert_ids (dump, "rules", "");
  g_assert_false (json_object_has_member (json_node_get_object (dump), "comment"));

  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"), T1);
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_QUEUE, "q-ua-chat"), QUEUE_UA);
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_AGENT, "agent-7"), AGENT);
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_CHANNEL, "ch-chat"), CHANNEL);
  g_assert_null (pulse_state_lookup (state, PULSE_STATE_KIND_TEAM, "team-kz"));
  g_assert_cmpuint (pulse_state_get_n_items (state, PULSE_STATE_KIND_TICKET), ==, 3);
  g_assert_cmpuint (pulse_state_get_n_items (state, PULSE_STATE_KIND_QUEUE), ==, 2);
  g_assert_cmpuint (pulse_state_get_n_items (state, PULSE_STATE_KIND_APPLICATIONS), ==, 2);
  g_assert_cmpuint (pulse_state_get_n_items (state, PULSE_STATE_KIND_REVIEW), ==, 0);
  g_assert_true (pulse_state_lookup_applications (state, "2026-11-20", "KZ", &count));
  g_assert_cmpint (count, ==, 40);
  g_assert_false (pulse_state_lookup_applications (state, "2026-11-21", "KZ", &count));
}

static void
test_snapshot_bad (void)
{
  static const PulseTestBadInput cases[] = {
    { "{'queues':[]}", "seq: is required" },
    { "{'seq':-1}", "seq: -1 is outside" },
    { "{'seq':1,'queues':[],'teams':[],'agents':[],'channels':[],'tickets':[]}",
      "applications: is required" },
    { "{'seq':1,'queues':[" QUEUE_UA "," QUEUE_UA "]}",
      "queues[1].id: “q-ua-chat” appears twice" },
    { "{'seq':1,'queues':[],'teams':[],'agents':[],'channels':[],'tickets':[" T1 ","
      "{'id':'t-9','version':1,'queue_id':'q','channel':'chat','subject':'S',"
      "'customer_id':'c','status':'open','created_at':'2026-11-20T09:30:00Z',"
      "'messages':[{'id':'m','author_kind':'customer','at':'09:30','body':'B'}]}]}",
      "tickets[1].messages[0].at: is not an RFC 3339 time" },
    { "{'seq':1,'queues':[],'teams':[],'agents':[],'channels':[],'tickets':[],"
      "'applications':[{'date':'2026-11-20','country':'UA','count':-5}]}",
      "applications[0].count: -5 is outside" },
    { "{'seq':1,'queues':[],'teams':[],'agents':[],'channels':[],'tickets':[],"
      "'applications':[],'rules':[],'templates':[],'scorecards':[],'mentorships':[],"
      "'shifts':[]}", "reviews: is required" },
    { "[]", "expected a snapshot object, got an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_q (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseState) state = pulse_state_new_from_snapshot (node, &error);

      g_assert_null (state);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message,
                 cases[i].message_part);
    }
}

static void
test_directory (void)
{
  g_autoptr(PulseState) state = new_state (10);
  const char *queue = "{'id':'q-kz-phone','version':1,'name':'Kazakhstan phone',"
                      "'channel':'phone','country':'KZ','language':'kk',"
                      "'sl_target_seconds':20,'sl_goal':0.8}";
  const char *team = "{'id':'team-ua','version':2,'name':'Kyiv desk','lead_id':'agent-7'}";
  const char *agent = "{'id':'agent-9','version':1,'name':'Ivan','team_id':'team-ua',"
                      "'position':'agent','status':'available',"
                      "'status_since':'2026-11-20T09:00:00Z','channels':['chat'],"
                      "'languages':['uk']}";
  const char *channel = "{'id':'ch-chat','version':2,'kind':'chat','name':'Chat',"
                        "'realtime':true,'sl_target_seconds':30,'enabled':false}";

  apply_ok (state, "queue.created", queue, PULSE_STATE_KIND_QUEUE, PULSE_STATE_ACTION_CREATED,
            "q-kz-phone");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_QUEUE, "q-kz-phone"), queue);
  apply_ok (state, "team.updated", team, PULSE_STATE_KIND_TEAM, PULSE_STATE_ACTION_UPDATED,
            "team-ua");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TEAM, "team-ua"), team);
  apply_ok (state, "agent.created", agent, PULSE_STATE_KIND_AGENT, PULSE_STATE_ACTION_CREATED,
            "agent-9");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_AGENT, "agent-9"), agent);
  apply_ok (state, "channel.updated", channel, PULSE_STATE_KIND_CHANNEL,
            PULSE_STATE_ACTION_UPDATED, "ch-chat");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_CHANNEL, "ch-chat"), channel);
  g_assert_cmpint (pulse_state_get_seq (state), ==, 14);
}

typedef struct
{
  PulseStateKind  kind;
  const char     *name;
  const char     *item;
  const char     *id;
} ManagedCase;

static const ManagedCase managed_cases[] = {
  { PULSE_STATE_KIND_RULE, "rule", RULE, "r-1" },
  { PULSE_STATE_KIND_TEMPLATE, "template", TEMPLATE, "tpl-1" },
  { PULSE_STATE_KIND_SCORECARD, "scorecard", SCORECARD, "sc-1" },
  { PULSE_STATE_KIND_MENTORSHIP, "mentorship", MENTORSHIP, "mt-1" },
  { PULSE_STATE_KIND_SHIFT, "shift", SHIFT, "sh-1" },
  { PULSE_STATE_KIND_REVIEW, "review", REVIEW, "rv-1" },
};

static void
test_managed (void)
{
  g_autoptr(PulseState) state = new_state (10);

  for (guint i = 0; i < G_N_ELEMENTS (managed_cases); i++)
    {
      const ManagedCase *c = &managed_cases[i];
      g_autofree char *v1 = at_version (c->item, 1);
      g_autofree char *v2 = at_version (c->item, 2);
      g_autofree char *created = g_strconcat (c->name, ".created", NULL);
      g_autofree char *updated = g_strconcat (c->name, ".updated", NULL);
      g_autofree char *deleted = g_strconcat (c->name, ".deleted", NULL);
      g_autofree char *deletion = g_strdup_printf ("{'id':'%s','version':3}", c->id);

      apply_ok (state, created, v1, c->kind, PULSE_STATE_ACTION_CREATED, c->id);
      assert_json (pulse_state_lookup (state, c->kind, c->id), v1);
      apply_ok (state, updated, v2, c->kind, PULSE_STATE_ACTION_UPDATED, c->id);
      assert_json (pulse_state_lookup (state, c->kind, c->id), v2);
      g_assert_cmpuint (pulse_state_get_n_items (state, c->kind), ==, 1);
      apply_ok (state, deleted, deletion, c->kind, PULSE_STATE_ACTION_DELETED, c->id);
      g_assert_cmpuint (pulse_state_get_n_items (state, c->kind), ==, 0);
    }

  g_assert_cmpint (pulse_state_get_seq (state), ==, 10 + 3 * G_N_ELEMENTS (managed_cases));
}

static void
test_ticket_created (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) dump = NULL;
  const char *ticket = "{'id':'t-3','version':1,'queue_id':'q-ua-chat','channel':'telegram',"
                       "'subject':'Refund','customer_id':'cust-9','status':'new',"
                       "'priority':'normal','tags':['refund'],'language':'uk',"
                       "'created_at':'2026-11-20T09:50:00Z','updated_at':'2026-11-20T09:50:01Z',"
                       "'messages':[{'id':'m-7','author_kind':'customer',"
                       "'at':'2026-11-20T09:50:00Z','body':'Where is my money'},"
                       "{'id':'m-8','author_kind':'rule','at':'2026-11-20T09:50:01Z',"
                       "'body':'We are on it','rule_id':'r-1'}],"
                       "'ratings':[{'kind':'csat','score':2,'at':'2026-11-20T09:50:01Z'}]}";

  apply_ok (state, "ticket.created", ticket, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_CREATED,
            "t-3");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-3"), ticket);
  dump = pulse_state_to_json (state);
  assert_ids (dump, "tickets", "t-0 t-1 t-2 t-3");
}

/* The header replaces every field (an absent assignee is cleared) and
 * the messages and ratings stay. */
static void
test_ticket_updated (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) dump = NULL;

  apply_ok (state, "ticket.updated",
            "{'id':'t-1','version':4,'queue_id':'q-ua-cards','channel':'chat',"
            "'subject':'Card blocked','customer_id':'cust-42','status':'resolved',"
            "'priority':'urgent','tags':['cards','vip'],"
            "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:50:00Z',"
            "'resolved_at':'2026-11-20T09:50:00Z'}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-1");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"),
               "{'id':'t-1','version':4,'queue_id':'q-ua-cards','channel':'chat',"
               "'subject':'Card blocked','customer_id':'cust-42','status':'resolved',"
               "'priority':'urgent','tags':['cards','vip'],"
               "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:50:00Z',"
               "'resolved_at':'2026-11-20T09:50:00Z','messages':[" M1 "," M2 "],'ratings':[]}");
  /* Now the latest: it moves behind t-2. */
  dump = pulse_state_to_json (state);
  assert_ids (dump, "tickets", "t-0 t-2 t-1");
}

/* A late message goes in its place; one at the same instant as another
 * goes after it, as the server orders them. */
static void
test_message_created (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *late = message_data (4, "09:31:00Z", "m-3", "09:30:30Z");
  g_autofree char *same = message_data (5, "09:31:00Z", "m-4", "09:31:00Z");
  g_autofree char *first = message_data (6, "09:31:00Z", "m-5", "09:29:00Z");
  g_autofree char *newest = message_data (7, "09:35:00.25Z", "m-6", "09:35:00.25Z");
  g_autoptr(JsonNode) before = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET,
                                                                  "t-1"));

  apply_ok (state, "message.created", late, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  apply_ok (state, "message.created", same, PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED,
            "t-1");
  apply_ok (state, "message.created", first, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-1");
  apply_ok (state, "message.created", newest, PULSE_STATE_KIND_TICKET,
            PULSE_STATE_ACTION_UPDATED, "t-1");

  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"),
               "{'id':'t-1','version':7,'queue_id':'q-ua-chat','channel':'chat',"
               "'subject':'Card blocked','customer_id':'cust-42','status':'open',"
               "'priority':'normal','assignee_id':'agent-7','tags':['cards'],"
               "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:35:00.250000Z',"
               "'messages':["
               "{'id':'m-5','author_kind':'customer','at':'2026-11-20T09:29:00Z','body':'m-5'},"
               M1 ","
               "{'id':'m-3','author_kind':'customer','at':'2026-11-20T09:30:30Z','body':'m-3'},"
               M2 ","
               "{'id':'m-4','author_kind':'customer','at':'2026-11-20T09:31:00Z','body':'m-4'},"
               "{'id':'m-6','author_kind':'customer','at':'2026-11-20T09:35:00.250000Z',"
               "'body':'m-6'}],'ratings':[]}");
  assert_json (before, T1);
}

static void
test_rating_created (void)
{
  g_autoptr(PulseState) state = new_state (10);

  apply_ok (state, "rating.created",
            "{'ticket_id':'t-1','ticket_version':4,'ticket_updated_at':'2026-11-20T10:00:00Z',"
            "'rating':{'kind':'nps','score':9,'at':'2026-11-20T10:00:00Z','comment':'Fast'}}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-1");
  apply_ok (state, "rating.created",
            "{'ticket_id':'t-1','ticket_version':5,'ticket_updated_at':'2026-11-20T10:00:00Z',"
            "'rating':{'kind':'csat','score':5,'at':'2026-11-20T09:59:00Z'}}",
            PULSE_STATE_KIND_TICKET, PULSE_STATE_ACTION_UPDATED, "t-1");

  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"),
               "{'id':'t-1','version':5,'queue_id':'q-ua-chat','channel':'chat',"
               "'subject':'Card blocked','customer_id':'cust-42','status':'open',"
               "'priority':'normal','assignee_id':'agent-7','tags':['cards'],"
               "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T10:00:00Z',"
               "'messages':[" M1 "," M2 "],'ratings':["
               "{'kind':'csat','score':5,'at':'2026-11-20T09:59:00Z'},"
               "{'kind':'nps','score':9,'at':'2026-11-20T10:00:00Z','comment':'Fast'}]}");
}

static void
test_agent_status (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autoptr(JsonNode) before = json_node_ref (pulse_state_lookup (state, PULSE_STATE_KIND_AGENT,
                                                                  "agent-7"));

  apply_ok (state, "agent.status",
            "{'agent_id':'agent-7','version':3,'status':'after-call',"
            "'since':'2026-11-20T09:45:00.5Z'}",
            PULSE_STATE_KIND_AGENT, PULSE_STATE_ACTION_UPDATED, "agent-7");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_AGENT, "agent-7"),
               "{'id':'agent-7','version':3,'name':'Olena K.','position':'agent',"
               "'status':'after-call','status_since':'2026-11-20T09:45:00.500000Z',"
               "'channels':[],'languages':[]}");
  /* What was handed out before is a value: it is not changed in place. */
  assert_json (before, AGENT);
}

static void
test_applications (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(JsonNode) event = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  apply_ok (state, "applications.updated", "{'date':'2026-11-20','country':'UA','count':95}",
            PULSE_STATE_KIND_APPLICATIONS, PULSE_STATE_ACTION_UPDATED, "2026-11-20");
  g_assert_true (pulse_state_lookup_applications (state, "2026-11-20", "UA", &count));
  g_assert_cmpint (count, ==, 95);

  event = parse_q ("{'seq':12,'type':'applications.updated','at':'2026-11-21T00:00:00Z',"
                   "'data':{'date':'2026-11-19','country':'ES','count':0}}");
  g_assert_true (pulse_state_apply (state, event, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.kind, ==, PULSE_STATE_KIND_APPLICATIONS);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_CREATED);
  g_assert_cmpstr (change.id, ==, "2026-11-19");
  g_assert_cmpstr (change.country, ==, "ES");
  assert_json (change.item, "{'date':'2026-11-19','country':'ES','count':0}");

  dump = pulse_state_to_json (state);
  assert_ids (dump, "applications", "ES KZ UA");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/state/snapshot", test_snapshot);
  g_test_add_func ("/pulse/core/state/snapshot-bad", test_snapshot_bad);
  g_test_add_func ("/pulse/core/state/directory", test_directory);
  g_test_add_func ("/pulse/core/state/managed", test_managed);
  g_test_add_func ("/pulse/core/state/ticket-created", test_ticket_created);
  g_test_add_func ("/pulse/core/state/ticket-updated", test_ticket_updated);
  g_test_add_func ("/pulse/core/state/message-created", test_message_created);
  g_test_add_func ("/pulse/core/state/rating-created", test_rating_created);
  g_test_add_func ("/pulse/core/state/agent-status", test_agent_status);
  g_test_add_func ("/pulse/core/state/applications", test_applications);

  return g_test_run ();
}
