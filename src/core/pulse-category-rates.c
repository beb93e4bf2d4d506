/* pulse-category-rates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts per category (ticket tag) over time: the week's top
 * categories against the week before, and the spike detector of
 * docs/spikes.md — a category whose last hour is far above its usual
 * rate for that hour of the week.
 */

#include "config.h"

#include <math.h>

#include "pulse-category-rates.h"

#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define WEEK_USEC (7 * 24 * HOUR_USEC)

/* docs/spikes.md: a spike needs at least this many contacts in the
 * hour, this many times the usual, and a Poisson tail this unlikely. */
#define SPIKE_MIN_OBSERVED 5
#define SPIKE_MIN_RATIO 3.0
#define SPIKE_MAX_P 0.001
/* A category usually absent at this hour is taken to have half a contact,
 * so one that never shows does not divide by zero. */
#define EXPECTED_FLOOR 0.5
/* A week of history counts towards the usual rate only if the record
 * holds contacts within this much of that week's hour: a week before the
 * record starts says nothing about what is usual. */
#define COVERAGE_USEC (12 * HOUR_USEC)

struct _PulseCategoryRates
{
  GObject     parent_instance;

  GHashTable *times;   /* tag → GArray of gint64 creation times */
  GHashTable *seen;    /* ids added, so a ticket counts once */
  gboolean    sorted;
};

G_DEFINE_FINAL_TYPE (PulseCategoryRates, pulse_category_rates, G_TYPE_OBJECT)

static void
pulse_category_rates_finalize (GObject *object)
{
  PulseCategoryRates *self = PULSE_CATEGORY_RATES (object);

  g_hash_table_unref (self->times);
  g_hash_table_unref (self->seen);

  G_OBJECT_CLASS (pulse_category_rates_parent_class)->finalize (object);
}

static void
pulse_category_rates_class_init (PulseCategoryRatesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pulse_category_rates_finalize;
}

static void
pulse_category_rates_init (PulseCategoryRates *self)
{
  self->times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sorted = TRUE;
}

/**
 * pulse_category_rates_new:
 *
 * Returns: (transfer full): an empty record.
 */
PulseCategoryRates *
pulse_category_rates_new (void)
{
  return g_object_new (PULSE_TYPE_CATEGORY_RATES, NULL);
}

/**
 * pulse_category_rates_add:
 * @id: the ticket's id; a ticket added again is ignored
 * @tags: (array zero-terminated=1): its tags
 * @created_at: when it came in, µs since the epoch
 *
 * Counts a contact in each of its categories.
 */
void
pulse_category_rates_add (PulseCategoryRates *self,
                          const char         *id,
                          const char * const *tags,
                          gint64              created_at)
{
  g_return_if_fail (PULSE_IS_CATEGORY_RATES (self));
  g_return_if_fail (id != NULL);

  if (tags == NULL || tags[0] == NULL || !g_hash_table_add (self->seen, g_strdup (id)))
    return;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GArray *times = g_hash_table_lookup (self->times, tags[i]);

      if (times == NULL)
        {
          times = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (self->times, g_strdup (tags[i]), times);
        }

      /* Live contacts come newest last: appending keeps the order, and
       * only an older one sorts again (once, at the next count). */
      if (times->len > 0 && g_array_index (times, gint64, times->len - 1) > created_at)
        self->sorted = FALSE;
      g_array_append_val (times, created_at);
    }
}

gboolean
pulse_category_rates_contains (PulseCategoryRates *self,
                               const char         *id)
{
  g_return_val_if_fail (PULSE_IS_CATEGORY_RATES (self), FALSE);

  return g_hash_table_contains (self->seen, id);
}

