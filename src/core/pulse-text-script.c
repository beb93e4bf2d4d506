/* pulse-text-script.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Look-alike letters: a word that mixes Latin and Cyrillic letters almost
 * always holds a letter typed on the wrong layout, pasted from a spoofed
 * message, or put there to slip past a keyword rule. Each such part of a
 * word is corrected towards the script most of its letters use.
 */

#include "config.h"

#include "pulse-text-private.h"

typedef enum
{
  BOTH,
  TO_LATIN_ONLY,
  TO_CYRILLIC_ONLY,
} Direction;

typedef struct
{
  gunichar latin;
  gunichar cyrillic;
  Direction direction;
} Confusable;

/* The look-alike table. Only pairs that look the same in ordinary upright
 * type are here; pairs alike only in italics (т/m, и/u, п/n, г/r) are
 * left out, since a wrong correction is worse than none. Where one letter
 * has two candidates the closer look-alike wins the two-way pair and the
 * other maps one way only:
 * - Latin h looks like Kazakh һ, not like н; н is a small capital H, so
 *   it maps to Latin h one way only.
 * - Latin b looks like ь; в is a small capital B, so it maps to b one way.
 * - Latin y is у both ways; Kazakh ү maps to y one way.
 * - k/к, m/м and t/т are alike as capitals and small capitals, and have
 *   no better candidate, so they are kept both ways.
 * - i/і and ï/ї cover Ukrainian, Belarusian and Kazakh; j/ј and s/ѕ are
 *   Serbian and Macedonian; ə/ә is Kazakh.
 * - ԁ ԛ ԝ ӏ Ӏ (Komi, Kurdish, Caucasian letters) exist only as disguises
 *   for d q w l I in Latin words, so they map to Latin one way only. */
static const Confusable confusables[] = {
  { 'a', 0x0430, BOTH }, { 'c', 0x0441, BOTH }, { 'e', 0x0435, BOTH },
  { 'o', 0x043E, BOTH }, { 'p', 0x0440, BOTH }, { 'x', 0x0445, BOTH },
  { 'y', 0x0443, BOTH }, { 'i', 0x0456, BOTH }, { 0x00EF, 0x0457, BOTH },
  { 'j', 0x0458, BOTH }, { 's', 0x0455, BOTH }, { 'h', 0x04BB, BOTH },
  { 0x0259, 0x04D9, BOTH }, { 'k', 0x043A, BOTH }, { 'm', 0x043C, BOTH },
  { 't', 0x0442, BOTH }, { 'b', 0x044C, BOTH },
  { 'h', 0x043D, TO_LATIN_ONLY }, { 'b', 0x0432, TO_LATIN_ONLY },
  { 'y', 0x04AF, TO_LATIN_ONLY }, { 'd', 0x0501, TO_LATIN_ONLY },
  { 'q', 0x051B, TO_LATIN_ONLY }, { 'w', 0x051D, TO_LATIN_ONLY },
  { 'l', 0x04CF, TO_LATIN_ONLY },

  { 'A', 0x0410, BOTH }, { 'B', 0x0412, BOTH }, { 'C', 0x0421, BOTH },
  { 'E', 0x0415, BOTH }, { 'H', 0x041D, BOTH }, { 'I', 0x0406, BOTH },
  { 0x00CF, 0x0407, BOTH }, { 'J', 0x0408, BOTH }, { 'K', 0x041A, BOTH },
  { 'M', 0x041C, BOTH }, { 'O', 0x041E, BOTH }, { 'P', 0x0420, BOTH },
  { 'S', 0x0405, BOTH }, { 'T', 0x0422, BOTH }, { 'X', 0x0425, BOTH },
  { 'Y', 0x0423, BOTH }, { 0x018F, 0x04D8, BOTH },
  { 'Y', 0x04AE, TO_LATIN_ONLY }, { 'I', 0x04C0, TO_LATIN_ONLY },
};

static PulseTextScript
script_of (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c) ? PULSE_TEXT_SCRIPT_LATIN : PULSE_TEXT_SCRIPT_OTHER;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_LATIN:
      return PULSE_TEXT_SCRIPT_LATIN;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return PULSE_TEXT_SCRIPT_CYRILLIC;
    default:
      return PULSE_TEXT_SCRIPT_OTHER;
    }
}

/* Returns the look-alike of @c in @target, or 0 when it has none. */
static gunichar
look_alike (gunichar        c,
            PulseTextScript target)
{
  for (gsize i = 0; i < G_N_ELEMENTS (confusables); i++)
    {
      const Confusable *entry = &confusables[i];

      if (target == PULSE_TEXT_SCRIPT_CYRILLIC && entry->latin == c &&
          entry->direction != TO_LATIN_ONLY)
        return entry->cyrillic;
      if (target == PULSE_TEXT_SCRIPT_LATIN && entry->cyrillic == c &&
          entry->direction != TO_CYRILLIC_ONLY)
        return entry->latin;
    }

  return 0;
}

