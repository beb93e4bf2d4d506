/* pulse-row-store.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row stores kept in place by key (a queue id, a team id): the pages
 * find a key's row to update it and drop the rows of keys gone, so a
 * change never resets a whole list. A few dozen rows: a linear search
 * costs less than keeping an index in step.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "pulse-row-store.h"

/**
 * pulse_row_store_find:
 * @store: a store of row objects
 * @key_of: what a row's key is
 * @key: the key looked for
 *
 * Returns: (transfer none) (nullable): the row of @key, or %NULL.
 */
gpointer
pulse_row_store_find (GListStore      *store,
                      PulseRowKeyFunc  key_of,
                      const char      *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (key_of (row), key) == 0)
        return row;
    }

  return NULL;
}

/**
 * pulse_row_store_prune:
 * @store: a store of row objects
 * @key_of: what a row's key is
 * @keep: the keys whose rows stay (a set of strings)
 *
 * Removes every row whose key is not in @keep, one items-changed each.
 */
void
pulse_row_store_prune (GListStore      *store,
                       PulseRowKeyFunc  key_of,
                       GHashTable      *keep)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (!g_hash_table_contains (keep, key_of (row)))
        g_list_store_remove (store, i - 1);
    }
}

/**
 * pulse_row_store_resort:
 * @model: a sort model whose rows' properties changed in place
 *
 * Sorts @model again if, and only if, its rows are now out of order.
 * A re-sort moves the list view to keep its anchor row in sight, so
 * sorting each second's tick would scroll the table away under the
 * user; waits that all grow together keep their order and cost a pass.
 *
 * Returns: %TRUE if it sorted again.
 */
gboolean
pulse_row_store_resort (GtkSortListModel *model)
{
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GObject) before = NULL;

  if (sorter == NULL || n < 2)
    return FALSE;

  before = g_list_model_get_item (G_LIST_MODEL (model), 0);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (gtk_sorter_compare (sorter, before, row) == GTK_ORDERING_LARGER)
        {
          gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
          return TRUE;
        }
      g_set_object (&before, row);
    }

  return FALSE;
}
