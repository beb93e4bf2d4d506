/* test-server-rules-api.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule's life through the API on a real server on loopback: created,
 * edited, reordered, switched off, tested, replayed against stored
 * contacts and counted (POST /api/v1/rules/replay, GET
 * /api/v1/rules/stats); roles that may not edit rules are refused.
 */

#include "config.h"

#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define UNTIL "2026-11-21T00:00:00Z"

#define CARD_RULE \
  "{\"id\":\"r-card\",\"name\":\"Card blocked\",\"position\":1,\"enabled\":true," \
  "\"phrases\":[{\"text\":\"картку заблоковано\",\"mode\":\"phrase\",\"field\":\"any\"}]," \
  "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-card\"}]}"
#define ANY_RULE \
  "{\"id\":\"r-any\",\"name\":\"Any card\",\"position\":2,\"enabled\":true," \
  "\"phrases\":[{\"text\":\"картку\",\"mode\":\"whole-word\",\"field\":\"any\"}]," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"card\"}]}"

static PulseTestResponse *
call (PulseTestServer *ts,
      PulseRole        role,
      const char      *method,
      const char      *path,
      const char      *body,
      const char      *if_match)
{
  const char *token = pulse_test_server_get_token (ts, role);

  if (if_match != NULL)
    return pulse_test_server_request (ts, method, path, token, body, "If-Match", if_match, NULL);
  return pulse_test_server_request (ts, method, path, token, body, NULL);
}

static void
expect (PulseTestServer *ts,
        PulseRole        role,
        const char      *method,
        const char      *path,
        const char      *body,
        const char      *if_match,
        guint            status)
{
  g_autoptr(PulseTestResponse) r = call (ts, role, method, path, body, if_match);

  g_assert_cmpuint (r->status, ==, status);
}

static void
ingest (PulseTestServer *ts,
        const char      *path,
        const char      *body)
{
  expect (ts, PULSE_ROLE_INTEGRATION, "POST", path, body, NULL, 200);
}

/* t-1 (chat, 10:00) is answered by r-card; the customer writes again at
 * 10:05 and rates 5 at 10:10. t-2 (chat) only has «картку». t-3 (email)
 * matches nothing. t-old, 40 days back, is outside every window. */
