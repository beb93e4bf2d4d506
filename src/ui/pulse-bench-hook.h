/* pulse-bench-hook.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pulse_bench_hook_attach (GtkWindow *window);

G_END_DECLS
