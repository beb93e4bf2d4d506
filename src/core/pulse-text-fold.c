/* pulse-text-fold.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each character is to a word, and how words fold for matching
 * (see pulse-text.h).
 */

#include "config.h"

#include "pulse-text-private.h"

/* Typographic apostrophes. Ukrainian writes «м’ята» as often as «м'ята»;
 * ʼ (U+02BC) is the recommended one, ` and ´ are what keyboards give. */
static gboolean
is_apostrophe (gunichar c)
{
  switch (c)
    {
    case '\'': case '`': case 0x00B4: case 0x02BC: case 0x2018: case 0x2019:
    case 0x2032: case 0xFF07:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Hyphens join the parts of a word ("wi-fi", «онлайн-банк»). */
static gboolean
is_hyphen (gunichar c)
{
  switch (c)
    {
    case '-': case 0x2010: case 0x2011: case 0xFE63: case 0xFF0D:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Dashes fold to "-" like hyphens but separate words: «Москва–Киев» and
 * "a — b" are two words each. */
static gboolean
is_dash (gunichar c)
{
  switch (c)
    {
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0x2E3A: case 0x2E3B:
      return TRUE;
    default:
      return is_hyphen (c);
    }
}

/* Invisible characters; inside a word they are what splits a word to slip
 * past a keyword filter, so they are skipped rather than separating. */
static gboolean
is_ignorable (gunichar c)
{
  switch (c)
    {
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * _pulse_text_next_char:
 * @p: the current position, before @end
 * @end: the end of the text
 * @length: (out): the bytes the character takes; 1 for an invalid byte
 *
 * Returns: the character at @p, or `(gunichar) -1` for a byte that does
 *   not start valid UTF-8.
 */
gunichar
_pulse_text_next_char (const char *p,
                       const char *end,
                       gsize      *length)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    {
      *length = 1;
      return (guchar) *p;
    }

  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *length = 1;
      return PULSE_TEXT_INVALID_CHAR;
    }

  *length = g_utf8_next_char (p) - p;
  return c;
}

/**
 * _pulse_text_classify:
 * @c: a character
 *
 * Returns: the part @c plays in a word.
 */
PulseTextCharClass
_pulse_text_classify (gunichar c)
{
  if (c < 0x80)
    {
      if (g_ascii_isalnum (c))
        return PULSE_TEXT_CHAR_WORD;
      return c == '\'' || c == '`' || c == '-' ? PULSE_TEXT_CHAR_JOINER : PULSE_TEXT_CHAR_SEPARATOR;
    }
  if (c > 0x10FFFF)
    return PULSE_TEXT_CHAR_SEPARATOR;
  /* Before the type switch: U+02BC is a modifier letter. */
  if (is_apostrophe (c) || is_hyphen (c))
    return PULSE_TEXT_CHAR_JOINER;
  if (is_ignorable (c))
    return PULSE_TEXT_CHAR_IGNORABLE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER: case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER: case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER: case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER: case G_UNICODE_OTHER_NUMBER:
      return PULSE_TEXT_CHAR_WORD;
    case G_UNICODE_NON_SPACING_MARK: case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return PULSE_TEXT_CHAR_MARK;
    default:
      return PULSE_TEXT_CHAR_SEPARATOR;
    }
}

/* Latin up to the IPA block and all of basic Cyrillic (with the Kazakh and
 * Ukrainian letters) are precomposed, so text made only of them is
 * already NFC and skips g_utf8_normalize(), which dominates the cost. */
static gboolean
is_quick_nfc (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if (c >= 0x0300 && (c < 0x0400 || c >= 0x0500))
        return FALSE;
    }

  return TRUE;
}

/* Takes @text and returns it in NFC. */
static char *
compose (char *text)
{
  char *composed;

  if (is_quick_nfc (text))
    return text;

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_free (text);
  return composed;
}

static char *
fold_ascii (const char *text,
            gsize       length)
{
  char *folded = g_strndup (text, length);

  for (char *p = folded; *p != '\0'; p++)
    {
      if (*p == '`')
        *p = '\'';
      else if (g_ascii_isspace (*p))
        *p = ' ';
      else
        *p = g_ascii_tolower (*p);
    }

  return folded;
}

/* Basic Cyrillic with its supplement (Ukrainian, Kazakh) case-folds one
 * letter to one letter of the same UTF-8 length, as ASCII does, and is
 * NFC as it stands. */
static gboolean
folds_simply (gunichar c)
{
  return c < 0x80 || (c >= 0x0400 && c < 0x0530);
}

/* Copies @text with the typographic variants mapped; returns whether
 * every character folds simply. */
static gboolean
append_mapped (GString    *out,
               const char *text,
               gsize       length)
{
  const char *end = text + length;
  gboolean simple = TRUE;
  gsize char_length;

  for (const char *p = text; p < end; p += char_length)
    {
      gunichar c = _pulse_text_next_char (p, end, &char_length);

      if (c == PULSE_TEXT_INVALID_CHAR)
        g_string_append_unichar (out, 0xFFFD);
      else if (is_ignorable (c))
        continue;
      else if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else if (is_dash (c))
        g_string_append_c (out, '-');
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, char_length);
      simple &= c != PULSE_TEXT_INVALID_CHAR && folds_simply (c);
    }

  return simple;
}

/* In place: lower-cases text that folds simply (when @simple), and turns
 * ё into е, since most Russian text omits the dots. Both keep the UTF-8
 * length of every character. */
static void
lower_in_place (char     *text,
                gboolean  simple)
{
  for (char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (simple)
            *p = g_ascii_tolower (*p);
          continue;
        }

      c = g_utf8_get_char (p);
      if (simple)
        c = g_unichar_tolower (c);
      if (c == 0x0451)
        c = 0x0435;
      g_unichar_to_utf8 (c, p);
    }
}

/**
 * _pulse_text_fold:
 * @text: text, not necessarily valid UTF-8
 * @length: its length in bytes
 *
 * Returns: (transfer full): the folded form of @text (see pulse-text.h);
 *   invalid bytes become U+FFFD.
 */
char *
_pulse_text_fold (const char *text,
                  gsize       length)
{
  g_autoptr(GString) mapped = NULL;
  char *composed;
  char *folded;
  gboolean simple;
  gsize i;

  for (i = 0; i < length && (guchar) text[i] < 0x80 && text[i] != '\0'; i++)
    ;
  if (i == length)
    return fold_ascii (text, length);

  mapped = g_string_sized_new (length);
  simple = append_mapped (mapped, text, length);
  if (simple)
    {
      folded = g_string_free (g_steal_pointer (&mapped), FALSE);
      lower_in_place (folded, TRUE);
      return folded;
    }

  composed = compose (g_string_free (g_steal_pointer (&mapped), FALSE));
  folded = compose (g_utf8_casefold (composed, -1));
  g_free (composed);
  /* Case folding can make what the mapping turns into one form (ŉ folds
   * to ʼn, a modifier apostrophe): mapped once more, so folding what is
   * folded changes nothing. */
  mapped = g_string_sized_new (strlen (folded));
  append_mapped (mapped, folded, strlen (folded));
  g_free (folded);
  folded = g_string_free (g_steal_pointer (&mapped), FALSE);
  lower_in_place (folded, FALSE);

  return folded;
}
