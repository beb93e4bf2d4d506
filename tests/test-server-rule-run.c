/* test-server-rule-run.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automation rules on ingest: a new contact runs through the enabled
 * rules, the first match fires, and what it did is in the stored ticket
 * and its one ticket.created event.
 */

#include "config.h"

#include "pulse-event-log.h"
#include "pulse-message.h"
#include "pulse-test-server.h"
#include "pulse-test-util.h"
#include "pulse-ticket.h"

static const char *templates[] = {
  "{\"id\":\"tpl-money\",\"name\":\"Money\",\"language\":\"ru\",\"body\":\"Деньги уже в пути.\"}",
  "{\"id\":\"tpl-quiet\",\"name\":\"Quiet\",\"language\":\"uk\",\"disclosure\":false,"
  "\"body\":\"Дякуємо!\"}",
  "{\"id\":\"tpl-vars\",\"name\":\"Vars\",\"language\":\"uk\","
  "\"body\":\"Вітаємо, {{first_name}}!\",\"variables\":[\"first_name\"]}",
  "{\"id\":\"tpl-email\",\"name\":\"Email only\",\"language\":\"ru\",\"channels\":[\"email\"],"
  "\"body\":\"Ответим письмом.\"}",
};

static const char *rules[] = {
  /* Fires on "не пришли деньги": answers, tags, routes, raises, closes. */
  "{\"id\":\"r-money\",\"name\":\"Money\",\"position\":1,\"enabled\":true,"
  "\"phrases\":[{\"text\":\"не пришли деньги\",\"mode\":\"phrase\",\"field\":\"any\"}],"
  "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-money\"},"
  "{\"kind\":\"tag\",\"value\":\"payment-not-received\"},"
  "{\"kind\":\"route\",\"value\":\"q-ru-payments\"},"
  "{\"kind\":\"priority\",\"value\":\"high\"},{\"kind\":\"close\"}]}",
  /* Would also match those contacts, but comes later: never fires on them. */
  "{\"id\":\"r-any-money\",\"name\":\"Any money\",\"position\":2,\"enabled\":true,"
  "\"phrases\":[{\"text\":\"деньги\",\"mode\":\"whole-word\",\"field\":\"any\"}],"
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"money\"}]}",
  "{\"id\":\"r-thanks\",\"name\":\"Thanks\",\"position\":3,\"enabled\":true,"
  "\"phrases\":[{\"text\":\"дякую\",\"mode\":\"prefix\",\"field\":\"body\"}],"
  "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-quiet\"},{\"kind\":\"assign\","
  "\"value\":\"agent-7\"}]}",
  "{\"id\":\"r-vars\",\"name\":\"Vars\",\"position\":4,\"enabled\":true,"
  "\"phrases\":[{\"text\":\"номер телефону\",\"mode\":\"phrase\",\"field\":\"any\"}],"
  "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-vars\"},"
  "{\"kind\":\"tag\",\"value\":\"personal-data\"}]}",
  "{\"id\":\"r-off\",\"name\":\"Off\",\"position\":0,\"enabled\":false,"
  "\"actions\":[{\"kind\":\"close\"}]}",
};

static PulseTestServer *
server_with_rules (void)
{
  PulseTestServer *ts = pulse_test_server_new ();
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);

  for (gsize i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "POST", "/api/v1/templates",
                                                                  lead, templates[i], NULL);
      g_assert_cmpuint (r->status, ==, 201);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "POST", "/api/v1/rules",
                                                                  lead, rules[i], NULL);
      g_assert_cmpuint (r->status, ==, 201);
    }

  return ts;
}

/* Ingests one chat ticket with one customer message and returns the
 * ticket as stored. */
static PulseTicket *
ingest (PulseTestServer *ts,
        const char      *id,
        const char      *channel,
        const char      *text)
{
  g_autofree char *body = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/tickets/", id, NULL);
  g_autoptr(PulseTestResponse) posted = NULL;
  g_autoptr(PulseTestResponse) got = NULL;
  g_autoptr(GError) error = NULL;
  PulseTicket *ticket;

  body = g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q-ru-chat\",\"channel\":\"%s\","
                          "\"subject\":\"Вопрос\",\"customer_id\":\"c-1\",\"status\":\"new\","
                          "\"language\":\"ru\",\"created_at\":\"2026-11-20T09:30:00Z\","
                          "\"messages\":[{\"id\":\"%s-m1\",\"author_kind\":\"customer\","
                          "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"%s\"}]}",
                          id, channel, id, text);
  posted = pulse_test_server_request (ts, "POST", "/api/v1/ingest/tickets",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION),
                                      body, NULL);
  g_assert_cmpuint (posted->status, ==, 200);

  got = pulse_test_server_request (ts, "GET", path,
                                   pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL,
                                   NULL);
  g_assert_cmpuint (got->status, ==, 200);
  ticket = pulse_ticket_new_from_json (got->body, &error);
  g_assert_no_error (error);
  return ticket;
}

