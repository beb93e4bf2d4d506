/* pulse-shifts-coverage.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pulse-session-coverage.h"
#include "pulse-shifts-coverage-private.h"

/*
 * PulseShiftsCoverage:
 *
 * Coverage while planning: the server's forecast for the week on screen,
 * staffed again in the console for the what-if controls (service-level
 * goal, forecast multiplier, shrinkage) and counted against the shifts as
 * the page has them, edits included; nothing is saved. Staffing a week of
 * 40 queues takes a few milliseconds (bench-planning), so it runs in a
 * worker thread and the newest request wins; counting shifts is quicker
 * and runs at once.
 */

G_DEFINE_FINAL_TYPE (PulseShiftsCoverage, pulse_shifts_coverage, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
count_shifts (PulseShiftsCoverage *self)
{
  if (self->planning == NULL || self->agents == NULL || self->shifts == NULL)
    return;

  pulse_planning_set_shifts (self->planning->planning,
                             (PulseAgent * const *) self->agents->pdata, self->agents->len,
                             (PulseShift * const *) self->shifts->pdata, self->shifts->len);
}

static GPtrArray *
dup_queues (PulseShiftsCoverage *self)
{
  GListModel *model = pulse_session_get_list (self->session, PULSE_STATE_KIND_QUEUE);
  GPtrArray *queues = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (queues, g_list_model_get_item (model, i));

  return queues;
}

/* The week's forecast contacts over every queue. */
static double
forecast_total (PulseCoverageReport *report)
{
  g_autoptr(GPtrArray) totals = pulse_coverage_report_dup_totals (report);
  double sum = 0;

  for (guint i = 0; i < totals->len; i++)
    sum += pulse_forecast_interval_get_forecast_arrivals (totals->pdata[i]);

  return sum;
}

static void fetch (PulseShiftsCoverage *self);

static gboolean
on_settle_cb (gpointer user_data)
{
  PulseShiftsCoverage *self = user_data;

  self->settle_id = 0;
  if (!self->fetching)
    fetch (self);
  return G_SOURCE_REMOVE;
}

/* A server still writing its history (a new helpdesk bridge, the demo's
 * simulator) forecasts from more weeks on every fetch: after the first
 * fetch of a week, and while its forecast moves by more than a percent,
 * it is asked for again in SETTLE_SECONDS rather than at the next
 * refetch. */
#define SETTLE_SECONDS 20

static void
settle_forecast (PulseShiftsCoverage *self,
                 PulseCoverageReport *report)
{
  double total = forecast_total (report);
  gboolean moving = self->forecast_total < 0
                    || fabs (total - self->forecast_total) > 0.01 * MAX (total, 1.0);

  if (moving && self->settle_id == 0)
    self->settle_id = g_timeout_add_seconds (SETTLE_SECONDS, on_settle_cb, self);
  self->forecast_total = total;
}

static void
fetch_coverage_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PulseShiftsCoverage) self = user_data;
  g_autoptr(PulseCoverageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queues = NULL;

  report = pulse_session_fetch_coverage_finish (PULSE_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->fetching = FALSE;
  if (report == NULL)
    {
      g_free (self->summary);
      /* Translators: shown where the planning figures go; the detail follows */
      self->summary = g_strdup_printf (_("Coverage could not be loaded: %s"), error->message);
      gtk_label_set_text (self->summary_label, self->summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
      return;
    }

  queues = dup_queues (self);
  g_clear_pointer (&self->planning, _pulse_shifts_coverage_planning_ref_release);
  self->planning = g_atomic_rc_box_new0 (PlanningRef);
  self->planning->planning = pulse_planning_new (report, (PulseQueue * const *) queues->pdata,
                                                 queues->len);
  self->report_shrinkage = pulse_coverage_report_get_shrinkage (report);
  settle_forecast (self, report);
  count_shifts (self);
  _pulse_shifts_coverage_fill_queues (self);
  _pulse_shifts_coverage_show (self);
  _pulse_shifts_coverage_start_staffing (self);
}

static void
fetch (PulseShiftsCoverage *self)
{
  g_autoptr(GDateTime) end = NULL;

  if (self->session == NULL || self->first_day == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->fetching = TRUE;
  end = g_date_time_add_days (self->first_day, 7);
  pulse_session_fetch_coverage_async (self->session,
                                      g_date_time_to_unix (self->first_day) * G_USEC_PER_SEC,
                                      g_date_time_to_unix (end) * G_USEC_PER_SEC, NULL,
                                      self->cancellable, fetch_coverage_cb, g_object_ref (self));
}

/* The online figures and the forecast move on; they are asked for again
 * this often while the planning is on screen. */
#define REFETCH_SECONDS (5 * 60)

static gboolean
on_refetch_cb (gpointer user_data)
{
  PulseShiftsCoverage *self = user_data;

  if (!self->fetching)
    fetch (self);
  return G_SOURCE_CONTINUE;
}

static void
pulse_shifts_coverage_map (GtkWidget *widget)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (widget);

  GTK_WIDGET_CLASS (pulse_shifts_coverage_parent_class)->map (widget);
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (REFETCH_SECONDS, on_refetch_cb, self);
}

static void
pulse_shifts_coverage_unmap (GtkWidget *widget)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  GTK_WIDGET_CLASS (pulse_shifts_coverage_parent_class)->unmap (widget);
}

static void
on_whatif_changed_cb (PulseShiftsCoverage *self)
{
  _pulse_shifts_coverage_start_staffing (self);
}

static void
on_queue_changed_cb (PulseShiftsCoverage *self)
{
  if (!self->filling_queues)
    _pulse_shifts_coverage_show (self);
}

static void
on_reset_clicked_cb (PulseShiftsCoverage *self)
{
  gtk_check_button_set_active (self->goal_check, FALSE);
  gtk_spin_button_set_value (self->multiplier_spin, 1.0);
  gtk_spin_button_set_value (self->shrinkage_spin, self->report_shrinkage * 100);
}

static void
pulse_shifts_coverage_dispose (GObject *object)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->planning, _pulse_shifts_coverage_planning_ref_release);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->shifts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PULSE_TYPE_SHIFTS_COVERAGE);

  G_OBJECT_CLASS (pulse_shifts_coverage_parent_class)->dispose (object);
}

