/* test-rule-conditions.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which rules match: conditions, order, next, bad contacts, the JSON answer.
 * Expected offsets are counted by hand: ASCII takes one byte, Latin-1 and
 * Cyrillic letters two, ’ three.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-test-rules.h"

static void
test_rule_without_phrases (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"channels\":[\"chat\"]"), NULL);
  PulseRuleContact contact = contact_of (NULL, NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  contact.channel = PULSE_CHANNEL_KIND_CHAT;
  result = evaluate_contact (matcher, &contact);
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 1);
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 0);
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_fires (result)), ==, "r");

  contact.channel = PULSE_CHANNEL_KIND_EMAIL;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
}

static void
test_channel_condition (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("кредит", "whole-word", "any"),
                           ",\"channels\":[\"telegram\",\"viber\"]"), NULL);
  PulseRuleContact contact = contact_of (NULL, "Хочу кредит");

  contact.channel = PULSE_CHANNEL_KIND_TELEGRAM;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 1);
  contact.channel = PULSE_CHANNEL_KIND_VIBER;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 1);
  contact.channel = PULSE_CHANNEL_KIND_CHAT;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
  /* The phrase must still match on the right channel. */
  contact.channel = PULSE_CHANNEL_KIND_TELEGRAM;
  contact.body = "Хочу карту";
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
}

static void
test_queue_condition (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"queue_ids\":[\"q-ua\",\"q-kz\"]"), NULL);
  PulseRuleContact contact = contact_of (NULL, NULL);

  contact.queue_id = "q-kz";
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 1);
  contact.queue_id = "q-ru";
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
  contact.queue_id = NULL;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
}

static void
test_tag_condition (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"tags\":[\"vip\",\"cards\"]"), NULL);
  PulseRuleContact contact = contact_of (NULL, NULL);
  const char *all[] = { "cards", "new", "vip", NULL };
  const char *some[] = { "vip", NULL };
  const char *other_case[] = { "VIP", "cards", NULL };

  contact.tags = all;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 1);
  contact.tags = some;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
  contact.tags = other_case;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
  contact.tags = NULL;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
}

static void
test_language_condition (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"language\":\"uk\""), NULL);
  PulseRuleContact contact = contact_of (NULL, NULL);
  const char *accepted[] = { "uk", "UK", "uk-UA", "uk_UA" };
  const char *refused[] = { "ukr", "ru", "u", "" };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      contact.language = accepted[i];
      g_assert_cmpuint (count_matches (matcher, &contact), ==, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      contact.language = refused[i];
      g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
    }
  contact.language = NULL;
  g_assert_cmpuint (count_matches (matcher, &contact), ==, 0);
}

static void
test_time_window (void)
{
  g_autoptr(PulseRuleMatcher) day =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"active_from\":540,\"active_to\":1080"), NULL);
  g_autoptr(PulseRuleMatcher) night =
    matcher_of (make_rule ("r", 0, TRUE, "", ",\"active_from\":1320,\"active_to\":360"), NULL);
  PulseRuleContact contact = contact_of (NULL, NULL);
  const struct { PulseRuleMatcher *matcher; int minute; guint expected; } cases[] = {
    { day, 539, 0 }, { day, 540, 1 }, { day, 1079, 1 }, { day, 1080, 0 }, { day, 0, 0 },
    { day, PULSE_RULE_CONTACT_ANY_MINUTE, 1 },
    { night, 1319, 0 }, { night, 1320, 1 }, { night, 1439, 1 }, { night, 0, 1 },
    { night, 359, 1 }, { night, 360, 0 }, { night, 720, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      contact.minute_of_day = cases[i].minute;
      g_assert_cmpuint (count_matches (cases[i].matcher, &contact), ==, cases[i].expected);
    }
}

static void
test_order_disabled_and_next (void)
{
  const char *phrase = PHRASE ("кредит", "whole-word", "any");
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r-late", 3, TRUE, phrase, NULL),
                make_rule ("r-off", 1, FALSE, phrase, NULL),
                make_rule ("r-mid", 2, TRUE, phrase, NULL),
                make_rule ("r-first-miss", 0, TRUE, PHRASE ("карта", "whole-word", "any"), NULL),
                make_rule ("r-last", 7, TRUE, phrase, NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, NULL, "Нужен кредит");

  g_assert_cmpuint (pulse_rule_matcher_get_n_rules (matcher), ==, 5);
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 3);
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 0)), ==, "r-mid");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 1)), ==, "r-late");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 2)), ==, "r-last");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_fires (result)), ==, "r-mid");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_next (result)), ==, "r-late");
}

static void
test_equal_positions_keep_given_order (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r-b", 5, TRUE, "", NULL), make_rule ("r-a", 5, TRUE, "", NULL),
                make_rule ("r-c", 4, TRUE, "", NULL), NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, NULL, NULL);

  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 3);
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 0)), ==, "r-c");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 1)), ==, "r-b");
  g_assert_cmpstr (pulse_rule_get_id (pulse_rule_match_result_get_rule (result, 2)), ==, "r-a");
}

