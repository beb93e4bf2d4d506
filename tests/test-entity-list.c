/* test-entity-list.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseEntityList fed by real PulseStateChanges: states from hand-written
 * snapshots, events applied with pulse_state_apply(), every signal
 * checked (test-entity-list-model.h). Order, each action's signal and
 * object identity; batches are in test-entity-list-batch.c.
 */

#include "config.h"

#include "pulse-rule.h"
#include "pulse-shift.h"
#include "pulse-ticket.h"
#include "test-entity-list-model.h"

static void
test_reset_order (void)
{
  g_autoptr(PulseState) state = test_state_new (
    "queues", "{'id':'q-3','version':1,'name':'beta','channel':'chat','country':'UA',"
              "'language':'uk','sl_target_seconds':20,'sl_goal':0.8},"
              "{'id':'q-2','version':1,'name':'alpha','channel':'chat','country':'UA',"
              "'language':'uk','sl_target_seconds':20,'sl_goal':0.8},"
              "{'id':'q-1','version':1,'name':'Alpha','channel':'chat','country':'UA',"
              "'language':'uk','sl_target_seconds':20,'sl_goal':0.8}",
    "teams", "{'id':'team-1','version':1,'name':'Warsaw'},"
             "{'id':'team-2','version':1,'name':'Kyiv'}",
    "rules", "{'id':'r-a','version':1,'name':'A','position':2,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-d','version':1,'name':'D','position':0,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-c','version':1,'name':'C','position':1,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-b','version':1,'name':'B','position':0,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]}",
    "templates", "{'id':'tpl-1','version':1,'name':'Zeta','language':'en','channels':[],"
                 "'body':'Hello','variables':[],'disclosure':true},"
                 "{'id':'tpl-2','version':1,'name':'eta','language':'en','channels':[],"
                 "'body':'Hello','variables':[],'disclosure':true}",
    "shifts", "{'id':'sh-1','version':1,'agent_id':'a','kind':'work','starts_at':"
              "'2026-11-23T10:00:00Z','ends_at':'2026-11-23T18:00:00Z','breaks':[]},"
              "{'id':'sh-3','version':1,'agent_id':'a','kind':'work','starts_at':"
              "'2026-11-23T08:00:00Z','ends_at':'2026-11-23T18:00:00Z','breaks':[]},"
              "{'id':'sh-2','version':1,'agent_id':'b','kind':'work','starts_at':"
              "'2026-11-23T08:00:00Z','ends_at':'2026-11-23T18:00:00Z','breaks':[]}",
    "tickets", "{'id':'t-3','version':1,'queue_id':'q-1','channel':'chat','subject':'S',"
               "'customer_id':'c','status':'open','priority':'normal','tags':[],"
               "'created_at':'2026-11-20T09:00:00Z','updated_at':'2026-11-20T12:00:00Z',"
               "'messages':[],'ratings':[]},"
               "{'id':'t-2','version':1,'queue_id':'q-1','channel':'chat','subject':'S',"
               "'customer_id':'c','status':'open','priority':'normal','tags':[],"
               "'created_at':'2026-11-20T11:00:00Z','updated_at':'2026-11-20T11:00:00Z',"
               "'messages':[],'ratings':[]},"
               "{'id':'t-1','version':1,'queue_id':'q-1','channel':'chat','subject':'S',"
               "'customer_id':'c','status':'open','priority':'normal','tags':[],"
               "'created_at':'2026-11-20T09:00:00Z','updated_at':'2026-11-20T09:00:00Z',"
               "'messages':[],'ratings':[]}",
    "reviews", "{'id':'rv-1','version':1,'ticket_id':'t','message_id':'m','agent_id':'a',"
               "'scorecard_id':'s','scorecard_version':1,'reason':'random','status':'pending',"
               "'grades':[],'created_at':'2026-11-20T09:00:00Z'},"
               "{'id':'rv-2','version':1,'ticket_id':'t','message_id':'m','agent_id':'a',"
               "'scorecard_id':'s','scorecard_version':1,'reason':'random','status':'pending',"
               "'grades':[],'created_at':'2026-11-20T10:00:00Z'}",
    "mentorships", "{'id':'mt-1','version':1,'mentor_id':'a','newcomer_id':'b',"
                   "'status':'planned','started_at':'2026-09-01T06:00:00Z','plan':[]},"
                   "{'id':'mt-2','version':1,'mentor_id':'a','newcomer_id':'c',"
                   "'status':'planned','started_at':'2026-10-01T06:00:00Z','plan':[]}",
    NULL);
  static const struct { PulseStateKind kind; const char *ids; } cases[] = {
    /* "Alpha" and "alpha" fold alike: the id decides. */
    { PULSE_STATE_KIND_QUEUE, "q-1 q-2 q-3" },
    { PULSE_STATE_KIND_TEAM, "team-2 team-1" },
    { PULSE_STATE_KIND_RULE, "r-b r-d r-c r-a" },
    { PULSE_STATE_KIND_TEMPLATE, "tpl-2 tpl-1" },
    { PULSE_STATE_KIND_SHIFT, "sh-2 sh-3 sh-1" },
    /* Newest first; t-1 and t-3 were created at once: by id. */
    { PULSE_STATE_KIND_TICKET, "t-2 t-1 t-3" },
    { PULSE_STATE_KIND_REVIEW, "rv-2 rv-1" },
    { PULSE_STATE_KIND_MENTORSHIP, "mt-2 mt-1" },
    { PULSE_STATE_KIND_AGENT, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PulseEntityList) list = pulse_entity_list_new (cases[i].kind);
      g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
      guint n = pulse_state_get_n_items (state, cases[i].kind);
      g_autofree char *expected = n > 0 ? g_strdup_printf ("0,0,%u", n) : g_strdup ("");

      g_signal_connect (list, "notify::n-items", G_CALLBACK (on_notify_cb), recorder);
      pulse_entity_list_reset (list, state);
      assert_signals (recorder, expected);
      g_assert_cmpuint (recorder->n_notify, ==, n > 0 ? 1 : 0);
      assert_mirror (recorder);
      assert_ids (list, cases[i].ids);
      g_assert_cmpuint (pulse_entity_list_get_kind (list), ==, cases[i].kind);
    }
}

