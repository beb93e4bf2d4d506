/* pulse-preferences-window.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_PREFERENCES_WINDOW (pulse_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PulsePreferencesWindow, pulse_preferences_window,
                      PULSE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *pulse_preferences_window_new (PulseSession *session);

G_END_DECLS
