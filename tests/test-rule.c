/* test-rule.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-json.h"
#include "pulse-rule.h"
#include "pulse-test-mutation.h"
#include "pulse-test-util.h"

#define DECODE PULSE_TEST_DECODE (pulse_rule_new_from_json)
#define ENCODE PULSE_TEST_ENCODE (pulse_rule_to_json)

/* Every optional field set, in the writer's order. */
static const char full_rule[] =
  "{\"id\":\"rule-card\",\"version\":4,\"name\":\"Card blocked\",\"position\":2,"
  "\"enabled\":true,"
  "\"phrases\":[{\"text\":\"card blocked\",\"mode\":\"phrase\",\"field\":\"any\"},"
  "{\"text\":\"заблок\",\"mode\":\"prefix\",\"field\":\"body\"},"
  "{\"text\":\"card\",\"mode\":\"whole-word\",\"field\":\"subject\"}],"
  "\"channels\":[\"email\",\"chat\",\"telegram\"],"
  "\"queue_ids\":[\"q-ua\",\"q-kz\"],\"tags\":[\"cards\",\"vip\"],\"language\":\"uk\","
  "\"active_from\":1320,\"active_to\":360,"
  "\"actions\":[{\"kind\":\"auto-reply\",\"value\":\"tpl-card\"},"
  "{\"kind\":\"tag\",\"value\":\"card-blocked\"},"
  "{\"kind\":\"route\",\"value\":\"q-cards\"},"
  "{\"kind\":\"assign\",\"value\":\"agent-7\"},"
  "{\"kind\":\"priority\",\"value\":\"high\"},"
  "{\"kind\":\"close\"}]}";

static const char minimal_rule[] =
  "{\"id\":\"r\",\"version\":0,\"name\":\"N\",\"position\":0,\"enabled\":false,"
  "\"phrases\":[],\"channels\":[],\"queue_ids\":[],\"tags\":[],"
  "\"actions\":[{\"kind\":\"close\"}]}";

static void
test_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (full_rule, DECODE, ENCODE);
  PulseRule *rule = PULSE_RULE (object);
  const PulseRulePhrase *phrase;
  const PulseRuleAction *action;

  g_assert_cmpstr (pulse_rule_get_id (rule), ==, "rule-card");
  g_assert_cmpint (pulse_rule_get_version (rule), ==, 4);
  g_assert_cmpstr (pulse_rule_get_name (rule), ==, "Card blocked");
  g_assert_cmpint (pulse_rule_get_position (rule), ==, 2);
  g_assert_true (pulse_rule_get_enabled (rule));
  g_assert_cmpstr (pulse_rule_get_language (rule), ==, "uk");
  g_assert_cmpuint (pulse_rule_get_channels (rule), ==,
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_EMAIL) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_CHAT) |
                    PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_TELEGRAM));
  g_assert_cmpstrv (pulse_rule_get_queue_ids (rule), ((const char *[]) { "q-ua", "q-kz", NULL }));
  g_assert_cmpstrv (pulse_rule_get_tags (rule), ((const char *[]) { "cards", "vip", NULL }));
  g_assert_cmpint (pulse_rule_get_active_from (rule), ==, 1320);
  g_assert_cmpint (pulse_rule_get_active_to (rule), ==, 360);

  g_assert_cmpuint (pulse_rule_get_n_phrases (rule), ==, 3);
  phrase = pulse_rule_get_phrase (rule, 1);
  g_assert_cmpstr (phrase->text, ==, "заблок");
  g_assert_cmpint (phrase->mode, ==, PULSE_MATCH_MODE_PREFIX);
  g_assert_cmpint (phrase->field, ==, PULSE_MATCH_FIELD_BODY);

  g_assert_cmpuint (pulse_rule_get_n_actions (rule), ==, 6);
  action = pulse_rule_get_action (rule, 4);
  g_assert_cmpint (action->kind, ==, PULSE_RULE_ACTION_KIND_PRIORITY);
  g_assert_cmpstr (action->value, ==, "high");
  action = pulse_rule_get_action (rule, 5);
  g_assert_cmpint (action->kind, ==, PULSE_RULE_ACTION_KIND_CLOSE);
  g_assert_null (action->value);
}

static void
test_minimal_round_trip (void)
{
  g_autoptr(GObject) object = pulse_test_assert_round_trip (minimal_rule, DECODE, ENCODE);
  PulseRule *rule = PULSE_RULE (object);

  g_assert_false (pulse_rule_get_enabled (rule));
  g_assert_null (pulse_rule_get_language (rule));
  g_assert_cmpuint (pulse_rule_get_channels (rule), ==, 0);
  g_assert_cmpint (pulse_rule_get_active_from (rule), ==, -1);
  g_assert_cmpint (pulse_rule_get_active_to (rule), ==, -1);
  g_assert_cmpuint (pulse_rule_get_n_phrases (rule), ==, 0);
  g_assert_cmpstrv (pulse_rule_get_tags (rule), ((const char *[]) { NULL }));
}

