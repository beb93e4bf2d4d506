/* pulse-connection-indicator.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_CONNECTION_INDICATOR (pulse_connection_indicator_get_type ())

G_DECLARE_FINAL_TYPE (PulseConnectionIndicator, pulse_connection_indicator,
                      PULSE, CONNECTION_INDICATOR, GtkWidget)

GtkWidget    *pulse_connection_indicator_new         (PulseSession             *session);
PulseSession *pulse_connection_indicator_get_session (PulseConnectionIndicator *self);
void          pulse_connection_indicator_set_session (PulseConnectionIndicator *self,
                                                      PulseSession             *session);
const char   *pulse_connection_indicator_get_label   (PulseConnectionIndicator *self);

G_END_DECLS
