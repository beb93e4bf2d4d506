/* test-message.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define DECODE PULSE_TEST_DECODE (pulse_message_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_message_to_json)

/* A rule's auto-reply sent under a bot's name: every optional field set. */
static const char full_message[] =
  "{\"id\":\"msg-3\",\"author_kind\":\"rule\",\"author_id\":\"bot-helper\","
  "\"at\":\"2026-11-20T09:30:05.250000Z\",\"body\":\"Ваша картка розблокована.\","
  "\"rule_id\":\"rule-card\",\"template_id\":\"tpl-card\"}";

static const char minimal_message[] =
  "{\"id\":\"m\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hi\"}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_message, DECODE, ENCODE);
  PulseMessage *message = PULSE_MESSAGE (object);
  gint64 at = 0;

  g_assert_true (pulse_time_parse ("2026-11-20T09:30:05.25Z", &at));
  g_assert_cmpstr (pulse_message_get_id (message), ==, "msg-3");
  g_assert_cmpint (pulse_message_get_author_kind (message), ==, PULSE_AUTHOR_KIND_RULE);
  g_assert_cmpstr (pulse_message_get_author_id (message), ==, "bot-helper");
  g_assert_cmpint (pulse_message_get_at (message), ==, at);
  g_assert_cmpstr (pulse_message_get_body (message), ==, "Ваша картка розблокована.");
  g_assert_cmpstr (pulse_message_get_rule_id (message), ==, "rule-card");
  g_assert_cmpstr (pulse_message_get_template_id (message), ==, "tpl-card");
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_message, DECODE, ENCODE);
  PulseMessage *message = PULSE_MESSAGE (object);

  g_assert_cmpint (pulse_message_get_author_kind (message), ==, PULSE_AUTHOR_KIND_CUSTOMER);
  g_assert_null (pulse_message_get_author_id (message));
  g_assert_null (pulse_message_get_rule_id (message));
  g_assert_null (pulse_message_get_template_id (message));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"m\",\"author_kind\":\"agent\",\"author_id\":\"agent-7\","
    "\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hello\",\"attachments\":[{\"a\":1}],\"x\":null}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseMessage) message = pulse_message_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_message_get_body (message), ==, "Hello");
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_body = pulse_test_long_string (PULSE_JSON_MAX_TEXT + 1, 'b');
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "3", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "author_kind", NULL, "author_kind: is required" },
    { "author_kind", "\"robot\"", "author_kind: unknown value “robot”" },
    { "author_kind", "\"Agent\"", "author_kind: unknown value “Agent”" },
    { "author_kind", "1", "author_kind: expected a string, got a number" },
    { "author_id", "7", "author_id: expected a string, got a number" },
    { "author_id", long_id, "author_id: longer than 128 bytes" },
    { "at", NULL, "at: is required" },
    { "at", "\"now\"", "at: is not an RFC 3339 time" },
    { "at", "\"2026-11-20 09:30:05Z\"", "at: is not an RFC 3339 time" },
    { "at", "\"2026-13-20T09:30:05Z\"", "at: is not an RFC 3339 time" },
    { "at", "1763631005", "at: expected an RFC 3339 time string, got a number" },
    { "body", NULL, "body: is required" },
    { "body", "\"\"", "body: must not be empty" },
    { "body", "[\"Hello\"]", "body: expected a string, got an array" },
    { "body", long_body, "body: longer than 65536 bytes" },
    { "rule_id", NULL, "rule_id: is required when the author is a rule" },
    { "rule_id", "null", "rule_id: is required when the author is a rule" },
    { "rule_id", "{}", "rule_id: expected a string, got an object" },
    { "rule_id", long_id, "rule_id: longer than 128 bytes" },
    { "template_id", "3", "template_id: expected a string, got a number" },
    { "template_id", long_id, "template_id: longer than 128 bytes" },
  };

  pulse_test_assert_bad_mutations (full_message, mutations, G_N_ELEMENTS (mutations), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static void
test_author_rules (void)
{
  const PulseTestBadInput cases[] = {
    { "{\"id\":\"m\",\"author_kind\":\"agent\",\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hi\"}",
      "author_id: is required when the author is an agent" },
    { "{\"id\":\"m\",\"author_kind\":\"agent\",\"author_id\":null,\"at\":\"2026-11-20T09:30:00Z\","
      "\"body\":\"Hi\"}",
      "author_id: is required when the author is an agent" },
    { "{\"id\":\"m\",\"author_kind\":\"agent\",\"author_id\":\"\",\"at\":\"2026-11-20T09:30:00Z\","
      "\"body\":\"Hi\"}",
      "author_id: is required when the author is an agent" },
    { "{\"id\":\"m\",\"author_kind\":\"rule\",\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hi\"}",
      "rule_id: is required when the author is a rule" },
  };
  /* Bots, customers and the system may be anonymous. */
  static const char *kinds[] = { "customer", "bot", "system" };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases), DECODE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\":\"m\",\"author_kind\":\"%s\",\"at\":\"2026-11-20T09:30:00Z\",\"body\":\"Hi\"}",
        kinds[i]);
      g_autoptr(JsonNode) node = pulse_test_parse (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseMessage) message = pulse_message_new_from_json (node, &error);

      g_assert_no_error (error);
      g_assert_nonnull (message);
    }
}

static void
test_reply_kinds (void)
{
  static const struct {
    PulseAuthorKind kind;
    gboolean        human;
    gboolean        automated;
  } cases[] = {
    { PULSE_AUTHOR_KIND_CUSTOMER, FALSE, FALSE },
    { PULSE_AUTHOR_KIND_AGENT, TRUE, FALSE },
    { PULSE_AUTHOR_KIND_BOT, FALSE, TRUE },
    { PULSE_AUTHOR_KIND_RULE, FALSE, TRUE },
    { PULSE_AUTHOR_KIND_SYSTEM, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PulseMessage) message = pulse_message_new ("m", cases[i].kind, 1000);

      g_assert_cmpint (pulse_message_get_author_kind (message), ==, cases[i].kind);
      g_assert_cmpint (pulse_message_get_at (message), ==, 1000);
      g_assert_cmpint (pulse_message_is_human_reply (message), ==, cases[i].human);
      g_assert_cmpint (pulse_message_is_automated_reply (message), ==, cases[i].automated);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/message/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/message/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/message/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/message/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/message/author-rules", test_author_rules);
  g_test_add_func ("/pulse/core/message/reply-kinds", test_reply_kinds);

  return g_test_run ();
}
