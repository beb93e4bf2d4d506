/* pulse-period.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pulse-kpi-view.h"

G_BEGIN_DECLS

void      pulse_period_day_range         (gint64          now,
                                          int             days_back,
                                          gint64         *from,
                                          gint64         *to);
gboolean  pulse_period_is_yesterday      (gint64          from,
                                          gint64          to,
                                          gint64          now);
char     *pulse_period_describe          (PulseKpiWindow  window,
                                          gint64          from,
                                          gint64          to,
                                          gint64          now);
void      pulse_period_previous          (gint64          from,
                                          gint64          to,
                                          gint64          now,
                                          gint64         *previous_from,
                                          gint64         *previous_to);

G_END_DECLS
