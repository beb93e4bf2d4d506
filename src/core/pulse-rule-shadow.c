/* pulse-rule-shadow.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shadowed rules. Only the first matching rule fires (pulse-rule-runner.c),
 * so a rule whose every contact is also caught by an earlier enabled rule
 * never fires. The exact definition implemented here:
 *
 * Rule E *shadows* rule R when E is enabled, comes before R in execution
 * order (lower position, or the same position and a smaller id), and E
 * *covers* R: every condition of E holds wherever all of R's hold —
 * - channels: E has none (all), or R has some and each is one of E's;
 * - queues: the same, for queue ids;
 * - tags: each of E's tags is one of R's (a contact R accepts carries all
 *   of R's tags, so it carries E's);
 * - language: E has none, or R has one that E's accepts ("ru" accepts
 *   "ru-RU", as the matcher does);
 * - time window: every minute of the day R is active, E is;
 * - phrases: E has none, or each phrase of R (with words; a phrase with
 *   none never matches) is covered by a phrase of E, comparing the words'
 *   folded, look-alike-corrected keys (pulse-text.h):
 *   · on the field: E's is "any" or equal to R's;
 *   · an E whole-word phrase covers an R whole-word or phrase phrase whose
 *     words include all of E's;
 *   · an E phrase phrase covers an R phrase phrase whose words hold E's as
 *     a consecutive run, and an R whole-word phrase of one word that is E's;
 *   · an E prefix phrase covers an R phrase or prefix phrase with a
 *     consecutive run of words that start with E's words in turn, and an R
 *     whole-word phrase with one word, when a word of R starts with E's.
 *   R with no phrases matches on its other conditions alone, so only an E
 *   with no phrases covers it; R whose phrases all lack words never
 *   matches and is not reported as shadowed.
 *
 * It is a sufficient test: a rule reported shadowed can never fire, but a
 * rule covered only by several earlier rules together is not reported.
 */

#include "config.h"

#include <string.h>

#include "pulse-rule-shadow.h"
#include "pulse-text.h"

static gboolean
strv_within (const char * const *inner,
             const char * const *outer)
{
  for (guint i = 0; inner[i] != NULL; i++)
    {
      if (!g_strv_contains (outer, inner[i]))
        return FALSE;
    }

  return TRUE;
}

/* An empty list means "all", so only an empty one covers an empty one. */
static gboolean
set_covers (const char * const *earlier,
            const char * const *later)
{
  if (earlier[0] == NULL)
    return TRUE;

  return later[0] != NULL && strv_within (later, earlier);
}

static gboolean
language_covers (const char *earlier,
                 const char *later)
{
  gsize length;

  if (earlier == NULL)
    return TRUE;
  if (later == NULL)
    return FALSE;

  length = strlen (earlier);
  return g_ascii_strncasecmp (later, earlier, length) == 0 &&
         (later[length] == '\0' || later[length] == '-' || later[length] == '_');
}

static gboolean
window_covers (PulseRule *earlier,
               PulseRule *later)
{
  for (int minute = 0; minute < PULSE_MINUTES_PER_DAY; minute++)
    {
      if (pulse_rule_is_active_at (later, minute) && !pulse_rule_is_active_at (earlier, minute))
        return FALSE;
    }

  return TRUE;
}

static gboolean
conditions_cover (PulseRule *earlier,
                  PulseRule *later)
{
  guint e_channels = pulse_rule_get_channels (earlier);
  guint l_channels = pulse_rule_get_channels (later);

  if (e_channels != 0 && (l_channels == 0 || (l_channels & ~e_channels) != 0))
    return FALSE;

  return set_covers (pulse_rule_get_queue_ids (earlier), pulse_rule_get_queue_ids (later)) &&
         strv_within (pulse_rule_get_tags (earlier), pulse_rule_get_tags (later)) &&
         language_covers (pulse_rule_get_language (earlier), pulse_rule_get_language (later)) &&
         window_covers (earlier, later);
}

static const char *
key_at (GArray *words,
        guint   i)
{
  return g_array_index (words, PulseTextWord, i).key;
}

static gboolean
has_word (GArray     *words,
          const char *key)
{
  for (guint i = 0; i < words->len; i++)
    {
      if (g_str_equal (key_at (words, i), key))
        return TRUE;
    }

  return FALSE;
}

/* Whether @run (each word equal to, or with @prefix a prefix of, its
 * counterpart) occurs consecutively in @words. */
static gboolean
has_run (GArray   *words,
         GArray   *run,
         gboolean  prefix)
{
  for (guint start = 0; start + run->len <= words->len; start++)
    {
      guint k = 0;

      while (k < run->len &&
             (prefix ? g_str_has_prefix (key_at (words, start + k), key_at (run, k))
                     : g_str_equal (key_at (words, start + k), key_at (run, k))))
        k++;
      if (k == run->len)
        return TRUE;
    }

  return FALSE;
}

