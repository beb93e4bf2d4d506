/* pulse-sorted-bag.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PulseSortedBag PulseSortedBag;

PulseSortedBag *pulse_sorted_bag_new             (void);
void            pulse_sorted_bag_free            (PulseSortedBag *self);
void            pulse_sorted_bag_insert          (PulseSortedBag *self,
                                                  gint64          value);
gboolean        pulse_sorted_bag_remove          (PulseSortedBag *self,
                                                  gint64          value);
guint           pulse_sorted_bag_get_size        (PulseSortedBag *self);
gint64          pulse_sorted_bag_get_nth         (PulseSortedBag *self,
                                                  guint           index);
guint           pulse_sorted_bag_count_at_most   (PulseSortedBag *self,
                                                  gint64          value);
double          pulse_sorted_bag_get_percentile  (PulseSortedBag *self,
                                                  guint           per_mille);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseSortedBag, pulse_sorted_bag_free)

G_END_DECLS
