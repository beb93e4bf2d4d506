/* test-server-rule-bench.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /api/v1/rules/test against rules stored through the API.
 */

#include "config.h"

#include "pulse-test-server.h"
#include "pulse-test-util.h"

#define MONEY_RULE \
  "{\"id\":\"r-money\",\"name\":\"Money\",\"position\":1,\"enabled\":true," \
  "\"phrases\":[{\"text\":\"не пришли деньги\",\"mode\":\"phrase\",\"field\":\"any\"}]," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"payment-not-received\"}]}"
#define TRANSFER_RULE \
  "{\"id\":\"r-transfer\",\"name\":\"Transfer\",\"position\":2,\"enabled\":true," \
  "\"phrases\":[{\"text\":\"перевод\",\"mode\":\"prefix\",\"field\":\"any\"}]," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"transfer\"}]}"
#define NIGHT_RULE \
  "{\"id\":\"r-night\",\"name\":\"Night\",\"position\":0,\"enabled\":true," \
  "\"active_from\":1320,\"active_to\":360,\"channels\":[\"chat\"]," \
  "\"actions\":[{\"kind\":\"tag\",\"value\":\"night\"}]}"

static PulseTestServer *
server_with_rules (void)
{
  PulseTestServer *ts = pulse_test_server_new ();
  const char *lead = pulse_test_server_get_token (ts, PULSE_ROLE_LEAD);
  const char *rules[] = { MONEY_RULE, TRANSFER_RULE, NIGHT_RULE };

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(PulseTestResponse) r = pulse_test_server_request (ts, "POST", "/api/v1/rules",
                                                                  lead, rules[i], NULL);
      g_assert_cmpuint (r->status, ==, 201);
    }

  return ts;
}

static PulseTestResponse *
bench (PulseTestServer *ts,
       PulseRole        role,
       const char      *body)
{
  return pulse_test_server_request (ts, "POST", "/api/v1/rules/test",
                                    pulse_test_server_get_token (ts, role), body, NULL);
}

static const char *
member (PulseTestResponse *r,
        const char        *name)
{
  JsonNode *node = json_object_get_member (pulse_test_response_object (r), name);

  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static void
test_order_words_and_offsets (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) r = NULL;
  JsonArray *matches;
  JsonObject *hit;

  /* 10:00 UTC: the night rule's window (22:00–06:00) is closed. */
  r = bench (ts, PULSE_ROLE_VIEWER,
             "{\"subject\":\"Перевод\",\"text\":\"Здравствуйте, НЕ пришли деньги!\","
             "\"channel\":\"chat\",\"at\":\"2026-11-30T10:00:00Z\"}");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (member (r, "fires"), ==, "r-money");
  g_assert_cmpstr (member (r, "next"), ==, "r-transfer");
  matches = json_object_get_array_member (pulse_test_response_object (r), "matches");
  g_assert_cmpuint (json_array_get_length (matches), ==, 2);
  hit = json_array_get_object_element (json_object_get_array_member (
          json_array_get_object_element (matches, 0), "phrases"), 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "field"), ==, "body");
  /* "Здравствуйте, " is 12 Cyrillic letters (24 bytes), a comma and a
   * space; "НЕ пришли деньги" is 14 letters and 2 spaces: 30 bytes. */
  g_assert_cmpint (json_object_get_int_member (hit, "start"), ==, 26);
  g_assert_cmpint (json_object_get_int_member (hit, "end"), ==, 56);
}

static void
test_time_window_and_channel (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) night = NULL;
  g_autoptr(PulseTestResponse) email = NULL;

  night = bench (ts, PULSE_ROLE_VIEWER,
                 "{\"text\":\"перевод\",\"channel\":\"chat\",\"at\":\"2026-11-30T23:30:00Z\"}");
  g_assert_cmpstr (member (night, "fires"), ==, "r-night");
  g_assert_cmpstr (member (night, "next"), ==, "r-transfer");

  email = bench (ts, PULSE_ROLE_VIEWER,
                 "{\"text\":\"перевод\",\"channel\":\"email\",\"at\":\"2026-11-30T23:30:00Z\"}");
  g_assert_cmpstr (member (email, "fires"), ==, "r-transfer");
  g_assert_null (member (email, "next"));
}

static void
test_look_alike_letters (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) r = NULL;
  JsonObject *warning;

  /* "пeревод" with a Latin e still fires, and the bench says why. */
  r = bench (ts, PULSE_ROLE_VIEWER,
             "{\"text\":\"п\\u0065ревод\",\"channel\":\"email\",\"at\":\"2026-11-30T10:00:00Z\"}");
  g_assert_cmpstr (member (r, "fires"), ==, "r-transfer");
  warning = json_array_get_object_element (json_object_get_array_member (
              pulse_test_response_object (r), "warnings"), 0);
  g_assert_cmpstr (json_object_get_string_member (warning, "word"), ==, "пeревод");
  g_assert_cmpstr (json_object_get_string_member (warning, "corrected"), ==, "перевод");
}