static gboolean
words_cover (PulseMatchMode  e_mode,
             GArray         *e_words,
             PulseMatchMode  l_mode,
             GArray         *l_words)
{
  switch (e_mode)
    {
    case PULSE_MATCH_MODE_WHOLE_WORD:
      if (l_mode == PULSE_MATCH_MODE_PREFIX)
        return FALSE;
      for (guint i = 0; i < e_words->len; i++)
        {
          if (!has_word (l_words, key_at (e_words, i)))
            return FALSE;
        }
      return TRUE;
    case PULSE_MATCH_MODE_PHRASE:
      if (l_mode == PULSE_MATCH_MODE_PHRASE)
        return has_run (l_words, e_words, FALSE);
      return l_mode == PULSE_MATCH_MODE_WHOLE_WORD && e_words->len == 1 &&
             has_word (l_words, key_at (e_words, 0));
    case PULSE_MATCH_MODE_PREFIX:
      if (l_mode != PULSE_MATCH_MODE_WHOLE_WORD)
        return has_run (l_words, e_words, TRUE);
      return e_words->len == 1 && has_run (l_words, e_words, TRUE);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
phrase_covers (const PulseRulePhrase *earlier,
               const PulseRulePhrase *later,
               GArray                *later_words)
{
  g_autoptr(GArray) words = pulse_text_tokenize (earlier->text);

  if (earlier->field != PULSE_MATCH_FIELD_ANY && earlier->field != later->field)
    return FALSE;

  return words->len > 0 && words_cover (earlier->mode, words, later->mode, later_words);
}

/* Whether @rule has phrases and none of them has a word: it never
 * matches anything. */
static gboolean
never_matches (PulseRule *rule)
{
  guint n = pulse_rule_get_n_phrases (rule);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GArray) words = pulse_text_tokenize (pulse_rule_get_phrase (rule, i)->text);

      if (words->len > 0)
        return FALSE;
    }

  return n > 0;
}

static gboolean
phrases_cover (PulseRule *earlier,
               PulseRule *later)
{
  guint n_earlier = pulse_rule_get_n_phrases (earlier);
  guint n_later = pulse_rule_get_n_phrases (later);

  if (never_matches (later))
    return FALSE;
  if (n_earlier == 0)
    return TRUE;
  if (n_later == 0)
    return FALSE;

  for (guint i = 0; i < n_later; i++)
    {
      const PulseRulePhrase *phrase = pulse_rule_get_phrase (later, i);
      g_autoptr(GArray) words = pulse_text_tokenize (phrase->text);
      gboolean covered = words->len == 0;

      for (guint j = 0; j < n_earlier && !covered; j++)
        covered = phrase_covers (pulse_rule_get_phrase (earlier, j), phrase, words);
      if (!covered)
        return FALSE;
    }

  return TRUE;
}

/**
 * pulse_rule_covers:
 * @earlier: a rule
 * @later: another rule
 *
 * Whether every contact @later's conditions accept is accepted by
 * @earlier's too, by the test the file comment describes. Enabled flags
 * and positions are not looked at.
 *
 * Returns: %TRUE when @earlier covers @later
 */
gboolean
pulse_rule_covers (PulseRule *earlier,
                   PulseRule *later)
{
  g_return_val_if_fail (PULSE_IS_RULE (earlier), FALSE);
  g_return_val_if_fail (PULSE_IS_RULE (later), FALSE);

  return earlier != later && conditions_cover (earlier, later) && phrases_cover (earlier, later);
}

static gboolean
runs_before (PulseRule *a,
             PulseRule *b)
{
  return pulse_rule_compare_order (a, b) < 0;
}

/**
 * pulse_rule_find_shadow:
 * @rules: (element-type PulseRule): every rule, in any order
 * @rule: one of them (or a draft)
 *
 * Finds the first enabled rule, in execution order, that runs before
 * @rule and covers it (pulse_rule_covers()), so that @rule can never fire.
 * @rule's own enabled flag does not matter: a switched-off rule may be
 * shadowed too, and would stay silent if switched on.
 *
 * Returns: (transfer none) (nullable): the shadowing rule, or %NULL.
 */
PulseRule *
pulse_rule_find_shadow (GPtrArray *rules,
                        PulseRule *rule)
{
  PulseRule *found = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (PULSE_IS_RULE (rule), NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      PulseRule *earlier = g_ptr_array_index (rules, i);

      if (!pulse_rule_get_enabled (earlier) || !runs_before (earlier, rule) ||
          g_strcmp0 (pulse_rule_get_id (earlier), pulse_rule_get_id (rule)) == 0)
        continue;
      if ((found == NULL || runs_before (earlier, found)) && pulse_rule_covers (earlier, rule))
        found = earlier;
    }

  return found;
}
