/* pulse-group-row.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pulse-kpi-summary.h"
#include "pulse-kpi-tile.h"

G_BEGIN_DECLS

#define PULSE_TYPE_GROUP_ROW (pulse_group_row_get_type ())

G_DECLARE_FINAL_TYPE (PulseGroupRow, pulse_group_row, PULSE, GROUP_ROW, GObject)

PulseGroupRow *pulse_group_row_new        (const char            *key,
                                           const char            *name);
const char    *pulse_group_row_get_key    (PulseGroupRow         *self);
const char    *pulse_group_row_get_name   (PulseGroupRow         *self);
void           pulse_group_row_set_name   (PulseGroupRow         *self,
                                           const char            *name);
void           pulse_group_row_update     (PulseGroupRow         *self,
                                           const PulseKpiSummary *summary);
double         pulse_group_row_get_figure (PulseGroupRow         *self,
                                           PulseKpiTileKind       kind);

G_END_DECLS
