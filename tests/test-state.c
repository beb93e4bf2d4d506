/* test-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseState: a snapshot, then events applied to it, with hand-written
 * JSON. Documents are written with ' for " to stay readable; no text in
 * them holds an apostrophe.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-state.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define M1 "{'id':'m-1','author_kind':'customer','at':'2026-11-20T09:30:00Z','body':'Hi'}"
#define M2 "{'id':'m-2','author_kind':'agent','author_id':'agent-7'," \
           "'at':'2026-11-20T09:31:00Z','body':'Hello'}"

/* t-1 is open with two messages, t-2 open and later, t-0 closed a day
 * before; the snapshot lists them out of order on purpose. */
#define T0 "{'id':'t-0','version':2,'queue_id':'q-ua-chat','channel':'email','subject':'Old'," \
           "'customer_id':'cust-1','status':'closed','priority':'normal','tags':[]," \
           "'created_at':'2026-11-19T08:00:00Z','updated_at':'2026-11-19T09:00:00Z'," \
           "'messages':[],'ratings':[]}"
#define T1 "{'id':'t-1','version':3,'queue_id':'q-ua-chat','channel':'chat'," \
           "'subject':'Card blocked','customer_id':'cust-42','status':'open'," \
           "'priority':'normal','assignee_id':'agent-7','tags':['cards']," \
           "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:31:00Z'," \
           "'messages':[" M1 "," M2 "],'ratings':[]}"
#define T2 "{'id':'t-2','version':1,'queue_id':'q-es-mail','channel':'email','subject':'Loan'," \
           "'customer_id':'cust-7','status':'new','priority':'high','tags':[]," \
           "'created_at':'2026-11-20T09:40:00Z','updated_at':'2026-11-20T09:45:00Z'," \
           "'messages':[],'ratings':[]}"

#define QUEUE_UA "{'id':'q-ua-chat','version':1,'name':'Ukraine chat','channel':'chat'," \
                 "'country':'UA','language':'uk','sl_target_seconds':20,'sl_goal':0.8}"
#define QUEUE_ES "{'id':'q-es-mail','version':1,'name':'Spain mail','channel':'email'," \
                 "'country':'ES','language':'es','sl_target_seconds':3600,'sl_goal':1.0}"
#define TEAM "{'id':'team-ua','version':1,'name':'Kyiv desk'}"
#define AGENT "{'id':'agent-7','version':2,'name':'Olena K.','position':'agent'," \
              "'status':'offline','status_since':'2026-11-20T08:00:00Z','channels':[]," \
              "'languages':[]}"
#define CHANNEL "{'id':'ch-chat','version':1,'kind':'chat','name':'Chat','realtime':true," \
                "'sl_target_seconds':20,'enabled':true}"

/* One managed item of each kind, at version 1. */
#define RULE "{'id':'r-1','version':1,'name':'N','position':0,'enabled':false,'phrases':[]," \
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]}"
#define TEMPLATE "{'id':'tpl-1','version':1,'name':'N','language':'en','channels':[]," \
                 "'body':'Hello','variables':[],'disclosure':true}"
#define SCORECARD "{'id':'sc-1','version':1,'name':'N','sections':[{'name':'S','criteria':[" \
                  "{'id':'c','name':'C','weight':100.0,'critical':false}]}]}"
#define MENTORSHIP "{'id':'mt-1','version':1,'mentor_id':'a','newcomer_id':'b'," \
                   "'status':'planned','started_at':'2026-09-01T06:00:00Z','plan':[]}"
#define SHIFT "{'id':'sh-1','version':1,'agent_id':'a','kind':'absence'," \
              "'starts_at':'2026-11-23T00:00:00Z','ends_at':'2026-11-28T00:00:00Z','breaks':[]}"
#define REVIEW "{'id':'rv-1','version':1,'ticket_id':'t','message_id':'m','agent_id':'a'," \
               "'scorecard_id':'s','scorecard_version':1,'reason':'random','status':'pending'," \
               "'grades':[],'created_at':'2026-11-20T09:30:00Z'}"

#define SNAPSHOT "{'seq':%" G_GINT64_FORMAT ",'queues':[" QUEUE_UA "," QUEUE_ES "]," \
                 "'teams':[" TEAM "],'agents':[" AGENT "],'channels':[" CHANNEL "]," \
                 "'tickets':[" T2 "," T1 "," T0 "]," \
                 "'applications':[{'date':'2026-11-20','country':'UA','count':120}," \
                 "{'date':'2026-11-20','country':'KZ','count':40}]," \
                 "'rules':[],'templates':[],'scorecards':[],'mentorships':[],'shifts':[]," \
                 "'reviews':[],'comment':'unknown members are ignored'}"

static JsonNode *
parse_q (const char *text)
{
  g_autofree char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  return pulse_test_parse (json);
}

static void
assert_json (JsonNode   *actual,
             const char *expected_q)
{
  g_autoptr(JsonNode) expected = parse_q (expected_q);

  g_assert_nonnull (actual);
  if (!json_node_equal (actual, expected))
    {
      g_autofree char *a = pulse_json_to_string (actual);
      g_autofree char *e = pulse_json_to_string (expected);

      g_assert_cmpstr (a, ==, e);
    }
}

