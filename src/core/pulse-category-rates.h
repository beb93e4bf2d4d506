/* pulse-category-rates.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PulseCategoryCount:
 * @tag: the category (a ticket tag)
 * @count: contacts with it in the last 7 days
 * @previous: contacts with it in the 7 days before
 *
 * One line of the week's top categories.
 */
typedef struct
{
  char   *tag;
  gint64  count;
  gint64  previous;
} PulseCategoryCount;

/**
 * PulseCategorySpike:
 * @tag: the category
 * @observed: its contacts in the last hour
 * @expected: its usual contacts in that hour of the week (the mean over
 *   the weeks of history)
 * @ratio: @observed over @expected (with a floor under @expected)
 * @p_value: the chance of @observed or more if the rate were usual
 *   (Poisson tail)
 *
 * A category far above its usual rate for this hour.
 */
typedef struct
{
  char   *tag;
  gint64  observed;
  double  expected;
  double  ratio;
  double  p_value;
} PulseCategorySpike;

#define PULSE_TYPE_CATEGORY_RATES (pulse_category_rates_get_type ())

G_DECLARE_FINAL_TYPE (PulseCategoryRates, pulse_category_rates, PULSE, CATEGORY_RATES, GObject)

PulseCategoryRates *pulse_category_rates_new          (void);
void                pulse_category_rates_add          (PulseCategoryRates  *self,
                                                       const char          *id,
                                                       const char * const  *tags,
                                                       gint64               created_at);
gboolean            pulse_category_rates_contains     (PulseCategoryRates  *self,
                                                       const char          *id);
guint               pulse_category_rates_get_size     (PulseCategoryRates  *self);
gint64              pulse_category_rates_count        (PulseCategoryRates  *self,
                                                       const char          *tag,
                                                       gint64               from,
                                                       gint64               to);
GArray             *pulse_category_rates_top          (PulseCategoryRates  *self,
                                                       gint64               now,
                                                       guint                limit);
GArray             *pulse_category_rates_spikes       (PulseCategoryRates  *self,
                                                       gint64               now,
                                                       guint                weeks);
double              pulse_category_rates_poisson_tail (double               mean,
                                                       gint64               observed);

G_END_DECLS
