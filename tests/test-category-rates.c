/* test-category-rates.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Categories over time, counted by hand: the week's top against the week
 * before, the Poisson tail, and the spike rule of docs/spikes.md.
 */

#include "config.h"

#include <math.h>

#include "pulse-category-rates.h"
#include "pulse-time-utils.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static void
add_n (PulseCategoryRates *rates,
       const char         *tag,
       guint               n,
       gint64              start,
       gint64              spread)
{
  const char *tags[] = { tag, NULL };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%u", tag, start, i);

      pulse_category_rates_add (rates, id, tags, start + spread * i / MAX (n, 1));
    }
}

static void
test_poisson_tail (void)
{
  /* 1 − e⁻¹ (1 + 1 + 1/2 + 1/6 + 1/24) = 0.0036599 */
  g_assert_cmpfloat_with_epsilon (pulse_category_rates_poisson_tail (1.0, 5), 0.0036599, 1e-6);
  /* 1 − e^-0.5 (1 + .5 + .125 + .0208333 + .0026042) = 0.0001721 */
  g_assert_cmpfloat_with_epsilon (pulse_category_rates_poisson_tail (0.5, 5), 0.0001721, 1e-6);
  g_assert_cmpfloat (pulse_category_rates_poisson_tail (3.0, 0), ==, 1.0);
  /* Large counts stay finite: e^-1000 underflows term by term otherwise. */
  g_assert_true (isfinite (pulse_category_rates_poisson_tail (1000.0, 900)));
  g_assert_cmpfloat (pulse_category_rates_poisson_tail (1000.0, 900), >, 0.99);
}

static void
test_top (void)
{
  g_autoptr(PulseCategoryRates) rates = pulse_category_rates_new ();
  gint64 now = at ("2026-11-18T12:00:00Z");
  const char *both[] = { "payment-not-received", "app-not-working", NULL };
  g_autoptr(GArray) top = NULL;
  PulseCategoryCount *first, *second;

  add_n (rates, "personal-data-change", 40, now - 6 * DAY, 5 * DAY);
  add_n (rates, "personal-data-change", 50, now - 13 * DAY, 5 * DAY);
  add_n (rates, "payment-not-received", 12, now - 2 * DAY, DAY);
  add_n (rates, "fraud", 3, now - 10 * DAY, DAY);
  /* One contact in two categories counts in both; added twice, once. */
  pulse_category_rates_add (rates, "t-both", both, now - HOUR);
  pulse_category_rates_add (rates, "t-both", both, now - HOUR);
  /* Exactly a week ago is this week's first instant; now itself is not
   * counted yet. */
  add_n (rates, "loan-conditions", 1, now - WEEK, 0);
  add_n (rates, "loan-conditions", 1, now, 0);

  g_assert_cmpuint (pulse_category_rates_get_size (rates), ==, 40 + 50 + 12 + 3 + 1 + 2);
  top = pulse_category_rates_top (rates, now, 3);
  g_assert_cmpuint (top->len, ==, 3);
  first = &g_array_index (top, PulseCategoryCount, 0);
  second = &g_array_index (top, PulseCategoryCount, 1);
  g_assert_cmpstr (first->tag, ==, "personal-data-change");
  g_assert_cmpint (first->count, ==, 40);
  g_assert_cmpint (first->previous, ==, 50);
  g_assert_cmpstr (second->tag, ==, "payment-not-received");
  g_assert_cmpint (second->count, ==, 13);
  g_assert_cmpstr (g_array_index (top, PulseCategoryCount, 2).tag, ==, "app-not-working");

  g_clear_pointer (&top, g_array_unref);
  top = pulse_category_rates_top (rates, now, 10);
  g_assert_cmpuint (top->len, ==, 5);
  g_assert_cmpstr (g_array_index (top, PulseCategoryCount, 3).tag, ==, "loan-conditions");
  g_assert_cmpint (g_array_index (top, PulseCategoryCount, 3).count, ==, 1);
  g_assert_cmpint (g_array_index (top, PulseCategoryCount, 3).previous, ==, 0);
  /* fraud: none this week, 3 the week before. */
  g_assert_cmpstr (g_array_index (top, PulseCategoryCount, 4).tag, ==, "fraud");
  g_assert_cmpint (g_array_index (top, PulseCategoryCount, 4).count, ==, 0);
  g_assert_cmpint (g_array_index (top, PulseCategoryCount, 4).previous, ==, 3);
  g_assert_cmpint (pulse_category_rates_count (rates, "fraud", now - 2 * WEEK, now), ==, 3);
}

static void
test_spikes (void)
{
  g_autoptr(PulseCategoryRates) rates = pulse_category_rates_new ();
  gint64 now = at ("2026-11-18T12:00:00Z");
  g_autoptr(GArray) spikes = NULL;
  PulseCategorySpike *spike;

  for (guint w = 1; w <= 4; w++)
    {
      /* Usually 2 an hour about payments and 4 about loans at 11:00–12:00. */
      add_n (rates, "payment-not-received", 2, now - w * WEEK - HOUR, HOUR);
      add_n (rates, "loan-conditions", 4, now - w * WEEK - HOUR, HOUR);
      /* The hour after does not count as usual for this one. */
      add_n (rates, "fraud", 30, now - w * WEEK, HOUR);
    }

  /* The last hour: payments 12 (6×), loans 6 (1.5×), fraud 5 (never at
   * this hour: 5 / 0.5 = 10×), personal data 4 (under the minimum). */
  add_n (rates, "payment-not-received", 12, now - HOUR, HOUR);
  add_n (rates, "loan-conditions", 6, now - HOUR, HOUR);
  add_n (rates, "fraud", 5, now - HOUR, HOUR);
  add_n (rates, "personal-data-change", 4, now - HOUR, HOUR);

  spikes = pulse_category_rates_spikes (rates, now, 4);
  g_assert_cmpuint (spikes->len, ==, 2);
  spike = &g_array_index (spikes, PulseCategorySpike, 0);
  g_assert_cmpstr (spike->tag, ==, "fraud");
  g_assert_cmpint (spike->observed, ==, 5);
  g_assert_cmpfloat (spike->expected, ==, 0.0);
  g_assert_cmpfloat (spike->ratio, ==, 10.0);
  g_assert_cmpfloat_with_epsilon (spike->p_value, 0.0001721, 1e-6);
  spike = &g_array_index (spikes, PulseCategorySpike, 1);
  g_assert_cmpstr (spike->tag, ==, "payment-not-received");
  g_assert_cmpint (spike->observed, ==, 12);
  g_assert_cmpfloat (spike->expected, ==, 2.0);
  g_assert_cmpfloat (spike->ratio, ==, 6.0);
  g_assert_cmpfloat (spike->p_value, <, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/category-rates/poisson-tail", test_poisson_tail);
  g_test_add_func ("/pulse/core/category-rates/top", test_top);
  g_test_add_func ("/pulse/core/category-rates/spikes", test_spikes);

  return g_test_run ();
}
