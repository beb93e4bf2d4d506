/* pulse-breakdown-view.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-before-frame.h"
#include "pulse-breakdown-view.h"
#include "pulse-csv-export.h"
#include "pulse-csv.h"
#include "pulse-entity-list.h"
#include "pulse-enums.h"
#include "pulse-format.h"
#include "pulse-group-row.h"
#include "pulse-queue.h"
#include "pulse-row-store.h"
#include "pulse-team.h"

/**
 * PulseBreakdownView:
 *
 * The period's headline figures per team, queue, channel or country —
 * the session's shared breakdown (#PulseSession:kpi-group) — in a
 * sortable table, most contacts first. Rows are kept in place by group
 * key and refreshed once per frame when the KPI view changes.
 */
struct _PulseBreakdownView
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkDropDown         *group_dropdown;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *contacts_column;

  PulseSession        *session;
  PulseKpiView        *view;
  GListStore          *rows;
  GtkSortListModel    *sorted;
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (PulseBreakdownView, pulse_breakdown_view, GTK_TYPE_WIDGET)

/* The dropdown's choices, in its order. */
static const PulseKpiGroup groups[] = {
  PULSE_KPI_GROUP_TEAM,
  PULSE_KPI_GROUP_QUEUE,
  PULSE_KPI_GROUP_CHANNEL,
  PULSE_KPI_GROUP_COUNTRY,
};

static char *
name_of (PulseBreakdownView *self,
         PulseKpiGroup       group,
         const char         *key)
{
  GEnumClass *channels;
  GEnumValue *channel;
  gpointer item;

  switch (group)
    {
    case PULSE_KPI_GROUP_TEAM:
      item = pulse_entity_list_lookup (PULSE_ENTITY_LIST (pulse_session_get_list (
                                         self->session, PULSE_STATE_KIND_TEAM)), key);
      return g_strdup (item != NULL ? pulse_team_get_name (item) : key);
    case PULSE_KPI_GROUP_QUEUE:
      item = pulse_entity_list_lookup (PULSE_ENTITY_LIST (pulse_session_get_list (
                                         self->session, PULSE_STATE_KIND_QUEUE)), key);
      return g_strdup (item != NULL ? pulse_queue_get_name (item) : key);
    case PULSE_KPI_GROUP_CHANNEL:
      channels = g_type_class_ref (PULSE_TYPE_CHANNEL_KIND);
      channel = g_enum_get_value_by_nick (channels, key);
      g_type_class_unref (channels);
      return g_strdup (channel != NULL ? pulse_format_channel (channel->value) : key);
    case PULSE_KPI_GROUP_NONE:
    case PULSE_KPI_GROUP_AGENT:
    case PULSE_KPI_GROUP_COUNTRY:
    default:
      return g_strdup (key);
    }
}

static const char *
row_key (gpointer row)
{
  return pulse_group_row_get_key (row);
}

static void
refresh (PulseBreakdownView *self)
{
  PulseKpiGroup group = pulse_session_get_kpi_group (self->session);
  g_auto(GStrv) keys = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->view != NULL)
    keys = pulse_kpi_view_dup_keys (self->view);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr(PulseKpiSummary) summary = pulse_kpi_view_dup_summary (self->view, keys[i]);
      g_autofree char *name = name_of (self, group, keys[i]);
      PulseGroupRow *row = pulse_row_store_find (self->rows, row_key, keys[i]);

      g_hash_table_add (wanted, keys[i]);
      if (row == NULL)
        {
          g_autoptr(PulseGroupRow) added = pulse_group_row_new (keys[i], name);

          pulse_group_row_update (added, summary);
          g_list_store_append (self->rows, added);
          continue;
        }
      pulse_group_row_set_name (row, name);
      pulse_group_row_update (row, summary);
    }

  pulse_row_store_prune (self->rows, row_key, wanted);

  pulse_row_store_resort (self->sorted);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseBreakdownView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (PulseBreakdownView *self)
{
  /* Before the frame it was asked for (pulse-before-frame.c). */
  pulse_before_frame_schedule (&self->refresh_id, refresh_cb, self);
}

