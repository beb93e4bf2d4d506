/* pulse-rule-pattern.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-rule-pattern.h"

struct _PulseRulePattern
{
  const PulseRulePhrase *phrase;
  guint                  index;
  GArray                *words;
  guint                 *ids;
};

/* Walks the places a pattern's first word occurs, in text order: a
 * vocabulary chain for an exact word, a position array for a prefix. */
typedef struct
{
  PulseTextIndex *index;
  const guint    *positions;
  guint           n_positions;
  guint           i;
  guint           chain;
} Candidates;

static const char *
get_key (const PulseRulePattern *self,
         guint                   k)
{
  return g_array_index (self->words, PulseTextWord, k).key;
}

static void
add_hit (GArray                 *hits,
         const PulseRulePattern *self,
         PulseMatchField         field,
         gsize                   start,
         gsize                   end)
{
  PulseRuleHit hit = { self->index, self->phrase->text, field, start, end };

  g_array_append_val (hits, hit);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

static void
add_word_hit (GArray                 *hits,
              const PulseRulePattern *self,
              PulseTextIndex         *index,
              PulseMatchField         field,
              guint                   position)
{
  const PulseTextWord *word = pulse_text_index_get_word (index, position);

  add_hit (hits, self, field, word->start, word->end);
}

/* Whole-word: every word present somewhere; each occurrence is a hit, in
 * text order, a position named twice ("да да") only once. */
static gboolean
match_words (const PulseRulePattern *self,
             PulseTextIndex         *index,
             PulseMatchField         field,
             GArray                 *hits)
{
  g_autoptr(GArray) found = NULL;
  guint position;
  guint n_hits = 0;

  for (guint k = 0; k < self->words->len; k++)
    {
      if (pulse_text_index_first (index, self->ids[k]) == PULSE_TEXT_INDEX_NONE)
        return FALSE;
    }
  if (self->words->len == 0)
    return FALSE;

  if (self->words->len == 1)
    {
      position = pulse_text_index_first (index, self->ids[0]);
      for (; position != PULSE_TEXT_INDEX_NONE && n_hits++ < PULSE_RULE_MATCH_MAX_HITS;
           position = pulse_text_index_next (index, position))
        add_word_hit (hits, self, index, field, position);
      return TRUE;
    }

  found = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < self->words->len; k++)
    {
      position = pulse_text_index_first (index, self->ids[k]);
      for (guint n = 0; position != PULSE_TEXT_INDEX_NONE && n < PULSE_RULE_MATCH_MAX_HITS; n++)
        {
          g_array_append_val (found, position);
          position = pulse_text_index_next (index, position);
        }
    }
  g_array_sort (found, compare_positions);

  for (guint i = 0; i < found->len && n_hits < PULSE_RULE_MATCH_MAX_HITS; i++)
    {
      position = g_array_index (found, guint, i);
      if (i > 0 && g_array_index (found, guint, i - 1) == position)
        continue;
      add_word_hit (hits, self, index, field, position);
      n_hits++;
    }

  return TRUE;
}

static guint
candidates_next (Candidates *candidates)
{
  guint position;

  if (candidates->positions != NULL)
    return candidates->i < candidates->n_positions ? candidates->positions[candidates->i++]
                                                   : PULSE_TEXT_INDEX_NONE;

  position = candidates->chain;
  if (position != PULSE_TEXT_INDEX_NONE)
    candidates->chain = pulse_text_index_next (candidates->index, position);
  return position;
}

static gboolean
follows (const PulseRulePattern *self,
         PulseTextIndex         *index,
         guint                   position,
         gboolean                prefix)
{
  for (guint k = 1; k < self->words->len; k++)
    {
      if (prefix ? !g_str_has_prefix (pulse_text_index_get_word (index, position + k)->key,
                                      get_key (self, k))
                 : pulse_text_index_get_word_id (index, position + k) != self->ids[k])
        return FALSE;
    }

  return TRUE;
}