/* Absent arrays and null optionals read as empty; the writer spells them out. */
static void
test_absent_optionals (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"r\",\"version\":0,\"name\":\"N\",\"position\":0,\"enabled\":false,"
    "\"channels\":null,\"language\":null,\"active_from\":null,\"active_to\":null,"
    "\"actions\":[{\"kind\":\"close\",\"value\":null}]}");
  g_autoptr(JsonNode) expected = pulse_test_parse (minimal_rule);
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseRule) rule = pulse_rule_new_from_json (node, &error);

  g_assert_no_error (error);
  output = pulse_rule_to_json (rule);
  g_assert_true (json_node_equal (output, expected));
}

static void
test_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"r\",\"version\":1,\"name\":\"N\",\"position\":0,\"enabled\":true,\"colour\":\"red\","
    "\"phrases\":[{\"text\":\"a\",\"mode\":\"phrase\",\"field\":\"any\",\"weight\":3}],"
    "\"actions\":[{\"kind\":\"tag\",\"value\":\"t\",\"extra\":{\"a\":[1]}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseRule) rule = pulse_rule_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pulse_rule_get_name (rule), ==, "N");
  g_assert_cmpuint (pulse_rule_get_n_phrases (rule), ==, 1);
  g_assert_cmpstr (pulse_rule_get_action (rule, 0)->value, ==, "t");
}

static void
test_bad_fields (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_ids = g_strdup_printf ("[%s]", long_id);
  g_autofree char *long_tags = g_strdup_printf ("[\"ok\",%s]", long_name);
  const PulseTestMutation mutations[] = {
    { "id", NULL, "id: is required" },
    { "id", "7", "id: expected a string, got a number" },
    { "id", "\"\"", "id: must not be empty" },
    { "id", long_id, "id: longer than 128 bytes" },
    { "version", NULL, "version: is required" },
    { "version", "\"1\"", "version: expected an integer, got a string" },
    { "version", "1.5", "version: expected an integer, got a number" },
    { "version", "-1", "version: -1 is outside" },
    { "name", NULL, "name: is required" },
    { "name", "null", "name: is required" },
    { "name", "true", "name: expected a string, got a boolean" },
    { "name", "\"\"", "name: must not be empty" },
    { "name", long_name, "name: longer than 256 bytes" },
    { "position", NULL, "position: is required" },
    { "position", "\"2\"", "position: expected an integer, got a string" },
    { "position", "-1", "position: -1 is outside" },
    { "position", "2147483648", "position: 2147483648 is outside" },
    { "enabled", NULL, "enabled: is required" },
    { "enabled", "1", "enabled: expected a boolean, got a number" },
    { "enabled", "\"true\"", "enabled: expected a boolean, got a string" },
    { "phrases", "{}", "phrases: expected an array, got an object" },
    { "channels", "\"email\"", "channels: expected an array, got a string" },
    { "channels", "[\"email\",\"fax\"]", "channels[1]: unknown value “fax”" },
    { "channels", "[\"chat\",\"chat\"]", "channels[1]: duplicate “chat”" },
    { "channels", "[3]", "channels[0]: expected a channel name string" },
    { "queue_ids", "\"q\"", "queue_ids: expected an array, got a string" },
    { "queue_ids", "[\"q\",1]", "queue_ids[1]: expected a string, got a number" },
    { "queue_ids", "[\"\"]", "queue_ids[0]: must not be empty" },
    { "queue_ids", long_ids, "queue_ids[0]: longer than 128 bytes" },
    { "tags", "{}", "tags: expected an array, got an object" },
    { "tags", "[\"ok\",null]", "tags[1]: expected a string, got null" },
    { "tags", "[\"ok\",\"\"]", "tags[1]: must not be empty" },
    { "tags", long_tags, "tags[1]: longer than 256 bytes" },
    { "language", "5", "language: expected a string, got a number" },
    { "language", long_id, "language: longer than 128 bytes" },
    { "active_from", NULL, "active_from: is required when active_to is set" },
    { "active_from", "\"22:00\"", "active_from: expected an integer, got a string" },
    { "active_from", "-1", "active_from: -1 is outside 0…1439" },
    { "active_from", "1440", "active_from: 1440 is outside 0…1439" },
    { "active_to", NULL, "active_to: is required when active_from is set" },
    { "active_to", "6.5", "active_to: expected an integer, got a number" },
    { "active_to", "1441", "active_to: 1441 is outside 0…1440" },
    { "active_to", "1320", "active_to: must differ from active_from" },
    { "actions", NULL, "actions: is required" },
    { "actions", "[]", "actions: must hold at least one action" },
    { "actions", "{}", "actions: expected an array, got an object" },
  };

  pulse_test_assert_bad_mutations (full_rule, mutations, G_N_ELEMENTS (mutations), DECODE);
}

