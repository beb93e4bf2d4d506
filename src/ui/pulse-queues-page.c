/* pulse-queues-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-format.h"
#include "pulse-health-icon.h"
#include "pulse-queue-load.h"
#include "pulse-queue-row.h"
#include "pulse-queues-page.h"
#include "pulse-stat-tile.h"

/* Above GTK's redraw, so a refresh lands in the frame it was asked for. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 15)

/*
 * PulseQueuesPage:
 *
 * One row per queue: its health, what waits and for how long (ticking
 * every second while the page is shown), the period's service level
 * against the queue's goal, contacts in the last hour, abandoned and the
 * agents signed in who can answer it. Sortable by every column,
 * searchable, and filtered to the queues off target on demand.
 *
 * Rows are kept in place: a queue that comes or goes adds or removes its
 * row; everything else updates the row's properties, coalesced into one
 * refresh per frame however many events arrive.
 */
struct _PulseQueuesPage
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  PulseStatTile    *waiting_tile;
  PulseStatTile    *oldest_tile;
  PulseStatTile    *breach_tile;
  PulseStatTile    *agents_tile;
  GtkSearchEntry   *search_entry;
  GtkToggleButton  *off_target_button;
  GtkColumnView    *column_view;
  GtkColumnViewColumn *health_column;

  PulseSession     *session;
  PulseKpiView     *view;
  GListStore       *rows;
  GtkCustomFilter  *filter;
  GtkSortListModel *sorted;
  guint             refresh_id;
  guint             tick_id;
};

G_DEFINE_FINAL_TYPE (PulseQueuesPage, pulse_queues_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
list_of (PulseQueuesPage *self,
         PulseStateKind   kind)
{
  return pulse_session_get_list (self->session, kind);
}

static PulseQueueRow *
find_row (PulseQueuesPage *self,
          const char      *queue_id,
          guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (g_strcmp0 (pulse_queue_get_id (pulse_queue_row_get_queue (row)), queue_id) == 0)
        {
          *position = i;
          return row;
        }
    }

  return NULL;
}

/* Rows follow the queue list by id: new queues get a row, gone ones lose
 * theirs, and a new version of a queue goes into its existing row. */
static void
sync_rows (PulseQueuesPage *self)
{
  GListModel *queues = list_of (self, PULSE_STATE_KIND_QUEUE);
  guint n = g_list_model_get_n_items (queues);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint position;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueue) queue = g_list_model_get_item (queues, i);
      PulseQueueRow *row = find_row (self, pulse_queue_get_id (queue), &position);

      g_hash_table_add (seen, (gpointer) pulse_queue_get_id (queue));
      if (row != NULL)
        {
          pulse_queue_row_set_queue (row, queue);
        }
      else
        {
          g_autoptr(PulseQueueRow) added = pulse_queue_row_new (queue);

          g_list_store_append (self->rows, added);
        }
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i > 0; i--)
    {
      g_autoptr(PulseQueueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i - 1);

      if (!g_hash_table_contains (seen, pulse_queue_get_id (pulse_queue_row_get_queue (row))))
        g_list_store_remove (self->rows, i - 1);
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "queues" : "empty");
}

static void
update_summary (PulseQueuesPage *self,
                guint            waiting,
                gint64           oldest,
                guint            off_target,
                guint            agents)
{
  g_autofree char *waiting_text = g_strdup_printf ("%u", waiting);
  g_autofree char *oldest_text = pulse_format_wait (oldest);
  g_autofree char *off_text = g_strdup_printf ("%u", off_target);
  g_autofree char *agents_text = g_strdup_printf ("%u", agents);

  pulse_stat_tile_set_value (self->waiting_tile, waiting_text);
  pulse_stat_tile_set_value (self->oldest_tile, oldest_text);
  pulse_stat_tile_set_value (self->breach_tile, off_text);
  pulse_stat_tile_set_caption (self->breach_tile, off_target > 0
                               ? _("At risk or in breach") : _("All within target"),
                               off_target > 0 ? PULSE_STAT_TREND_WORSE
                                              : PULSE_STAT_TREND_BETTER);
  pulse_stat_tile_set_value (self->agents_tile, agents_text);
}

