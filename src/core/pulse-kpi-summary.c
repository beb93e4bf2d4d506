/* pulse-kpi-summary.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-json.h"
#include "pulse-kpi-summary.h"

G_DEFINE_BOXED_TYPE (PulseKpiSummary, pulse_kpi_summary,
                     pulse_kpi_summary_copy, pulse_kpi_summary_free)

/**
 * pulse_kpi_summary_copy:
 *
 * Returns: (transfer full): a copy of @self.
 */
PulseKpiSummary *
pulse_kpi_summary_copy (const PulseKpiSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * pulse_kpi_summary_free:
 * @self: (nullable): a summary
 */
void
pulse_kpi_summary_free (PulseKpiSummary *self)
{
  g_free (self);
}

static gboolean
figure_equal (double a,
              double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/**
 * pulse_kpi_summary_equal:
 *
 * Whether two summaries hold the same counts and exactly the same
 * figures; two NAN figures (no data) are equal.
 *
 * Returns: %TRUE if @a and @b are equal.
 */
gboolean
pulse_kpi_summary_equal (const PulseKpiSummary *a,
                         const PulseKpiSummary *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->contacts == b->contacts && a->abandoned == b->abandoned
         && a->automated == b->automated && a->responded == b->responded
         && figure_equal (a->first_response_median_s, b->first_response_median_s)
         && figure_equal (a->first_response_p90_s, b->first_response_p90_s)
         && a->handled == b->handled
         && figure_equal (a->handle_time_mean_s, b->handle_time_mean_s)
         && figure_equal (a->handle_time_median_s, b->handle_time_median_s)
         && a->sl_contacts == b->sl_contacts && a->sl_met == b->sl_met
         && figure_equal (a->service_level, b->service_level)
         && a->csat_ratings == b->csat_ratings && figure_equal (a->csat, b->csat)
         && a->nps_ratings == b->nps_ratings && figure_equal (a->nps, b->nps)
         && a->ces_ratings == b->ces_ratings && figure_equal (a->ces, b->ces)
         && a->fcr_customers == b->fcr_customers && figure_equal (a->fcr, b->fcr)
         && a->repeat_contacts == b->repeat_contacts
         && figure_equal (a->repeat_rate, b->repeat_rate)
         && figure_equal (a->automation_share, b->automation_share)
         && a->applications == b->applications
         && figure_equal (a->interactions_per_application, b->interactions_per_application)
         && a->reviews == b->reviews && figure_equal (a->qa_score, b->qa_score);
}

static void
add_figure (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/**
 * pulse_kpi_summary_add_members:
 * @builder: a builder inside an object
 *
 * Adds the members of pulse_kpi_summary_to_json() to the open object of
 * @builder, so a caller can put them beside its own (a group's key).
 */
void
pulse_kpi_summary_add_members (const PulseKpiSummary *self,
                               JsonBuilder           *builder)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  pulse_json_add_int (builder, "contacts", self->contacts);
  pulse_json_add_int (builder, "abandoned", self->abandoned);
  add_figure (builder, "first_response_median_s", self->first_response_median_s);
  add_figure (builder, "first_response_p90_s", self->first_response_p90_s);
  add_figure (builder, "handle_time_mean_s", self->handle_time_mean_s);
  add_figure (builder, "handle_time_median_s", self->handle_time_median_s);
  add_figure (builder, "service_level", self->service_level);
  add_figure (builder, "csat", self->csat);
  add_figure (builder, "nps", self->nps);
  add_figure (builder, "ces", self->ces);
  add_figure (builder, "fcr", self->fcr);
  add_figure (builder, "repeat_rate", self->repeat_rate);
  add_figure (builder, "automation_share", self->automation_share);
  add_figure (builder, "interactions_per_application", self->interactions_per_application);
  add_figure (builder, "qa_score", self->qa_score);
}

/**
 * pulse_kpi_summary_to_json:
 *
 * The wire form of the figures, as `/api/v1/metrics` answers them:
 * `{"contacts","abandoned","first_response_median_s","first_response_p90_s",
 * "handle_time_mean_s","handle_time_median_s","service_level","csat","nps",
 * "ces","fcr","repeat_rate","automation_share",
 * "interactions_per_application","qa_score"}`. Shares are 0…1, NPS is
 * −100…100, QA 0…100, times are seconds; a figure without data is null.
 *
 * Returns: (transfer full): a JSON object.
 */
JsonNode *
pulse_kpi_summary_to_json (const PulseKpiSummary *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_kpi_summary_add_members (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
