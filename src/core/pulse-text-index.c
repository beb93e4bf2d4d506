/* pulse-text-index.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pulse-text-index.h"

struct _PulseTextIndex
{
  GArray *words;
  guint   n_ids;
  guint  *ids;
  guint  *heads;
  guint  *next;
  GArray *sorted;
  GArray *scratch;
};

static const char *
sorted_key (PulseTextIndex *self,
            guint           i)
{
  return g_array_index (self->words, PulseTextWord, g_array_index (self->sorted, guint, i)).key;
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GArray *words = user_data;
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;
  int cmp;

  cmp = strcmp (g_array_index (words, PulseTextWord, pa).key,
                g_array_index (words, PulseTextWord, pb).key);
  if (cmp != 0)
    return cmp;

  return pa < pb ? -1 : pa > pb;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

/* The first place in the table whose key, cut to @length bytes (or whole
 * if @length is 0), compares above @key, or is not below it if
 * @above is FALSE. */
static guint
bound (PulseTextIndex *self,
       const char     *key,
       gsize           length,
       gboolean        above)
{
  guint low = 0;
  guint high = self->sorted->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const char *mid_key = sorted_key (self, mid);
      int cmp = length > 0 ? strncmp (mid_key, key, length) : strcmp (mid_key, key);

      if (above ? cmp <= 0 : cmp < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/**
 * pulse_text_index_vocabulary_new:
 *
 * Returns: (transfer full): an empty vocabulary for
 *   pulse_text_index_vocabulary_add(): folded keys to dense ids.
 */
GHashTable *
pulse_text_index_vocabulary_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pulse_text_index_vocabulary_add:
 * @vocabulary: a vocabulary from pulse_text_index_vocabulary_new()
 * @key: a folded word, as #PulseTextWord.key
 *
 * Returns: the id of @key, numbered from 0 in the order keys are added;
 *   a key added twice keeps its first id.
 */
guint
pulse_text_index_vocabulary_add (GHashTable *vocabulary,
                                 const char *key)
{
  gpointer value;
  guint id;

  g_return_val_if_fail (vocabulary != NULL, PULSE_TEXT_INDEX_NONE);
  g_return_val_if_fail (key != NULL, PULSE_TEXT_INDEX_NONE);

  /* Stored as id + 1 so that a missing key (NULL) is not id 0. */
  if (g_hash_table_lookup_extended (vocabulary, key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  id = g_hash_table_size (vocabulary);
  g_hash_table_insert (vocabulary, g_strdup (key), GUINT_TO_POINTER (id + 1));
  return id;
}

/**
 * pulse_text_index_new:
 * @text: (nullable): the text; %NULL is taken as empty
 * @vocabulary: (nullable): the keys to link, from
 *   pulse_text_index_vocabulary_add(); read during the call only
 *
 * Tokenises @text with pulse_text_tokenize() and links its words by
 * vocabulary id. The index keeps no pointer to @text.
 *
 * Returns: (transfer full): the index; free with pulse_text_index_free().
 */
PulseTextIndex *
pulse_text_index_new (const char *text,
                      GHashTable *vocabulary)
{
  PulseTextIndex *self = g_new0 (PulseTextIndex, 1);
  guint n_words;

  self->words = pulse_text_tokenize (text);
  n_words = self->words->len;
  self->n_ids = vocabulary != NULL ? g_hash_table_size (vocabulary) : 0;
  self->ids = g_new (guint, MAX (n_words, 1));
  self->next = g_new (guint, MAX (n_words, 1));
  self->heads = g_new (guint, MAX (self->n_ids, 1));
  for (guint id = 0; id < self->n_ids; id++)
    self->heads[id] = PULSE_TEXT_INDEX_NONE;

  /* Backwards, so that each id's list comes out in text order. */
  for (guint i = n_words; i-- > 0;)
    {
      const char *key = g_array_index (self->words, PulseTextWord, i).key;
      gpointer value = vocabulary ? g_hash_table_lookup (vocabulary, key) : NULL;

      self->ids[i] = value != NULL ? GPOINTER_TO_UINT (value) - 1 : PULSE_TEXT_INDEX_NONE;
      self->next[i] = PULSE_TEXT_INDEX_NONE;
      if (self->ids[i] != PULSE_TEXT_INDEX_NONE)
        {
          self->next[i] = self->heads[self->ids[i]];
          self->heads[self->ids[i]] = i;
        }
    }

  return self;
}

/**
 * pulse_text_index_free:
 * @self: (nullable): an index
 *
 * Frees @self and its words.
 */
void
pulse_text_index_free (PulseTextIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->scratch, g_array_unref);
  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->ids, g_free);
  g_clear_pointer (&self->heads, g_free);
  g_clear_pointer (&self->next, g_free);
  g_clear_pointer (&self->words, g_array_unref);
  g_free (self);
}

/**
 * pulse_text_index_get_n_words:
 * @self: an index
 *
 * Returns: the number of words in the text.
 */
guint
pulse_text_index_get_n_words (PulseTextIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->words->len;
}

/**
 * pulse_text_index_get_word:
 * @self: an index
 * @position: a word position below pulse_text_index_get_n_words()
 *
 * Returns: (transfer none): the word, owned by @self.
 */
const PulseTextWord *
pulse_text_index_get_word (PulseTextIndex *self,
                           guint           position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->words->len, NULL);

  return &g_array_index (self->words, PulseTextWord, position);
}

/**
 * pulse_text_index_get_word_id:
 * @self: an index
 * @position: a word position below pulse_text_index_get_n_words()
 *
 * Returns: the vocabulary id of the word's key, or
 *   %PULSE_TEXT_INDEX_NONE when the vocabulary does not hold it.
 */
guint
pulse_text_index_get_word_id (PulseTextIndex *self,
                              guint           position)
{
  g_return_val_if_fail (self != NULL, PULSE_TEXT_INDEX_NONE);
  g_return_val_if_fail (position < self->words->len, PULSE_TEXT_INDEX_NONE);

  return self->ids[position];
}

/**
 * pulse_text_index_first:
 * @self: an index
 * @id: a vocabulary id
 *
 * Returns: the position of the first word whose key has @id, or
 *   %PULSE_TEXT_INDEX_NONE.
 */
guint
pulse_text_index_first (PulseTextIndex *self,
                        guint           id)
{
  g_return_val_if_fail (self != NULL, PULSE_TEXT_INDEX_NONE);

  return id < self->n_ids ? self->heads[id] : PULSE_TEXT_INDEX_NONE;
}

/**
 * pulse_text_index_next:
 * @self: an index
 * @position: the position of a word with a vocabulary id
 *
 * Returns: the position of the next word with the same id, or
 *   %PULSE_TEXT_INDEX_NONE.
 */
guint
pulse_text_index_next (PulseTextIndex *self,
                       guint           position)
{
  g_return_val_if_fail (self != NULL, PULSE_TEXT_INDEX_NONE);
  g_return_val_if_fail (position < self->words->len, PULSE_TEXT_INDEX_NONE);

  return self->next[position];
}

static void
ensure_sorted (PulseTextIndex *self)
{
  if (self->sorted != NULL)
    return;

  self->sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->words->len);
  for (guint i = 0; i < self->words->len; i++)
    g_array_append_val (self->sorted, i);
  g_array_sort_with_data (self->sorted, compare_by_key, self->words);
  self->scratch = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * pulse_text_index_find_prefix:
 * @self: an index
 * @prefix: a folded word, as #PulseTextWord.key
 * @positions: (out) (transfer none) (array length=n_positions): the
 *   positions of the words whose key starts with @prefix, ascending;
 *   owned by @self and valid until the next call
 * @n_positions: (out): how many there are
 *
 * Keys are compared as UTF-8 bytes, so a byte prefix is a character
 * prefix: "заблок" finds "заблокирована" and "заблок" itself.
 *
 * Returns: %TRUE if at least one word starts with @prefix.
 */
gboolean
pulse_text_index_find_prefix (PulseTextIndex  *self,
                              const char      *prefix,
                              const guint    **positions,
                              guint           *n_positions)
{
  gsize length;
  guint first;
  guint last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);

  length = strlen (prefix);
  if (length == 0)
    {
      *positions = NULL;
      *n_positions = 0;
      return FALSE;
    }

  ensure_sorted (self);
  first = bound (self, prefix, 0, FALSE);
  last = bound (self, prefix, length, TRUE);
  *n_positions = last > first ? last - first : 0;
  *positions = *n_positions > 0 ? &g_array_index (self->sorted, guint, first) : NULL;
  if (*n_positions < 2 || strcmp (sorted_key (self, first), sorted_key (self, last - 1)) == 0)
    return *n_positions > 0;

  /* Several keys share the prefix: merge their runs into text order. */
  g_array_set_size (self->scratch, 0);
  g_array_append_vals (self->scratch, *positions, *n_positions);
  g_array_sort (self->scratch, compare_positions);
  *positions = (const guint *) (gpointer) self->scratch->data;

  return TRUE;
}