#define TICKET_AT "{'id':'%s','version':1,'queue_id':'q-1','channel':'chat','subject':'S'," \
                  "'customer_id':'c-1','status':'open','priority':'normal','tags':[]," \
                  "'created_at':'%s','messages':[],'ratings':[]}"

/* Tickets sort by creation to the microsecond, across days, months, a
 * leap day, years and fractions of every length, newest first. */
static void
test_ticket_times (void)
{
  static const char * const times[] = {
    "2028-02-29T23:59:59.999999Z", "2028-03-01T00:00:00Z", "2027-12-31T23:59:59.5Z",
    "2028-01-01T00:00:00.000001Z", "2027-12-31T23:59:59.25Z", "1999-12-31T23:59:59Z",
    "2028-02-29T23:59:59.99999Z", "2028-02-28T00:00:00.1Z",
  };
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(PulseState) state = NULL;
  g_autoptr(PulseEntityList) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i);

      g_string_append_printf (items, "%s" TICKET_AT, i > 0 ? "," : "", id, times[i]);
    }
  state = test_state_new ("tickets", items->str, NULL);
  list = list_reset (PULSE_STATE_KIND_TICKET, state);
  assert_ids (list, "t-1 t-0 t-6 t-7 t-3 t-2 t-4 t-5");
}

static void
test_item_type (void)
{
  g_autoptr(PulseEntityList) tickets = pulse_entity_list_new (PULSE_STATE_KIND_TICKET);
  g_autoptr(PulseEntityList) rules = pulse_entity_list_new (PULSE_STATE_KIND_RULE);
  g_autoptr(GObject) none = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (tickets)) == PULSE_TYPE_TICKET);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rules)) == PULSE_TYPE_RULE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rules)), ==, 0);
  none = g_list_model_get_item (G_LIST_MODEL (rules), 0);
  g_assert_null (none);
  g_assert_false (pulse_entity_list_find (rules, "r-1", NULL));
  g_assert_null (pulse_entity_list_lookup (rules, "r-1"));
}

