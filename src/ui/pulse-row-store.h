/* pulse-row-store.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef const char *(*PulseRowKeyFunc) (gpointer row);

gpointer pulse_row_store_find  (GListStore      *store,
                                PulseRowKeyFunc  key_of,
                                const char      *key);
void     pulse_row_store_prune (GListStore      *store,
                                PulseRowKeyFunc  key_of,
                                GHashTable      *keep);

typedef struct _GtkSortListModel GtkSortListModel;

gboolean pulse_row_store_resort (GtkSortListModel *model);

G_END_DECLS
