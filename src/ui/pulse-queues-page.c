/* pulse-queues-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-category-panel.h"
#include "pulse-csv-export.h"
#include "pulse-csv.h"
#include "pulse-drill-down.h"
#include "pulse-health-icon.h"
#include "pulse-lazy-bind.h"
#include "pulse-live-strip.h"
#include "pulse-queue-board.h"
#include "pulse-queues-page.h"
#include "pulse-row-store.h"

/*
 * PulseQueuesPage:
 *
 * One row per queue: its health, what waits and for how long (ticking
 * every second while the page is shown), the period's service level
 * against the queue's goal, contacts in the last hour, abandoned and the
 * agents signed in who can answer it. Sortable by every column,
 * searchable, and filtered to the queues off target on demand.
 *
 * The rows come from a #PulseQueueBoard, which keeps them in place and
 * recounts them once per frame and once a second while the page shows.
 */
struct _PulseQueuesPage
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  PulseLiveStrip   *live_strip;
  PulseCategoryPanel *category_panel;
  GtkSearchEntry   *search_entry;
  GtkToggleButton  *off_target_button;
  GtkColumnView    *column_view;
  GtkColumnViewColumn *health_column;

  PulseSession     *session;
  PulseQueueBoard  *board;
  GtkCustomFilter  *filter;
  GtkSortListModel *sorted;
};

G_DEFINE_FINAL_TYPE (PulseQueuesPage, pulse_queues_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
inner_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its list view's
 * "list.scroll-to-item" action brings the first row back into view. */
static gboolean
back_to_top_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *list_view = inner_list_view (widget);

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 0);
  return G_SOURCE_REMOVE;
}

/* A re-sort makes the list keep its anchor row in view, which scrolls
 * the worst queues out of sight as they rise; a table looked at from the
 * top stays at the top. */
static void
resort_keeping_top (PulseQueuesPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  gboolean at_top = adjustment == NULL
                    || gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);

  if (!pulse_row_store_resort (self->sorted) || !at_top || adjustment == NULL)
    return;

  /* The list moves to its anchor when it lays the rows out: back to the
   * top after that, in the frame's layout, before it is drawn. */
  gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), back_to_top_cb, NULL, NULL);
}

static void
on_refreshed_cb (PulseQueuesPage *self)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (rows) > 0
                                                 ? "queues" : "empty");
  pulse_live_strip_update (self->live_strip, pulse_queue_board_get_totals (self->board));
  pulse_category_panel_set_watch (self->category_panel,
                                  pulse_session_get_category_watch (self->session));
  pulse_category_panel_update (self->category_panel);

  /* Row properties changed under the filter and the sort. Only the
   * off-target filter depends on them; the sort is redone only when the
   * rows are out of order, so the table does not scroll on its own. */
  if (gtk_toggle_button_get_active (self->off_target_button))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  resort_keeping_top (self);
}

/* Waits tick only while someone can see them. */
static void
pulse_queues_page_map (GtkWidget *widget)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (widget);

  GTK_WIDGET_CLASS (pulse_queues_page_parent_class)->map (widget);
  pulse_queue_board_set_ticking (self->board, TRUE);
}

