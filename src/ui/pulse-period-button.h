/* pulse-period-button.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_PERIOD_BUTTON (pulse_period_button_get_type ())

G_DECLARE_FINAL_TYPE (PulsePeriodButton, pulse_period_button, PULSE, PERIOD_BUTTON, GtkWidget)

void        pulse_period_button_set_session (PulsePeriodButton *self,
                                             PulseSession      *session);
const char *pulse_period_button_get_label   (PulsePeriodButton *self);

G_END_DECLS