static void
test_changes (void)
{
  g_autoptr(PulseState) state = test_state_new (
    "rules", "{'id':'r-a','version':1,'name':'A','position':2,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-b','version':1,'name':'B','position':0,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-c','version':1,'name':'C','position':1,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]},"
             "{'id':'r-d','version':1,'name':'D','position':0,'enabled':false,'phrases':[],"
             "'channels':[],'queue_ids':[],'tags':[],'actions':[{'kind':'close'}]}", NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_RULE, state);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_auto(PulseStateChange) change = { 0 };
  g_autofree char *created = g_strdup_printf (RULE_F, "r-e", "E", 1);
  PulseRule *c, *b, *d;
  guint position = 0;

  pulse_entity_list_reset (list, state);
  assert_signals (recorder, "");
  assert_ids (list, "r-b r-d r-c r-a");

  /* Position 1 ties with r-c: after it, by id. */
  test_apply_q (state, "rule.created", created, &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "3,0,1");
  assert_mirror (recorder);
  assert_ids (list, "r-b r-d r-c r-e r-a");
  g_assert_true (pulse_entity_list_find (list, "r-e", &position));
  g_assert_cmpuint (position, ==, 3);

  /* A rename copies onto the same object: no signal, one notify. */
  c = item_of (list, "r-c");
  g_signal_connect (c, "notify::name", G_CALLBACK (on_notify_cb), recorder);
  rule_update (state, list, "r-c", "name", json_node_init_string (json_node_alloc (), "Cards"));
  assert_signals (recorder, "");
  g_assert_true (item_of (list, "r-c") == c);
  g_assert_cmpstr (pulse_rule_get_name (c), ==, "Cards");
  g_assert_cmpint (pulse_rule_get_version (c), ==, 2);
  g_assert_cmpuint (recorder->n_notify, ==, 1);
  g_signal_handlers_disconnect_by_data (c, recorder);

  /* Tags are read-only: the object is replaced where it is. */
  d = item_of (list, "r-d");
  rule_update (state, list, "r-d", "tags", tags_node ("cards"));
  assert_signals (recorder, "1,1,1");
  assert_mirror (recorder);
  g_assert_false (item_of (list, "r-d") == d);
  g_assert_cmpstr (pulse_rule_get_tags (item_of (list, "r-d"))[0], ==, "cards");

  /* To the end: one signal over the span, the same object moved. */
  b = item_of (list, "r-b");
  rule_update (state, list, "r-b", "position", int_node (5));
  assert_signals (recorder, "0,5,5");
  assert_mirror (recorder);
  assert_ids (list, "r-d r-c r-e r-a r-b");
  g_assert_true (item_of (list, "r-b") == b);
  g_assert_cmpint (pulse_rule_get_position (b), ==, 5);

  /* Forward: position 0 ties with r-d, and r-a sorts first. */
  rule_update (state, list, "r-a", "position", int_node (0));
  assert_signals (recorder, "0,4,4");
  assert_mirror (recorder);
  assert_ids (list, "r-a r-d r-c r-e r-b");

  test_apply (state, "rule.deleted", test_deletion (state, PULSE_STATE_KIND_RULE, "r-c"),
              &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "2,1,0");
  assert_mirror (recorder);
  assert_ids (list, "r-a r-d r-e r-b");
  g_assert_false (pulse_entity_list_find (list, "r-c", NULL));

  /* Moved and replaced at once: still one signal over the span. */
  {
    JsonObject *object = test_edit (state, PULSE_STATE_KIND_RULE, "r-e");

    json_object_set_int_member (object, "position", 9);
    json_object_set_member (object, "tags", tags_node ("loans"));
    test_apply (state, "rule.updated", test_data (object), &change);
    pulse_entity_list_apply (list, &change);
  }
  assert_signals (recorder, "2,2,2");
  assert_mirror (recorder);
  assert_ids (list, "r-a r-d r-b r-e");
}

