/* test-rule-shadow.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shadowed rules (src/core/pulse-rule-shadow.c): an earlier enabled rule
 * whose conditions accept every contact a later one accepts.
 */

#include "config.h"

#include "pulse-rule-shadow.h"
#include "pulse-test-rules.h"

typedef struct
{
  const char *earlier_phrases;
  const char *earlier_extra;
  const char *later_phrases;
  const char *later_extra;
  gboolean    covers;
} CoverCase;

static const CoverCase cover_cases[] = {
  /* Same phrase, same mode. */
  { PHRASE ("перевод", "whole-word", "any"), NULL, PHRASE ("перевод", "whole-word", "any"), NULL,
    TRUE },
  /* Case, ё and a Latin look-alike fold away. */
  { PHRASE ("Перевод не дошёл", "phrase", "any"), NULL,
    PHRASE ("пeревод не дошел", "phrase", "body"), NULL, TRUE },
  /* Fewer words anywhere cover a longer phrase holding them. */
  { PHRASE ("деньги", "whole-word", "any"), NULL, PHRASE ("не пришли деньги", "phrase", "any"),
    NULL, TRUE },
  { PHRASE ("деньги пришли", "whole-word", "any"), NULL,
    PHRASE ("пришли мне деньги", "whole-word", "any"), NULL, TRUE },
  /* A whole word does not cover a prefix: «картки» has no word «картка». */
  { PHRASE ("картка", "whole-word", "any"), NULL, PHRASE ("картка", "prefix", "any"), NULL,
    FALSE },
  /* A run inside a longer phrase. */
  { PHRASE ("не дошел", "phrase", "any"), NULL, PHRASE ("перевод не дошел вчера", "phrase", "any"),
    NULL, TRUE },
  { PHRASE ("дошел не", "phrase", "any"), NULL, PHRASE ("перевод не дошел", "phrase", "any"),
    NULL, FALSE },
  /* A one-word phrase covers a whole-word phrase with that word. */
  { PHRASE ("картку", "phrase", "any"), NULL, PHRASE ("заблокували картку", "whole-word", "any"),
    NULL, TRUE },
  { PHRASE ("картку заблоковано", "phrase", "any"), NULL,
    PHRASE ("картку заблоковано", "whole-word", "any"), NULL, FALSE },
  /* Prefixes: a shorter start covers a longer one and whole words. */
  { PHRASE ("заблок", "prefix", "any"), NULL, PHRASE ("заблокирована", "prefix", "any"), NULL,
    TRUE },
  { PHRASE ("заблок", "prefix", "any"), NULL, PHRASE ("карта заблокирована", "phrase", "any"),
    NULL, TRUE },
  { PHRASE ("заблок", "prefix", "any"), NULL, PHRASE ("заблокирована", "whole-word", "any"),
    NULL, TRUE },
  { PHRASE ("заблокирована", "prefix", "any"), NULL, PHRASE ("заблок", "prefix", "any"), NULL,
    FALSE },
  /* Fields: "any" covers one field; one field does not cover "any". */
  { PHRASE ("кредит", "whole-word", "subject"), NULL, PHRASE ("кредит", "whole-word", "any"),
    NULL, FALSE },
  { PHRASE ("кредит", "whole-word", "subject"), NULL, PHRASE ("кредит", "whole-word", "body"),
    NULL, FALSE },
  /* Every phrase of the later rule needs cover. */
  { PHRASE ("кредит", "whole-word", "any"), NULL,
    PHRASE ("кредит", "whole-word", "any") "," PHRASE ("позика", "whole-word", "any"), NULL,
    FALSE },
  { PHRASE ("кредит", "whole-word", "any") "," PHRASE ("позика", "whole-word", "any"), NULL,
    PHRASE ("позика", "whole-word", "any"), NULL, TRUE },
  /* No phrases: matches on the other conditions alone. */
  { "", NULL, PHRASE ("кредит", "whole-word", "any"), NULL, TRUE },
  { PHRASE ("кредит", "whole-word", "any"), NULL, "", NULL, FALSE },
  /* A later rule with only wordless phrases never fires: not reported. */
  { "", NULL, PHRASE ("?!", "whole-word", "any"), NULL, FALSE },
  /* Channels and queues: none means all. */
  { "", ",\"channels\":[\"chat\",\"email\"]", "", ",\"channels\":[\"chat\"]", TRUE },
  { "", ",\"channels\":[\"chat\"]", "", ",\"channels\":[\"chat\",\"email\"]", FALSE },
  { "", ",\"channels\":[\"chat\"]", "", NULL, FALSE },
  { "", NULL, "", ",\"queue_ids\":[\"q-ua\"]", TRUE },
  { "", ",\"queue_ids\":[\"q-ua\"]", "", NULL, FALSE },
  /* Tags: the earlier rule may ask for fewer. */
  { "", ",\"tags\":[\"vip\"]", "", ",\"tags\":[\"vip\",\"card\"]", TRUE },
  { "", ",\"tags\":[\"vip\",\"card\"]", "", ",\"tags\":[\"vip\"]", FALSE },
  /* Language: "uk" accepts "uk-UA"; none accepts all. */
  { "", ",\"language\":\"uk\"", "", ",\"language\":\"uk-UA\"", TRUE },
  { "", ",\"language\":\"uk\"", "", NULL, FALSE },
  { "", ",\"language\":\"uk\"", "", ",\"language\":\"ru\"", FALSE },
  /* Windows: 22:00–06:00 contains 23:00–05:00, not 05:00–07:00. */
  { "", ",\"active_from\":1320,\"active_to\":360", "", ",\"active_from\":1380,\"active_to\":300",
    TRUE },
  { "", ",\"active_from\":1320,\"active_to\":360", "", ",\"active_from\":300,\"active_to\":420",
    FALSE },
  { "", NULL, "", ",\"active_from\":540,\"active_to\":1080", TRUE },
  { "", ",\"active_from\":540,\"active_to\":1080", "", NULL, FALSE },
};

