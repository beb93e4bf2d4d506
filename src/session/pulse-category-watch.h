/* pulse-category-watch.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-cache.h"
#include "pulse-category-rates.h"

G_BEGIN_DECLS

/* How far back the record goes: the spike rule's four weeks and the
 * hour before them, and more than the two weeks of the week's top. */
#define PULSE_CATEGORY_WATCH_DAYS 29

#define PULSE_TYPE_CATEGORY_WATCH (pulse_category_watch_get_type ())

G_DECLARE_FINAL_TYPE (PulseCategoryWatch, pulse_category_watch, PULSE, CATEGORY_WATCH, GObject)

PulseCategoryWatch *pulse_category_watch_new       (PulseCache         *cache,
                                                    GListModel         *tickets);
PulseCategoryRates *pulse_category_watch_get_rates (PulseCategoryWatch *self);
gboolean            pulse_category_watch_get_loaded (PulseCategoryWatch *self);
void                pulse_category_watch_reload    (PulseCategoryWatch *self);

G_END_DECLS
