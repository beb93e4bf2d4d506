/* test-rule-figures.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per-rule figures and the replay of a draft (src/core/pulse-rule-figures.c)
 * over five contacts whose figures are counted by hand in each test.
 */

#include "config.h"

#include "pulse-json.h"
#include "pulse-rule-figures.h"
#include "pulse-test-rules.h"

/* t1 chat: r1's answer, the customer writes again, CSAT 5 after.
 * t2 chat: only r2 («картку») matches; no automatic answer.
 * t3 email: r1's answer, CSAT 2 after; no reply.
 * t4 email: r1 answered it once, but today no rule matches; its CSAT 5
 *   came before the answer, so it does not count.
 * t5 chat: r1 matches; no answer stored. */
static const char * const tickets[] = {
  "{\"id\":\"t1\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"Картка\","
  "\"customer_id\":\"c1\",\"status\":\"open\",\"priority\":\"normal\","
  "\"created_at\":\"2026-11-20T10:00:00Z\",\"messages\":["
  "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T10:00:00Z\","
  "\"body\":\"Картку заблоковано\"},"
  "{\"id\":\"m2\",\"author_kind\":\"rule\",\"rule_id\":\"r1\",\"at\":\"2026-11-20T10:00:01Z\","
  "\"body\":\"Розблокуйте у застосунку\"},"
  "{\"id\":\"m3\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T10:05:00Z\","
  "\"body\":\"Не виходить\"}],"
  "\"ratings\":[{\"kind\":\"csat\",\"score\":5,\"at\":\"2026-11-20T10:10:00Z\"}]}",
  "{\"id\":\"t2\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"Крадіжка\","
  "\"customer_id\":\"c2\",\"status\":\"open\",\"priority\":\"normal\","
  "\"created_at\":\"2026-11-20T11:00:00Z\",\"messages\":["
  "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T11:00:00Z\","
  "\"body\":\"мою картку вкрали\"}],\"ratings\":[]}",
  "{\"id\":\"t3\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"email\",\"subject\":\"Блок\","
  "\"customer_id\":\"c3\",\"status\":\"resolved\",\"priority\":\"normal\","
  "\"created_at\":\"2026-11-20T12:00:00Z\",\"messages\":["
  "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T12:00:00Z\","
  "\"body\":\"КАРТКУ ЗАБЛОКОВАНО!\"},"
  "{\"id\":\"m2\",\"author_kind\":\"rule\",\"rule_id\":\"r1\",\"at\":\"2026-11-20T12:00:01Z\","
  "\"body\":\"Розблокуйте\"}],"
  "\"ratings\":[{\"kind\":\"csat\",\"score\":2,\"at\":\"2026-11-20T13:00:00Z\"}]}",
  "{\"id\":\"t4\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"email\",\"subject\":\"Кредит\","
  "\"customer_id\":\"c4\",\"status\":\"resolved\",\"priority\":\"normal\","
  "\"created_at\":\"2026-11-20T13:00:00Z\",\"messages\":["
  "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T13:00:00Z\","
  "\"body\":\"кредит\"},"
  "{\"id\":\"m2\",\"author_kind\":\"rule\",\"rule_id\":\"r1\",\"at\":\"2026-11-20T13:30:00Z\","
  "\"body\":\"Відповідь\"}],"
  "\"ratings\":[{\"kind\":\"csat\",\"score\":5,\"at\":\"2026-11-20T13:10:00Z\"}]}",
  "{\"id\":\"t5\",\"version\":1,\"queue_id\":\"q\",\"channel\":\"chat\",\"subject\":\"Знову\","
  "\"customer_id\":\"c5\",\"status\":\"open\",\"priority\":\"normal\","
  "\"created_at\":\"2026-11-20T14:00:00Z\",\"messages\":["
  "{\"id\":\"m1\",\"author_kind\":\"customer\",\"at\":\"2026-11-20T14:00:00Z\","
  "\"body\":\"картку заблоковано\"}],\"ratings\":[]}",
};

static GPtrArray *
stored_rules (void)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (rules, make_rule ("r2", 2, TRUE, PHRASE ("картку", "whole-word", "any"),
                                     NULL));
  g_ptr_array_add (rules, make_rule ("r1", 1, TRUE, PHRASE ("картку заблоковано", "phrase",
                                                            "any"), NULL));
  return rules;
}

static void
add_all (PulseRuleFigures *figures)
{
  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      g_autoptr(JsonNode) node = pulse_test_parse (tickets[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PulseTicket) ticket = pulse_ticket_new_from_json (node, &error);

      g_assert_no_error (error);
      g_assert_true (pulse_rule_figures_add (figures, ticket, &error));
      g_assert_no_error (error);
    }
}

static char *
figures_text (JsonNode *node)
{
  return pulse_json_to_string (node);
}