static guint
count_signed_in (GListModel *agents)
{
  guint n = g_list_model_get_n_items (agents), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);
      PulseAgentStatus status = pulse_agent_get_status (agent);

      count += status == PULSE_AGENT_STATUS_AVAILABLE || status == PULSE_AGENT_STATUS_BUSY
               || status == PULSE_AGENT_STATUS_AFTER_CALL;
    }

  return count;
}

static void
refresh (PulseQueuesPage *self)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GHashTable) loads = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint waiting = 0, off_target = 0;
  gint64 oldest = -1;

  loads = pulse_queue_load_compute (list_of (self, PULSE_STATE_KIND_QUEUE),
                                    list_of (self, PULSE_STATE_KIND_AGENT),
                                    list_of (self, PULSE_STATE_KIND_TICKET), now);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseQueueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      const char *id = pulse_queue_get_id (pulse_queue_row_get_queue (row));
      g_autoptr(PulseKpiSummary) summary = NULL;

      if (self->view != NULL)
        summary = pulse_kpi_view_dup_summary (self->view, id);
      pulse_queue_row_update (row, g_hash_table_lookup (loads, id), summary, now);
      waiting += pulse_queue_row_get_waiting (row);
      oldest = MAX (oldest, pulse_queue_row_get_oldest_wait (row));
      off_target += pulse_queue_row_get_health (row) >= PULSE_QUEUE_HEALTH_AT_RISK;
    }

  update_summary (self, waiting, oldest, off_target,
                  count_signed_in (list_of (self, PULSE_STATE_KIND_AGENT)));

  /* Row properties changed under the sort and the filter: with a few
   * dozen queues, sorting again each refresh costs nothing. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseQueuesPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (PulseQueuesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (REFRESH_PRIORITY, refresh_cb, self, NULL);
}

static void
on_queues_changed_cb (PulseQueuesPage *self)
{
  sync_rows (self);
  schedule_refresh (self);
}

static void
take_view (PulseQueuesPage *self)
{
  PulseKpiView *view = pulse_session_get_kpi_view (self->session, PULSE_KPI_GROUP_QUEUE);

  if (view == self->view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "changed", G_CALLBACK (schedule_refresh), self,
                             G_CONNECT_SWAPPED);
  schedule_refresh (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* Waits tick only while someone can see them. */
static void
pulse_queues_page_map (GtkWidget *widget)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (widget);

  GTK_WIDGET_CLASS (pulse_queues_page_parent_class)->map (widget);
  take_view (self);
  refresh (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
pulse_queues_page_unmap (GtkWidget *widget)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
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

  if (row != NULL)
    g_debug ("queue %s activated", pulse_queue_get_id (pulse_queue_row_get_queue (row)));
}

static void
setup_model (PulseQueuesPage *self)
{
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  self->rows = g_list_store_new (PULSE_TYPE_QUEUE_ROW);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Worst first: breaches, then the longest waits. */
  gtk_column_view_sort_by_column (self->column_view, self->health_column, GTK_SORT_DESCENDING);
}

static void
pulse_queues_page_constructed (GObject *object)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  G_OBJECT_CLASS (pulse_queues_page_parent_class)->constructed (object);

  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_QUEUE), "items-changed",
                           G_CALLBACK (on_queues_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_TICKET), "items-changed",
                           G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list_of (self, PULSE_STATE_KIND_AGENT), "items-changed",
                           G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "data-reset", G_CALLBACK (take_view), self,
                           G_CONNECT_SWAPPED);
  sync_rows (self);
  take_view (self);
}

static void
pulse_queues_page_dispose (GObject *object)
{
  PulseQueuesPage *self = PULSE_QUEUES_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->session);
  /* The stack is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_QUEUES_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);

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
  g_type_ensure (PULSE_TYPE_STAT_TILE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-queues-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, waiting_tile);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, oldest_tile);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, breach_tile);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, agents_tile);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, off_target_button);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PulseQueuesPage, health_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
pulse_queues_page_init (PulseQueuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_model (self);
}

GtkWidget *
pulse_queues_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_QUEUES_PAGE, "session", session, NULL);
}
