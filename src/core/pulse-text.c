/* pulse-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-text-private.h"

typedef struct
{
  const char *text;
  GArray     *words;
  gboolean    in_word;
  gsize       start;
  gsize       end;
  guint       joiners;
} Scanner;

static void
clear_word (gpointer data)
{
  PulseTextWord *word = data;

  if (word->key != word->folded)
    g_free (word->key);
  g_free (word->folded);
  g_free (word->corrected);
}

static void
finish_word (Scanner *scanner)
{
  PulseTextWord word = { 0, };

  if (!scanner->in_word)
    return;

  word.start = scanner->start;
  word.end = scanner->end;
  word.folded = _pulse_text_fold (scanner->text + word.start, word.end - word.start);
  word.key = word.folded;
  g_array_append_val (scanner->words, word);
  scanner->in_word = FALSE;
}

static void
feed (Scanner            *scanner,
      PulseTextCharClass  klass,
      gsize               offset,
      gsize               length)
{
  switch (klass)
    {
    case PULSE_TEXT_CHAR_WORD:
      if (!scanner->in_word)
        {
          scanner->in_word = TRUE;
          scanner->start = offset;
        }
      scanner->end = offset + length;
      scanner->joiners = 0;
      break;
    case PULSE_TEXT_CHAR_MARK:
      /* A mark belongs to the letter before it; a stray one separates. */
      if (scanner->in_word && scanner->joiners == 0)
        scanner->end = offset + length;
      else
        finish_word (scanner);
      break;
    case PULSE_TEXT_CHAR_JOINER:
      /* One apostrophe or hyphen may join; a second in a row ends the word
       * before the first ("well--known"). */
      if (scanner->in_word && scanner->joiners++ > 0)
        finish_word (scanner);
      break;
    case PULSE_TEXT_CHAR_IGNORABLE:
      break;
    case PULSE_TEXT_CHAR_SEPARATOR:
    default:
      finish_word (scanner);
      break;
    }
}

static void
scan_words (Scanner    *scanner,
            const char *text)
{
  const char *end = text + strlen (text);
  gsize length;

  for (const char *p = text; p < end; p += length)
    {
      gunichar c = _pulse_text_next_char (p, end, &length);

      if (c == PULSE_TEXT_INVALID_CHAR)
        feed (scanner, PULSE_TEXT_CHAR_SEPARATOR, p - text, length);
      else
        feed (scanner, _pulse_text_classify (c), p - text, length);
    }
  finish_word (scanner);
}

/* A mixed word whose letters are evenly split follows the rest of the
 * text: the script more of its single-script words use, else Cyrillic. */
static void
correct_mixed_words (const char *text,
                     GArray     *words)
{
  PulseTextScript preferred;
  gboolean any_mixed = FALSE;
  int balance = 0;

  for (guint i = 0; i < words->len; i++)
    {
      PulseTextWord *word = &g_array_index (words, PulseTextWord, i);
      PulseTextScript script;

      script = _pulse_text_word_script (text + word->start, word->end - word->start,
                                        &word->mixed);
      if (script == PULSE_TEXT_SCRIPT_LATIN)
        balance++;
      else if (script == PULSE_TEXT_SCRIPT_CYRILLIC)
        balance--;
      any_mixed |= word->mixed;
    }
  if (!any_mixed)
    return;

  preferred = balance > 0 ? PULSE_TEXT_SCRIPT_LATIN : PULSE_TEXT_SCRIPT_CYRILLIC;
  for (guint i = 0; i < words->len; i++)
    {
      PulseTextWord *word = &g_array_index (words, PulseTextWord, i);

      if (!word->mixed)
        continue;
      word->corrected = _pulse_text_correct (text + word->start, word->end - word->start,
                                             preferred);
      if (word->corrected != NULL)
        word->key = _pulse_text_fold (word->corrected, strlen (word->corrected));
    }
}

/**
 * pulse_text_normalize:
 * @text: (nullable): any text; %NULL is taken as empty
 *
 * Folds the whole of @text as words are folded for matching (see
 * pulse-text.h): NFC, case folding, ё → е, one apostrophe, one dash, plain
 * spaces, no invisible characters. Invalid UTF-8 bytes become U+FFFD. The
 * result is not aligned with @text; use pulse_text_tokenize() for offsets.
 *
 * Returns: (transfer full): the folded text.
 */
char *
pulse_text_normalize (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  return _pulse_text_fold (text, strlen (text));
}

/**
 * pulse_text_tokenize:
 * @text: (nullable): any text, ideally valid UTF-8; %NULL is taken as empty
 *
 * Splits @text into words (see pulse-text.h) in text order. Every word has
 * its byte offsets into @text, its folded form, and, when it mixes Latin
 * and Cyrillic letters, the corrected spelling and the key matching uses.
 *
 * Returns: (transfer full) (element-type PulseTextWord): the words; the
 *   array frees their strings when it is freed.
 */
GArray *
pulse_text_tokenize (const char *text)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (PulseTextWord));
  Scanner scanner = { 0, };

  g_array_set_clear_func (words, clear_word);
  if (text == NULL)
    return words;

  scanner.text = text;
  scanner.words = words;
  scan_words (&scanner, text);
  correct_mixed_words (text, words);

  return words;
}

/**
 * pulse_text_find_mixed_scripts:
 * @text: (nullable): any text; %NULL is taken as empty
 *
 * Finds the words that mix Latin and Cyrillic letters, the usual sign of a
 * look-alike letter typed or pasted by mistake («oплата» with a Latin o).
 * The corrected spelling replaces the letters of the script the word uses
 * less; on a tie, the script of the rest of @text, else Cyrillic. Each
 * part of a hyphenated word is judged alone, so «SMS-код» is not mixed.
 *
 * Returns: (transfer full) (element-type PulseTextWarning): one warning
 *   per mixed word, in text order; empty when there is none.
 */
GPtrArray *
pulse_text_find_mixed_scripts (const char *text)
{
  g_autoptr(GArray) words = pulse_text_tokenize (text);
  GPtrArray *warnings;

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_text_warning_free);
  for (guint i = 0; i < words->len; i++)
    {
      const PulseTextWord *word = &g_array_index (words, PulseTextWord, i);
      PulseTextWarning *warning;

      if (!word->mixed)
        continue;

      warning = g_new0 (PulseTextWarning, 1);
      warning->start = word->start;
      warning->end = word->end;
      warning->word = g_strndup (text + word->start, word->end - word->start);
      warning->corrected = g_strdup (word->corrected);
      g_ptr_array_add (warnings, warning);
    }

  return warnings;
}

/**
 * pulse_text_warning_copy:
 * @warning: a warning
 *
 * Returns: (transfer full): a deep copy of @warning.
 */
PulseTextWarning *
pulse_text_warning_copy (const PulseTextWarning *warning)
{
  PulseTextWarning *copy;

  g_return_val_if_fail (warning != NULL, NULL);

  copy = g_new0 (PulseTextWarning, 1);
  copy->start = warning->start;
  copy->end = warning->end;
  copy->word = g_strdup (warning->word);
  copy->corrected = g_strdup (warning->corrected);

  return copy;
}

/**
 * pulse_text_warning_free:
 * @warning: (nullable): a warning
 *
 * Frees @warning and its strings.
 */
void
pulse_text_warning_free (PulseTextWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->word);
  g_free (warning->corrected);
  g_free (warning);
}