static void
test_bad_nested (void)
{
  g_autofree char *long_id = pulse_test_long_string (PULSE_JSON_MAX_ID + 1, 'i');
  g_autofree char *long_name = pulse_test_long_string (PULSE_JSON_MAX_NAME + 1, 'n');
  g_autofree char *long_text = pulse_test_long_string (PULSE_JSON_MAX_SHORT + 1, 't');
  const PulseTestMutation mutations[] = {
    { "phrases", "[42]", "phrases[0]: expected a phrase object, got a number" },
    { "phrases.1.text", NULL, "phrases[1].text: is required" },
    { "phrases.1.text", "5", "phrases[1].text: expected a string, got a number" },
    { "phrases.1.text", "\"\"", "phrases[1].text: must not be empty" },
    { "phrases.1.text", "\" \\t\\n \"", "phrases[1].text: must not be blank" },
    { "phrases.1.text", long_text, "phrases[1].text: longer than 1024 bytes" },
    { "phrases.1.mode", NULL, "phrases[1].mode: is required" },
    { "phrases.1.mode", "\"fuzzy\"", "phrases[1].mode: unknown value “fuzzy”" },
    { "phrases.1.mode", "1", "phrases[1].mode: expected a string, got a number" },
    { "phrases.2.field", NULL, "phrases[2].field: is required" },
    { "phrases.2.field", "\"title\"", "phrases[2].field: unknown value “title”" },
    { "phrases.2.field", "[]", "phrases[2].field: expected a string, got an array" },
    { "actions", "[\"close\"]", "actions[0]: expected an action object, got a string" },
    { "actions.0.kind", NULL, "actions[0].kind: is required" },
    { "actions.0.kind", "\"reply\"", "actions[0].kind: unknown value “reply”" },
    { "actions.0.kind", "3", "actions[0].kind: expected a string, got a number" },
    { "actions.0.value", NULL, "actions[0].value: is required for auto-reply" },
    { "actions.0.value", "\"\"", "actions[0].value: must not be empty for auto-reply" },
    { "actions.0.value", "7", "actions[0].value: expected a string, got a number" },
    { "actions.0.value", long_id, "actions[0].value: longer than 128 bytes" },
    { "actions.1.value", NULL, "actions[1].value: is required for tag" },
    { "actions.1.value", long_name, "actions[1].value: longer than 256 bytes" },
    { "actions.2.value", NULL, "actions[2].value: is required for route" },
    { "actions.2.value", long_id, "actions[2].value: longer than 128 bytes" },
    { "actions.3.value", NULL, "actions[3].value: is required for assign" },
    { "actions.4.value", NULL, "actions[4].value: is required for priority" },
    { "actions.4.value", "\"critical\"", "actions[4].value: unknown priority “critical”" },
    { "actions.4.value", "\"HIGH\"", "actions[4].value: unknown priority “HIGH”" },
    { "actions.5.value", "\"now\"", "actions[5].value: must be absent for close" },
    { "actions.5.value", "\"\"", "actions[5].value: must be absent for close" },
  };

  pulse_test_assert_bad_mutations (full_rule, mutations, G_N_ELEMENTS (mutations), DECODE);
}

/* A rule whose phrases array holds one item more than allowed. */
static GString *
too_many_phrases (void)
{
  GString *json = g_string_new ("{\"id\":\"r\",\"version\":0,\"name\":\"N\","
                                "\"position\":0,\"enabled\":true,\"phrases\":[{}");

  for (guint i = 0; i < PULSE_JSON_MAX_ITEMS; i++)
    g_string_append (json, ",{}");
  g_string_append (json, "],\"actions\":[{\"kind\":\"close\"}]}");

  return json;
}

static void
test_bad_input (void)
{
  g_autoptr(GString) many = too_many_phrases ();
  const PulseTestBadInput cases[] = {
    { "{\"id\":\"r\",\"version\":0,\"name\":\"N\",\"position\":0,\"enabled\":true,"
      "\"actions\":[{\"kind\":\"close\"}],\"active_from\":600}",
      "active_to: is required when active_from is set" },
    { "{\"id\":\"r\",\"version\":0,\"name\":\"N\",\"position\":0,\"enabled\":true,"
      "\"actions\":[{\"kind\":\"close\"}],\"active_from\":0,\"active_to\":0}",
      "active_to: must differ from active_from" },
    { many->str, "phrases: has more than 10000 items" },
  };

  pulse_test_assert_bad_inputs (cases, G_N_ELEMENTS (cases), DECODE);
  pulse_test_assert_rejects_non_objects (DECODE);
}

