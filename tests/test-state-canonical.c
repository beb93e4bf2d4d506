/* test-state-canonical.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state keeps an event's own nodes when they are the canonical form
 * already (as the server writes them), and writes anything else again:
 * either way it holds exactly what the codecs would write.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-error.h"
#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-message-private.h"
#include "pulse-rating-private.h"
#include "pulse-test-state.h"
#include "pulse-test-util.h"
#include "pulse-ticket-private.h"

#define HEADER_T1(version, subject) \
  "{'id':'t-1','version':" version ",'queue_id':'q-ua-chat','channel':'chat'," \
  "'subject':'" subject "','customer_id':'cust-42','status':'open','priority':'normal'," \
  "'assignee_id':'agent-7','tags':['cards'],'created_at':'2026-11-20T09:30:00Z'," \
  "'updated_at':'2026-11-20T09:50:00Z'"

/* T1 with one message of its two. */
#define ONE_MESSAGE \
  "{'id':'t-1','version':3,'queue_id':'q-ua-chat','channel':'chat'," \
  "'subject':'Card blocked','customer_id':'cust-42','status':'open'," \
  "'priority':'normal','assignee_id':'agent-7','tags':['cards']," \
  "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:31:00Z'," \
  "'messages':[" M1 "],'ratings':[]}"

#define NEW_TICKET(at) \
  "{'id':'t-9','version':1,'queue_id':'q-ua-chat','channel':'chat','subject':'New'," \
  "'customer_id':'cust-9','status':'new','priority':'normal','tags':[]," \
  "'created_at':'" at "','messages':[{'id':'m-9','author_kind':'customer'," \
  "'at':'" at "','body':'Hello?'}],'ratings':[]}"

/* t-1's `message.created` at version 4 with @message_q. */
static char *
addition (const char *message_q)
{
  return g_strdup_printf ("{'ticket_id':'t-1','ticket_version':4,"
                          "'ticket_updated_at':'2026-11-20T09:50:00Z','message':%s}", message_q);
}

/* The event, parsed as the stream parses it (sealed), and its data. */
static JsonNode *
event_node (gint64       seq,
            const char  *type,
            const char  *data_q,
            JsonNode   **data)
{
  g_autofree char *text = event_text (seq, type, data_q);
  JsonNode *event = parse_q (text);

  *data = json_object_get_member (json_node_get_object (event), "data");
  return event;
}

static void
apply_node (PulseState *state,
            JsonNode   *event)
{
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GError) error = NULL;

  pulse_state_apply (state, event, &change, &error);
  g_assert_no_error (error);
}

static char *
text_of (JsonNode *node)
{
  return pulse_json_to_string (node);
}

/* @item's text is its codec's text of it, member order included. */
static void
assert_canonical (JsonNode                *item,
                  PulseJsonListDecodeFunc  decode,
                  PulseJsonListEncodeFunc  encode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) decoded = decode (item, &error);
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  written = encode (decoded);
  expected = text_of (written);
  actual = text_of (item);
  g_assert_cmpstr (actual, ==, expected);
}

static void
assert_canonical_ticket (JsonNode *ticket)
{
  assert_canonical (ticket, PULSE_JSON_LIST_DECODE (pulse_ticket_new_from_json),
                    PULSE_JSON_LIST_ENCODE (pulse_ticket_to_json));
}

static JsonNode *
last_message (PulseState *state,
              const char *ticket_id)
{
  JsonNode *ticket = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, ticket_id);
  JsonArray *messages = json_object_get_array_member (json_node_get_object (ticket), "messages");

  return json_array_get_element (messages, json_array_get_length (messages) - 1);
}

