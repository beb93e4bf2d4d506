/* test-text-cases.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of Russian and Ukrainian spellings as customers type them —
 * look-alike Latin letters, case, ё, apostrophes, invisible characters,
 * decomposed letters, near-miss spellings — each checked three ways: the
 * folded form (pulse_text_normalize()), the look-alike warning with its
 * corrected spelling (pulse_text_find_mixed_scripts()), and whether a
 * rule phrase matches it (the matcher the server runs).
 */

#include "config.h"

#include "pulse-test-rules.h"
#include "pulse-text.h"

typedef struct
{
  const char *text;        /* what the customer wrote */
  const char *normalized;  /* pulse_text_normalize (text) */
  const char *mixed;       /* the one word warned about, or NULL for none */
  const char *corrected;   /* its corrected spelling (NULL: none possible) */
  const char *phrase;      /* a rule phrase … */
  const char *mode;        /* … in this mode */
  gboolean    matches;     /* whether it fires on text */
} TextCase;

static const TextCase cases[] = {
  /* Russian: a Latin letter hides in a Cyrillic word. */
  { "Пeревод не дошёл", "пeревод не дошел", "Пeревод", "Перевод",
    "перевод не дошел", "phrase", TRUE },
  { "Где моя oплата?", "где моя oплата?", "oплата", "оплата", "оплата", "whole-word", TRUE },
  { "cчёт списан дважды", "cчет списан дважды", "cчёт", "счёт", "счет", "whole-word", TRUE },
  { "Bозврат средств", "bозврат средств", "Bозврат", "Возврат", "возврат средств", "phrase",
    TRUE },
  { "xочу закрыть кредит", "xочу закрыть кредит", "xочу", "хочу", "хочу закрыть", "phrase",
    TRUE },
  { "кaртoчка не работает", "кaртoчка не работает", "кaртoчка", "карточка", "карточк",
    "prefix", TRUE },
  /* Mostly Latin, but П and Д have no Latin look-alike: warned, not
   * corrected (only a tie falls back to the other script), no match. */
  { "ПEPEBOД ЗАВИС", "пepeboд завис", "ПEPEBOД", NULL, "перевод", "whole-word", FALSE },
  { "Тpанзакция отклонена", "тpанзакция отклонена", "Тpанзакция", "Транзакция", "транзакц",
    "prefix", TRUE },
  { "нет дocтупа к кабинету", "нет дocтупа к кабинету", "дocтупа", "доступа",
    "нет доступа", "phrase", TRUE },
  /* Russian: case, ё, decomposed letters, invisible characters. */
  { "КАРТА ЗАБЛОКИРОВАНА", "карта заблокирована", NULL, NULL, "карта заблокирована", "phrase",
    TRUE },
  { "Деньги пришли на счёт", "деньги пришли на счет", NULL, NULL, "счет", "whole-word", TRUE },
  { "деньги приш\u0435\u0308л", "деньги пришел", NULL, NULL, "пришел", "whole-word", TRUE },
  { "мои\u0306 счет", "мой счет", NULL, NULL, "мой счет", "phrase", TRUE },
  { "пере\u00ADвод", "перевод", NULL, NULL, "перевод", "whole-word", TRUE },
  { "кре\u200Bдит одобрен", "кредит одобрен", NULL, NULL, "кредит", "whole-word", TRUE },
  { "не\u00A0пришли деньги", "не пришли деньги", NULL, NULL, "не пришли деньги", "phrase",
    TRUE },
  { "перевод — не дошёл", "перевод - не дошел", NULL, NULL, "перевод не дошел", "phrase",
    TRUE },
  /* Russian near misses that must not match. */
  { "Деньги не пришли", "деньги не пришли", NULL, NULL, "не пришли деньги", "phrase", FALSE },
  { "мои счета", "мои счета", NULL, NULL, "мой", "whole-word", FALSE },
  { "Безденежье", "безденежье", NULL, NULL, "деньги", "whole-word", FALSE },
  { "разблокировали карту", "разблокировали карту", NULL, NULL, "заблок", "prefix", FALSE },
  /* Ukrainian: Latin look-alikes, including і and ї. */
  { "Kартку заблоковано", "kартку заблоковано", "Kартку", "Картку", "картку заблоковано",
    "phrase", TRUE },
  { "вiдшкодування коштів", "вiдшкодування коштів", "вiдшкодування", "відшкодування",
    "відшкодування", "whole-word", TRUE },
  { "Гpивня не надійшла", "гpивня не надійшла", "Гpивня", "Гривня", "гривня", "whole-word",
    TRUE },
  { "Iнтернет банкінг", "iнтернет банкінг", "Iнтернет", "Інтернет", "інтернет банкінг",
    "phrase", TRUE },
  { "повернення кoштів", "повернення кoштів", "кoштів", "коштів", "повернення коштів",
    "phrase", TRUE },
  /* Ukrainian: apostrophes, case, prefixes. */
  { "об’єднати рахунки", "об'єднати рахунки", NULL, NULL, "об'єднати", "whole-word", TRUE },
  { "обʼєднати рахунки", "об'єднати рахунки", NULL, NULL, "об'єднати рахунки", "phrase", TRUE },
  { "гроші з‘явилися", "гроші з'явилися", NULL, NULL, "з'явилися", "whole-word", TRUE },
  { "ПОВЕРНЕННЯ КОШТІВ", "повернення коштів", NULL, NULL, "повернення коштів", "phrase", TRUE },
  { "картку заблокували вчора", "картку заблокували вчора", NULL, NULL, "заблок", "prefix",
    TRUE },
  /* Ukrainian near misses: і/и, ґ/г and case endings are real letters. */
  { "кредіт", "кредіт", NULL, NULL, "кредит", "whole-word", FALSE },
  { "Ґарантія", "ґарантія", NULL, NULL, "гарантія", "whole-word", FALSE },
  { "картки немає", "картки немає", NULL, NULL, "картка", "whole-word", FALSE },
  { "розблокували картку", "розблокували картку", NULL, NULL, "заблок", "prefix", FALSE },
  /* A Cyrillic letter hides in a Latin word; a mix with no correction. */
  { "оплата Visа", "оплата visа", "Visа", "Visa", "visa", "whole-word", TRUE },
  { "кодж helloж", "кодж helloж", "helloж", NULL, "hello", "whole-word", FALSE },
};