/* A team renamed moves by its new name, the same object. */
static void
test_name_moves (void)
{
  g_autoptr(PulseState) state = test_state_new (
    "teams", "{'id':'team-1','version':1,'name':'Alpha'},{'id':'team-2','version':1,"
             "'name':'Beta'},{'id':'team-3','version':1,'name':'Gamma'}", NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_TEAM, state);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GObject) alpha = NULL;
  JsonObject *object;

  pulse_entity_list_reset (list, state);
  assert_signals (recorder, "");
  alpha = g_object_ref (item_of (list, "team-1"));

  object = test_edit (state, PULSE_STATE_KIND_TEAM, "team-1");
  json_object_set_string_member (object, "name", "Zulu");
  test_apply (state, "team.updated", test_data (object), &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "0,3,3");
  assert_mirror (recorder);
  assert_ids (list, "team-2 team-3 team-1");
  g_assert_true (item_of (list, "team-1") == (gpointer) alpha);

  /* A new name that sorts in the same place: no signal at all. */
  object = test_edit (state, PULSE_STATE_KIND_TEAM, "team-3");
  json_object_set_string_member (object, "name", "Delta");
  test_apply (state, "team.updated", test_data (object), &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "");
  assert_ids (list, "team-2 team-3 team-1");
}

/* Shifts move by start, the same object. */
static void
test_shift_moves (void)
{
  g_autofree char *a = g_strdup_printf (SHIFT_F, "sh-a", "08:00");
  g_autofree char *b = g_strdup_printf (SHIFT_F, "sh-b", "09:00");
  g_autofree char *c = g_strdup_printf (SHIFT_F, "sh-c", "10:00");
  g_autofree char *items = g_strjoin (",", a, b, c, NULL);
  g_autoptr(PulseState) state = test_state_new ("shifts", items, NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_SHIFT, state);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_auto(PulseStateChange) change = { 0 };
  PulseShift *shift;
  JsonObject *object;

  pulse_entity_list_reset (list, state);
  assert_signals (recorder, "");
  shift = item_of (list, "sh-c");
  object = test_edit (state, PULSE_STATE_KIND_SHIFT, "sh-c");
  json_object_set_string_member (object, "starts_at", "2026-11-23T07:30:00Z");
  test_apply (state, "shift.updated", test_data (object), &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "0,3,3");
  assert_mirror (recorder);
  assert_ids (list, "sh-c sh-a sh-b");
  g_assert_true (item_of (list, "sh-c") == shift);
}

static void
test_tickets (void)
{
  g_autofree char *items = tickets_q (3);
  g_autoptr(PulseState) state = test_state_new ("tickets", items, NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_TICKET, state);
  g_autoptr(Recorder) recorder = recorder_new (list, FALSE);
  g_autoptr(PulseTicket) held = NULL;
  g_auto(PulseStateChange) change = { 0 };
  g_autofree char *created = g_strdup_printf (TICKET_F, "t-9", "10:30", "10:30");
  guint position = 0;

  /* Every ticket update is announced, with the same object. */
  ticket_status (state, list, "t-1", "pending");
  assert_signals (recorder, "1,1,1");
  g_assert_cmpint (pulse_ticket_get_status (item_of (list, "t-1")), ==,
                   PULSE_TICKET_STATUS_PENDING);

  /* Resolved: resolved-at is read-only, yet the ticket the view holds
   * takes the new version in place. */
  g_assert_true (pulse_entity_list_find (list, "t-0", &position));
  g_assert_cmpuint (position, ==, 2);
  held = g_list_model_get_item (G_LIST_MODEL (list), 2);
  ticket_status (state, list, "t-0", "resolved");
  assert_signals (recorder, "2,1,1");
  g_assert_true (item_of (list, "t-0") == held);
  g_assert_cmpint (pulse_ticket_get_status (held), ==, PULSE_TICKET_STATUS_RESOLVED);

  /* Newest first: 10:30 goes between t-2 (11:00) and t-1 (10:00). */
  test_apply_q (state, "ticket.created", created, &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "1,0,1");
  assert_ids (list, "t-2 t-9 t-1 t-0");
}

