/* pulse-sorted-bag.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pulse-sorted-bag.h"

/* A chunk holds at most this many values: small enough that an insert
 * moves at most 4 KiB, large enough that 630,000 values need only a few
 * thousand chunks to scan. */
#define CHUNK_CAPACITY 512

typedef struct
{
  guint  len;
  gint64 values[CHUNK_CAPACITY];
} Chunk;

/**
 * PulseSortedBag:
 *
 * A multiset of integers kept in order, for exact percentiles and "how
 * many are at most x" counts that stay cheap while values come and go.
 * It is a list of sorted chunks (a blocked sorted array): insert and
 * remove cost O(log n + 512), the n-th value and the counts O(n / 512).
 * A plain sorted array would move half of its 630,000 values on every
 * insert.
 */
struct _PulseSortedBag
{
  GPtrArray *chunks;
  guint      size;
};

/* The first chunk whose largest value is at least @value, or the last
 * chunk when every value is smaller. */
static guint
find_chunk (PulseSortedBag *self,
            gint64          value)
{
  guint lo = 0;
  guint hi = self->chunks->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Chunk *chunk = g_ptr_array_index (self->chunks, mid);

      if (chunk->values[chunk->len - 1] < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  return MIN (lo, self->chunks->len - 1);
}

/* The position of the first value in @chunk that is not below @value
 * (@strict FALSE), or above it (@strict TRUE). */
static guint
bound_in_chunk (const Chunk *chunk,
                gint64       value,
                gboolean     strict)
{
  guint lo = 0;
  guint hi = chunk->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gboolean before = strict ? chunk->values[mid] <= value : chunk->values[mid] < value;

      if (before)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
split_chunk (PulseSortedBag *self,
             guint           index)
{
  Chunk *chunk = g_ptr_array_index (self->chunks, index);
  Chunk *upper = g_new (Chunk, 1);
  guint half = chunk->len / 2;

  upper->len = chunk->len - half;
  memcpy (upper->values, chunk->values + half, upper->len * sizeof (gint64));
  chunk->len = half;
  g_ptr_array_insert (self->chunks, index + 1, upper);
}

/**
 * pulse_sorted_bag_new:
 *
 * Returns: (transfer full): an empty bag.
 */
PulseSortedBag *
pulse_sorted_bag_new (void)
{
  PulseSortedBag *self = g_new0 (PulseSortedBag, 1);

  self->chunks = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/**
 * pulse_sorted_bag_free:
 * @self: (nullable): a bag
 *
 * Frees @self and its values.
 */
void
pulse_sorted_bag_free (PulseSortedBag *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->chunks);
  g_free (self);
}

/**
 * pulse_sorted_bag_insert:
 * @value: the value to add; equal values are kept once each
 *
 * Adds @value in order.
 */
void
pulse_sorted_bag_insert (PulseSortedBag *self,
                         gint64          value)
{
  Chunk *chunk;
  guint index;
  guint pos;

  g_return_if_fail (self != NULL);

  if (self->chunks->len == 0)
    {
      chunk = g_new0 (Chunk, 1);
      g_ptr_array_add (self->chunks, chunk);
    }
  else
    {
      index = find_chunk (self, value);
      chunk = g_ptr_array_index (self->chunks, index);
      if (chunk->len == CHUNK_CAPACITY)
        {
          split_chunk (self, index);
          if (value > chunk->values[chunk->len - 1])
            chunk = g_ptr_array_index (self->chunks, index + 1);
        }
    }

  pos = bound_in_chunk (chunk, value, FALSE);
  memmove (chunk->values + pos + 1, chunk->values + pos, (chunk->len - pos) * sizeof (gint64));
  chunk->values[pos] = value;
  chunk->len++;
  self->size++;
}

/**
 * pulse_sorted_bag_remove:
 * @value: the value to take out
 *
 * Removes one copy of @value.
 *
 * Returns: %TRUE if @value was in @self, %FALSE (and nothing changes)
 *   otherwise.
 */
gboolean
pulse_sorted_bag_remove (PulseSortedBag *self,
                         gint64          value)
{
  Chunk *chunk;
  guint index;
  guint pos;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->size == 0)
    return FALSE;

  /* Every chunk before this one ends below @value, so the first copy of
   * @value, if any, is in it. */
  index = find_chunk (self, value);
  chunk = g_ptr_array_index (self->chunks, index);
  pos = bound_in_chunk (chunk, value, FALSE);
  if (pos == chunk->len || chunk->values[pos] != value)
    return FALSE;

  memmove (chunk->values + pos, chunk->values + pos + 1, (chunk->len - pos - 1) * sizeof (gint64));
  chunk->len--;
  self->size--;
  if (chunk->len == 0)
    g_ptr_array_remove_index (self->chunks, index);

  return TRUE;
}

/**
 * pulse_sorted_bag_get_size:
 *
 * Returns: how many values @self holds, counting repeats.
 */
guint
pulse_sorted_bag_get_size (PulseSortedBag *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/**
 * pulse_sorted_bag_get_nth:
 * @index: a position below pulse_sorted_bag_get_size()
 *
 * Returns: the value at @index in ascending order (0 is the smallest).
 */
gint64
pulse_sorted_bag_get_nth (PulseSortedBag *self,
                          guint           index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->size, 0);

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (self->chunks, i);

      if (index < chunk->len)
        return chunk->values[index];
      index -= chunk->len;
    }

  g_assert_not_reached ();
}

/**
 * pulse_sorted_bag_count_at_most:
 * @value: the bound, included
 *
 * Returns: how many values of @self are at most @value.
 */
guint
pulse_sorted_bag_count_at_most (PulseSortedBag *self,
                                gint64          value)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (self->chunks, i);

      if (chunk->values[chunk->len - 1] <= value)
        {
          count += chunk->len;
          continue;
        }
      return count + bound_in_chunk (chunk, value, TRUE);
    }

  return count;
}

/**
 * pulse_sorted_bag_get_percentile:
 * @per_mille: which percentile, in thousandths: 500 is the median, 900
 *   the 90th percentile; at most 1000
 *
 * The percentile by linear interpolation between closest ranks (the
 * "inclusive" definition: R type 7, NumPy's default, spreadsheets'
 * PERCENTILE.INC). With n sorted values v[0…n-1], h = (n − 1) · p and
 * the answer is v[⌊h⌋] + (h − ⌊h⌋) · (v[⌊h⌋ + 1] − v[⌊h⌋]). So the median
 * of an even count is the mean of the two middle values, and one value is
 * every percentile of itself. h is computed in integers, so the answer
 * depends on the values alone, never on rounding of p.
 *
 * Returns: the percentile, or NAN when @self is empty.
 */
double
pulse_sorted_bag_get_percentile (PulseSortedBag *self,
                                 guint           per_mille)
{
  guint64 h;
  guint lower;
  guint64 fraction;
  gint64 low_value;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (per_mille <= 1000, NAN);

  if (self->size == 0)
    return NAN;

  h = (guint64) (self->size - 1) * per_mille;
  lower = (guint) (h / 1000);
  fraction = h % 1000;
  low_value = pulse_sorted_bag_get_nth (self, lower);
  if (fraction == 0)
    return (double) low_value;

  return (double) low_value
         + (double) (pulse_sorted_bag_get_nth (self, lower + 1) - low_value)
           * (double) fraction / 1000.0;
}