/* The number of contacts counted. */
guint
pulse_category_rates_get_size (PulseCategoryRates *self)
{
  g_return_val_if_fail (PULSE_IS_CATEGORY_RATES (self), 0);

  return g_hash_table_size (self->seen);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
ensure_sorted (PulseCategoryRates *self)
{
  GHashTableIter iter;
  gpointer times;

  if (self->sorted)
    return;

  g_hash_table_iter_init (&iter, self->times);
  while (g_hash_table_iter_next (&iter, NULL, &times))
    g_array_sort (times, compare_times);
  self->sorted = TRUE;
}

/* The first index whose time is >= @at. */
static guint
lower_bound (GArray *times,
             gint64  at)
{
  guint low = 0, high = times->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (times, gint64, mid) < at)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gint64
count_in (GArray *times,
          gint64  from,
          gint64  to)
{
  return to > from ? (gint64) lower_bound (times, to) - lower_bound (times, from) : 0;
}

/**
 * pulse_category_rates_count:
 * @tag: a category
 * @from: the start, included
 * @to: the end, excluded
 *
 * Returns: the contacts of @tag created in [@from, @to).
 */
gint64
pulse_category_rates_count (PulseCategoryRates *self,
                            const char         *tag,
                            gint64              from,
                            gint64              to)
{
  GArray *times;

  g_return_val_if_fail (PULSE_IS_CATEGORY_RATES (self), 0);

  ensure_sorted (self);
  times = g_hash_table_lookup (self->times, tag);
  return times != NULL ? count_in (times, from, to) : 0;
}

static void
clear_count (gpointer data)
{
  g_free (((PulseCategoryCount *) data)->tag);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const PulseCategoryCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_strcmp0 (x->tag, y->tag);
}

/**
 * pulse_category_rates_top:
 * @now: the end of the week counted
 * @limit: the most categories to return
 *
 * The categories of the last 7 days, most contacts first (ties by
 * name), each with its count of the 7 days before.
 *
 * Returns: (transfer full) (element-type PulseCategoryCount): the top.
 */
GArray *
pulse_category_rates_top (PulseCategoryRates *self,
                          gint64              now,
                          guint               limit)
{
  GArray *top = g_array_new (FALSE, TRUE, sizeof (PulseCategoryCount));
  GHashTableIter iter;
  gpointer tag, times;

  g_array_set_clear_func (top, clear_count);
  g_return_val_if_fail (PULSE_IS_CATEGORY_RATES (self), top);

  ensure_sorted (self);
  g_hash_table_iter_init (&iter, self->times);
  while (g_hash_table_iter_next (&iter, &tag, &times))
    {
      PulseCategoryCount line = {
        .count = count_in (times, now - WEEK_USEC, now),
        .previous = count_in (times, now - 2 * WEEK_USEC, now - WEEK_USEC),
      };

      if (line.count == 0 && line.previous == 0)
        continue;

      line.tag = g_strdup (tag);
      g_array_append_val (top, line);
    }

  g_array_sort (top, compare_counts);
  if (top->len > limit)
    g_array_set_size (top, limit);

  return top;
}

/**
 * pulse_category_rates_poisson_tail:
 * @mean: the expected count, > 0
 * @observed: the count seen
 *
 * P(X ≥ @observed) for X ~ Poisson(@mean), summed in log space so large
 * counts neither overflow nor underflow.
 *
 * Returns: the probability.
 */
double
pulse_category_rates_poisson_tail (double mean,
                                   gint64 observed)
{
  double below = 0, log_term;

  g_return_val_if_fail (mean > 0, NAN);

  if (observed <= 0)
    return 1.0;

  /* 1 − P(X < observed), the terms built as exp(k ln m − m − ln k!). */
  log_term = -mean;
  for (gint64 k = 0; k < observed; k++)
    {
      if (k > 0)
        log_term += log (mean) - log ((double) k);
      below += exp (log_term);
    }

  return CLAMP (1.0 - below, 0.0, 1.0);
}

/* Whether any category has contacts within COVERAGE_USEC of @at. */
static gboolean
has_contacts_near (PulseCategoryRates *self,
                   gint64              at)
{
  GHashTableIter iter;
  gpointer times;

  g_hash_table_iter_init (&iter, self->times);
  while (g_hash_table_iter_next (&iter, NULL, &times))
    {
      if (count_in (times, at - COVERAGE_USEC, at + COVERAGE_USEC) > 0)
        return TRUE;
    }

  return FALSE;
}

static void
clear_spike (gpointer data)
{
  g_free (((PulseCategorySpike *) data)->tag);
}

static int
compare_spikes (gconstpointer a,
                gconstpointer b)
{
  const PulseCategorySpike *x = a, *y = b;

  if (x->ratio != y->ratio)
    return x->ratio > y->ratio ? -1 : 1;

  return g_strcmp0 (x->tag, y->tag);
}

/**
 * pulse_category_rates_spikes:
 * @now: the end of the hour looked at
 * @weeks: how many weeks of history make the usual rate, at least 1
 *
 * The categories whose contacts in the hour before @now are far above
 * their usual count for that hour of the week — the mean of the same
 * hour over those of the @weeks before that the record covers — by the
 * rule of docs/spikes.md. Strongest first; none at all while the record
 * covers none of those weeks.
 *
 * Returns: (transfer full) (element-type PulseCategorySpike): the spikes.
 */
GArray *
pulse_category_rates_spikes (PulseCategoryRates *self,
                             gint64              now,
                             guint               weeks)
{
  GArray *spikes = g_array_new (FALSE, TRUE, sizeof (PulseCategorySpike));
  GHashTableIter iter;
  gpointer tag, times;

  g_autofree gboolean *covered = NULL;
  guint n_covered = 0;

  g_array_set_clear_func (spikes, clear_spike);
  g_return_val_if_fail (PULSE_IS_CATEGORY_RATES (self), spikes);
  g_return_val_if_fail (weeks > 0, spikes);

  ensure_sorted (self);
  covered = g_new0 (gboolean, weeks + 1);
  for (guint w = 1; w <= weeks; w++)
    {
      covered[w] = has_contacts_near (self, now - w * WEEK_USEC - HOUR_USEC / 2);
      n_covered += covered[w];
    }

  /* No history, no usual rate: every category would look like a spike. */
  if (n_covered == 0)
    return spikes;

  g_hash_table_iter_init (&iter, self->times);
  while (g_hash_table_iter_next (&iter, &tag, &times))
    {
      PulseCategorySpike spike = { .observed = count_in (times, now - HOUR_USEC, now) };
      gint64 usual = 0;
      double mean;

      if (spike.observed < SPIKE_MIN_OBSERVED)
        continue;

      for (guint w = 1; w <= weeks; w++)
        if (covered[w])
          usual += count_in (times, now - w * WEEK_USEC - HOUR_USEC, now - w * WEEK_USEC);

      spike.expected = (double) usual / n_covered;
      mean = MAX (spike.expected, EXPECTED_FLOOR);
      spike.ratio = spike.observed / mean;
      spike.p_value = pulse_category_rates_poisson_tail (mean, spike.observed);
      if (spike.ratio < SPIKE_MIN_RATIO || spike.p_value > SPIKE_MAX_P)
        continue;

      spike.tag = g_strdup (tag);
      g_array_append_val (spikes, spike);
    }

  g_array_sort (spikes, compare_spikes);
  return spikes;
}