static PulseRule *
rule_with_window (const char *from,
                  const char *to)
{
  g_autofree char *with_from = pulse_test_mutate (full_rule, "active_from", from);
  g_autofree char *json = pulse_test_mutate (with_from, "active_to", to);
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseRule *rule = pulse_rule_new_from_json (node, &error);

  g_assert_no_error (error);
  return rule;
}

static void
test_active_window (void)
{
  g_autoptr(PulseRule) night = rule_with_window ("1320", "360");
  g_autoptr(PulseRule) day = rule_with_window ("360", "540");
  g_autoptr(PulseRule) whole_day = rule_with_window ("0", "1440");
  g_autoptr(PulseRule) evening = rule_with_window ("1080", "0");
  g_autoptr(PulseRule) always = pulse_rule_new ("r");

  /* 22:00–06:00 wraps midnight; the closing minute is outside. */
  g_assert_true (pulse_rule_is_active_at (night, 1320));
  g_assert_true (pulse_rule_is_active_at (night, 1439));
  g_assert_true (pulse_rule_is_active_at (night, 0));
  g_assert_true (pulse_rule_is_active_at (night, 359));
  g_assert_false (pulse_rule_is_active_at (night, 360));
  g_assert_false (pulse_rule_is_active_at (night, 720));
  g_assert_false (pulse_rule_is_active_at (night, 1319));

  g_assert_false (pulse_rule_is_active_at (day, 359));
  g_assert_true (pulse_rule_is_active_at (day, 360));
  g_assert_true (pulse_rule_is_active_at (day, 539));
  g_assert_false (pulse_rule_is_active_at (day, 540));

  /* Closing at 00:00 is closing at the day's end. */
  g_assert_false (pulse_rule_is_active_at (evening, 1079));
  g_assert_true (pulse_rule_is_active_at (evening, 1080));
  g_assert_true (pulse_rule_is_active_at (evening, 1439));
  g_assert_false (pulse_rule_is_active_at (evening, 0));

  for (int minute = 0; minute < PULSE_MINUTES_PER_DAY; minute += 7)
    {
      g_assert_true (pulse_rule_is_active_at (always, minute));
      g_assert_true (pulse_rule_is_active_at (whole_day, minute));
    }
}

static void
test_new_defaults (void)
{
  g_autoptr(PulseRule) rule = pulse_rule_new ("r-1");
  g_auto(GStrv) queue_ids = NULL;
  int active_from = 0;

  g_assert_cmpstr (pulse_rule_get_id (rule), ==, "r-1");
  g_assert_false (pulse_rule_get_enabled (rule));
  g_assert_cmpuint (pulse_rule_get_n_phrases (rule), ==, 0);
  g_assert_cmpuint (pulse_rule_get_n_actions (rule), ==, 0);
  g_object_get (rule, "queue-ids", &queue_ids, "active-from", &active_from, NULL);
  g_assert_cmpstrv (queue_ids, ((const char *[]) { NULL }));
  g_assert_cmpint (active_from, ==, -1);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify_on_change_only (void)
{
  g_autoptr(PulseRule) rule = pulse_rule_new ("r");
  guint count = 0;

  g_signal_connect (rule, "notify", G_CALLBACK (on_notify_cb), &count);
  pulse_rule_set_name (rule, "A");
  pulse_rule_set_name (rule, "A");
  pulse_rule_set_enabled (rule, TRUE);
  pulse_rule_set_enabled (rule, 2);
  pulse_rule_set_position (rule, 3);
  pulse_rule_set_position (rule, 3);
  pulse_rule_set_language (rule, "kk");
  pulse_rule_set_language (rule, "kk");
  pulse_rule_set_version (rule, 2);
  pulse_rule_set_version (rule, 2);
  g_object_set (rule, "name", "B", "position", 3, NULL);
  g_assert_cmpuint (count, ==, 6);
  g_assert_cmpstr (pulse_rule_get_name (rule), ==, "B");
  g_assert_true (pulse_rule_get_enabled (rule));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule/round-trip", test_round_trip);
  g_test_add_func ("/pulse/core/rule/minimal-round-trip", test_minimal_round_trip);
  g_test_add_func ("/pulse/core/rule/absent-optionals", test_absent_optionals);
  g_test_add_func ("/pulse/core/rule/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/pulse/core/rule/bad-fields", test_bad_fields);
  g_test_add_func ("/pulse/core/rule/bad-nested", test_bad_nested);
  g_test_add_func ("/pulse/core/rule/bad-input", test_bad_input);
  g_test_add_func ("/pulse/core/rule/active-window", test_active_window);
  g_test_add_func ("/pulse/core/rule/new-defaults", test_new_defaults);
  g_test_add_func ("/pulse/core/rule/setters-notify-on-change-only",
                   test_setters_notify_on_change_only);

  return g_test_run ();
}