static void
ingest_contacts (PulseTestServer *ts)
{
  const char *tickets[][4] = {
    { "t-1", "chat", "2026-11-20T10:00:00Z", "Картку заблоковано" },
    { "t-2", "chat", "2026-11-20T11:00:00Z", "мою картку вкрали" },
    { "t-3", "email", "2026-11-20T12:00:00Z", "кредит" },
    { "t-old", "chat", "2026-10-11T12:00:00Z", "картку заблоковано" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf ("{\"id\":\"%s\",\"queue_id\":\"q-ua\",\"channel\":\"%s\","
                              "\"subject\":\"Питання %s\",\"customer_id\":\"c-%s\","
                              "\"status\":\"new\",\"created_at\":\"%s\",\"messages\":["
                              "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"%s\","
                              "\"body\":\"%s\"}]}",
                              tickets[i][0], tickets[i][1], tickets[i][0], tickets[i][0],
                              tickets[i][2], tickets[i][2], tickets[i][3]);
      ingest (ts, "/api/v1/ingest/tickets", body);
    }

  ingest (ts, "/api/v1/ingest/messages",
          "{\"ticket_id\":\"t-1\",\"message\":{\"id\":\"m2\",\"author_kind\":\"customer\","
          "\"at\":\"2026-11-20T10:05:00Z\",\"body\":\"Не виходить\"}}");
  ingest (ts, "/api/v1/ingest/ratings",
          "{\"ticket_id\":\"t-1\",\"rating\":{\"kind\":\"csat\",\"score\":5,"
          "\"at\":\"2026-11-20T10:10:00Z\"}}");
}

static PulseTestServer *
server_with_rules (void)
{
  PulseTestServer *ts = pulse_test_server_new ();

  expect (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/templates",
          "{\"id\":\"tpl-card\",\"name\":\"Card\",\"language\":\"uk\","
          "\"body\":\"Розблокуйте картку в застосунку.\"}", NULL, 201);
  expect (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules", CARD_RULE, NULL, 201);
  expect (ts, PULSE_ROLE_HEAD, "POST", "/api/v1/rules", ANY_RULE, NULL, 201);
  ingest_contacts (ts);
  return ts;
}

static const char *
fires (PulseTestServer *ts,
       const char      *text)
{
  g_autofree char *body = g_strdup_printf ("{\"channel\":\"chat\",\"text\":\"%s\"}", text);
  g_autoptr(PulseTestResponse) r = call (ts, PULSE_ROLE_VIEWER, "POST", "/api/v1/rules/test",
                                         body, NULL);
  JsonNode *node;

  g_assert_cmpuint (r->status, ==, 200);
  node = json_object_get_member (pulse_test_response_object (r), "fires");
  return JSON_NODE_HOLDS_NULL (node) ? NULL : g_intern_string (json_node_get_string (node));
}

static JsonObject *
rule_figures (PulseTestResponse *r,
              const char        *rule_id)
{
  JsonArray *rules = json_object_get_array_member (pulse_test_response_object (r), "rules");

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *entry = json_array_get_object_element (rules, i);

      if (g_str_equal (json_object_get_string_member (entry, "rule_id"), rule_id))
        return entry;
    }

  g_assert_not_reached ();
}

static void
test_life (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) stats = NULL;
  JsonObject *card;

  g_assert_cmpstr (fires (ts, "Картку заблоковано"), ==, "r-card");

  /* Edit: a new name, at version 1. */
  expect (ts, PULSE_ROLE_LEAD, "PUT", "/api/v1/rules/r-any",
          "{\"name\":\"Any card at all\",\"position\":2,\"enabled\":true,"
          "\"phrases\":[{\"text\":\"картку\",\"mode\":\"whole-word\",\"field\":\"any\"}],"
          "\"actions\":[{\"kind\":\"tag\",\"value\":\"card\"}]}", "1", 200);

  /* Reorder: r-any first, r-card second; r-any now catches both. */
  expect (ts, PULSE_ROLE_LEAD, "PUT", "/api/v1/rules/r-any",
          "{\"name\":\"Any card at all\",\"position\":1,\"enabled\":true,"
          "\"phrases\":[{\"text\":\"картку\",\"mode\":\"whole-word\",\"field\":\"any\"}],"
          "\"actions\":[{\"kind\":\"tag\",\"value\":\"card\"}]}", "2", 200);
  expect (ts, PULSE_ROLE_LEAD, "PUT", "/api/v1/rules/r-card",
          "{\"name\":\"Card blocked\",\"position\":2,\"enabled\":true,"
          "\"phrases\":[{\"text\":\"картку заблоковано\",\"mode\":\"phrase\",\"field\":\"any\"}],"
          "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-card\"}]}", "1", 200);
  g_assert_cmpstr (fires (ts, "Картку заблоковано"), ==, "r-any");

  /* Its figures: no hit under today's order, one answer in the window
   * (t-1; t-old is 40 days back), the customer wrote again, CSAT 5. */
  stats = call (ts, PULSE_ROLE_VIEWER, "GET", "/api/v1/rules/stats?days=30&until=" UNTIL, NULL,
                NULL);
  g_assert_cmpuint (stats->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (pulse_test_response_object (stats), "contacts"),
                   ==, 3);
  g_assert_cmpstr (json_object_get_string_member (pulse_test_response_object (stats), "from"),
                   ==, "2026-10-22T00:00:00Z");
  card = rule_figures (stats, "r-card");
  g_assert_cmpint (json_object_get_int_member (card, "hits"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (card, "answered"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (card, "csat"),
                                                    "value"), ==, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (card, "reopen_rate"), ==, 1.0);
  g_assert_cmpint (json_object_get_int_member (rule_figures (stats, "r-any"), "hits"), ==, 2);

  /* Disable r-any: r-card fires again. */
  expect (ts, PULSE_ROLE_LEAD, "PUT", "/api/v1/rules/r-any",
          "{\"name\":\"Any card at all\",\"position\":1,\"enabled\":false,"
          "\"phrases\":[{\"text\":\"картку\",\"mode\":\"whole-word\",\"field\":\"any\"}],"
          "\"actions\":[{\"kind\":\"tag\",\"value\":\"card\"}]}", "3", 200);
  g_assert_cmpstr (fires (ts, "Картку заблоковано"), ==, "r-card");
  g_assert_null (fires (ts, "мою картку вкрали"));
}

static void
test_replay (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) fresh = NULL;
  g_autoptr(PulseTestResponse) edited = NULL;
  JsonObject *answer;
  JsonObject *sample;
  JsonObject *answered;

  /* A new draft, first in order: «заблок» starts a word of t-1 only. */
  fresh = call (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules/replay",
                "{\"days\":30,\"until\":\"" UNTIL "\",\"rule\":{\"name\":\"Draft\","
                "\"position\":0,\"enabled\":true,\"phrases\":[{\"text\":\"заблок\","
                "\"mode\":\"prefix\",\"field\":\"any\"}],\"actions\":[{\"kind\":\"close\"}]}}",
                NULL);
  g_assert_cmpuint (fresh->status, ==, 200);
  answer = pulse_test_response_object (fresh);
  g_assert_cmpint (json_object_get_int_member (answer, "contacts"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (answer, "matches"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (answer, "caught"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (answer, "days"), ==, 30);
  sample = json_array_get_object_element (json_object_get_array_member (answer, "sample"), 0);
  g_assert_cmpstr (json_object_get_string_member (sample, "ticket_id"), ==, "t-1");
  g_assert_cmpstr (json_object_get_string_member (sample, "subject"), ==, "Питання t-1");
  g_assert_cmpstr (json_object_get_string_member (sample, "at"), ==, "2026-11-20T10:00:00Z");
  g_assert_true (json_object_get_null_member (answer, "answered"));

  /* The stored r-card widened to «картку» anywhere, after r-any: it
   * matches t-1 and t-2 but r-any catches both. What it answered stays. */
  edited = call (ts, PULSE_ROLE_HEAD, "POST", "/api/v1/rules/replay",
                 "{\"until\":\"" UNTIL "\",\"sample\":0,\"rule\":{\"id\":\"r-card\","
                 "\"name\":\"Card\",\"position\":3,\"enabled\":true,\"phrases\":["
                 "{\"text\":\"картку\",\"mode\":\"prefix\",\"field\":\"any\"}],"
                 "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-card\"}]}}", NULL);
  g_assert_cmpuint (edited->status, ==, 200);
  answer = pulse_test_response_object (edited);
  g_assert_cmpint (json_object_get_int_member (answer, "matches"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (answer, "caught"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "sample")), ==,
                    0);
  answered = json_object_get_object_member (answer, "answered");
  g_assert_cmpint (json_object_get_int_member (answered, "answered"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answered, "csat"),
                                               "good"), ==, 1);
}

static void
test_refusals (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  const char *draft = "{\"rule\":{\"name\":\"D\",\"enabled\":true,"
                      "\"actions\":[{\"kind\":\"close\"}]}}";
  const PulseRole readers[] = { PULSE_ROLE_PLANNER, PULSE_ROLE_QA, PULSE_ROLE_VIEWER };
  g_autoptr(PulseTestResponse) days = NULL;
  g_autoptr(PulseTestResponse) missing = NULL;
  g_autoptr(PulseTestResponse) reserved = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      expect (ts, readers[i], "POST", "/api/v1/rules",
              "{\"id\":\"r-x\",\"name\":\"X\",\"position\":5,\"enabled\":true,"
              "\"actions\":[{\"kind\":\"close\"}]}", NULL, 403);
      expect (ts, readers[i], "PUT", "/api/v1/rules/r-card", CARD_RULE, "1", 403);
      expect (ts, readers[i], "DELETE", "/api/v1/rules/r-card", NULL, "1", 403);
      expect (ts, readers[i], "POST", "/api/v1/rules/replay", draft, NULL, 403);
      /* Reading the figures and testing is for everyone. */
      expect (ts, readers[i], "GET", "/api/v1/rules/stats", NULL, NULL, 200);
    }
  expect (ts, PULSE_ROLE_INTEGRATION, "GET", "/api/v1/rules/stats", NULL, NULL, 403);

  days = call (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules/replay",
               "{\"days\":0,\"rule\":{\"name\":\"D\",\"enabled\":true,"
               "\"actions\":[{\"kind\":\"close\"}]}}", NULL);
  g_assert_cmpuint (days->status, ==, 422);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
    json_object_get_object_member (pulse_test_response_object (days), "error"), "message"),
    "days:"));
  missing = call (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules/replay", "{\"days\":3}", NULL);
  g_assert_cmpuint (missing->status, ==, 422);
  g_assert_nonnull (strstr (json_object_get_string_member (
    json_object_get_object_member (pulse_test_response_object (missing), "error"), "message"),
    "rule"));
  expect (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules/replay",
          "{\"rule\":{\"name\":\"D\",\"enabled\":true,\"actions\":[]}}", NULL, 422);
  expect (ts, PULSE_ROLE_VIEWER, "GET", "/api/v1/rules/stats?days=91", NULL, NULL, 400);
  expect (ts, PULSE_ROLE_VIEWER, "GET", "/api/v1/rules/stats?until=yesterday", NULL, NULL, 400);
  expect (ts, PULSE_ROLE_LEAD, "GET", "/api/v1/rules/replay", NULL, NULL, 405);
  reserved = call (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules",
                   "{\"id\":\"replay\",\"name\":\"X\",\"position\":5,\"enabled\":true,"
                   "\"actions\":[{\"kind\":\"close\"}]}", NULL);
  g_assert_cmpuint (reserved->status, ==, 422);
  expect (ts, PULSE_ROLE_LEAD, "POST", "/api/v1/rules",
          "{\"id\":\"stats\",\"name\":\"X\",\"position\":5,\"enabled\":true,"
          "\"actions\":[{\"kind\":\"close\"}]}", NULL, 422);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rules-api/life", test_life);
  g_test_add_func ("/pulse/server/rules-api/replay", test_replay);
  g_test_add_func ("/pulse/server/rules-api/refusals", test_refusals);

  return g_test_run ();
}