static void
pulse_shifts_coverage_finalize (GObject *object)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (pulse_shifts_coverage_parent_class)->finalize (object);
}

static void
pulse_shifts_coverage_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PulseShiftsCoverage *self = PULSE_SHIFTS_COVERAGE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_shifts_coverage_class_init (PulseShiftsCoverageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pulse_shifts_coverage_dispose;
  object_class->finalize = pulse_shifts_coverage_finalize;
  object_class->get_property = pulse_shifts_coverage_get_property;
  widget_class->map = pulse_shifts_coverage_map;
  widget_class->unmap = pulse_shifts_coverage_unmap;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PULSE_TYPE_HEATMAP);
  gtk_widget_class_set_template_from_resource (widget_class, PULSE_RESOURCE_PATH
                                               "/ui/pulse-shifts-coverage.ui");
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, goal_check);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, multiplier_spin);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, shrinkage_spin);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, queue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, gap_list);
  gtk_widget_class_bind_template_child (widget_class, PulseShiftsCoverage, surplus_list);
  gtk_widget_class_bind_template_callback (widget_class, on_whatif_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_queue_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
}

static void
pulse_shifts_coverage_init (PulseShiftsCoverage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->report_shrinkage = 0.3;
  self->forecast_total = -1;
  /* Translators: the planning figures before the forecast has come */
  self->summary = g_strdup (_("Loading the week’s forecast…"));
  gtk_label_set_text (self->summary_label, self->summary);
}

/* A fetch made before the session was live failed, or read a forecast
 * the server had not made yet: going live asks again. */
static void
on_connection_state_cb (PulseShiftsCoverage *self)
{
  PulseConnectionState state = pulse_session_get_connection_state (self->session);
  gboolean was_live = self->connection_state == PULSE_CONNECTION_STATE_LIVE;

  self->connection_state = state;
  if (state == PULSE_CONNECTION_STATE_LIVE && !was_live)
    fetch (self);
}

void
pulse_shifts_coverage_set_session (PulseShiftsCoverage *self,
                                   PulseSession        *session)
{
  g_return_if_fail (PULSE_IS_SHIFTS_COVERAGE (self));

  if (session == self->session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->connection_state = pulse_session_get_connection_state (session);
      g_signal_connect_object (session, "notify::connection-state",
                               G_CALLBACK (on_connection_state_cb), self, G_CONNECT_SWAPPED);
    }
  fetch (self);
}

/* The week to plan; its forecast is fetched afresh. */
void
pulse_shifts_coverage_set_week (PulseShiftsCoverage *self,
                                GDateTime           *first_day)
{
  g_return_if_fail (PULSE_IS_SHIFTS_COVERAGE (self));

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  self->forecast_total = -1;
  fetch (self);
}

/* The agents and the shifts as planned now (arrays of borrowed objects;
 * the widget keeps its own references). */
void
pulse_shifts_coverage_set_plan (PulseShiftsCoverage *self,
                                GPtrArray           *agents,
                                GPtrArray           *shifts)
{
  g_return_if_fail (PULSE_IS_SHIFTS_COVERAGE (self));

  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->shifts, g_ptr_array_unref);
  self->agents = g_ptr_array_copy (agents, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->agents, g_object_unref);
  self->shifts = g_ptr_array_copy (shifts, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->shifts, g_object_unref);
  count_shifts (self);
  if (self->planning != NULL)
    _pulse_shifts_coverage_show (self);
}

/* Sets the controls, as the planner would; the staffing follows. */
void
pulse_shifts_coverage_set_whatif (PulseShiftsCoverage       *self,
                                  const PulsePlanningWhatIf *whatif)
{
  g_return_if_fail (PULSE_IS_SHIFTS_COVERAGE (self));
  g_return_if_fail (pulse_planning_whatif_check (whatif, NULL));

  if (whatif->goal > 0)
    gtk_spin_button_set_value (self->goal_spin, whatif->goal * 100);
  gtk_check_button_set_active (self->goal_check, whatif->goal > 0);
  gtk_spin_button_set_value (self->multiplier_spin, whatif->multiplier);
  gtk_spin_button_set_value (self->shrinkage_spin, whatif->shrinkage * 100);
  _pulse_shifts_coverage_start_staffing (self);
}

const char *
pulse_shifts_coverage_get_summary (PulseShiftsCoverage *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_COVERAGE (self), NULL);

  return self->summary;
}

/* Returns: (transfer none) (nullable): the figures shown. */
PulsePlanning *
pulse_shifts_coverage_get_planning (PulseShiftsCoverage *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_COVERAGE (self), NULL);

  return self->planning != NULL ? self->planning->planning : NULL;
}

/* Whether the figures shown are those of the controls and the plan. */
gboolean
pulse_shifts_coverage_is_settled (PulseShiftsCoverage *self)
{
  g_return_val_if_fail (PULSE_IS_SHIFTS_COVERAGE (self), FALSE);

  return self->planning != NULL && !self->fetching && !self->staffing;
}