static void
test_draft_rule (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) added = NULL;
  g_autoptr(PulseTestResponse) replaced = NULL;

  /* A new rule before the others takes over… */
  added = bench (ts, PULSE_ROLE_LEAD,
                 "{\"text\":\"не пришли деньги\",\"channel\":\"email\","
                 "\"at\":\"2026-11-30T10:00:00Z\",\"rule\":{\"name\":\"Draft\",\"position\":0,"
                 "\"enabled\":true,\"phrases\":[{\"text\":\"деньги\",\"mode\":\"whole-word\","
                 "\"field\":\"body\"}],\"actions\":[{\"kind\":\"close\"}]}}");
  g_assert_cmpuint (added->status, ==, 200);
  g_assert_cmpstr (member (added, "fires"), ==, "draft");
  g_assert_cmpstr (member (added, "next"), ==, "r-money");

  /* …and an edited copy of a stored rule replaces it, unsaved. */
  replaced = bench (ts, PULSE_ROLE_LEAD,
                    "{\"text\":\"не пришли деньги\",\"channel\":\"email\","
                    "\"at\":\"2026-11-30T10:00:00Z\",\"rule\":{\"id\":\"r-money\",\"version\":1,"
                    "\"name\":\"Money\",\"position\":1,\"enabled\":false,"
                    "\"actions\":[{\"kind\":\"close\"}]}}");
  g_assert_cmpstr (member (replaced, "fires"), ==, NULL);
}

static void
test_follows_saved_changes (void)
{
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  const char *body = "{\"text\":\"не пришли деньги\",\"channel\":\"email\","
                     "\"at\":\"2026-11-30T10:00:00Z\"}";
  g_autoptr(PulseTestResponse) before = bench (ts, PULSE_ROLE_VIEWER, body);
  g_autoptr(PulseTestResponse) update = NULL;
  g_autoptr(PulseTestResponse) after = NULL;

  g_assert_cmpstr (member (before, "fires"), ==, "r-money");
  update = pulse_test_server_request (ts, "PUT", "/api/v1/rules/r-money",
                                      pulse_test_server_get_token (ts, PULSE_ROLE_LEAD),
                                      "{\"name\":\"Money\",\"position\":1,\"enabled\":false,"
                                      "\"actions\":[{\"kind\":\"close\"}]}", "If-Match", "1", NULL);
  g_assert_cmpuint (update->status, ==, 200);
  after = bench (ts, PULSE_ROLE_VIEWER, body);
  g_assert_null (member (after, "fires"));
}

static void
test_bad_requests (void)
{
  static const struct { const char *body; guint status; const char *part; } cases[] = {
    { "{\"text\":\"x\"}", 422, "channel: is required" },
    { "{\"text\":\"x\",\"channel\":\"fax\"}", 422, "channel" },
    { "{\"text\":\"x\",\"channel\":\"chat\",\"txt\":1}", 422, "txt: unknown member" },
    { "{\"text\":\"x\",\"channel\":\"chat\",\"at\":\"noon\"}", 422, "at" },
    { "{\"text\":\"x\",\"channel\":\"chat\",\"rule\":{\"name\":1}}", 422, "rule.name" },
    { "{\"text\":", 400, NULL },
  };
  g_autoptr(PulseTestServer) ts = server_with_rules ();
  g_autoptr(PulseTestResponse) integration = NULL;
  g_autoptr(PulseTestResponse) get = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PulseTestResponse) r = bench (ts, PULSE_ROLE_VIEWER, cases[i].body);

      g_test_message ("%s", cases[i].body);
      g_assert_cmpuint (r->status, ==, cases[i].status);
      if (cases[i].part != NULL)
        g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (
                            pulse_test_response_object (r), "error"), "message"),
                                  cases[i].part));
    }

  integration = bench (ts, PULSE_ROLE_INTEGRATION, "{\"text\":\"x\",\"channel\":\"chat\"}");
  g_assert_cmpuint (integration->status, ==, 403);
  get = pulse_test_server_request (ts, "GET", "/api/v1/rules/test",
                                   pulse_test_server_get_token (ts, PULSE_ROLE_HEAD), NULL, NULL);
  g_assert_cmpuint (get->status, ==, 405);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rule-bench/order-words-and-offsets",
                   test_order_words_and_offsets);
  g_test_add_func ("/pulse/server/rule-bench/time-window-and-channel",
                   test_time_window_and_channel);
  g_test_add_func ("/pulse/server/rule-bench/look-alike-letters", test_look_alike_letters);
  g_test_add_func ("/pulse/server/rule-bench/draft-rule", test_draft_rule);
  g_test_add_func ("/pulse/server/rule-bench/follows-saved-changes", test_follows_saved_changes);
  g_test_add_func ("/pulse/server/rule-bench/bad-requests", test_bad_requests);

  return g_test_run ();
}
