/* test-ui-util.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pulse-session.h"
#include "pulse-window.h"

G_BEGIN_DECLS

#define PULSE_TEST_UI_TIMEOUT_MS 10000

gboolean     pulse_test_ui_init                 (void);
void         pulse_test_ui_shutdown             (void);
gboolean     pulse_test_ui_skip_without_display (void);
gboolean     pulse_test_ui_is_mapped            (gpointer      widget);
gboolean     pulse_test_ui_is_unmapped          (gpointer      widget);
gboolean     pulse_test_ui_pages_built          (gpointer      window);
void         pulse_test_ui_wait_for_frames      (GtkWidget    *widget,
                                                 guint         n_frames);
GtkWidget   *pulse_test_ui_find_widget          (GtkWidget    *root,
                                                 GType         type,
                                                 const char   *child_name);
GtkWidget   *pulse_test_ui_find_window_title    (GtkWidget    *root,
                                                 const char   *title);
GtkStack    *pulse_test_ui_find_stack           (GtkWidget    *root,
                                                 const char   *child_name);
GtkWindow   *pulse_test_ui_find_toplevel        (GType         type);
void         pulse_test_ui_save_screenshot      (GtkWidget    *widget,
                                                 const char   *name);
PulseWindow *pulse_test_ui_open_window          (PulseSession *session,
                                                 int           width,
                                                 int           height);
void         pulse_test_ui_close_window         (GtkWindow    *window);
char        *pulse_test_ui_dup_closed_url       (void);
void         pulse_test_ui_go_offline           (PulseSession *session);

G_END_DECLS
