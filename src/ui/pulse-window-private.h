/* pulse-window-private.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PulseWindow is split by concern over pulse-window.c (the type and its
 * state), pulse-window-pages.c and pulse-window-actions.c (STYLE.md §3).
 */

#pragma once

#include "pulse-connection-indicator.h"
#include "pulse-notifier.h"
#include "pulse-period-button.h"
#include "pulse-window.h"

G_BEGIN_DECLS

/*
 * PulseWindow:
 *
 * The console: a sidebar of pages beside the visible page, folding into
 * one pane on narrow screens. While the session follows no server, a
 * first-run page takes the whole window instead.
 */
struct _PulseWindow
{
  AdwApplicationWindow      parent_instance;

  AdwToastOverlay          *toast_overlay;
  GtkStack                 *main_stack;
  AdwStatusPage            *first_run_page;
  GtkWidget                *demo_button;
  GtkWidget                *connect_button;
  GtkWidget                *first_run_spinner;
  AdwLeaflet               *leaflet;
  GtkWidget                *content_pane;
  GtkListBox               *sidebar_list;
  AdwWindowTitle           *page_title;
  PulseConnectionIndicator *connection_indicator;
  PulsePeriodButton        *period_button;
  GtkStack                 *page_stack;

  PulseSession             *session;
  GSettings                *settings;
  GCancellable             *cancellable;
  char                     *error_headline;
  char                     *error_detail;
  guint                     n_busy;
  PulseOutbox              *watched_outbox;
  PulseNotifier            *notifier;
  guint                     n_held_seen;
  PulseSync                *watched_sync;
  gboolean                  cache_error_told;
  guint                     build_id;    /* the pages not shown yet, being built */
  gboolean                  pages_ready; /* constructed: a page shown is built */
};

/* pulse-window-pages.c */
void        _pulse_window_add_pages                (PulseWindow    *self);
GtkWidget  *_pulse_window_build_page               (PulseWindow    *self,
                                                    const char     *name);
void        _pulse_window_build_pages_later        (PulseWindow    *self);
gboolean    _pulse_window_get_pages_built          (PulseWindow    *self);
int         _pulse_window_find_page                (const char     *name);
const char *_pulse_window_get_page_name            (int             index);
void        _pulse_window_class_add_page_shortcuts (GtkWidgetClass *widget_class);

/* pulse-window-actions.c */
void        _pulse_window_class_install_actions    (GtkWidgetClass *widget_class);
void        _pulse_window_update_actions           (PulseWindow    *self);
void        _pulse_window_update_first_run         (PulseWindow    *self);

/* pulse-window-cache.c */
void        _pulse_window_watch_cache              (PulseWindow    *self);
void        _pulse_window_unwatch_cache            (PulseWindow    *self);

/* pulse-window-edits.c */
void        _pulse_window_watch_edits              (PulseWindow    *self);
void        _pulse_window_unwatch_edits            (PulseWindow    *self);
void        _pulse_window_class_install_edit_actions (GtkWidgetClass *widget_class);

G_END_DECLS
