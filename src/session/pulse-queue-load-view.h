/* pulse-queue-load-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pulse-queue-load.h"
#include "pulse-state.h"

G_BEGIN_DECLS

#define PULSE_TYPE_QUEUE_LOAD_VIEW (pulse_queue_load_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseQueueLoadView, pulse_queue_load_view, PULSE, QUEUE_LOAD_VIEW, GObject)

PulseQueueLoadView *pulse_queue_load_view_new        (void);
gboolean            pulse_queue_load_view_get_loaded (PulseQueueLoadView     *self);
void                pulse_queue_load_view_reset      (PulseQueueLoadView     *self,
                                                      PulseState             *state);
void                pulse_queue_load_view_apply      (PulseQueueLoadView     *self,
                                                      const PulseStateChange *change);
GHashTable         *pulse_queue_load_view_compute    (PulseQueueLoadView     *self,
                                                      GListModel             *queues,
                                                      GListModel             *agents,
                                                      gint64                  now);

G_END_DECLS
