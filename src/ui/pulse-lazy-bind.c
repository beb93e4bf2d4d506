/* pulse-lazy-bind.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListBox bound to a model makes a row for every item at once, and
 * keeps them all; a GtkColumnView given a model makes the cells of its
 * first rows even while it is not shown. Started on a large cache, the
 * rules, reviews and agents pages, none of them shown, built their rows
 * in the list reset and held the main loop ~0.5 s (docs/performance.md,
 * the app's start). Bound only when first mapped, a page pays for its
 * rows when it is first shown, and a page never shown never does.
 */

#include "config.h"

#include "pulse-lazy-bind.h"

#define PENDING_KEY "pulse-lazy-bind"

typedef struct
{
  GObject                    *model;   /* a GListModel, or a GtkSelectionModel for a view */
  GtkListBoxCreateWidgetFunc  create_func;
  gpointer                    user_data;
  PulseLazyBoundFunc          bound_func;
  gulong                      map_id;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->model);
  g_free (pending);
}

static void
bind_now (GtkWidget *widget,
          Pending   *pending)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    gtk_column_view_set_model (GTK_COLUMN_VIEW (widget), GTK_SELECTION_MODEL (pending->model));
  else
    gtk_list_box_bind_model (GTK_LIST_BOX (widget), G_LIST_MODEL (pending->model),
                             pending->create_func, pending->user_data, NULL);
  if (pending->bound_func != NULL)
    pending->bound_func (pending->user_data);
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   user_data)
{
  Pending *pending = g_object_steal_data (G_OBJECT (widget), PENDING_KEY);

  g_signal_handler_disconnect (widget, pending->map_id);
  bind_now (widget, pending);
  pending_free (pending);
}

/* Forgets a bind still waiting for @widget's mapping. */
static void
forget (GtkWidget *widget)
{
  Pending *pending = g_object_steal_data (G_OBJECT (widget), PENDING_KEY);

  if (pending != NULL)
    {
      g_signal_handler_disconnect (widget, pending->map_id);
      pending_free (pending);
    }
}

static void
bind_when_mapped (GtkWidget *widget,
                  Pending   *pending)
{
  if (gtk_widget_get_mapped (widget))
    {
      bind_now (widget, pending);
      pending_free (pending);
      return;
    }

  pending->map_id = g_signal_connect (widget, "map", G_CALLBACK (on_map_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), PENDING_KEY, pending, pending_free);
}

/**
 * pulse_lazy_bind_list_box:
 * @model: (nullable): the model, or %NULL to unbind (and forget a bind
 *   still waiting)
 * @bound_func: (nullable): called once the rows are made, for what the
 *   caller does to every row (the rows are not made through the
 *   model's `items-changed`, so the caller's own handler does not run)
 *
 * gtk_list_box_bind_model() at once if @box is mapped, else at its
 * first mapping.
 */
void
pulse_lazy_bind_list_box (GtkListBox                 *box,
                          GListModel                 *model,
                          GtkListBoxCreateWidgetFunc  create_func,
                          gpointer                    user_data,
                          PulseLazyBoundFunc          bound_func)
{
  Pending *pending;

  g_return_if_fail (GTK_IS_LIST_BOX (box));

  forget (GTK_WIDGET (box));
  if (model == NULL)
    {
      gtk_list_box_bind_model (box, NULL, NULL, NULL, NULL);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->model = g_object_ref (G_OBJECT (model));
  pending->create_func = create_func;
  pending->user_data = user_data;
  pending->bound_func = bound_func;
  bind_when_mapped (GTK_WIDGET (box), pending);
}

/**
 * pulse_lazy_set_column_view_model:
 * @model: (nullable): the model, or %NULL to take it away (and forget
 *   one still waiting)
 *
 * gtk_column_view_set_model() at once if @view is mapped, else at its
 * first mapping. Until then gtk_column_view_get_model() gives %NULL:
 * read the rows from @model itself.
 */
void
pulse_lazy_set_column_view_model (GtkColumnView     *view,
                                  GtkSelectionModel *model)
{
  Pending *pending;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  forget (GTK_WIDGET (view));
  if (model == NULL)
    {
      gtk_column_view_set_model (view, NULL);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->model = g_object_ref (G_OBJECT (model));
  bind_when_mapped (GTK_WIDGET (view), pending);
}
