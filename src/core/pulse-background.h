/* pulse-background.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worker threads yield the CPU to the main loop; the writes that keep
 * edits on disk run on threads that never do.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The niceness a worker takes: CFS then gives a runnable main thread
 * about nine tenths of a core a worker shares with it. */
#define PULSE_BACKGROUND_NICE 10

void     pulse_background_enter       (void);
gboolean pulse_background_is_entered  (void);
void     pulse_foreground_run_in_thread (GTask           *task,
                                         GTaskThreadFunc  task_func);
void     pulse_background_run_in_thread (GTask           *task,
                                         GTaskThreadFunc  task_func);

G_END_DECLS
