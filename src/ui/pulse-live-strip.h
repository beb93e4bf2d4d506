/* pulse-live-strip.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-queue-board.h"

G_BEGIN_DECLS

#define PULSE_TYPE_LIVE_STRIP (pulse_live_strip_get_type ())

G_DECLARE_FINAL_TYPE (PulseLiveStrip, pulse_live_strip, PULSE, LIVE_STRIP, GtkWidget)

void pulse_live_strip_update (PulseLiveStrip         *self,
                              const PulseQueueTotals *totals);

G_END_DECLS
