/* pulse-csv-export.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pulse_csv_export_save (GtkWidget  *from,
                            const char *suggested_name,
                            GBytes     *csv);

G_END_DECLS