static void
test_kept_as_sent (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *message = addition ("{'id':'m-3','author_kind':'agent',"
                                       "'author_id':'agent-7','at':'2026-11-20T09:50:00Z',"
                                       "'body':'Done','template_id':'tpl-1'}");
  g_autoptr(JsonNode) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
  JsonNode *data, *ticket, *agent;

  e1 = event_node (11, "message.created", message, &data);
  apply_node (state, e1);
  g_assert_true (last_message (state, "t-1") ==
                 json_object_get_member (json_node_get_object (data), "message"));
  assert_canonical_ticket (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));

  e2 = event_node (12, "ticket.created", NEW_TICKET ("2026-11-20T09:55:00Z"), &data);
  apply_node (state, e2);
  g_assert_true (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-9") == data);

  /* An update's header is kept, member by member, with the stored lists. */
  e3 = event_node (13, "ticket.updated", HEADER_T1 ("5", "Card blocked, again") "}", &data);
  apply_node (state, e3);
  ticket = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1");
  g_assert_true (json_object_get_member (json_node_get_object (ticket), "tags") ==
                 json_object_get_member (json_node_get_object (data), "tags"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (ticket), "messages")), ==, 3);
  assert_canonical_ticket (ticket);

  e4 = event_node (14, "agent.status", "{'agent_id':'agent-7','version':3,'status':'available',"
                   "'since':'2026-11-20T09:58:00Z'}", &data);
  apply_node (state, e4);
  agent = pulse_state_lookup (state, PULSE_STATE_KIND_AGENT, "agent-7");
  assert_json (agent, "{'id':'agent-7','version':3,'name':'Olena K.','position':'agent',"
               "'status':'available','status_since':'2026-11-20T09:58:00Z','channels':[],"
               "'languages':[]}");
  assert_canonical (agent, PULSE_JSON_LIST_DECODE (pulse_agent_new_from_json),
                    PULSE_JSON_LIST_ENCODE (pulse_agent_to_json));
}

/* Each one differs from the canonical form in one way; the state must
 * hold the canonical form, never the node as sent. */
static void
test_written_again (void)
{
  static const char * const messages[] = {
    /* a time with milliseconds */
    "{'id':'m-3','author_kind':'customer','at':'2026-11-20T09:50:00.000Z','body':'A'}",
    /* an offset instead of Z */
    "{'id':'m-3','author_kind':'customer','at':'2026-11-20T11:50:00+02:00','body':'A'}",
    /* members out of order */
    "{'id':'m-3','author_kind':'customer','body':'A','at':'2026-11-20T09:50:00Z'}",
    /* a member the codec does not know */
    "{'id':'m-3','author_kind':'customer','at':'2026-11-20T09:50:00Z','body':'A','x':1}",
  };
  static const char * const updates[] = {
    HEADER_T1 ("4", "S") ",'x':true}",
    "{'version':4,'id':'t-1','queue_id':'q-ua-chat','channel':'chat','subject':'S',"
    "'customer_id':'cust-42','status':'open','priority':'normal','assignee_id':'agent-7',"
    "'tags':['cards'],'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:50:00Z'}",
    /* no priority: it reads as normal, and is written */
    "{'id':'t-1','version':4,'queue_id':'q-ua-chat','channel':'chat','subject':'S',"
    "'customer_id':'cust-42','status':'open','assignee_id':'agent-7','tags':['cards'],"
    "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:50:00Z'}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(PulseState) state = new_state (10);
      g_autofree char *text = addition (messages[i]);
      g_autoptr(JsonNode) event = NULL;
      JsonNode *data, *kept;

      event = event_node (11, "message.created", text, &data);
      apply_node (state, event);
      kept = last_message (state, "t-1");
      g_assert_true (kept != json_object_get_member (json_node_get_object (data), "message"));
      assert_json (kept, "{'id':'m-3','author_kind':'customer','at':'2026-11-20T09:50:00Z',"
                   "'body':'A'}");
      assert_canonical_ticket (pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autoptr(PulseState) state = new_state (10);
      g_autoptr(JsonNode) event = NULL;
      JsonNode *data, *ticket;

      event = event_node (11, "ticket.updated", updates[i], &data);
      apply_node (state, event);
      ticket = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-1");
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (ticket), "subject"),
                       ==, "S");
      assert_canonical_ticket (ticket);
    }

  {
    g_autoptr(PulseState) state = new_state (10);
    g_autoptr(JsonNode) event = NULL;
    JsonNode *data, *ticket;

    event = event_node (11, "ticket.created", NEW_TICKET ("2026-11-20T09:55:00.000Z"), &data);
    apply_node (state, event);
    ticket = pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-9");
    g_assert_true (ticket != data);
    assert_canonical_ticket (ticket);
  }
}

/* A node that is not sealed may change under the state after the event:
 * it is copied, however canonical. */