static void
on_ticket_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     GString    *names)
{
  g_string_append_printf (names, "%s ", pspec->name);
}

static void
on_messages_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GString    *changes)
{
  g_string_append_printf (changes, "%u,%u,%u ", position, removed, added);
}

/* A message is a ticket update in place: `items-changed (pos, 1, 1)`
 * with the same object, one notify of each changed property, one
 * addition to its messages model, and the object writes what the state
 * holds. */
static void
test_ticket_message (void)
{
  g_autofree char *items = tickets_q (3);
  g_autoptr(PulseState) state = test_state_new ("tickets", items, NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_TICKET, state);
  g_autoptr(Recorder) recorder = recorder_new (list, FALSE);
  g_auto(PulseStateChange) change = { 0 };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(PulseTicket) held = NULL;
  GListModel *messages;
  guint position = 0;

  g_assert_true (pulse_entity_list_find (list, "t-0", &position));
  held = g_list_model_get_item (G_LIST_MODEL (list), position);
  messages = pulse_ticket_get_messages (held);
  g_signal_connect (held, "notify", G_CALLBACK (on_ticket_notify_cb), names);
  g_signal_connect (messages, "items-changed", G_CALLBACK (on_messages_changed_cb), changes);

  test_apply_q (state, "message.created",
                "{'ticket_id':'t-0','ticket_version':2,'ticket_updated_at':"
                "'2026-11-20T21:00:00Z','message':{'id':'m-1','author_kind':'customer',"
                "'at':'2026-11-20T21:00:00Z','body':'Hi'}}", &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "2,1,1");
  g_assert_true (item_of (list, "t-0") == held);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (list), position) == (gpointer) held);
  g_object_unref (held);
  g_assert_true (pulse_ticket_get_messages (held) == messages);
  g_assert_cmpstr (names->str, ==, "updated-at version ");
  g_assert_cmpstr (changes->str, ==, "0,0,1 ");
  g_assert_cmpint (pulse_ticket_get_version (held), ==, 2);
  written = pulse_ticket_to_json (held);
  g_assert_true (json_node_equal (written,
                                  pulse_state_lookup (state, PULSE_STATE_KIND_TICKET, "t-0")));
}

/* An update for an id the list lacks is a creation, a creation of one it
 * has is an update, and what is not the list's changes nothing. */
static void
test_edges (void)
{
  g_autofree char *one = g_strdup_printf (RULE_F, "r-1", "One", 1);
  g_autofree char *two = g_strdup_printf (RULE_F, "r-2", "Two", 2);
  g_autofree char *both = g_strjoin (",", one, two, NULL);
  g_autofree char *other = g_strdup_printf (RULE_F, "r-1", "Uno", 1);
  g_autoptr(PulseState) small = test_state_new ("rules", one, NULL);
  g_autoptr(PulseState) big = test_state_new ("rules", both, NULL);
  g_autoptr(PulseState) empty = test_state_new (NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_RULE, small);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_auto(PulseStateChange) change = { 0 };
  gpointer first;

  pulse_entity_list_reset (list, small);
  assert_signals (recorder, "");
  first = item_of (list, "r-1");

  rule_update (big, list, "r-2", "name", json_node_init_string (json_node_alloc (), "Dos"));
  assert_signals (recorder, "1,0,1");
  assert_mirror (recorder);
  g_assert_cmpstr (pulse_rule_get_name (item_of (list, "r-2")), ==, "Dos");

  test_apply_q (empty, "rule.created", other, &change);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "");
  g_assert_true (item_of (list, "r-1") == first);
  g_assert_cmpstr (pulse_rule_get_name (first), ==, "Uno");

  /* Another kind; a deletion of an unknown id; an unknown event type. */
  test_apply_q (empty, "team.created", "{'id':'team-1','version':1,'name':'T'}", &change);
  pulse_entity_list_apply (list, &change);
  test_apply (empty, "rule.deleted", test_deletion (empty, PULSE_STATE_KIND_RULE, "r-1"),
              &change);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_DELETED);
  g_free (change.id);
  change.id = g_strdup ("r-404");
  pulse_entity_list_apply (list, &change);
  test_apply_q (empty, "rule.archived", "{'id':'r-1'}", &change);
  g_assert_cmpint (change.action, ==, PULSE_STATE_ACTION_NONE);
  pulse_entity_list_apply (list, &change);
  assert_signals (recorder, "");
  assert_ids (list, "r-1 r-2");
}

