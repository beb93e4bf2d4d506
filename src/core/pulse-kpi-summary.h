/* pulse-kpi-summary.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PULSE_TYPE_KPI_SUMMARY (pulse_kpi_summary_get_type ())

typedef struct _PulseKpiSummary PulseKpiSummary;

/**
 * PulseKpiSummary:
 * @contacts: contacts created in the window
 * @abandoned: of those, status abandoned
 * @automated: of those, closed by a rule or bot with no human reply
 * @responded: contacts with a human reply: the first response sample
 * @first_response_median_s: median first response time, seconds
 * @first_response_p90_s: 90th percentile first response time, seconds
 * @handled: contacts with a known handle time, not automated and not
 *   abandoned before a human reply: the handle time sample
 * @handle_time_mean_s: their mean handle time, seconds
 * @handle_time_median_s: their median handle time, seconds
 * @sl_contacts: contacts the service level is measured on
 * @sl_met: of those, answered by a human within the queue's target
 * @service_level: @sl_met / @sl_contacts, 0…1
 * @csat_ratings: contacts with a CSAT rating
 * @csat: share of 4–5 among them, 0…1
 * @nps_ratings: contacts with an NPS rating
 * @nps: % promoters (9–10) − % detractors (0–6), −100…100
 * @ces_ratings: contacts with a CES rating
 * @ces: mean customer-effort score, 1…7
 * @fcr_customers: customers whose first contact's 7-day follow-up has
 *   elapsed
 * @fcr: share of them who did not contact again within 7 days, 0…1
 * @repeat_contacts: contacts whose 7-day follow-up has elapsed
 * @repeat_rate: share of them followed by another contact of the same
 *   customer within 7 days, 0…1
 * @automation_share: @automated / @contacts, 0…1
 * @applications: loan applications in the period, or -1 when unknown
 * @interactions_per_application: @contacts / @applications
 * @reviews: submitted QA reviews in the window
 * @qa_score: their mean score, 0…100
 *
 * The figures for one set of contacts, as pulse_kpi_dup_summary() finds
 * them. A figure with no data behind it (no contacts, no ratings, no
 * elapsed follow-up, no applications) is NAN; its count says why.
 */
struct _PulseKpiSummary
{
  gint64 contacts;
  gint64 abandoned;
  gint64 automated;
  gint64 responded;
  double first_response_median_s;
  double first_response_p90_s;
  gint64 handled;
  double handle_time_mean_s;
  double handle_time_median_s;
  gint64 sl_contacts;
  gint64 sl_met;
  double service_level;
  gint64 csat_ratings;
  double csat;
  gint64 nps_ratings;
  double nps;
  gint64 ces_ratings;
  double ces;
  gint64 fcr_customers;
  double fcr;
  gint64 repeat_contacts;
  double repeat_rate;
  double automation_share;
  gint64 applications;
  double interactions_per_application;
  gint64 reviews;
  double qa_score;
};

GType            pulse_kpi_summary_get_type     (void) G_GNUC_CONST;
PulseKpiSummary *pulse_kpi_summary_copy         (const PulseKpiSummary *self);
void             pulse_kpi_summary_free         (PulseKpiSummary       *self);
gboolean         pulse_kpi_summary_equal        (const PulseKpiSummary *a,
                                                 const PulseKpiSummary *b);
void             pulse_kpi_summary_add_members  (const PulseKpiSummary *self,
                                                 JsonBuilder           *builder);
JsonNode        *pulse_kpi_summary_to_json      (const PulseKpiSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseKpiSummary, pulse_kpi_summary_free)

G_END_DECLS