static void
test_snapshot_at_build (void)
{
  PulseRule *rule = make_rule ("r", 0, TRUE, "", NULL);
  g_autoptr(PulseRuleMatcher) matcher = matcher_of (g_object_ref (rule), NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  /* Disabling after the build does not change this matcher. */
  pulse_rule_set_enabled (rule, FALSE);
  result = evaluate (matcher, NULL, NULL);
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 1);
  g_object_unref (rule);
}

static void
test_invalid_contact (void)
{
  g_autoptr(PulseRuleMatcher) matcher = matcher_of (make_rule ("r", 0, TRUE, "", NULL), NULL);
  const struct { int channel; int minute; const char *subject; const char *body;
                 const char *message; } cases[] = {
    { 99, -1, NULL, NULL, "channel: unknown channel" },
    { -1, -1, NULL, NULL, "channel: unknown channel" },
    { 0, 1440, NULL, NULL, "minute_of_day: must be from 0 to 1439" },
    { 0, -2, NULL, NULL, "minute_of_day: must be from 0 to 1439" },
    { 0, -1, "a\xff", NULL, "subject: is not valid UTF-8" },
    { 0, -1, "ok", "да\xd0", "body: is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PulseRuleContact contact = contact_of (cases[i].subject, cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseRuleMatchResult) result = NULL;

      contact.channel = cases[i].channel;
      contact.minute_of_day = cases[i].minute;
      result = pulse_rule_matcher_evaluate (matcher, &contact, &error);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (result);
    }
}

static void
test_to_json (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r-all", 2, TRUE, "", NULL),
                make_rule ("r-pay", 1, TRUE, PHRASE ("oплата", "whole-word", "any"), NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, "Оплата helloж", "Где моя oплата?");
  g_autoptr(JsonNode) json = pulse_rule_match_result_to_json (result);
  g_autofree char *text = pulse_json_to_string (json);

  g_assert_cmpstr (text, ==,
                   "{\"matches\":["
                   "{\"rule_id\":\"r-pay\",\"rule_name\":\"Rule r-pay\",\"position\":1,"
                   "\"phrases\":["
                   "{\"index\":0,\"text\":\"oплата\",\"field\":\"subject\",\"start\":0,\"end\":12},"
                   "{\"index\":0,\"text\":\"oплата\",\"field\":\"body\",\"start\":14,\"end\":25}"
                   "]},"
                   "{\"rule_id\":\"r-all\",\"rule_name\":\"Rule r-all\",\"position\":2,"
                   "\"phrases\":[]}],"
                   "\"fires\":\"r-pay\",\"next\":\"r-all\","
                   "\"warnings\":["
                   "{\"field\":\"subject\",\"start\":13,\"end\":20,\"word\":\"helloж\","
                   "\"corrected\":null},"
                   "{\"field\":\"body\",\"start\":14,\"end\":25,\"word\":\"oплата\","
                   "\"corrected\":\"оплата\"},"
                   "{\"field\":\"phrase\",\"rule_id\":\"r-pay\",\"phrase\":0,\"start\":0,"
                   "\"end\":11,\"word\":\"oплата\",\"corrected\":\"оплата\"}]}");
}

static void
test_rejects_non_rules (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  PulseRuleMatcher *matcher;

  g_ptr_array_add (rules, make_rule ("r", 0, TRUE, "", NULL));
  g_ptr_array_add (rules, g_object_new (G_TYPE_OBJECT, NULL));
  g_test_expect_message ("pulse-core", G_LOG_LEVEL_CRITICAL, "*PULSE_IS_RULE*");
  matcher = pulse_rule_matcher_new (rules);
  g_test_assert_expected_messages ();
  g_assert_null (matcher);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-matcher/rule-without-phrases", test_rule_without_phrases);
  g_test_add_func ("/pulse/core/rule-matcher/channel-condition", test_channel_condition);
  g_test_add_func ("/pulse/core/rule-matcher/queue-condition", test_queue_condition);
  g_test_add_func ("/pulse/core/rule-matcher/tag-condition", test_tag_condition);
  g_test_add_func ("/pulse/core/rule-matcher/language-condition", test_language_condition);
  g_test_add_func ("/pulse/core/rule-matcher/time-window", test_time_window);
  g_test_add_func ("/pulse/core/rule-matcher/order-disabled-and-next",
                   test_order_disabled_and_next);
  g_test_add_func ("/pulse/core/rule-matcher/equal-positions-keep-given-order",
                   test_equal_positions_keep_given_order);
  g_test_add_func ("/pulse/core/rule-matcher/snapshot-at-build", test_snapshot_at_build);
  g_test_add_func ("/pulse/core/rule-matcher/invalid-contact", test_invalid_contact);
  g_test_add_func ("/pulse/core/rule-matcher/to-json", test_to_json);
  g_test_add_func ("/pulse/core/rule-matcher/rejects-non-rules", test_rejects_non_rules);

  return g_test_run ();
}