static void
test_per_rule (void)
{
  g_autoptr(GPtrArray) rules = stored_rules ();
  g_autoptr(PulseRuleFigures) figures = pulse_rule_figures_new (rules, NULL, 5);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  add_all (figures);
  g_assert_cmpuint (pulse_rule_figures_get_n_contacts (figures), ==, 5);
  json = pulse_rule_figures_to_json (figures);
  text = figures_text (json);

  /* r1 fires on t1, t3, t5 (last at 14:00); it answered t1, t3, t4: one
   * of three chats (t1), both emails; CSAT after the answer on t1 (5)
   * and t3 (2): one good of two; reopened t1: one of three.
   * r2 fires on t2 only and answered none. */
  g_assert_cmpstr (text, ==,
                   "{\"contacts\":5,\"rules\":["
                   "{\"rule_id\":\"r1\",\"hits\":3,\"last_hit_at\":\"2026-11-20T14:00:00Z\","
                   "\"answered\":3,\"channels\":["
                   "{\"channel\":\"email\",\"contacts\":2,\"answered\":2,\"share\":1.0},"
                   "{\"channel\":\"chat\",\"contacts\":3,\"answered\":1,"
                   "\"share\":0.33333333333333331}],"
                   "\"csat\":{\"rated\":2,\"good\":1,\"value\":0.5},"
                   "\"reopened\":1,\"reopen_rate\":0.33333333333333331},"
                   "{\"rule_id\":\"r2\",\"hits\":1,\"last_hit_at\":\"2026-11-20T11:00:00Z\","
                   "\"answered\":0,\"channels\":["
                   "{\"channel\":\"email\",\"contacts\":2,\"answered\":0,\"share\":0.0},"
                   "{\"channel\":\"chat\",\"contacts\":3,\"answered\":0,\"share\":0.0}],"
                   "\"csat\":{\"rated\":0,\"good\":0,\"value\":null},"
                   "\"reopened\":0,\"reopen_rate\":null}]}");
}

static void
test_replay_new (void)
{
  g_autoptr(GPtrArray) rules = stored_rules ();
  g_autoptr(PulseRule) draft = make_rule ("draft", 0, TRUE, PHRASE ("заблок", "prefix", "any"),
                                          NULL);
  g_autoptr(PulseRuleFigures) figures = pulse_rule_figures_new (rules, draft, 2);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  add_all (figures);
  json = pulse_rule_figures_replay_to_json (figures);
  text = figures_text (json);

  /* «заблок» starts «заблоковано» in t1, t3, t5; first in order, it
   * catches all three; the two latest are kept, newest first. */
  g_assert_cmpstr (text, ==,
                   "{\"contacts\":5,\"matches\":3,\"caught\":3,\"sample\":["
                   "{\"ticket_id\":\"t5\",\"subject\":\"Знову\","
                   "\"at\":\"2026-11-20T14:00:00Z\",\"channel\":\"chat\"},"
                   "{\"ticket_id\":\"t3\",\"subject\":\"Блок\","
                   "\"at\":\"2026-11-20T12:00:00Z\",\"channel\":\"email\"}],"
                   "\"answered\":null}");
}

static void
test_replay_existing (void)
{
  g_autoptr(GPtrArray) rules = stored_rules ();
  g_autoptr(PulseRule) draft = make_rule ("r1", 3, TRUE,
                                          PHRASE ("заблоковано", "whole-word", "any"), NULL);
  g_autoptr(PulseRuleFigures) figures = pulse_rule_figures_new (rules, draft, 10);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *answer;
  JsonObject *answered;

  add_all (figures);
  json = pulse_rule_figures_replay_to_json (figures);
  answer = json_node_get_object (json);

  /* Moved after r2, whose «картку» is in every contact it matches: it
   * would catch nothing. Its past answers still count: 3, CSAT 1 of 2. */
  g_assert_cmpint (json_object_get_int_member (answer, "matches"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (answer, "caught"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "sample")), ==,
                    0);
  answered = json_object_get_object_member (answer, "answered");
  g_assert_cmpstr (json_object_get_string_member (answered, "rule_id"), ==, "r1");
  g_assert_cmpint (json_object_get_int_member (answered, "hits"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (answered, "answered"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (
                       json_object_get_object_member (answered, "csat"), "value"), ==, 0.5);
  g_assert_cmpint (json_object_get_int_member (answered, "reopened"), ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(PulseRule) draft = make_rule ("d", 1, TRUE, "", NULL);
  g_autoptr(PulseRuleFigures) figures = pulse_rule_figures_new (none, draft, 100);
  g_autoptr(JsonNode) json = pulse_rule_figures_replay_to_json (figures);
  g_autoptr(JsonNode) per_rule = pulse_rule_figures_to_json (figures);
  g_autofree char *text = figures_text (json);
  g_autofree char *rules_text = figures_text (per_rule);

  g_assert_cmpstr (text, ==,
                   "{\"contacts\":0,\"matches\":0,\"caught\":0,\"sample\":[],\"answered\":null}");
  g_assert_cmpstr (rules_text, ==,
                   "{\"contacts\":0,\"rules\":[{\"rule_id\":\"d\",\"hits\":0,"
                   "\"last_hit_at\":null,\"answered\":0,\"channels\":[],"
                   "\"csat\":{\"rated\":0,\"good\":0,\"value\":null},"
                   "\"reopened\":0,\"reopen_rate\":null}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-figures/per-rule", test_per_rule);
  g_test_add_func ("/pulse/core/rule-figures/replay-new", test_replay_new);
  g_test_add_func ("/pulse/core/rule-figures/replay-existing", test_replay_existing);
  g_test_add_func ("/pulse/core/rule-figures/empty", test_empty);

  return g_test_run ();
}
