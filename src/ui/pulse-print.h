/* pulse-print.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean pulse_print_widget (GtkWidget   *widget,
                             const char  *job_name,
                             const char  *pdf_path,
                             GError     **error);

G_END_DECLS
