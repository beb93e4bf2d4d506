/* test-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected offsets are counted by hand: ASCII takes one byte, Latin-1 and
 * Cyrillic letters two, ’ – — and the zero-width characters three.
 */

#include "config.h"

#include <string.h>

#include "pulse-text.h"

typedef struct
{
  gsize       start;
  gsize       end;
  const char *key;
} ExpectedWord;

static void
assert_words (const char         *text,
              const ExpectedWord *expected,
              guint               n_expected)
{
  g_autoptr(GArray) words = pulse_text_tokenize (text);

  g_assert_cmpuint (words->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const PulseTextWord *word = &g_array_index (words, PulseTextWord, i);

      g_assert_cmpuint (word->start, ==, expected[i].start);
      g_assert_cmpuint (word->end, ==, expected[i].end);
      g_assert_cmpstr (word->key, ==, expected[i].key);
    }
}

#define ASSERT_WORDS(text, ...) \
  G_STMT_START { \
    static const ExpectedWord expected_[] = { __VA_ARGS__ }; \
    assert_words ((text), expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

static void
assert_normalized (const char *text,
                   const char *expected)
{
  g_autofree char *normalized = pulse_text_normalize (text);

  g_assert_cmpstr (normalized, ==, expected);
}

static void
test_normalize (void)
{
  assert_normalized ("ПЕРЕВОД не дошёл", "перевод не дошел");
  assert_normalized ("Ёлка", "елка");
  /* е + combining diaeresis composes to ё first, which then folds. */
  assert_normalized ("е\u0308ж", "еж");
  assert_normalized ("Do\u0301nde", "dónde");
  assert_normalized ("¿Dónde está mi PRÉSTAMO?", "¿dónde está mi préstamo?");
  assert_normalized ("М’ЯТА, м‘ята, мʼята, м`ята, м´ята", "м'ята, м'ята, м'ята, м'ята, м'ята");
  assert_normalized ("Алма–Ата — город", "алма-ата - город");
  assert_normalized ("100\u00A0грн\u2003и\u202Fвсе\tтут", "100 грн и все тут");
  assert_normalized ("пере\u00ADвод\u200B", "перевод");
  assert_normalized ("Straße", "strasse");
  /* ŉ folds to ʼn, whose modifier apostrophe is then one apostrophe too
   * (a fuzzer found folding the folded text changed it). */
  assert_normalized ("\u0149 ден", "'n ден");
  assert_normalized ("ҚАЗАҚСТАН ӘЛЕМІ", "қазақстан әлемі");
  assert_normalized ("ЇЖАК І ҐАНОК", "їжак і ґанок");
  assert_normalized ("a\xff" "b", "a\uFFFDb");
  assert_normalized ("", "");
  assert_normalized (NULL, "");
}

static void
test_words_russian (void)
{
  ASSERT_WORDS ("Не пришли деньги",
                { 0, 4, "не" }, { 5, 17, "пришли" }, { 18, 30, "деньги" });
  ASSERT_WORDS ("ПЕРЕВОД не дошёл!",
                { 0, 14, "перевод" }, { 15, 19, "не" }, { 20, 30, "дошел" });
}

static void
test_words_ukrainian (void)
{
  ASSERT_WORDS ("Змінити номер телефону",
                { 0, 14, "змінити" }, { 15, 25, "номер" }, { 26, 42, "телефону" });
  /* ’ is three bytes and stays inside the word as '. */
  ASSERT_WORDS ("М’ята свіжа", { 0, 11, "м'ята" }, { 12, 22, "свіжа" });
  ASSERT_WORDS ("пʼять", { 0, 10, "п'ять" });
}

static void
test_words_spanish (void)
{
  ASSERT_WORDS ("¿Dónde está mi préstamo?",
                { 2, 8, "dónde" }, { 9, 14, "está" }, { 15, 17, "mi" }, { 18, 27, "préstamo" });
}

static void
test_words_kazakh (void)
{
  ASSERT_WORDS ("Қарызды қалай төлеймін?",
                { 0, 14, "қарызды" }, { 15, 25, "қалай" }, { 26, 42, "төлеймін" });
}

static void
test_words_joiners (void)
{
  ASSERT_WORDS ("wi-fi, well--known 'quoted' students' rock-",
                { 0, 5, "wi-fi" }, { 7, 11, "well" }, { 13, 18, "known" },
                { 20, 26, "quoted" }, { 28, 36, "students" }, { 38, 42, "rock" });
  /* U+2011 non-breaking hyphen joins and folds to '-'. */
  ASSERT_WORDS ("онлайн\u2011банк", { 0, 23, "онлайн-банк" });
  /* An em dash separates even without spaces. */
  ASSERT_WORDS ("Москва—Киев", { 0, 12, "москва" }, { 15, 23, "киев" });
  ASSERT_WORDS ("Москва–Киев", { 0, 12, "москва" }, { 15, 23, "киев" });
}

static void
test_words_spaces_and_invisibles (void)
{
  ASSERT_WORDS ("100\u00A0грн", { 0, 3, "100" }, { 5, 11, "грн" });
  /* A soft hyphen (2 bytes) inside a word is skipped, not a break. */
  ASSERT_WORDS ("пере\u00ADвод", { 0, 16, "перевод" });
  ASSERT_WORDS ("пере\u200Bвод", { 0, 17, "перевод" });
  /* Outside a word an invisible character is not part of it. */
  ASSERT_WORDS ("\u200Bда\u200B", { 3, 7, "да" });
}

static void
test_words_marks (void)
{
  /* е + U+0308 is one word of 6 bytes; its key is composed and folded. */
  ASSERT_WORDS ("е\u0308ж", { 0, 6, "еж" });
  /* A stray combining mark starts no word. */
  ASSERT_WORDS ("\u0301да", { 2, 6, "да" });
}

static void
test_words_invalid_utf8 (void)
{
  ASSERT_WORDS ("ab\xff" "cd", { 0, 2, "ab" }, { 3, 5, "cd" });
  ASSERT_WORDS ("да\xd0", { 0, 4, "да" });
}

static void
test_words_empty (void)
{
  g_autoptr(GArray) none = pulse_text_tokenize (NULL);
  g_autoptr(GArray) empty = pulse_text_tokenize ("");
  g_autoptr(GArray) punctuation = pulse_text_tokenize ("?! -- ... «» \t\n\u3000\u00A0");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punctuation->len, ==, 0);
}

static void
test_words_huge (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GArray) words = NULL;
  const PulseTextWord *word;

  for (guint i = 0; i < 32768; i++)
    g_string_append (many, "A ");
  words = pulse_text_tokenize (many->str);
  g_assert_cmpuint (words->len, ==, 32768);
  word = &g_array_index (words, PulseTextWord, 32767);
  g_assert_cmpuint (word->start, ==, 65534);
  g_assert_cmpuint (word->end, ==, 65535);
  g_assert_cmpstr (word->key, ==, "a");
  g_clear_pointer (&words, g_array_unref);

  for (guint i = 0; i < 65536; i++)
    g_string_append (long_word, "Я");
  words = pulse_text_tokenize (long_word->str);
  g_assert_cmpuint (words->len, ==, 1);
  word = &g_array_index (words, PulseTextWord, 0);
  g_assert_cmpuint (word->start, ==, 0);
  g_assert_cmpuint (word->end, ==, 131072);
  g_assert_cmpuint (strlen (word->key), ==, 131072);
  g_assert_true (g_str_has_prefix (word->key, "яяя"));
}