static void
check_case (const TextCase *c)
{
  g_autofree char *normalized = pulse_text_normalize (c->text);
  g_autoptr(GPtrArray) warnings = pulse_text_find_mixed_scripts (c->text);
  g_autofree char *phrase = g_strdup_printf ("{\"text\":\"%s\",\"mode\":\"%s\","
                                             "\"field\":\"body\"}", c->phrase, c->mode);
  g_autoptr(PulseRuleMatcher) matcher = matcher_of (make_rule ("r", 1, TRUE, phrase, NULL),
                                                    NULL);
  g_autoptr(PulseRuleMatchResult) result = evaluate (matcher, NULL, c->text);

  g_assert_cmpstr (normalized, ==, c->normalized);
  if (c->mixed == NULL)
    g_assert_cmpuint (warnings->len, ==, 0);
  else
    {
      const PulseTextWarning *warning = NULL;

      g_assert_cmpuint (warnings->len, ==, 1);
      warning = g_ptr_array_index (warnings, 0);
      g_assert_cmpstr (warning->word, ==, c->mixed);
      g_assert_cmpstr (warning->corrected, ==, c->corrected);
    }
  g_assert_cmpuint (pulse_rule_match_result_get_n_matches (result), ==, c->matches ? 1 : 0);
}

static void
test_table (void)
{
  guint russian = 21, ukrainian = 14;

  /* The table is the brief's floor of 30 cases, and more. */
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);
  g_assert_cmpuint (russian + ukrainian + 2, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].text);
      check_case (&cases[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/text-cases/russian-and-ukrainian", test_table);

  return g_test_run ();
}
