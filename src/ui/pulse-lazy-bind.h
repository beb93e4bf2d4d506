/* pulse-lazy-bind.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PulseLazyBoundFunc) (gpointer user_data);

void pulse_lazy_bind_list_box (GtkListBox                 *box,
                               GListModel                 *model,
                               GtkListBoxCreateWidgetFunc  create_func,
                               gpointer                    user_data,
                               PulseLazyBoundFunc          bound_func);
void pulse_lazy_set_column_view_model (GtkColumnView     *view,
                                       GtkSelectionModel *model);

G_END_DECLS
