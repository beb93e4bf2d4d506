/* pulse-sparkline.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PULSE_TYPE_SPARKLINE (pulse_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (PulseSparkline, pulse_sparkline, PULSE, SPARKLINE, GtkWidget)

GtkWidget *pulse_sparkline_new        (void);
void       pulse_sparkline_set_values (PulseSparkline *self,
                                       const guint    *values,
                                       guint           n_values);
void       pulse_sparkline_set_scale  (PulseSparkline *self,
                                       guint           scale);
guint      pulse_sparkline_get_n_values (PulseSparkline *self);
guint      pulse_sparkline_get_value  (PulseSparkline *self,
                                       guint           index);

G_END_DECLS