static PulseMessage *
message_at (PulseTicket *ticket,
            guint        position)
{
  return g_list_model_get_item (pulse_ticket_get_messages (ticket), position);
}

static void
test_first_match_fires_every_action (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTicket) ticket = ingest (ts, "t-1", "chat", "Здравствуйте, не пришли деньги");
  g_autoptr(PulseMessage) reply = NULL;
  g_autoptr(GPtrArray) events = NULL;
  JsonObject *event;
  const char * const expected_tags[] = { "payment-not-received", NULL };

  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 2);
  reply = message_at (ticket, 1);
  g_assert_cmpint (pulse_message_get_author_kind (reply), ==, PULSE_AUTHOR_KIND_RULE);
  g_assert_cmpstr (pulse_message_get_rule_id (reply), ==, "r-money");
  /* The answer records its template: the Templates page counts its uses. */
  g_assert_cmpstr (pulse_message_get_template_id (reply), ==, "tpl-money");
  g_assert_cmpstr (pulse_message_get_body (reply), ==,
                   "Деньги уже в пути.\n\nЭтот ответ отправлен автоматически.");
  /* The later rule matched too ("деньги") but did not fire. */
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), expected_tags);
  g_assert_cmpstr (pulse_ticket_get_queue_id (ticket), ==, "q-ru-payments");
  g_assert_cmpint (pulse_ticket_get_priority (ticket), ==, PULSE_PRIORITY_HIGH);
  g_assert_cmpint (pulse_ticket_get_status (ticket), ==, PULSE_TICKET_STATUS_RESOLVED);
  g_assert_cmpint (pulse_ticket_get_resolved_at (ticket), ==,
                   pulse_ticket_get_created_at (ticket));

  /* An automatic answer is automation, never a first response. */
  g_assert_true (pulse_ticket_is_automated (ticket));
  g_assert_cmpint (pulse_ticket_get_first_response_at (ticket), ==, 0);

  /* One event carries the contact as the rules left it. */
  events = pulse_event_log_read_since (pulse_server_get_event_log (ts->server),
                                       pulse_event_log_get_last_seq (
                                         pulse_server_get_event_log (ts->server)) - 1, 10, NULL);
  event = json_node_get_object (events->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "ticket.created");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "data"),
                                                  "queue_id"), ==, "q-ru-payments");
}

static void
test_no_match_leaves_the_contact (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTicket) ticket = ingest (ts, "t-2", "chat", "Как поменять пароль?");

  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 1);
  g_assert_cmpstr (pulse_ticket_get_queue_id (ticket), ==, "q-ru-chat");
  g_assert_cmpint (pulse_ticket_get_status (ticket), ==, PULSE_TICKET_STATUS_NEW);
  g_assert_null (pulse_ticket_get_tags (ticket)[0]);
}

static void
test_disclosure_off_and_assign (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTicket) ticket = ingest (ts, "t-3", "chat", "Дякую за допомогу");
  g_autoptr(PulseMessage) reply = message_at (ticket, 1);

  g_assert_cmpstr (pulse_message_get_body (reply), ==, "Дякуємо!");
  g_assert_cmpstr (pulse_ticket_get_assignee_id (ticket), ==, "agent-7");
  /* Not closed: the answer alone does not make it automated. */
  g_assert_false (pulse_ticket_is_automated (ticket));
}

static void
test_template_with_variables_is_not_sent (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTicket) ticket = NULL;
  const char * const expected_tags[] = { "personal-data", NULL };

  g_test_expect_message ("pulse-server", G_LOG_LEVEL_MESSAGE,
                         "Rule r-vars on ticket t-4: auto-reply: template “tpl-vars” has "
                         "variables");
  ticket = ingest (ts, "t-4", "chat", "Хочу змінити номер телефону");
  g_test_assert_expected_messages ();

  /* The other actions still apply. */
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 1);
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), expected_tags);
}