/* Another grouping is another set of rows: start from none. */
static void
take_view (PulseBreakdownView *self)
{
  PulseKpiGroup group = pulse_session_get_kpi_group (self->session);
  PulseKpiView *view = pulse_session_get_kpi_view (self->session, group);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (groups[i] == group && gtk_drop_down_get_selected (self->group_dropdown) != i)
        gtk_drop_down_set_selected (self->group_dropdown, i);
    }

  if (view == self->view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "changed", G_CALLBACK (schedule_refresh), self,
                             G_CONNECT_SWAPPED);
  g_list_store_remove_all (self->rows);
  schedule_refresh (self);
}

static void
on_group_selected_cb (PulseBreakdownView *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->session != NULL && selected < G_N_ELEMENTS (groups))
    pulse_session_set_kpi_group (self->session, groups[selected]);
}

static const PulseCsvColumn csv_columns[] = {
  { N_("Name"), "name" },
  { N_("Contacts"), "contacts" },
  { N_("Service level"), "service-level" },
  { N_("First response, median (s)"), "first-response" },
  { N_("CSAT"), "csat" },
  { N_("First-contact resolution"), "fcr" },
  { N_("Automated"), "automation" },
  { N_("QA score"), "qa-score" },
};

/**
 * pulse_breakdown_view_dup_csv:
 *
 * Returns: (transfer full): the table as shown, as CSV with raw numbers.
 */
GBytes *
pulse_breakdown_view_dup_csv (PulseBreakdownView *self)
{
  g_return_val_if_fail (PULSE_IS_BREAKDOWN_VIEW (self), NULL);

  return pulse_csv_from_model (G_LIST_MODEL (self->sorted), csv_columns,
                               G_N_ELEMENTS (csv_columns));
}

static void
on_export_clicked_cb (PulseBreakdownView *self)
{
  g_autoptr(GBytes) csv = pulse_breakdown_view_dup_csv (self);

  /* Translators: the file name an export of the breakdown suggests */
  pulse_csv_export_save (GTK_WIDGET (self), _("breakdown.csv"), csv);
}

static void
pulse_breakdown_view_dispose (GObject *object)
{
  PulseBreakdownView *self = PULSE_BREAKDOWN_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  pulse_breakdown_view_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_BREAKDOWN_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (pulse_breakdown_view_parent_class)->dispose (object);
}

static void
pulse_breakdown_view_class_init (PulseBreakdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_breakdown_view_dispose;

  g_type_ensure (PULSE_TYPE_GROUP_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-breakdown-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseBreakdownView, box);
  gtk_widget_class_bind_template_child (widget_class, PulseBreakdownView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseBreakdownView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PulseBreakdownView, contacts_column);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
pulse_breakdown_view_init (PulseBreakdownView *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (PULSE_TYPE_GROUP_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, self->contacts_column,
                                  GTK_SORT_ASCENDING);
}

/**
 * pulse_breakdown_view_set_session:
 * @session: (nullable): whose figures to break down
 */
void
pulse_breakdown_view_set_session (PulseBreakdownView *self,
                                  PulseSession       *session)
{
  g_return_if_fail (PULSE_IS_BREAKDOWN_VIEW (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;

  g_signal_connect_object (session, "data-reset", G_CALLBACK (take_view), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::kpi-group", G_CALLBACK (take_view), self,
                           G_CONNECT_SWAPPED);
  take_view (self);
}

/**
 * pulse_breakdown_view_get_rows:
 *
 * Returns: (transfer none): the rows in the order shown.
 */
GListModel *
pulse_breakdown_view_get_rows (PulseBreakdownView *self)
{
  g_return_val_if_fail (PULSE_IS_BREAKDOWN_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