static PulseState *
new_state (gint64 seq)
{
  g_autofree char *text = g_strdup_printf (SNAPSHOT, seq);
  g_autoptr(JsonNode) snapshot = parse_q (text);
  g_autoptr(GError) error = NULL;
  PulseState *state = pulse_state_new_from_snapshot (snapshot, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static char *
event_text (gint64      seq,
            const char *type,
            const char *data_q)
{
  return g_strdup_printf ("{'seq':%" G_GINT64_FORMAT ",'type':'%s',"
                          "'at':'2026-11-20T10:00:00.5Z','data':%s}", seq, type, data_q);
}

/* Applies the next event, which must succeed and report @action. */
static void
apply_ok (PulseState       *state,
          const char       *type,
          const char       *data_q,
          PulseStateKind    kind,
          PulseStateAction  action,
          const char       *id)
{
  gint64 seq = pulse_state_get_seq (state) + 1;
  g_autofree char *text = event_text (seq, type, data_q);
  g_autoptr(JsonNode) event = parse_q (text);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pulse_state_apply (state, event, &change, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (change.seq, ==, seq);
  g_assert_cmpint (change.kind, ==, kind);
  g_assert_cmpint (change.action, ==, action);
  g_assert_cmpstr (change.id, ==, id);
  g_assert_cmpint (pulse_state_get_seq (state), ==, seq);

  if ((action == PULSE_STATE_ACTION_CREATED || action == PULSE_STATE_ACTION_UPDATED) &&
      kind != PULSE_STATE_KIND_APPLICATIONS)
    g_assert_true (change.item == pulse_state_lookup (state, kind, id));
  else if (action == PULSE_STATE_ACTION_DELETED)
    {
      g_assert_nonnull (change.item);
      g_assert_null (pulse_state_lookup (state, kind, id));
    }
}

/* @event_q must fail with @code naming @part, changing nothing. */
static void
apply_fails (PulseState *state,
             const char *event_q,
             int         code,
             const char *part)
{
  g_autoptr(JsonNode) event = parse_q (event_q);
  g_autoptr(JsonNode) before = pulse_state_to_json (state);
  g_autoptr(JsonNode) after = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 seq = pulse_state_get_seq (state);

  g_assert_false (pulse_state_apply (state, event, &change, &error));
  g_assert_error (error, PULSE_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not name “%s”", error->message, part);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_NONE);
  g_assert_null (change.item);

  g_assert_cmpint (pulse_state_get_seq (state), ==, seq);
  after = pulse_state_to_json (state);
  g_assert_true (json_node_equal (before, after));
}

static void
apply_data_fails (PulseState *state,
                  const char *type,
                  const char *data_q,
                  int         code,
                  const char *part)
{
  g_autofree char *text = event_text (pulse_state_get_seq (state) + 1, type, data_q);

  apply_fails (state, text, code, part);
}

static void
assert_ids (JsonNode   *dump,
            const char *member,
            const char *ids)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (dump), member);
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *id = json_object_has_member (item, "id")
                       ? json_object_get_string_member (item, "id")
                       : json_object_get_string_member (item, "country");

      g_string_append_printf (seen, "%s%s", i > 0 ? " " : "", id);
    }

  g_assert_cmpstr (seen->str, ==, ids);
}

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

/* @item_q, written at version 1, at @version. */
static char *
at_version (const char *item_q,
            int         version)
{
  g_autoptr(GString) text = g_string_new (item_q);
  g_autofree char *replacement = g_strdup_printf ("'version':%d,", version);

  g_string_replace (text, "'version':1,", replacement, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

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

static char *
message_data (int         version,
              const char *updated_at,
              const char *id,
              const char *at)
{
  return g_strdup_printf ("{'ticket_id':'t-1','ticket_version':%d,"
                          "'ticket_updated_at':'2026-11-20T%s','message':{'id':'%s',"
                          "'author_kind':'customer','at':'2026-11-20T%s','body':'%s'}}",
                          version, updated_at, id, at, id);
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

  apply_ok (state, "agent.status",
            "{'agent_id':'agent-7','version':3,'status':'after-call',"
            "'since':'2026-11-20T09:45:00.5Z'}",
            PULSE_STATE_KIND_AGENT, PULSE_STATE_ACTION_UPDATED, "agent-7");
  assert_json (pulse_state_lookup (state, PULSE_STATE_KIND_AGENT, "agent-7"),
               "{'id':'agent-7','version':3,'name':'Olena K.','position':'agent',"
               "'status':'after-call','status_since':'2026-11-20T09:45:00.500000Z',"
               "'channels':[],'languages':[]}");
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
  json_object_set_int_member (json_node_get_object (before), "seq", 16);
  g_assert_true (json_node_equal (before, after));
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
  g_assert_cmpint (pulse_state_get_seq (state), ==, 13);

  /* A creation for a ticket with held events cannot be right. */
  apply_data_fails (state, "ticket.created", fetched, PULSE_ERROR_CONFLICT,
                    "the state has a ticket “t-old” already");

  put_ticket (state, fetched, PULSE_STATE_ACTION_CREATED);
  assert_missing (state, "");
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
  g_test_add_func ("/pulse/core/state/seq", test_seq);
  g_test_add_func ("/pulse/core/state/versions", test_versions);
  g_test_add_func ("/pulse/core/state/bad-data", test_bad_data);
  g_test_add_func ("/pulse/core/state/unknown-types", test_unknown_types);
  g_test_add_func ("/pulse/core/state/resync", test_resync);
  g_test_add_func ("/pulse/core/state/missing-ticket", test_missing_ticket);
  g_test_add_func ("/pulse/core/state/fetched-ahead", test_fetched_ahead);
  g_test_add_func ("/pulse/core/state/put-ticket", test_put_ticket);
  g_test_add_func ("/pulse/core/state/equal", test_equal);

  return g_test_run ();
}