static void
test_unsealed_copied (void)
{
  g_autoptr(PulseState) state = new_state (10);
  g_autofree char *message = addition ("{'id':'m-3','author_kind':'customer',"
                                       "'at':'2026-11-20T09:50:00Z','body':'Before'}");
  g_autofree char *text = event_text (11, "message.created", message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *sent;

  g_strdelimit (text, "'", '"');
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_false (json_node_is_immutable (json_parser_get_root (parser)));
  apply_node (state, json_parser_get_root (parser));

  sent = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "data"),
    "message");
  json_object_set_string_member (sent, "body", "After");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (
                     last_message (state, "t-1")), "body"), ==, "Before");
}

static gboolean
ticket_matches (const char *text_q,
                const char *as_q,
                gboolean    header_only)
{
  g_autoptr(JsonNode) node = parse_q (text_q);
  g_autoptr(JsonNode) as = parse_q (as_q);
  g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, NULL);

  g_assert_nonnull (ticket);
  return _pulse_ticket_matches_json (ticket, as, header_only);
}

/* The matcher itself: what the codec writes matches, any one change
 * does not. */
static void
test_matcher (void)
{
  static const char * const changed[] = {
    "{'id':'t-1','version':3.0,'queue_id':'q-ua-chat','channel':'chat'",
    "{'id':'t-1','version':'3','queue_id':'q-ua-chat','channel':'chat'",
    "{'id':'t-1','version':4,'queue_id':'q-ua-chat','channel':'chat'",
    "{'version':3,'id':'t-1','queue_id':'q-ua-chat','channel':'chat'",
    "{'id':'t-1','version':3,'channel':'chat'",
    "{'id':'t-1','version':3,'queue_id':'q-ua-chat','extra':1,'channel':'chat'",
  };
  const char *rest = ",'subject':'Card blocked','customer_id':'cust-42','status':'open',"
                     "'priority':'normal','assignee_id':'agent-7','tags':['cards'],"
                     "'created_at':'2026-11-20T09:30:00Z','updated_at':'2026-11-20T09:31:00Z',"
                     "'messages':[" M1 "," M2 "],'ratings':[]}";
  g_autoptr(JsonNode) rating = parse_q ("{'kind':'csat','score':5,'at':'2026-11-20T10:00:00Z'}");
  g_autoptr(PulseRating) decoded = pulse_rating_new_from_json (rating, NULL);
  g_autoptr(JsonNode) rating_text = parse_q ("{'kind':'csat','score':5,"
                                             "'at':'2026-11-20T10:00:00Z','comment':'x'}");

  g_assert_true (ticket_matches (T1, T1, FALSE));
  g_assert_true (ticket_matches (T0, T0, FALSE));
  g_assert_true (ticket_matches (T2, T2, TRUE));
  /* The lists' contents: checked in full, ignored for a header. */
  g_assert_true (ticket_matches (T1, T1, TRUE));
  g_assert_false (ticket_matches (T1, ONE_MESSAGE, FALSE));
  g_assert_true (ticket_matches (T1, ONE_MESSAGE, TRUE));
  g_assert_false (ticket_matches (T1, "{'id':'t-1','version':3,'queue_id':'q-ua-chat',"
                                  "'channel':'chat','subject':'Card blocked',"
                                  "'customer_id':'cust-42','status':'open',"
                                  "'priority':'normal','assignee_id':'agent-7',"
                                  "'tags':['cards','x'],'created_at':'2026-11-20T09:30:00Z',"
                                  "'updated_at':'2026-11-20T09:31:00Z','messages':[],"
                                  "'ratings':[]}", TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    {
      g_autofree char *text = g_strconcat (changed[i], rest, NULL);

      g_assert_false (ticket_matches (T1, text, FALSE));
    }

  g_assert_true (_pulse_rating_matches_json (decoded, rating));
  g_assert_false (_pulse_rating_matches_json (decoded, rating_text));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/state-canonical/kept-as-sent", test_kept_as_sent);
  g_test_add_func ("/pulse/core/state-canonical/written-again", test_written_again);
  g_test_add_func ("/pulse/core/state-canonical/unsealed-copied", test_unsealed_copied);
  g_test_add_func ("/pulse/core/state-canonical/matcher", test_matcher);

  return g_test_run ();
}