/* A reset keeps the objects it can: equal JSON, or a version that copies
 * on; the others are new. Resetting to what the list shows emits
 * nothing; otherwise one signal per stretch that changed: r-01 replaced,
 * r-03 gone; r-00 was renamed in place and r-02 kept, so both are outside. */
static void
test_reset_keeps (void)
{
  g_autofree char *rules = rules_q (4);
  g_autoptr(PulseState) before = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseEntityList) list = list_reset (PULSE_STATE_KIND_RULE, before);
  g_autoptr(Recorder) recorder = recorder_new (list, TRUE);
  g_autoptr(PulseState) after = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseState) copy = test_state_new ("rules", rules, NULL);
  g_autoptr(PulseEntityList) scratch = pulse_entity_list_new (PULSE_STATE_KIND_RULE);
  g_auto(PulseStateChange) change = { 0 };
  gpointer r0, r1, r2;
  JsonObject *object;

  pulse_entity_list_reset (list, before);
  assert_signals (recorder, "");
  r0 = item_of (list, "r-00");

  /* Another state's copy of the same versions: nothing changes either. */
  pulse_entity_list_reset (list, copy);
  assert_signals (recorder, "");
  g_assert_true (item_of (list, "r-00") == r0);
  r1 = item_of (list, "r-01");
  r2 = item_of (list, "r-02");

  rule_update (after, scratch, "r-00", "name",
               json_node_init_string (json_node_alloc (), "Renamed"));
  object = test_edit (after, PULSE_STATE_KIND_RULE, "r-01");
  json_object_set_member (object, "tags", tags_node ("x"));
  test_apply (after, "rule.updated", test_data (object), &change);
  test_apply (after, "rule.deleted", test_deletion (after, PULSE_STATE_KIND_RULE, "r-03"),
              &change);

  pulse_entity_list_reset (list, after);
  assert_signals (recorder, "1,1,1 3,1,0");
  assert_mirror (recorder);
  assert_ids (list, "r-00 r-01 r-02");
  g_assert_true (item_of (list, "r-00") == r0);
  g_assert_cmpstr (pulse_rule_get_name (r0), ==, "Renamed");
  g_assert_false (item_of (list, "r-01") == r1);
  g_assert_true (item_of (list, "r-02") == r2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/session/entity-list/reset-order", test_reset_order);
  g_test_add_func ("/pulse/session/entity-list/item-type", test_item_type);
  g_test_add_func ("/pulse/session/entity-list/ticket-times", test_ticket_times);
  g_test_add_func ("/pulse/session/entity-list/changes", test_changes);
  g_test_add_func ("/pulse/session/entity-list/name-moves", test_name_moves);
  g_test_add_func ("/pulse/session/entity-list/shift-moves", test_shift_moves);
  g_test_add_func ("/pulse/session/entity-list/tickets", test_tickets);
  g_test_add_func ("/pulse/session/entity-list/ticket-message", test_ticket_message);
  g_test_add_func ("/pulse/session/entity-list/edges", test_edges);
  g_test_add_func ("/pulse/session/entity-list/reset-keeps", test_reset_keeps);

  return g_test_run ();
}