static void
pulse_queues_page_unmap (GtkWidget *widget)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (widget);

  pulse_queue_board_set_ticking (self->board, FALSE);
  GTK_WIDGET_CLASS (pulse_queues_page_parent_class)->unmap (widget);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PulseQueuesPage *self = user_data;
  PulseQueueRow *row = item;

  if (gtk_toggle_button_get_active (self->off_target_button)
      && pulse_queue_row_get_health (row) < PULSE_QUEUE_HEALTH_AT_RISK)
    return FALSE;

  return pulse_queue_row_matches (row, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_changed_cb (PulseQueuesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_row_activated_cb (PulseQueuesPage *self,
                     guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(PulseQueueRow) row = g_list_model_get_item (model, position);
  g_auto(PulseContactFilter) filter = { 0 };
  PulseQueue *queue;

  if (row == NULL)
    return;

  /* The queue's contacts of the period, newest (and so the waiting)
   * first. */
  queue = pulse_queue_row_get_queue (row);
  pulse_drill_down_set_period (self->session, &filter);
  filter.queue_id = g_strdup (pulse_queue_get_id (queue));
  pulse_drill_down_open (GTK_WIDGET (self), self->session, pulse_queue_get_name (queue), &filter);
}

static const PulseCsvColumn csv_columns[] = {
  { N_("Queue"), "title" },
  { N_("Country and channel"), "subtitle" },
  { N_("Status"), "health-label" },
  { N_("Waiting"), "waiting" },
  { N_("Longest wait (s)"), "oldest-wait" },
  { N_("Service level"), "service-level" },
  { N_("Contacts"), "contacts" },
  { N_("Last hour"), "incoming" },
  { N_("Abandoned"), "abandoned" },
  { N_("Agents signed in"), "agents-online" },
};

/**
 * pulse_queues_page_dup_csv:
 *
 * The table as shown (filtered and sorted) as CSV, with raw numbers:
 * seconds, shares as fractions.
 *
 * Returns: (transfer full): the CSV text.
 */
GBytes *
pulse_queues_page_dup_csv (PulseQueuesPage *self)
{
  g_return_val_if_fail (PULSE_IS_QUEUES_PAGE (self), NULL);

  return pulse_csv_from_model (G_LIST_MODEL (self->sorted), csv_columns,
                               G_N_ELEMENTS (csv_columns));
}

static void
on_export_clicked_cb (PulseQueuesPage *self)
{
  g_autoptr(GBytes) csv = pulse_queues_page_dup_csv (self);

  /* Translators: the file name an export of the Queues table suggests */
  pulse_csv_export_save (GTK_WIDGET (self), _("queues.csv"), csv);
}

static void
setup_model (PulseQueuesPage *self)
{
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GListModel *rows = pulse_queue_board_get_rows (self->board);

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  /* The table's 40 rows of cells cost ~20 ms: made when first shown, not
   * at a start on another page (pulse-lazy-bind.c). */
  pulse_lazy_set_column_view_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Worst first: breaches, then the longest waits. */
  gtk_column_view_sort_by_column (self->column_view, self->health_column, GTK_SORT_DESCENDING);
}

static void
pulse_queues_page_constructed (GObject *object)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  G_OBJECT_CLASS (pulse_queues_page_parent_class)->constructed (object);

  self->board = pulse_queue_board_new (self->session);
  g_signal_connect_object (self->board, "refreshed", G_CALLBACK (on_refreshed_cb), self,
                           G_CONNECT_SWAPPED);
  setup_model (self);
  pulse_queue_board_refresh (self->board);
}

static void
pulse_queues_page_dispose (GObject *object)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_clear_object (&self->board);
  g_clear_object (&self->session);
  /* The stack is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_QUEUES_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (pulse_queues_page_parent_class)->dispose (object);
}

static void
pulse_queues_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_queues_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_queues_page_class_init (PulseQueuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_queues_page_constructed;
  object_class->dispose = pulse_queues_page_dispose;
  object_class->get_property = pulse_queues_page_get_property;
  object_class->set_property = pulse_queues_page_set_property;
  widget_class->map = pulse_queues_page_map;
  widget_class->unmap = pulse_queues_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_HEALTH_ICON);
  g_type_ensure (PULSE_TYPE_QUEUE_ROW);
  g_type_ensure (PULSE_TYPE_CATEGORY_PANEL);
  g_type_ensure (PULSE_TYPE_LIVE_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-queues-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, live_strip);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, category_panel);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, off_target_button);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, health_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
pulse_queues_page_init (PulseQueuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_queues_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_QUEUES_PAGE, "session", session, NULL);
}