static void
assert_mixed (const char *text,
              gsize       start,
              gsize       end,
              const char *corrected,
              const char *key)
{
  g_autoptr(GArray) words = pulse_text_tokenize (text);
  const PulseTextWord *word = NULL;

  for (guint i = 0; i < words->len && word == NULL; i++)
    {
      if (g_array_index (words, PulseTextWord, i).mixed)
        word = &g_array_index (words, PulseTextWord, i);
    }

  g_assert_nonnull (word);
  g_assert_cmpuint (word->start, ==, start);
  g_assert_cmpuint (word->end, ==, end);
  g_assert_cmpstr (word->corrected, ==, corrected);
  g_assert_cmpstr (word->key, ==, key);
}

static void
test_mixed_latin_in_cyrillic (void)
{
  /* Latin o: 1 byte, then 5 Cyrillic letters of 2 bytes. */
  assert_mixed ("oплата", 0, 11, "оплата", "оплата");
  assert_mixed ("Где моя oплата?", 14, 25, "оплата", "оплата");
  /* Capital Latin P inside capitals; case is kept in the correction. */
  assert_mixed ("ПPИВЕТ", 0, 11, "ПРИВЕТ", "привет");
  /* Ukrainian: Latin K and Latin i. */
  assert_mixed ("Kиїв", 0, 7, "Київ", "київ");
  assert_mixed ("свiжа", 0, 9, "свіжа", "свіжа");
  /* Kazakh: Latin h is the look-alike of һ. */
  assert_mixed ("шаhар", 0, 9, "шаһар", "шаһар");
}

static void
test_mixed_cyrillic_in_latin (void)
{
  /* Cyrillic а (2 bytes) in "Bank". */
  assert_mixed ("Bаnk", 0, 5, "Bank", "bank");
  /* Spanish with a Cyrillic о at the end. */
  assert_mixed ("mi préstamо", 3, 13, "préstamo", "préstamo");
  /* Cyrillic н in a Latin word becomes h, one way. */
  assert_mixed ("Tнanks", 0, 7, "Thanks", "thanks");
}

