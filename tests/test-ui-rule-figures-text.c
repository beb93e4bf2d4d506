/* test-ui-rule-figures-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules' figures, a replay and a phrase's look-alike letters in
 * words (src/ui/pulse-rule-figures-text.c), from hand-written answers.
 */

#include "config.h"

#include "pulse-rule-figures-text.h"
#include "pulse-test-util.h"

static void
test_line (void)
{
  g_autoptr(JsonNode) node = pulse_test_parse (
    "{\"rule_id\":\"r\",\"hits\":12,\"answered\":9,\"channels\":["
    "{\"channel\":\"email\",\"contacts\":50,\"answered\":1,\"share\":0.02},"
    "{\"channel\":\"chat\",\"contacts\":20,\"answered\":8,\"share\":0.4},"
    "{\"channel\":\"phone\",\"contacts\":10,\"answered\":0,\"share\":0.0},"
    "{\"channel\":\"telegram\",\"contacts\":10,\"answered\":1,\"share\":0.1},"
    "{\"channel\":\"viber\",\"contacts\":20,\"answered\":1,\"share\":0.05}],"
    "\"csat\":{\"rated\":5,\"good\":4,\"value\":0.8},\"reopened\":1,"
    "\"reopen_rate\":0.1111}");
  g_autoptr(JsonNode) quiet = pulse_test_parse (
    "{\"rule_id\":\"q\",\"hits\":1,\"answered\":0,\"channels\":[],"
    "\"csat\":{\"rated\":0,\"good\":0,\"value\":null},\"reopened\":0,\"reopen_rate\":null}");
  g_autofree char *line = pulse_rule_figures_text_line (json_node_get_object (node));
  g_autofree char *all = pulse_rule_figures_text_channels (json_node_get_object (node));
  g_autofree char *quiet_line = pulse_rule_figures_text_line (json_node_get_object (quiet));

  /* The three largest shares, phone (none answered) left out. */
  g_assert_cmpstr (line, ==, "12 hits · answered automatically: Chat 40 %, Telegram 10 %, "
                   "Viber 5 %, … · CSAT after the answer 80 % · reopened 11 %");
  g_assert_cmpstr (all, ==, "Chat 40 %, Telegram 10 %, Viber 5 %, Email 2 %");
  g_assert_cmpstr (quiet_line, ==, "1 hit");
  g_assert_null (pulse_rule_figures_text_channels (json_node_get_object (quiet)));
  g_assert_false (pulse_rule_figures_text_never_fired (json_node_get_object (quiet)));
}

static void
test_replay (void)
{
  g_autoptr(JsonNode) fresh = pulse_test_parse (
    "{\"days\":30,\"contacts\":3400,\"matches\":15,\"caught\":12,\"sample\":[],"
    "\"answered\":null}");
  g_autoptr(JsonNode) edited = pulse_test_parse (
    "{\"days\":1,\"contacts\":1,\"matches\":1,\"caught\":1,\"sample\":[],\"answered\":"
    "{\"answered\":40,\"csat\":{\"rated\":25,\"good\":20,\"value\":0.8},"
    "\"reopen_rate\":0.1}}");
  g_autofree char *fresh_text = pulse_rule_figures_text_replay (json_node_get_object (fresh));
  g_autofree char *edited_text = pulse_rule_figures_text_replay (json_node_get_object (edited));
  g_autofree char *answered = pulse_rule_figures_text_answered (json_node_get_object (edited));

  g_assert_cmpstr (fresh_text, ==, "Would catch 12 of 3400 contacts in the last 30 days. Its "
                   "conditions also hold on 3 contacts earlier rules take.");
  g_assert_cmpstr (edited_text, ==, "Would catch 1 of 1 contacts in the last 1 day.");
  g_assert_cmpstr (answered, ==, "As saved, it answered 40 contacts automatically: CSAT after "
                   "the answer 80 %, reopened 10 %.");
  g_assert_null (pulse_rule_figures_text_answered (json_node_get_object (fresh)));
}

static void
test_phrases (void)
{
  g_autofree char *fixed = pulse_rule_figures_text_correct ("Пeревод и oплата, helloж");
  g_autofree char *clean = pulse_rule_figures_text_correct ("перевод");
  g_autofree char *warning = pulse_rule_figures_text_phrase_warning ("Kартку вкрали");
  g_autofree char *stuck = pulse_rule_figures_text_phrase_warning ("helloж");

  /* Two words corrected, offsets kept from the end; helloж has none. */
  g_assert_cmpstr (fixed, ==, "Перевод и оплата, helloж");
  g_assert_cmpstr (clean, ==, "перевод");
  g_assert_cmpstr (warning, ==, "“Kартку” mixes Latin and Cyrillic letters. Rules compare the "
                   "corrected spelling: “Картку вкрали”.");
  g_assert_cmpstr (stuck, ==, "“helloж” mixes Latin and Cyrillic letters that have no "
                   "look-alike in the other alphabet; type it again in one alphabet.");
  g_assert_null (pulse_rule_figures_text_phrase_warning ("картку"));
  g_assert_null (pulse_rule_figures_text_phrase_warning (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/rule-figures-text/line", test_line);
  g_test_add_func ("/pulse/ui/rule-figures-text/replay", test_replay);
  g_test_add_func ("/pulse/ui/rule-figures-text/phrases", test_phrases);

  return g_test_run ();
}
