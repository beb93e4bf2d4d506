/* pulse-breakdown-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_BREAKDOWN_VIEW (pulse_breakdown_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseBreakdownView, pulse_breakdown_view, PULSE, BREAKDOWN_VIEW, GtkWidget)

void        pulse_breakdown_view_set_session (PulseBreakdownView *self,
                                              PulseSession       *session);
GListModel *pulse_breakdown_view_get_rows    (PulseBreakdownView *self);
GBytes     *pulse_breakdown_view_dup_csv     (PulseBreakdownView *self);

G_END_DECLS
