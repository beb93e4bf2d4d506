/* pulse-window.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"

G_BEGIN_DECLS

#define PULSE_TYPE_WINDOW (pulse_window_get_type ())

G_DECLARE_FINAL_TYPE (PulseWindow, pulse_window, PULSE, WINDOW, AdwApplicationWindow)

PulseWindow  *pulse_window_new                 (GtkApplication *application,
                                                PulseSession   *session);
PulseSession *pulse_window_get_session         (PulseWindow    *self);
const char   *pulse_window_get_visible_page    (PulseWindow    *self);
void          pulse_window_add_toast           (PulseWindow    *self,
                                                const char     *text);
void          pulse_window_show_toast          (PulseWindow    *self,
                                                AdwToast       *toast);
void          pulse_window_set_visible_page    (PulseWindow    *self,
                                                const char     *page_name);
void          pulse_window_start_demo          (PulseWindow    *self);
void          pulse_window_connect             (PulseWindow    *self,
                                                const char     *server_url);
void          pulse_window_show_connect_dialog (PulseWindow    *self);

G_END_DECLS
