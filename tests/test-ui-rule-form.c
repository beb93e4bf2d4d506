/* test-ui-rule-form.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule editor's values (src/ui/pulse-rule-form.c): a rule round
 * trips through the form, and every mistake is named by its field.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-json.h"
#include "pulse-rule-form.h"
#include "pulse-test-util.h"
#include "pulse-utils.h"

#define FULL_RULE \
  "{\"id\":\"r-1\",\"version\":4,\"name\":\"Card blocked\",\"position\":3,\"enabled\":false," \
  "\"phrases\":[{\"text\":\"картку заблоковано\",\"mode\":\"phrase\",\"field\":\"any\"}," \
  "{\"text\":\"заблок\",\"mode\":\"prefix\",\"field\":\"subject\"}]," \
  "\"channels\":[\"email\",\"chat\"],\"queue_ids\":[\"q-ua\"],\"tags\":[\"vip\",\"card\"]," \
  "\"language\":\"uk\",\"active_from\":1320,\"active_to\":360,\"actions\":[" \
  "{\"kind\":\"auto-reply\",\"value\":\"tpl-card\"},{\"kind\":\"tag\",\"value\":\"cards\"}," \
  "{\"kind\":\"tag\",\"value\":\"blocked\"},{\"kind\":\"route\",\"value\":\"q-cards\"}," \
  "{\"kind\":\"assign\",\"value\":\"agent-7\"},{\"kind\":\"priority\",\"value\":\"high\"}," \
  "{\"kind\":\"close\"}]}"

static PulseRule *
rule_of (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseRule *rule = pulse_rule_new_from_json (node, &error);

  g_assert_no_error (error);
  return rule;
}

static void
test_round_trip (void)
{
  g_autoptr(PulseRule) rule = rule_of (FULL_RULE);
  g_autoptr(PulseRuleForm) form = pulse_rule_form_new (rule, 0);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (form->tags, ==, "vip, card");
  g_assert_cmpstr (form->add_tags, ==, "cards, blocked");
  g_assert_cmpstr (form->active_from, ==, "22:00");
  g_assert_cmpstr (form->active_to, ==, "06:00");
  g_assert_cmpint (form->priority, ==, PULSE_PRIORITY_HIGH);
  g_assert_true (form->close);

  node = pulse_rule_form_to_json (form, &error);
  g_assert_no_error (error);
  text = pulse_json_to_string (node);
  g_assert_cmpstr (text, ==, FULL_RULE);
}

static void
test_new_rule (void)
{
  g_autoptr(PulseRuleForm) form = pulse_rule_form_new (NULL, 7);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  PulseRulePhrase *phrase;

  g_assert_true (form->enabled);
  g_assert_cmpuint (form->phrases->len, ==, 1);
  phrase = g_ptr_array_index (form->phrases, 0);
  g_free (phrase->text);
  phrase->text = g_strdup ("Не пришли деньги");
  form->name = g_strdup ("  Money  ");
  form->add_tags = g_strdup (" money , ,late ");

  node = pulse_rule_form_to_json (form, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "id"), "rule-"));
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "position"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Money");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "actions")),
                    ==, 2);
  g_assert_false (json_object_has_member (object, "active_from"));
}

typedef struct
{
  const char *setup;
  const char *message;
} Mistake;

static void
apply (PulseRuleForm *form,
       const char    *setup)
{
  PulseRulePhrase *phrase = g_ptr_array_index (form->phrases, 0);

  if (g_str_equal (setup, "no name"))
    pulse_set_str (&form->name, " \t");
  else if (g_str_equal (setup, "blank phrase"))
    pulse_set_str (&phrase->text, "   ");
  else if (g_str_equal (setup, "punctuation phrase"))
    pulse_set_str (&phrase->text, "?!");
  else if (g_str_equal (setup, "bad start"))
    {
      form->windowed = TRUE;
      pulse_set_str (&form->active_from, "25:00");
      pulse_set_str (&form->active_to, "06:00");
    }
  else if (g_str_equal (setup, "bad end"))
    {
      form->windowed = TRUE;
      pulse_set_str (&form->active_from, "9:00");
      pulse_set_str (&form->active_to, "18.00");
    }
  else if (g_str_equal (setup, "empty window"))
    {
      form->windowed = TRUE;
      pulse_set_str (&form->active_from, "09:00");
      pulse_set_str (&form->active_to, "9:00");
    }
  else if (g_str_equal (setup, "no action"))
    {
      form->close = FALSE;
      pulse_set_str (&form->add_tags, " , ");
    }
  else
    g_assert_not_reached ();
}

static void
test_mistakes (void)
{
  static const Mistake mistakes[] = {
    { "no name", "Name: give the rule a name the team will recognise." },
    { "blank phrase", "Phrase 1: type the words to look for, or remove the phrase." },
    { "punctuation phrase", "Phrase 1: “?!” has no letters or digits to match." },
    { "bad start", "Time window: the start “25:00” is not a time; write it as HH:MM, from "
      "00:00 to 23:59." },
    { "bad end", "Time window: the end “18.00” is not a time; write it as HH:MM, from 00:00 "
      "to 24:00." },
    { "empty window", "Time window: the start and the end must differ." },
    { "no action", "Actions: choose at least one thing the rule does." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autoptr(PulseRuleForm) form = pulse_rule_form_new (NULL, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      PulseRulePhrase *phrase = g_ptr_array_index (form->phrases, 0);

      pulse_set_str (&form->name, "Rule");
      pulse_set_str (&phrase->text, "кредит");
      form->close = TRUE;
      apply (form, mistakes[i].setup);
      node = pulse_rule_form_to_json (form, &error);
      g_assert_null (node);
      g_assert_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, mistakes[i].message);
    }
}

static void
test_minutes (void)
{
  int minute = -1;

  g_assert_true (pulse_rule_form_parse_minute (" 9:05 ", FALSE, &minute));
  g_assert_cmpint (minute, ==, 545);
  g_assert_true (pulse_rule_form_parse_minute ("24:00", TRUE, &minute));
  /* 00:00–24:00 is the whole day, which the codec accepts. */
  g_assert_cmpint (minute, ==, 1440);
  g_assert_false (pulse_rule_form_parse_minute ("24:00", FALSE, &minute));
  g_assert_false (pulse_rule_form_parse_minute ("24:01", TRUE, &minute));
  g_assert_false (pulse_rule_form_parse_minute ("12:5", FALSE, &minute));
  g_assert_false (pulse_rule_form_parse_minute ("12:60", FALSE, &minute));
  g_assert_false (pulse_rule_form_parse_minute ("", FALSE, &minute));
  g_assert_false (pulse_rule_form_parse_minute (NULL, FALSE, &minute));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/ui/rule-form/round-trip", test_round_trip);
  g_test_add_func ("/pulse/ui/rule-form/new-rule", test_new_rule);
  g_test_add_func ("/pulse/ui/rule-form/mistakes", test_mistakes);
  g_test_add_func ("/pulse/ui/rule-form/minutes", test_minutes);

  return g_test_run ();
}