static void
test_covers_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cover_cases); i++)
    {
      const CoverCase *c = &cover_cases[i];
      g_autoptr(PulseRule) earlier = make_rule ("a", 1, TRUE, c->earlier_phrases,
                                                c->earlier_extra);
      g_autoptr(PulseRule) later = make_rule ("b", 2, TRUE, c->later_phrases, c->later_extra);

      g_test_message ("case %u", i);
      g_assert_cmpint (pulse_rule_covers (earlier, later), ==, c->covers);
    }
}

static void
test_find_shadow (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  PulseRule *broad_off = make_rule ("broad-off", 1, FALSE, PHRASE ("карт", "prefix", "any"),
                                    NULL);
  PulseRule *broad = make_rule ("broad", 3, TRUE, PHRASE ("карт", "prefix", "any"), NULL);
  PulseRule *also = make_rule ("also", 3, TRUE, PHRASE ("карт", "prefix", "any"), NULL);
  PulseRule *narrow = make_rule ("narrow", 5, FALSE, PHRASE ("картку заблоковано", "phrase",
                                                             "any"), NULL);
  PulseRule *other = make_rule ("other", 6, TRUE, PHRASE ("кредит", "whole-word", "any"), NULL);

  /* Given out of order: the search goes by execution order. */
  g_ptr_array_add (rules, g_object_ref (narrow));
  g_ptr_array_add (rules, g_object_ref (also));
  g_ptr_array_add (rules, g_object_ref (other));
  g_ptr_array_add (rules, g_object_ref (broad));
  g_ptr_array_add (rules, g_object_ref (broad_off));

  /* The switched-off earlier rule does not count; of the two at
   * position 3, "also" runs first (ids break ties). A disabled rule can
   * still be shadowed. */
  g_assert_true (pulse_rule_find_shadow (rules, narrow) == also);
  /* "broad" runs after "also", which covers it. */
  g_assert_true (pulse_rule_find_shadow (rules, broad) == also);
  g_assert_null (pulse_rule_find_shadow (rules, also));
  g_assert_null (pulse_rule_find_shadow (rules, other));
  /* Nothing runs before the first rule. */
  g_assert_null (pulse_rule_find_shadow (rules, broad_off));

  g_object_unref (broad_off);
  g_object_unref (broad);
  g_object_unref (also);
  g_object_unref (narrow);
  g_object_unref (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/rule-shadow/covers", test_covers_table);
  g_test_add_func ("/pulse/core/rule-shadow/find", test_find_shadow);

  return g_test_run ();
}