static void
test_rules_follow_edits (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) disabled = NULL;
  g_autoptr(PulseTicket) ticket = NULL;
  const char * const expected_tags[] = { "money", NULL };

  disabled = pulse_test_server_request (ts, "PUT", "/api/v1/rules/r-money",
                                        pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                                        "{\"name\":\"Money\",\"position\":1,\"enabled\":false,"
                                        "\"actions\":[{\"kind\":\"close\"}]}", "If-Match", "1",
                                        NULL);
  g_assert_cmpuint (disabled->status, ==, 200);

  /* The next rule takes over at once. */
  ticket = ingest (ts, "t-5", "chat", "не пришли деньги");
  g_assert_cmpstrv (pulse_ticket_get_tags (ticket), expected_tags);
  g_assert_cmpint (pulse_ticket_get_status (ticket), ==, PULSE_TICKET_STATUS_NEW);
}

static void
test_updates_do_not_rerun_rules (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTicket) first = ingest (ts, "t-6", "chat", "Как поменять пароль?");
  g_autoptr(PulseTestResponse) update = NULL;
  g_autoptr(PulseTestResponse) got = NULL;
  g_autoptr(PulseTicket) ticket = NULL;

  /* A later message that would match arrives on a known ticket. */
  update = pulse_test_server_request (ts, "POST", "/api/v1/ingest/messages",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_INTEGRATION),
                                      "{\"ticket_id\":\"t-6\",\"message\":{\"id\":\"t-6-m2\","
                                      "\"author_kind\":\"customer\",\"at\":\"2026-11-20T09:31:00Z\","
                                      "\"body\":\"и не пришли деньги\"}}", NULL);
  g_assert_cmpuint (update->status, ==, 200);
  got = pulse_test_server_request (ts, "GET", "/api/v1/tickets/t-6",
                                   pulse_test_server_get_token (ts, PULSE_ROLE_VIEWER), NULL,
                                   NULL);
  ticket = pulse_ticket_new_from_json (got->body, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (ticket)), ==, 2);
  g_assert_cmpint (pulse_ticket_get_status (ticket), ==, PULSE_TICKET_STATUS_NEW);
}

static void
test_template_for_another_channel (void)
{
  g_autoptr(PulseTestServer) ts = pulse_test_server_new ();
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);
  g_autoptr(PulseTestResponse) tpl = NULL;
  g_autoptr(PulseTestResponse) rule = NULL;
  g_autoptr(PulseTicket) chat = NULL;
  g_autoptr(PulseTicket) email = NULL;

  tpl = pulse_test_server_request (ts, "POST", "/api/v1/templates", lead, templates[3], NULL);
  rule = pulse_test_server_request (ts, "POST", "/api/v1/rules", lead,
                                    "{\"id\":\"r-mail\",\"name\":\"Mail\",\"position\":0,"
                                    "\"enabled\":true,\"actions\":[{\"kind\":\"auto-reply\","
                                    "\"value\":\"tpl-email\"}]}", NULL);
  g_assert_cmpuint (rule->status, ==, 201);

  g_test_expect_message ("pulse-server", G_LOG_LEVEL_MESSAGE, "*is not for this channel");
  chat = ingest (ts, "t-7", "chat", "вопрос");
  g_test_assert_expected_messages ();
  email = ingest (ts, "t-8", "email", "вопрос");
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (chat)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pulse_ticket_get_messages (email)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rule-run/first-match-fires-every-action",
                   test_first_match_fires_every_action);
  g_test_add_func ("/pulse/server/rule-run/no-match-leaves-the-contact",
                   test_no_match_leaves_the_contact);
  g_test_add_func ("/pulse/server/rule-run/disclosure-off-and-assign",
                   test_disclosure_off_and_assign);
  g_test_add_func ("/pulse/server/rule-run/template-with-variables-is-not-sent",
                   test_template_with_variables_is_not_sent);
  g_test_add_func ("/pulse/server/rule-run/rules-follow-edits", test_rules_follow_edits);
  g_test_add_func ("/pulse/server/rule-run/updates-do-not-rerun-rules",
                   test_updates_do_not_rerun_rules);
  g_test_add_func ("/pulse/server/rule-run/template-for-another-channel",
                   test_template_for_another_channel);

  return g_test_run ();
}
