/* test-ui-rule-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules in words: a rule's summary, and the test bench's answer (the
 * example of docs/protocol.md) read back with the words it matched.
 */

#include "config.h"

#include <locale.h>

#include "pulse-rule-text.h"
#include "pulse-test-util.h"

static void
test_summary (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"id\":\"rule-money\",\"version\":1,\"name\":\"Payment\",\"position\":1,\"enabled\":true,"
    "\"phrases\":[{\"text\":\"не пришли деньги\",\"mode\":\"phrase\",\"field\":\"any\"},"
    "{\"text\":\"перевод\",\"mode\":\"prefix\",\"field\":\"any\"}],"
    "\"actions\":[{\"kind\":\"tag\",\"value\":\"payment-not-received\"},{\"kind\":\"close\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseRule) rule = pulse_rule_new_from_json (node, &error);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  summary = pulse_rule_text_summary (rule);
  g_assert_cmpstr (summary, ==, "«не пришли деньги», «перевод» → tag payment-not-received, close");
}

static void
test_explain (void)
{
  g_autoptr(JsonNode) answer = pulse_test_parse (
    "{\"matches\":[{\"rule_id\":\"rule-money\",\"rule_name\":\"Payment not received\","
    "\"position\":1,\"phrases\":[{\"index\":0,\"text\":\"не пришли деньги\",\"field\":\"body\","
    "\"start\":26,\"end\":56}]},{\"rule_id\":\"rule-transfer\",\"position\":2,\"phrases\":["
    "{\"field\":\"subject\",\"start\":0,\"end\":13},{\"field\":\"body\",\"start\":62,\"end\":78}]},"
    "{\"rule_id\":\"rule-any\",\"rule_name\":\"Anything\",\"position\":3,\"phrases\":["
    "{\"field\":\"body\",\"start\":70,\"end\":999}]}],"
    "\"fires\":\"rule-money\",\"next\":\"rule-transfer\",\"warnings\":[{\"field\":\"subject\","
    "\"start\":0,\"end\":13,\"word\":\"Пeревод\",\"corrected\":\"Перевод\"}]}");
  g_autoptr(GPtrArray) lines = NULL;
  PulseRuleTestLine *line;

  lines = pulse_rule_text_explain (json_node_get_object (answer), "Пeревод",
                                   "Здравствуйте, НЕ пришли деньги по переводу!");
  g_assert_cmpuint (lines->len, ==, 4);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpint (line->kind, ==, PULSE_RULE_TEST_LINE_FIRES);
  g_assert_cmpstr (line->title, ==, "1. Payment not received");
  g_assert_cmpstr (line->subtitle, ==, "On «НЕ пришли деньги»");
  line = g_ptr_array_index (lines, 1);
  g_assert_cmpint (line->kind, ==, PULSE_RULE_TEST_LINE_NEXT);
  /* No name given: the id stands in. */
  g_assert_cmpstr (line->title, ==, "2. rule-transfer");
  g_assert_cmpstr (line->subtitle, ==, "On «Пeревод», «переводу»");
  /* Offsets past the text are not trusted. */
  line = g_ptr_array_index (lines, 2);
  g_assert_cmpint (line->kind, ==, PULSE_RULE_TEST_LINE_MATCHES);
  g_assert_cmpstr (line->subtitle, ==, "Its other conditions hold");
  line = g_ptr_array_index (lines, 3);
  g_assert_cmpint (line->kind, ==, PULSE_RULE_TEST_LINE_WARNING);
  g_assert_cmpstr (line->title, ==, "Пeревод");
  g_assert_cmpstr (line->subtitle, ==,
                   "Mixes Latin and Cyrillic letters; did you mean “Перевод”?");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/rule-text/summary", test_summary);
  g_test_add_func ("/pulse/ui/rule-text/explain", test_explain);

  return g_test_run ();
}
