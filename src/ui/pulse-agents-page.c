/* pulse-agents-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent-columns.h"
#include "pulse-agent-detail.h"
#include "pulse-agent-list.h"
#include "pulse-agent-csv.h"
#include "pulse-agents-page-private.h"
#include "pulse-csv-export.h"
#include "pulse-lazy-bind.h"

/*
 * PulseAgentsPage:
 *
 * Every agent in a table: status and time in status, the period's
 * figures (contacts, first response, handle time, CSAT, QA, FCR, repeat
 * contacts), the channels open and a sparkline of the last 24 hours.
 * Sortable by each column, searchable by name or email, filtered by
 * team. Activating a row opens the agent's detail.
 *
 * The rows are a #PulseAgentList (updated in place); a filter and a sort
 * model sit on top, re-sorted once per main-loop turn when the sorted
 * column's figure changed on some row. One timer, once a second, ticks
 * the time in status of the bound cells.
 *
 * The rows follow every contact, so the page flushes them (only those
 * whose data changed) once per frame while it is shown, and not at all
 * while hidden: on showing it catches up at once, before its first frame.
 */

G_DEFINE_FINAL_TYPE (PulseAgentsPage, pulse_agents_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Without agents the empty state says it all: no search, no progress. */
static gboolean
has_agents (PulseAgentsPage *self)
{
  return g_list_model_get_n_items (pulse_agent_list_get_rows (self->list)) > 0;
}

void
_pulse_agents_page_update_loading (PulseAgentsPage *self)
{
  PulseAgentListFigures figures = pulse_agent_list_get_figures (self->list);
  gboolean loading = figures != PULSE_AGENT_LIST_FIGURES_LOADED && has_agents (self);

  if (figures == PULSE_AGENT_LIST_FIGURES_NONE)
    gtk_label_set_text (self->loading_label,
                        _("Opening the local copy of the helpdesk… Figures appear when it is "
                          "ready."));
  else
    gtk_label_set_text (self->loading_label,
                        _("Reading the period’s history… Figures so far count part of it."));

  gtk_revealer_set_reveal_child (self->loading_revealer, loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

void
_pulse_agents_page_update_content (PulseAgentsPage *self)
{
  const char *child = "table";

  if (!has_agents (self))
    child = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    child = "no-results";

  gtk_stack_set_visible_child_name (self->content_stack, child);
  gtk_widget_set_visible (self->toolbar, has_agents (self));
  _pulse_agents_page_update_loading (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  PulseAgentsPage *self = user_data;
  gint64 now = g_get_real_time ();

  pulse_agent_list_tick (self->list, now);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "detail") == 0)
    pulse_agent_detail_tick (self->detail, now);
  else
    pulse_agent_columns_tick (self->columns, now);

  return G_SOURCE_CONTINUE;
}

static void
on_search_changed_cb (PulseAgentsPage *self,
                      GtkSearchEntry  *entry)
{
  g_free (self->query);
  self->query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_team_selected_cb (PulseAgentsPage *self,
                     GParamSpec      *pspec,
                     GtkDropDown     *dropdown)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_column_view_activate_cb (PulseAgentsPage *self,
                            guint            position,
                            GtkColumnView   *view)
{
  g_autoptr(PulseAgentRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (row == NULL)
    return;

  pulse_agent_detail_set_row (self->detail, row);
  gtk_stack_set_visible_child_name (self->main_stack, "detail");
}

static void
on_detail_back_cb (PulseAgentsPage  *self,
                   PulseAgentDetail *detail)
{
  gtk_stack_set_visible_child_name (self->main_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
pulse_agents_page_map (GtkWidget *widget)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (widget);

  GTK_WIDGET_CLASS (pulse_agents_page_parent_class)->map (widget);
  pulse_agent_list_flush (self->list);
}

static void
pulse_agents_page_unmap (GtkWidget *widget)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (widget);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  GTK_WIDGET_CLASS (pulse_agents_page_parent_class)->unmap (widget);
}

static void
pulse_agents_page_constructed (GObject *object)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (object);

  G_OBJECT_CLASS (pulse_agents_page_parent_class)->constructed (object);

  g_assert (PULSE_IS_SESSION (self->session));
  _pulse_agents_page_setup_models (self);
  pulse_agent_detail_set_list (self->detail, self->session, self->list);
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (self->team_names));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  _pulse_agents_page_update_teams (self);
  _pulse_agents_page_update_content (self);
  _pulse_agents_page_update_loading (self);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

/**
 * pulse_agents_page_dup_csv:
 *
 * Returns: (transfer full): the table as shown (searched, filtered,
 *   sorted) as CSV.
 */
GBytes *
pulse_agents_page_dup_csv (PulseAgentsPage *self)
{
  g_return_val_if_fail (PULSE_IS_AGENTS_PAGE (self), NULL);

  return pulse_agent_csv_from_rows (G_LIST_MODEL (self->sort_model));
}

static void
on_export_clicked_cb (PulseAgentsPage *self)
{
  g_autoptr(GBytes) csv = pulse_agents_page_dup_csv (self);

  /* Translators: the file name an export of the Agents table suggests */
  pulse_csv_export_save (GTK_WIDGET (self), _("agents.csv"), csv);
}

static void
pulse_agents_page_dispose (GObject *object)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->column_view != NULL)
    pulse_lazy_set_column_view_model (self->column_view, NULL);
  /* The bin's child is a bound template child: GTK unparents it in
   * dispose_template, and AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_AGENTS_PAGE);
  self->column_view = NULL;
  g_clear_pointer (&self->columns, pulse_agent_columns_free);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->list);
  g_clear_object (&self->team_names);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pulse_agents_page_parent_class)->dispose (object);
}

static void
pulse_agents_page_finalize (GObject *object)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (object);

  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (pulse_agents_page_parent_class)->finalize (object);
}

static void
pulse_agents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (object);

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
pulse_agents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PulseAgentsPage *self = PULSE_AGENTS_PAGE (object);

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
pulse_agents_page_class_init (PulseAgentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_agents_page_constructed;
  object_class->dispose = pulse_agents_page_dispose;
  object_class->finalize = pulse_agents_page_finalize;
  object_class->get_property = pulse_agents_page_get_property;
  object_class->set_property = pulse_agents_page_set_property;
  widget_class->map = pulse_agents_page_map;
  widget_class->unmap = pulse_agents_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_AGENT_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-agents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PulseAgentsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_team_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_back_cb);
}

static void
pulse_agents_page_init (PulseAgentsPage *self)
{
  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  self->team_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pulse_agents_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_AGENTS_PAGE,
                       "session", session,
                       NULL);
}

/**
 * pulse_agents_page_get_list:
 *
 * Returns: (transfer none): the page's rows, before filter and sort.
 */
PulseAgentList *
pulse_agents_page_get_list (PulseAgentsPage *self)
{
  g_return_val_if_fail (PULSE_IS_AGENTS_PAGE (self), NULL);

  return self->list;
}

/**
 * pulse_agents_page_get_columns:
 *
 * Returns: (transfer none): the table's columns (tests sort through them).
 */
PulseAgentColumns *
pulse_agents_page_get_columns (PulseAgentsPage *self)
{
  g_return_val_if_fail (PULSE_IS_AGENTS_PAGE (self), NULL);

  return self->columns;
}