/* Phrase and prefix: consecutive words; hits do not overlap. */
static gboolean
match_sequence (const PulseRulePattern *self,
                PulseTextIndex         *index,
                PulseMatchField         field,
                gboolean                prefix,
                GArray                 *hits)
{
  Candidates candidates = { index, NULL, 0, 0, PULSE_TEXT_INDEX_NONE };
  guint n_words = pulse_text_index_get_n_words (index);
  guint n_keys = self->words->len;
  guint next_free = 0;
  guint n_hits = 0;
  guint position;

  if (n_keys == 0)
    return FALSE;
  if (prefix && !pulse_text_index_find_prefix (index, get_key (self, 0), &candidates.positions,
                                               &candidates.n_positions))
    return FALSE;
  if (!prefix)
    candidates.chain = pulse_text_index_first (index, self->ids[0]);

  while (n_hits < PULSE_RULE_MATCH_MAX_HITS &&
         (position = candidates_next (&candidates)) != PULSE_TEXT_INDEX_NONE)
    {
      if (position < next_free)
        continue;
      if (position + n_keys > n_words)
        break;
      if (!follows (self, index, position, prefix))
        continue;

      add_hit (hits, self, field, pulse_text_index_get_word (index, position)->start,
               pulse_text_index_get_word (index, position + n_keys - 1)->end);
      n_hits++;
      next_free = position + n_keys;
    }

  return n_hits > 0;
}

/**
 * pulse_rule_pattern_new:
 * @phrase: the phrase, which must outlive the pattern
 * @index: its index in its rule, reported in hits
 * @vocabulary: the matcher's vocabulary, which gains the phrase's words
 *
 * Returns: (transfer full): the compiled phrase.
 */
PulseRulePattern *
pulse_rule_pattern_new (const PulseRulePhrase *phrase,
                        guint                  index,
                        GHashTable            *vocabulary)
{
  PulseRulePattern *self;

  g_return_val_if_fail (phrase != NULL, NULL);
  g_return_val_if_fail (vocabulary != NULL, NULL);

  self = g_new0 (PulseRulePattern, 1);
  self->phrase = phrase;
  self->index = index;
  self->words = pulse_text_tokenize (phrase->text);
  self->ids = g_new (guint, MAX (self->words->len, 1));
  /* Prefix words are compared by prefix, never by id. */
  for (guint k = 0; k < self->words->len; k++)
    self->ids[k] = phrase->mode == PULSE_MATCH_MODE_PREFIX
                     ? PULSE_TEXT_INDEX_NONE
                     : pulse_text_index_vocabulary_add (vocabulary, get_key (self, k));

  return self;
}

/**
 * pulse_rule_pattern_free:
 * @self: (nullable): a pattern
 *
 * Frees @self.
 */
void
pulse_rule_pattern_free (PulseRulePattern *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->words, g_array_unref);
  g_clear_pointer (&self->ids, g_free);
  g_free (self);
}

/**
 * pulse_rule_pattern_get_words:
 * @self: a pattern
 *
 * Returns: (transfer none) (element-type PulseTextWord): the phrase's
 *   words, with offsets into its text.
 */
const GArray *
pulse_rule_pattern_get_words (const PulseRulePattern *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->words;
}

/**
 * pulse_rule_pattern_match:
 * @self: a pattern
 * @index: the indexed subject or body, built with the vocabulary @self
 *   was compiled into
 * @field: which of the two @index is, for the hits
 * @hits: (element-type PulseRuleHit): gains a hit per place the phrase
 *   matched, at most %PULSE_RULE_MATCH_MAX_HITS
 *
 * Returns: %TRUE if the phrase matches @index; a phrase without words
 *   never does.
 */
gboolean
pulse_rule_pattern_match (const PulseRulePattern *self,
                          PulseTextIndex         *index,
                          PulseMatchField         field,
                          GArray                 *hits)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (hits != NULL, FALSE);

  switch (self->phrase->mode)
    {
    case PULSE_MATCH_MODE_WHOLE_WORD:
      return match_words (self, index, field, hits);
    case PULSE_MATCH_MODE_PHRASE:
      return match_sequence (self, index, field, FALSE, hits);
    case PULSE_MATCH_MODE_PREFIX:
      return match_sequence (self, index, field, TRUE, hits);
    default:
      return FALSE;
    }
}
