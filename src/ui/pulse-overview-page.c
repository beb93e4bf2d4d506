/* pulse-overview-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-bar-chart.h"
#include "pulse-before-frame.h"
#include "pulse-breakdown-view.h"
#include "pulse-drill-down.h"
#include "pulse-kpi-tile.h"
#include "pulse-live-strip.h"
#include "pulse-overview-page-private.h"
#include "pulse-period.h"
#include "pulse-print.h"
#include "pulse-queue-board.h"

/* How often the comparison period of a period under way moves on: each
 * move re-reads it from the cache, so not every second. */
#define PREVIOUS_REFRESH_SECONDS 600

/*
 * PulseOverviewPage:
 *
 * The whole contact centre on one screen: right now (who waits, the
 * longest wait, queues off target, agents signed in), the period's
 * headline KPIs with their change against the same stretch of the
 * period before, contacts per hour over the last day, and the alerts:
 * every queue at risk or in breach, and why.
 */

G_DEFINE_FINAL_TYPE (PulseOverviewPage, pulse_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_tiles (PulseOverviewPage *self)
{
  g_autoptr(PulseKpiSummary) current = NULL;
  g_autoptr(PulseKpiSummary) before = NULL;
  g_autofree char *period = NULL;
  gint64 from = 0, to = 0;

  pulse_session_get_kpi_range (self->session, &from, &to);
  period = pulse_period_describe (pulse_session_get_kpi_window (self->session), from, to,
                                  g_get_real_time ());
  gtk_label_set_label (self->period_label, period);
  if (self->view == NULL)
    return;

  current = pulse_kpi_view_dup_summary (self->view, NULL);
  if (self->previous != NULL && pulse_kpi_view_get_loaded (self->previous))
    before = pulse_kpi_view_dup_summary (self->previous, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_label),
                          !pulse_kpi_view_get_loaded (self->view));

  for (PulseKpiTileKind kind = 0; kind < PULSE_KPI_TILE_N_KINDS; kind++)
    {
      g_auto(PulseKpiTileFigure) figure = { NULL };

      pulse_kpi_tile_compute (kind, current, before, &figure);
      pulse_stat_tile_set_value (self->tile[kind], figure.value);
      pulse_stat_tile_set_caption (self->tile[kind], figure.caption, figure.trend);
    }
}

static gboolean
tiles_cb (gpointer user_data)
{
  PulseOverviewPage *self = user_data;

  self->tiles_id = 0;
  update_tiles (self);
  return G_SOURCE_REMOVE;
}

/* The figures follow every contact: the tiles are written once before
 * each frame while shown (pulse-before-frame.c), and not at all while
 * hidden (the map writes them). */
static void
on_view_changed_cb (PulseOverviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pulse_before_frame_schedule (&self->tiles_id, tiles_cb, self);
}

/* The same stretch of the period before the one in force. */
static void
aim_previous (PulseOverviewPage *self)
{
  gint64 from, to;

  if (self->view == NULL || self->previous == NULL)
    return;

  pulse_period_previous (pulse_kpi_view_get_from (self->view), pulse_kpi_view_get_to (self->view),
                         g_get_real_time (), &from, &to);
  if (from < to && (from != pulse_kpi_view_get_from (self->previous)
                    || to != pulse_kpi_view_get_to (self->previous)))
    pulse_kpi_view_set_range (self->previous, from, to);
}

