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
#include "pulse-category-panel.h"
#include "pulse-drill-down.h"
#include "pulse-format.h"
#include "pulse-health-icon.h"
#include "pulse-kpi-tile.h"
#include "pulse-live-strip.h"
#include "pulse-overview-page-private.h"
#include "pulse-period.h"
#include "pulse-print.h"
#include "pulse-queue-board.h"

/* How often the comparison period of a period under way moves on: each
 * move re-reads it from the cache, so not every second. */
#define PREVIOUS_REFRESH_SECONDS 600
/* Alerts listed before "N more": the rest are on the Queues page. */
#define MAX_ALERTS 8

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

static GtkWidget *
alert_row (PulseQueueRow *row,
           const char    *text)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (PULSE_TYPE_HEALTH_ICON,
                                  "health", pulse_queue_row_get_health (row),
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row),
                                 pulse_queue_get_name (pulse_queue_row_get_queue (row)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_object_set_data_full (G_OBJECT (action_row), "pulse-queue-id",
                          g_strdup (pulse_queue_get_id (pulse_queue_row_get_queue (row))), g_free);
  return action_row;
}

static GtkWidget *
spike_row (const PulseCategorySpike *spike)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *name = pulse_format_tag (spike->tag);
  /* Translators: an alert's title: a category that spikes, e.g. "Spike: Fraud" */
  g_autofree char *title = g_strdup_printf (_("Spike: %s"), name);
  g_autofree char *text = pulse_category_panel_dup_spike_text (spike);

  gtk_widget_add_css_class (icon, "warning");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_object_set_data_full (G_OBJECT (action_row), "pulse-tag", g_strdup (spike->tag), g_free);
  return action_row;
}

/* Spikes first: a category running away is the news of the hour. */
static void
collect_spikes (PulseOverviewPage *self,
                GString           *said,
                GPtrArray         *wanted)
{
  PulseCategoryWatch *watch = pulse_session_get_category_watch (self->session);
  PulseCategoryRates *rates = watch != NULL ? pulse_category_watch_get_rates (watch) : NULL;
  g_autoptr(GArray) spikes = NULL;

  if (rates == NULL)
    return;

  spikes = pulse_category_rates_spikes (rates, g_get_real_time (),
                                        PULSE_CATEGORY_SPIKE_WEEKS);
  for (guint i = 0; i < spikes->len; i++)
    {
      PulseCategorySpike *spike = &g_array_index (spikes, PulseCategorySpike, i);

      g_string_append_printf (said, "spike %s %" G_GINT64_FORMAT "\n", spike->tag,
                              spike->observed);
      if (wanted != NULL)
        g_ptr_array_add (wanted, g_object_ref_sink (spike_row (spike)));
    }
}

static void
collect_queues (PulseOverviewPage *self,
                GString           *said,
                GPtrArray         *wanted)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);
  guint n = g_list_model_get_n_items (rows);

  for (guint health = PULSE_QUEUE_HEALTH_BREACH; health >= PULSE_QUEUE_HEALTH_AT_RISK; health--)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PulseQueueRow) row = g_list_model_get_item (rows, i);
        g_autofree char *text = NULL;

        if (pulse_queue_row_get_health (row) != health
            || (text = pulse_queue_row_dup_alert (row)) == NULL)
          continue;

        g_string_append_printf (said, "%s\n%s\n",
                                pulse_queue_get_id (pulse_queue_row_get_queue (row)), text);
        if (wanted != NULL)
          g_ptr_array_add (wanted, g_object_ref_sink (alert_row (row, text)));
      }
}

/* The rest, in one row that leads to the Queues page. */
static GtkWidget *
more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more alert",
                                                         "%u more alerts", n_more), n_more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Every queue is on the Queues page"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "queues");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The alerts are rebuilt only when what they say changes, so the list
 * does not flicker (or allocate) with the second's tick; the first
 * MAX_ALERTS are shown, spikes before queues, breaches before risks. */
static void
update_alerts (PulseOverviewPage *self)
{
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GPtrArray) wanted = NULL;
  GtkListBoxRow *old;

  collect_spikes (self, said, NULL);
  collect_queues (self, said, NULL);
  if (g_strcmp0 (said->str, self->alerts_shown) == 0)
    return;

  g_free (self->alerts_shown);
  self->alerts_shown = g_string_free (g_steal_pointer (&said), FALSE);
  wanted = g_ptr_array_new_with_free_func (g_object_unref);
  said = g_string_new (NULL);
  collect_spikes (self, said, wanted);
  collect_queues (self, said, wanted);

  while ((old = gtk_list_box_get_row_at_index (self->alerts, 0)) != NULL)
    gtk_list_box_remove (self->alerts, GTK_WIDGET (old));
  for (guint i = 0; i < MIN (wanted->len, MAX_ALERTS); i++)
    gtk_list_box_append (self->alerts, g_ptr_array_index (wanted, i));
  if (wanted->len > MAX_ALERTS)
    gtk_list_box_append (self->alerts, more_row (wanted->len - MAX_ALERTS));
}

static void
on_refreshed_cb (PulseOverviewPage *self)
{
  GListModel *rows = pulse_queue_board_get_rows (self->board);

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (rows) > 0
                                                 ? "overview" : "empty");
  pulse_live_strip_update (self->live_strip, pulse_queue_board_get_totals (self->board));
  update_alerts (self);
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
  g_clear_pointer (&self->alerts_shown, g_free);
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