/* Parts of a word are what lies between its apostrophes and hyphens. */
static const char *
find_part_end (const char *p,
               const char *end)
{
  gsize length;

  for (; p < end; p += length)
    {
      gunichar c = _pulse_text_next_char (p, end, &length);

      if (_pulse_text_classify (c) == PULSE_TEXT_CHAR_JOINER)
        break;
    }

  return p;
}

static void
count_scripts (const char *part,
               const char *end,
               guint      *n_latin,
               guint      *n_cyrillic)
{
  gsize length;

  *n_latin = *n_cyrillic = 0;
  for (const char *p = part; p < end; p += length)
    {
      PulseTextScript script = script_of (_pulse_text_next_char (p, end, &length));

      *n_latin += script == PULSE_TEXT_SCRIPT_LATIN;
      *n_cyrillic += script == PULSE_TEXT_SCRIPT_CYRILLIC;
    }
}

/**
 * _pulse_text_word_script:
 * @word: a word as pulse_text_tokenize() delimits it
 * @length: its length in bytes
 * @mixed: (out): whether some part of @word mixes Latin and Cyrillic
 *
 * Returns: the one script all letters of @word use, or
 *   %PULSE_TEXT_SCRIPT_OTHER when it uses neither or both.
 */
PulseTextScript
_pulse_text_word_script (const char *word,
                         gsize       length,
                         gboolean   *mixed)
{
  const char *end = word + length;
  gboolean any_latin = FALSE;
  gboolean any_cyrillic = FALSE;
  const char *p = word;

  *mixed = FALSE;
  while (p < end)
    {
      const char *part_end = find_part_end (p, end);
      guint n_latin;
      guint n_cyrillic;

      count_scripts (p, part_end, &n_latin, &n_cyrillic);
      *mixed |= n_latin > 0 && n_cyrillic > 0;
      any_latin |= n_latin > 0;
      any_cyrillic |= n_cyrillic > 0;
      p = part_end < end ? g_utf8_next_char (part_end) : end;
    }

  if (any_latin == any_cyrillic)
    return PULSE_TEXT_SCRIPT_OTHER;

  return any_latin ? PULSE_TEXT_SCRIPT_LATIN : PULSE_TEXT_SCRIPT_CYRILLIC;
}

/* Appends @part with every letter of the other script replaced by its
 * look-alike in @target; appends nothing and fails if one has none. */
static gboolean
convert_part (GString         *out,
              const char      *part,
              const char      *end,
              PulseTextScript  target)
{
  gsize saved = out->len;
  gsize length;

  for (const char *p = part; p < end; p += length)
    {
      gunichar c = _pulse_text_next_char (p, end, &length);
      PulseTextScript script = script_of (c);
      gunichar replacement;

      if (script == PULSE_TEXT_SCRIPT_OTHER || script == target)
        {
          g_string_append_len (out, p, length);
          continue;
        }

      replacement = look_alike (c, target);
      if (replacement == 0)
        {
          g_string_truncate (out, saved);
          return FALSE;
        }
      g_string_append_unichar (out, replacement);
    }

  return TRUE;
}

static gboolean
correct_part (GString         *out,
              const char      *part,
              const char      *end,
              PulseTextScript  preferred)
{
  PulseTextScript other;
  guint n_latin;
  guint n_cyrillic;

  count_scripts (part, end, &n_latin, &n_cyrillic);
  if (n_latin == 0 || n_cyrillic == 0)
    {
      g_string_append_len (out, part, end - part);
      return TRUE;
    }

  if (n_latin != n_cyrillic)
    return convert_part (out, part, end, n_latin > n_cyrillic ? PULSE_TEXT_SCRIPT_LATIN
                                                              : PULSE_TEXT_SCRIPT_CYRILLIC);

  /* A tie: the preferred script if every letter converts, else the other. */
  other = preferred == PULSE_TEXT_SCRIPT_LATIN ? PULSE_TEXT_SCRIPT_CYRILLIC
                                               : PULSE_TEXT_SCRIPT_LATIN;
  return convert_part (out, part, end, preferred) || convert_part (out, part, end, other);
}

/**
 * _pulse_text_correct:
 * @word: a word as pulse_text_tokenize() delimits it
 * @length: its length in bytes
 * @preferred: the script a part evenly split between the two goes to
 *
 * Each part of @word that mixes Latin and Cyrillic letters takes the
 * script most of its letters use; case, digits, marks and joiners are
 * kept as written.
 *
 * Returns: (transfer full) (nullable): the corrected spelling, or %NULL
 *   when some letter to replace has no look-alike.
 */
char *
_pulse_text_correct (const char      *word,
                     gsize            length,
                     PulseTextScript  preferred)
{
  g_autoptr(GString) out = g_string_sized_new (length + 8);
  const char *end = word + length;
  const char *p = word;

  while (p < end)
    {
      const char *part_end = find_part_end (p, end);

      if (!correct_part (out, p, part_end, preferred))
        return NULL;

      p = part_end;
      if (p < end)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
