/* test-rule-matcher.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How phrases match: modes, fields, languages, look-alike letters, sizes.
 * Expected offsets are counted by hand: ASCII takes one byte, Latin-1 and
 * Cyrillic letters two, ’ three.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-test-rules.h"

static void
test_phrase_mode (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("перевод не дошел", "phrase", "any"), NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  /* Case and ё differ; "Здравствуйте" is 24 bytes, then "! ". */
  result = evaluate (matcher, NULL, "Здравствуйте! ПЕРЕВОД не дошёл до получателя");
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 1);
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 1);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 26, 56);
  g_assert_cmpstr (pulse_rule_match_result_get_hit (result, 0, 0)->phrase_text, ==,
                   "перевод не дошел");

  /* Only punctuation between the words is still consecutive. */
  assert_single_hit (matcher, "Перевод... не дошел!", 0, 33);
  assert_no_match (matcher, NULL, "перевод, увы, не дошел");
  assert_no_match (matcher, NULL, "не дошел перевод");
}

static void
test_phrase_hits_do_not_overlap (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("да да", "phrase", "body"), NULL), NULL);

  assert_single_hit (matcher, "да да да", 0, 9);
}

static void
test_whole_word_mode (void)
{
  g_autoptr(PulseRuleMatcher) one =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("деньги", "whole-word", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) two =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("деньги пришли", "whole-word", "body"), NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  assert_single_hit (one, "Не пришли деньги", 18, 30);
  assert_no_match (one, NULL, "Не пришли деньгами");
  assert_no_match (one, NULL, "Безденьги");

  /* Every word, anywhere, each its own hit in text order. */
  result = evaluate (two, NULL, "Не пришли деньги");
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 2);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 5, 17);
  assert_hit (result, 0, 1, 0, PULSE_MATCH_FIELD_BODY, 18, 30);
  assert_no_match (two, NULL, "Деньги где?");
}

static void
test_whole_word_hyphenated (void)
{
  g_autoptr(PulseRuleMatcher) whole =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("онлайн", "whole-word", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) prefix =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("онлайн", "prefix", "body"), NULL), NULL);

  /* A hyphenated word is one word. */
  assert_no_match (whole, NULL, "онлайн-банк");
  assert_single_hit (prefix, "онлайн-банк", 0, 21);
}

static void
test_prefix_mode (void)
{
  g_autoptr(PulseRuleMatcher) one =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("заблок", "prefix", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) two =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("карт заблок", "prefix", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) ukrainian =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("картк заблок", "prefix", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  result = evaluate (one, NULL, "Карта заблокирована, и счёт заблокирован");
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 2);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 11, 37);
  assert_hit (result, 0, 1, 0, PULSE_MATCH_FIELD_BODY, 51, 75);
  assert_no_match (one, NULL, "разблокировать");

  assert_single_hit (two, "Карта заблокирована, и счёт заблокирован", 0, 37);
  assert_single_hit (ukrainian, "Мою картку заблоковано", 7, 42);
}

static void
test_spanish (void)
{
  g_autoptr(PulseRuleMatcher) accented =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("dónde está", "phrase", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) plain =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("donde esta", "phrase", "body"), NULL), NULL);

  assert_single_hit (accented, "¿Dónde está mi préstamo?", 2, 14);
  /* Accents are significant. */
  assert_no_match (plain, NULL, "¿Dónde está mi préstamo?");
}

static void
test_kazakh_and_ukrainian (void)
{
  g_autoptr(PulseRuleMatcher) kazakh =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("қалай төле", "prefix", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) phone =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("номер телефону", "phrase", "body"), NULL),
                NULL);
  g_autoptr(PulseRuleMatcher) mint =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("м'ята", "whole-word", "body"), NULL), NULL);

  assert_single_hit (kazakh, "Қарызды қалай төлеймін?", 15, 42);
  assert_single_hit (phone, "Змінити номер телефону", 15, 42);
  /* ’ (3 bytes) matches the ASCII apostrophe of the phrase. */
  assert_single_hit (mint, "Свіжа м’ята", 11, 22);
}

static void
test_field_restriction (void)
{
  g_autoptr(PulseRuleMatcher) subject =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("оплата", "whole-word", "subject"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) body =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("оплата", "whole-word", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) any =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("оплата", "whole-word", "any"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) across =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("оплата не прошла", "phrase", "any"), NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  assert_no_match (subject, "Вопрос", "оплата");
  assert_no_match (body, "оплата", "вопрос");

  result = evaluate (any, "Оплата", "Где оплата?");
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 2);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_SUBJECT, 0, 12);
  assert_hit (result, 0, 1, 0, PULSE_MATCH_FIELD_BODY, 7, 19);

  /* A phrase never runs from the subject into the body. */
  assert_no_match (across, "Оплата", "не прошла");
}

static void
test_hits_by_phrase_order (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE,
                           PHRASE ("карта", "whole-word", "body") ","
                           PHRASE ("нет", "whole-word", "any") ","
                           PHRASE ("кредит", "whole-word", "any"), NULL),
                NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, "Нет денег", "Карта есть, денег нет");

  /* Phrase 0 in the body, phrase 1 in subject then body, phrase 2 absent. */
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 3);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 0, 10);
  assert_hit (result, 0, 1, 1, PULSE_MATCH_FIELD_SUBJECT, 0, 6);
  assert_hit (result, 0, 2, 1, PULSE_MATCH_FIELD_BODY, 32, 38);
}