static void
test_mixed_ties (void)
{
  /* One letter each: the text's other words decide, else Cyrillic. */
  assert_mixed ("Оk", 0, 3, "Ок", "ок");
  assert_mixed ("Оk thanks", 0, 3, "Ok", "ok");
  assert_mixed ("Оk спасибо", 0, 3, "Ок", "ок");
  /* Latin is preferred but ж has no Latin look-alike: Cyrillic. */
  assert_mixed ("жo hello", 0, 3, "жо", "жо");
}

static void
test_mixed_uncorrectable (void)
{
  /* Latin majority, and ж has no Latin look-alike. */
  assert_mixed ("helloж", 0, 7, NULL, "helloж");
  /* A tie where neither side converts: w has no Cyrillic look-alike. */
  assert_mixed ("wж", 0, 3, NULL, "wж");
}

static void
test_mixed_hyphen_parts (void)
{
  g_autoptr(GPtrArray) none = pulse_text_find_mixed_scripts ("SMS-код и Wi-Fi-роутер, PDF-файл");

  g_assert_cmpuint (none->len, ==, 0);
  /* Each part is judged alone: only "кoд" (Latin o) is mixed. */
  assert_mixed ("SMS-кoд", 0, 9, "SMS-код", "sms-код");
}

static void
test_find_mixed_scripts (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  const PulseTextWarning *warning;
  g_autoptr(PulseTextWarning) copy = NULL;

  /* "Пpoшу" has Latin p and o; "helloж" cannot be corrected. */
  warnings = pulse_text_find_mixed_scripts ("Пpoшу вернуть деньги, helloж");
  g_assert_cmpuint (warnings->len, ==, 2);

  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpuint (warning->start, ==, 0);
  g_assert_cmpuint (warning->end, ==, 8);
  g_assert_cmpstr (warning->word, ==, "Пpoшу");
  g_assert_cmpstr (warning->corrected, ==, "Прошу");

  warning = g_ptr_array_index (warnings, 1);
  g_assert_cmpuint (warning->start, ==, 38);
  g_assert_cmpuint (warning->end, ==, 45);
  g_assert_cmpstr (warning->word, ==, "helloж");
  g_assert_null (warning->corrected);

  copy = pulse_text_warning_copy (warning);
  g_assert_cmpuint (copy->start, ==, 38);
  g_assert_cmpstr (copy->word, ==, "helloж");
  g_assert_null (copy->corrected);
}

static void
test_find_mixed_scripts_clean (void)
{
  g_autoptr(GPtrArray) russian = pulse_text_find_mixed_scripts ("Оплата картой Visa не прошла");
  g_autoptr(GPtrArray) empty = pulse_text_find_mixed_scripts (NULL);
  g_autoptr(GArray) words = pulse_text_tokenize ("Оплата картой Visa");

  g_assert_cmpuint (russian->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  for (guint i = 0; i < words->len; i++)
    {
      const PulseTextWord *word = &g_array_index (words, PulseTextWord, i);

      g_assert_false (word->mixed);
      g_assert_null (word->corrected);
      g_assert_true (word->key == word->folded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/text/normalize", test_normalize);
  g_test_add_func ("/pulse/core/text/words-russian", test_words_russian);
  g_test_add_func ("/pulse/core/text/words-ukrainian", test_words_ukrainian);
  g_test_add_func ("/pulse/core/text/words-spanish", test_words_spanish);
  g_test_add_func ("/pulse/core/text/words-kazakh", test_words_kazakh);
  g_test_add_func ("/pulse/core/text/words-joiners", test_words_joiners);
  g_test_add_func ("/pulse/core/text/words-spaces-and-invisibles",
                   test_words_spaces_and_invisibles);
  g_test_add_func ("/pulse/core/text/words-marks", test_words_marks);
  g_test_add_func ("/pulse/core/text/words-invalid-utf8", test_words_invalid_utf8);
  g_test_add_func ("/pulse/core/text/words-empty", test_words_empty);
  g_test_add_func ("/pulse/core/text/words-huge", test_words_huge);
  g_test_add_func ("/pulse/core/text/mixed-latin-in-cyrillic", test_mixed_latin_in_cyrillic);
  g_test_add_func ("/pulse/core/text/mixed-cyrillic-in-latin", test_mixed_cyrillic_in_latin);
  g_test_add_func ("/pulse/core/text/mixed-ties", test_mixed_ties);
  g_test_add_func ("/pulse/core/text/mixed-uncorrectable", test_mixed_uncorrectable);
  g_test_add_func ("/pulse/core/text/mixed-hyphen-parts", test_mixed_hyphen_parts);
  g_test_add_func ("/pulse/core/text/find-mixed-scripts", test_find_mixed_scripts);
  g_test_add_func ("/pulse/core/text/find-mixed-scripts-clean", test_find_mixed_scripts_clean);

  return g_test_run ();
}
