/* pulse-category-panel.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-category-watch.h"

G_BEGIN_DECLS

#define PULSE_CATEGORY_PANEL_TOP 10
/* Weeks of history that make a category's usual rate (docs/spikes.md). */
#define PULSE_CATEGORY_SPIKE_WEEKS 4

#define PULSE_TYPE_CATEGORY_PANEL (pulse_category_panel_get_type ())

G_DECLARE_FINAL_TYPE (PulseCategoryPanel, pulse_category_panel, PULSE, CATEGORY_PANEL, GtkWidget)

void    pulse_category_panel_set_watch   (PulseCategoryPanel *self,
                                          PulseCategoryWatch *watch);
void    pulse_category_panel_update      (PulseCategoryPanel *self);
char   *pulse_category_panel_dup_spike_text (const PulseCategorySpike *spike);
char   *pulse_category_panel_dup_change_text (const PulseCategoryCount *count,
                                              gboolean                 *up);

G_END_DECLS