static void
test_phrase_without_words (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("?!", "phrase", "any") ","
                           PHRASE ("...", "whole-word", "any") ","
                           PHRASE ("--", "prefix", "any"), NULL),
                NULL);

  assert_no_match (matcher, "?!", "... -- ?!");
}

static void
test_mixed_script_matching (void)
{
  g_autoptr(PulseRuleMatcher) cyrillic =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("оплата", "whole-word", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) latin_o =
    matcher_of (make_rule ("r-o", 0, TRUE, PHRASE ("oплата", "whole-word", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatcher) bank =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("bank card", "phrase", "body"), NULL), NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;
  const PulseRuleWarning *warning;

  /* A Latin o in the message. */
  result = evaluate (cyrillic, NULL, "Где моя oплата?");
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, 1);
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 14, 25);
  g_assert_cmpuint (pulse_rule_match_result_get_n_warnings (result), ==, 1);
  warning = pulse_rule_match_result_get_warning (result, 0);
  g_assert_cmpint (warning->source, ==, PULSE_RULE_WARNING_BODY);
  g_assert_null (warning->rule_id);
  g_assert_cmpuint (warning->start, ==, 14);
  g_assert_cmpuint (warning->end, ==, 25);
  g_assert_cmpstr (warning->word, ==, "oплата");
  g_assert_cmpstr (warning->corrected, ==, "оплата");
  g_clear_object (&result);

  /* A Latin o in the phrase. */
  result = evaluate (latin_o, NULL, "Где моя оплата?");
  assert_hit (result, 0, 0, 0, PULSE_MATCH_FIELD_BODY, 14, 26);
  g_assert_cmpuint (pulse_rule_match_result_get_n_warnings (result), ==, 1);
  warning = pulse_rule_match_result_get_warning (result, 0);
  g_assert_cmpint (warning->source, ==, PULSE_RULE_WARNING_PHRASE);
  g_assert_cmpstr (warning->rule_id, ==, "r-o");
  g_assert_cmpuint (warning->phrase_index, ==, 0);
  g_assert_cmpuint (warning->start, ==, 0);
  g_assert_cmpuint (warning->end, ==, 11);
  g_assert_cmpstr (warning->corrected, ==, "оплата");
  g_clear_object (&result);

  /* A Cyrillic а in a Latin word. */
  assert_single_hit (bank, "Bаnk card blocked", 0, 10);
}

static void
test_empty_inputs (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(PulseRuleMatcher) empty = pulse_rule_matcher_new (none);
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("кредит", "prefix", "any"), NULL), NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (empty, "Кредит", "кредит");
  g_autoptr(JsonNode) json = pulse_rule_match_result_to_json (result);
  g_autofree char *text = pulse_json_to_string (json);

  g_assert_cmpuint (pulse_rule_matcher_get_n_rules (empty), ==, 0);
  g_assert_cmpstr (text, ==, "{\"matches\":[],\"fires\":null,\"next\":null,\"warnings\":[]}");
  assert_no_match (matcher, NULL, NULL);
  assert_no_match (matcher, "", "");
}

static void
test_huge_body (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("перевод не дошел", "phrase", "body"), NULL),
                NULL);
  g_autoptr(GString) body = g_string_new (NULL);

  /* "бла " is 7 bytes; 9362 of them end at byte 65534. */
  for (guint i = 0; i < 9362; i++)
    g_string_append (body, "бла ");
  g_string_append (body, "перевод не дошел");
  assert_single_hit (matcher, body->str, 65534, 65564);
}

static void
test_hits_are_capped (void)
{
  g_autoptr(PulseRuleMatcher) matcher =
    matcher_of (make_rule ("r", 0, TRUE, PHRASE ("да", "whole-word", "body"), NULL), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(PulseRuleMatchResult) result = NULL;

  /* "да " is 5 bytes. */
  for (guint i = 0; i < 30000; i++)
    g_string_append (body, "да ");
  result = evaluate (matcher, NULL, body->str);
  g_assert_cmpuint (pulse_rule_match_result_get_n_hits (result, 0), ==, 100);
  assert_hit (result, 0, 99, 0, PULSE_MATCH_FIELD_BODY, 495, 499);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-matcher/phrase-mode", test_phrase_mode);
  g_test_add_func ("/pulse/core/rule-matcher/phrase-hits-do-not-overlap",
                   test_phrase_hits_do_not_overlap);
  g_test_add_func ("/pulse/core/rule-matcher/whole-word-mode", test_whole_word_mode);
  g_test_add_func ("/pulse/core/rule-matcher/whole-word-hyphenated", test_whole_word_hyphenated);
  g_test_add_func ("/pulse/core/rule-matcher/prefix-mode", test_prefix_mode);
  g_test_add_func ("/pulse/core/rule-matcher/spanish", test_spanish);
  g_test_add_func ("/pulse/core/rule-matcher/kazakh-and-ukrainian", test_kazakh_and_ukrainian);
  g_test_add_func ("/pulse/core/rule-matcher/field-restriction", test_field_restriction);
  g_test_add_func ("/pulse/core/rule-matcher/hits-by-phrase-order", test_hits_by_phrase_order);
  g_test_add_func ("/pulse/core/rule-matcher/phrase-without-words", test_phrase_without_words);
  g_test_add_func ("/pulse/core/rule-matcher/mixed-script-matching", test_mixed_script_matching);
  g_test_add_func ("/pulse/core/rule-matcher/empty-inputs", test_empty_inputs);
  g_test_add_func ("/pulse/core/rule-matcher/huge-body", test_huge_body);
  g_test_add_func ("/pulse/core/rule-matcher/hits-are-capped", test_hits_are_capped);

  return g_test_run ();
}
