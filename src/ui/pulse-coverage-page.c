/* pulse-coverage-page.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-coverage-page-private.h"

/*
 * PulseCoveragePage:
 *
 * Shift coverage per 30-minute interval for today and the six days after,
 * for one queue or all: a heatmap of the gap between agents scheduled and
 * agents to schedule, with the figures on hover and for the keyboard
 * cursor, and the understaffed intervals counted above it.
 *
 * The server computes coverage on request, so the page fetches it
 * through the session: when shown, when the queue changes, when the
 * session reconnects or resets, and every five minutes while it is on
 * screen. A fetch supersedes (cancels) the one before; disposing the page
 * cancels the last.
 */

G_DEFINE_FINAL_TYPE (PulseCoveragePage, pulse_coverage_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Coverage moves with shifts and the forecast, not second by second. */
#define REFRESH_SECONDS (5 * 60)

static void
fetch_coverage_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PulseCoveragePage) self = user_data;
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = pulse_session_fetch_coverage_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->in_flight = FALSE;
  gtk_spinner_set_spinning (self->refresh_spinner, FALSE);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  if (report == NULL)
    {
      g_debug ("coverage: %s", error->message);
      g_clear_object (&self->report);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->report, report);
  self->fetched_at = g_get_monotonic_time ();
  _pulse_coverage_page_show_report (self);
  gtk_stack_set_visible_child_name (self->stack, "coverage");
}

/* Asks for the days on screen; the previous request is superseded. */
void
_pulse_coverage_page_fetch (PulseCoveragePage *self)
{
  gint64 from, to;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = pulse_coverage_page_day_start (self->tz, g_get_real_time ());
  from = g_date_time_to_unix (self->first_day) * G_USEC_PER_SEC;
  {
    g_autoptr(GDateTime) end = g_date_time_add_days (self->first_day, PULSE_COVERAGE_PAGE_DAYS);

    to = g_date_time_to_unix (end) * G_USEC_PER_SEC;
  }

  g_free (self->fetched_queue_id);
  self->fetched_queue_id = g_strdup (_pulse_coverage_page_get_queue_id (self));
  self->n_fetches++;
  self->in_flight = TRUE;

  if (self->report == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    {
      gtk_spinner_set_spinning (self->refresh_spinner, TRUE);
    }

  pulse_session_fetch_coverage_async (self->session, from, to, self->fetched_queue_id,
                                      self->cancellable, fetch_coverage_cb,
                                      g_object_ref (self));
}

static void
on_retry_clicked_cb (PulseCoveragePage *self)
{
  _pulse_coverage_page_fetch (self);
}

static void
on_heatmap_cursor_changed_cb (PulseCoveragePage *self)
{
  _pulse_coverage_page_show_details (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PulseCoveragePage *self = user_data;

  /* Off screen, nobody reads it: fetch again when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _pulse_coverage_page_fetch (self);

  return G_SOURCE_CONTINUE;
}

static void
on_map_cb (PulseCoveragePage *self)
{
  gint64 age = g_get_monotonic_time () - self->fetched_at;

  if (self->fetched_at == 0 || age >= REFRESH_SECONDS * G_USEC_PER_SEC)
    _pulse_coverage_page_fetch (self);
}

static void
on_session_data_reset_cb (PulseCoveragePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _pulse_coverage_page_fetch (self);
  else
    self->fetched_at = 0;
}

static void
on_session_connection_state_cb (PulseCoveragePage *self)
{
  PulseConnectionState state = pulse_session_get_connection_state (self->session);
  gboolean was_live = self->connection_state == PULSE_CONNECTION_STATE_LIVE;

  self->connection_state = state;
  if (state == PULSE_CONNECTION_STATE_LIVE && !was_live)
    on_session_data_reset_cb (self);
}

static void
pulse_coverage_page_constructed (GObject *object)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

  G_OBJECT_CLASS (pulse_coverage_page_parent_class)->constructed (object);

  self->connection_state = pulse_session_get_connection_state (self->session);
  g_signal_connect_object (self->session, "data-reset",
                           G_CALLBACK (on_session_data_reset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::connection-state",
                           G_CALLBACK (on_session_connection_state_cb), self,
                           G_CONNECT_SWAPPED);
  _pulse_coverage_page_init_queues (self);
}

static void
pulse_coverage_page_dispose (GObject *object)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->report);
  g_clear_object (&self->queue_names);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_COVERAGE_PAGE);

  G_OBJECT_CLASS (pulse_coverage_page_parent_class)->dispose (object);
}

static void
pulse_coverage_page_finalize (GObject *object)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

  g_clear_pointer (&self->queue_ids, g_ptr_array_unref);
  g_clear_pointer (&self->fetched_queue_id, g_free);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (pulse_coverage_page_parent_class)->finalize (object);
}

static void
pulse_coverage_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

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
pulse_coverage_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PulseCoveragePage *self = PULSE_COVERAGE_PAGE (object);

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
pulse_coverage_page_class_init (PulseCoveragePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pulse_coverage_page_constructed;
  object_class->dispose = pulse_coverage_page_dispose;
  object_class->finalize = pulse_coverage_page_finalize;
  object_class->get_property = pulse_coverage_page_get_property;
  object_class->set_property = pulse_coverage_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PULSE_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_HEATMAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PULSE_RESOURCE_PATH "/ui/pulse-coverage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, queue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, understaffed_label);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, understaffed_detail);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, worst_label);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, worst_detail);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, legend);
  gtk_widget_class_bind_template_child (widget_class, PulseCoveragePage, footnote_label);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_heatmap_cursor_changed_cb);
}

static void
pulse_coverage_page_init (PulseCoveragePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->tz = g_time_zone_new_local ();
  self->queue_ids = g_ptr_array_new_with_free_func (g_free);
  _pulse_coverage_page_init_legend (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

GtkWidget *
pulse_coverage_page_new (PulseSession *session)
{
  g_return_val_if_fail (PULSE_IS_SESSION (session), NULL);

  return g_object_new (PULSE_TYPE_COVERAGE_PAGE,
                       "session", session,
                       NULL);
}

/* For tests: the heatmap, and how many fetches the page has started. */
PulseHeatmap *
pulse_coverage_page_get_heatmap (PulseCoveragePage *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_PAGE (self), NULL);

  return self->heatmap;
}

guint
pulse_coverage_page_get_n_fetches (PulseCoveragePage *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_PAGE (self), 0);

  return self->n_fetches;
}

gboolean
pulse_coverage_page_get_loading (PulseCoveragePage *self)
{
  g_return_val_if_fail (PULSE_IS_COVERAGE_PAGE (self), FALSE);

  return self->in_flight;
}