static gboolean
previous_tick_cb (gpointer user_data)
{
  aim_previous (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_period_changed_cb (PulseOverviewPage *self)
{
  aim_previous (self);
  update_tiles (self);
}

/* A new sync engine brings new views: the shared total, our own
 * comparison view and the last hours for the charts. */
static void
take_views (PulseOverviewPage *self)
{
  PulseKpiView *view = pulse_session_get_kpi_view (self->session, PULSE_KPI_GROUP_NONE);

  if (view != self->view)
    {
      if (self->view != NULL)
        g_signal_handlers_disconnect_by_data (self->view, self);
      if (self->previous != NULL)
        g_signal_handlers_disconnect_by_data (self->previous, self);
      if (self->hours != NULL)
        g_signal_handlers_disconnect_by_data (self->hours, self);
      g_set_object (&self->view, view);
      g_clear_object (&self->previous);
      g_clear_object (&self->hours);
      if (view != NULL)
        {
          self->hours = pulse_session_new_hourly_view (self->session, HOURS);
          g_signal_connect_object (self->hours, "notify::loaded",
                                   G_CALLBACK (_pulse_overview_page_update_chart), self,
                                   G_CONNECT_SWAPPED);
          self->previous = pulse_session_new_kpi_view (self->session);
          g_signal_connect_object (view, "changed", G_CALLBACK (on_view_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (self->previous, "changed", G_CALLBACK (on_view_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }

  aim_previous (self);
  update_tiles (self);
}

static void
on_refreshed_cb (PulseOverviewPage *self)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (rows) > 0
                                                 ? "overview" : "empty");
  pulse_live_strip_update (self->live_strip, pulse_queue_board_get_totals (self->board));
  _pulse_overview_page_update_alerts (self);
  _pulse_overview_page_update_chart (self);
}

static void
pulse_overview_page_map (GtkWidget *widget)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (pulse_overview_page_parent_class)->map (widget);
  take_views (self);
  pulse_queue_board_set_ticking (self->board, TRUE);
  if (self->previous_id == 0)
    self->previous_id = g_timeout_add_seconds (PREVIOUS_REFRESH_SECONDS, previous_tick_cb, self);
}

static void
pulse_overview_page_unmap (GtkWidget *widget)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (widget);

  pulse_queue_board_set_ticking (self->board, FALSE);
  g_clear_handle_id (&self->previous_id, g_source_remove);
  g_clear_handle_id (&self->tiles_id, g_source_remove);
  GTK_WIDGET_CLASS (pulse_overview_page_parent_class)->unmap (widget);
}

static void
pulse_overview_page_constructed (GObject *object)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (pulse_overview_page_parent_class)->constructed (object);

  self->board = pulse_queue_board_new (self->session);
  g_signal_connect_object (self->board, "refreshed", G_CALLBACK (on_refreshed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "data-reset", G_CALLBACK (take_views), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::kpi-window",
                           G_CALLBACK (on_period_changed_cb), self, G_CONNECT_SWAPPED);
  take_views (self);
  pulse_queue_board_refresh (self->board);
  pulse_breakdown_view_set_session (self->breakdown, self->session);
}

static void
pulse_overview_page_dispose (GObject *object)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->previous_id, g_source_remove);
  g_clear_handle_id (&self->chart_id, g_source_remove);
  g_clear_handle_id (&self->tiles_id, g_source_remove);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->board);
  g_clear_object (&self->view);
  g_clear_object (&self->previous);
  g_clear_object (&self->hours);
  g_clear_object (&self->session);
  /* The stack is both the bin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (pulse_overview_page_parent_class)->dispose (object);
}

static void
pulse_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (object);

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
pulse_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseOverviewPage *self = PULSE_OVERVIEW_PAGE (object);

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
pulse_overview_page_class_init (PulseOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_overview_page_constructed;
  object_class->dispose = pulse_overview_page_dispose;
  object_class->get_property = pulse_overview_page_get_property;
  object_class->set_property = pulse_overview_page_set_property;
  widget_class->map = pulse_overview_page_map;
  widget_class->unmap = pulse_overview_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PULSE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "overview.print", NULL,
                                   _pulse_overview_page_print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "overview.print", NULL);

  g_type_ensure (PULSE_TYPE_BAR_CHART);
  g_type_ensure (PULSE_TYPE_LINE_CHART);
  g_type_ensure (PULSE_TYPE_BREAKDOWN_VIEW);
  g_type_ensure (PULSE_TYPE_LIVE_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, live_strip);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, hourly_chart);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, sl_chart);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, alerts);
  gtk_widget_class_bind_template_child (widget_class, PulseOverviewPage, breakdown);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_tile_activated_cb",
                                                G_CALLBACK (_pulse_overview_page_tile_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_alert_activated_cb",
                                                G_CALLBACK (_pulse_overview_page_alert_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_bar_activated_cb",
                                                G_CALLBACK (_pulse_overview_page_bar_activated));
}

static void
pulse_overview_page_init (PulseOverviewPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (PulseKpiTileKind kind = 0; kind < PULSE_KPI_TILE_N_KINDS; kind++)
    {
      self->tile[kind] = PULSE_STAT_TILE (pulse_stat_tile_new (pulse_kpi_tile_get_title (kind)));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tile[kind]),
                                   pulse_kpi_tile_get_definition (kind));
      gtk_flow_box_append (self->tiles, GTK_WIDGET (self->tile[kind]));
    }

  pulse_bar_chart_set_series_names (self->hourly_chart, (const char * const[]) {
    /* Translators: chart legend: contacts a person answered */
    C_("contacts", "Answered"),
    /* Translators: chart legend: contacts a rule or bot closed */
    C_("contacts", "Automated"),
    /* Translators: chart legend: contacts whose customer left first */
    C_("contacts", "Abandoned"),
    /* Translators: chart legend: contacts nobody has answered yet */
    C_("contacts", "Not answered yet"),
    NULL,
  });

  placeholder = gtk_label_new (_("Every queue is within target."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->alerts, placeholder);
}

GtkWidget *
pulse_overview_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_OVERVIEW_PAGE, "session", session, NULL);
}
