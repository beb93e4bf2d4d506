/* pulse-coverage-page.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-heatmap.h"
#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_COVERAGE_PAGE (pulse_coverage_page_get_type ())

G_DECLARE_FINAL_TYPE (PulseCoveragePage, pulse_coverage_page, PULSE, COVERAGE_PAGE, AdwBin)

GtkWidget    *pulse_coverage_page_new          (PulseSession      *session);
PulseHeatmap *pulse_coverage_page_get_heatmap  (PulseCoveragePage *self);
guint         pulse_coverage_page_get_n_fetches (PulseCoveragePage *self);
gboolean      pulse_coverage_page_get_loading  (PulseCoveragePage *self);

G_END_DECLS
