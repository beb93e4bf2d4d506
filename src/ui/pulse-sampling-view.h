/* pulse-sampling-view.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_SAMPLING_VIEW (pulse_sampling_view_get_type ())

G_DECLARE_FINAL_TYPE (PulseSamplingView, pulse_sampling_view, PULSE, SAMPLING_VIEW, AdwBin)

GtkWidget *pulse_sampling_view_new          (PulseSession      *session);
void       pulse_sampling_view_refresh      (PulseSamplingView *self);
gboolean   pulse_sampling_view_get_loaded   (PulseSamplingView *self);
gint64     pulse_sampling_view_get_gradings (PulseSamplingView *self);

G_END_DECLS
