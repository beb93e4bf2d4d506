/* pulse-text.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text normalisation, tokenisation and look-alike letter detection for
 * rule matching. Shared by the server's rule execution, the rules test
 * bench and the console's rule editor, so that all three agree on what a
 * "word" is and where it sits.
 *
 * Folding (what two spellings must share to match): NFC, then Unicode case
 * folding, then NFC again, then ё → е; typographic apostrophes (’ ‘ ʼ ` ´ ′
 * ＇) become ', hyphen and dash variants become -, every whitespace
 * character becomes a space, and invisible characters (soft hyphen, zero
 * width space/joiners, word joiner, BOM) are dropped. Latin accents are
 * kept: "dónde" and "donde" are different words.
 *
 * Words: runs of letters, digits and the combining marks that follow them.
 * An apostrophe or hyphen (- ‐ ‑ ﹣ －) between two word characters stays
 * inside the word («м'ята», "wi-fi"); en and em dashes and all other
 * punctuation separate words. Invisible characters inside a word are
 * skipped («пере\u00ADвод» is the one word "перевод"). Bytes that are not
 * valid UTF-8 separate words and never appear in one.
 *
 * Look-alike letters: a word part (between its apostrophes and hyphens)
 * that mixes Latin and Cyrillic letters is corrected towards the script
 * most of its letters use, through the table in pulse-text-script.c; on a
 * tie, towards the script most single-script words of the same text use,
 * else Cyrillic (and the other script if the first cannot convert every
 * letter). Matching compares the corrected form, so «oплата» with a
 * Latin o matches «оплата».
 *
 * Offsets are byte offsets into the ORIGINAL string, end exclusive, so a
 * UI can highlight [start, end) directly.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PulseTextWord PulseTextWord;

/**
 * PulseTextWord:
 * @start: byte offset of the word's first character in the original text
 * @end: byte offset just after its last character
 * @folded: the folded spelling (see the file comment)
 * @key: what matching compares: @folded, or the folded @corrected spelling
 *   when the word mixes scripts and could be corrected. May be the same
 *   pointer as @folded; never free either yourself.
 * @corrected: (nullable): for a word that mixes Latin and Cyrillic letters,
 *   its original spelling with the minority letters replaced by their
 *   look-alikes; %NULL when the word is not mixed or cannot be corrected
 * @mixed: whether some part of the word mixes Latin and Cyrillic letters
 *
 * One word of a text, owned by the #GArray pulse_text_tokenize() returns.
 */
struct _PulseTextWord
{
  gsize     start;
  gsize     end;
  char     *folded;
  char     *key;
  char     *corrected;
  gboolean  mixed;
};

typedef struct _PulseTextWarning PulseTextWarning;

/**
 * PulseTextWarning:
 * @start: byte offset of the word in the original text
 * @end: byte offset just after it
 * @word: the word as written
 * @corrected: (nullable): the word with its look-alike letters replaced,
 *   or %NULL when some letter has no look-alike in the target script
 *
 * A word that mixes Latin and Cyrillic letters.
 */
struct _PulseTextWarning
{
  gsize  start;
  gsize  end;
  char  *word;
  char  *corrected;
};

char              *pulse_text_normalize           (const char              *text);
GArray            *pulse_text_tokenize            (const char              *text);
GPtrArray         *pulse_text_find_mixed_scripts  (const char              *text);
PulseTextWarning  *pulse_text_warning_copy        (const PulseTextWarning  *warning);
void               pulse_text_warning_free        (PulseTextWarning        *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTextWarning, pulse_text_warning_free)

G_END_DECLS
