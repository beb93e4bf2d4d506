/* pulse-kpi-bucket.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The aggregates of one group of contacts and the figures drawn from
 * them. Each apply function takes a sign: +1 adds a contribution, -1
 * takes exactly the same one out.
 */

#include "config.h"

#include <math.h>

#include "pulse-kpi-private.h"

PulseKpiBucket *
_pulse_kpi_bucket_new (const char *key)
{
  PulseKpiBucket *bucket = g_new0 (PulseKpiBucket, 1);

  bucket->key = g_strdup (key);
  return bucket;
}

void
_pulse_kpi_bucket_free (PulseKpiBucket *bucket)
{
  if (bucket == NULL)
    return;

  g_free (bucket->key);
  pulse_sorted_bag_free (bucket->first_responses);
  pulse_sorted_bag_free (bucket->handle_times);
  pulse_sorted_bag_free (bucket->sl_deadlines);
  pulse_sorted_bag_free (bucket->contact_times);
  pulse_sorted_bag_free (bucket->repeat_times);
  pulse_sorted_bag_free (bucket->first_times);
  pulse_sorted_bag_free (bucket->first_repeat_times);
  g_free (bucket);
}

static void
apply_bag (PulseSortedBag **bag,
           gint64           value,
           int              sign)
{
  gboolean removed;

  if (sign > 0)
    {
      if (*bag == NULL)
        *bag = pulse_sorted_bag_new ();
      pulse_sorted_bag_insert (*bag, value);
      return;
    }

  /* Taking out what was never added would be a bookkeeping bug. */
  g_assert_nonnull (*bag);
  removed = pulse_sorted_bag_remove (*bag, value);
  g_assert_true (removed);
}

static guint
count_at_most (PulseSortedBag *bag,
               gint64          value)
{
  return bag != NULL ? pulse_sorted_bag_count_at_most (bag, value) : 0;
}

static void
apply_ratings (PulseKpiBucket *bucket,
               PulseKpiEntry  *entry,
               int             sign)
{
  if (entry->csat != PULSE_KPI_NO_RATING)
    {
      bucket->csat_ratings += sign;
      if (entry->csat >= 4)
        bucket->csat_satisfied += sign;
    }
  if (entry->nps != PULSE_KPI_NO_RATING)
    {
      bucket->nps_ratings += sign;
      if (entry->nps >= 9)
        bucket->nps_promoters += sign;
      else if (entry->nps <= 6)
        bucket->nps_detractors += sign;
    }
  if (entry->ces != PULSE_KPI_NO_RATING)
    {
      bucket->ces_ratings += sign;
      bucket->ces_sum += sign * entry->ces;
    }
}

/* What a contact contributes on its own, whatever the customer's other
 * contacts are. */
void
_pulse_kpi_bucket_apply_entry (PulseKpiBucket *bucket,
                               PulseKpiEntry  *entry,
                               int             sign)
{
  bucket->contacts += sign;
  if (entry->status == PULSE_TICKET_STATUS_ABANDONED)
    bucket->abandoned += sign;
  if (entry->automated)
    bucket->automated += sign;
  if (entry->first_response >= 0)
    apply_bag (&bucket->first_responses, entry->first_response, sign);
  if (entry->handle_seconds >= 0)
    {
      apply_bag (&bucket->handle_times, entry->handle_seconds, sign);
      bucket->handle_sum += sign * entry->handle_seconds;
    }

  switch (entry->sl_class)
    {
    case PULSE_KPI_SL_MET:
      bucket->sl_met += sign;
      break;
    case PULSE_KPI_SL_MISSED:
      bucket->sl_missed += sign;
      break;
    case PULSE_KPI_SL_WAITING:
      apply_bag (&bucket->sl_deadlines, entry->sl_deadline, sign);
      break;
    case PULSE_KPI_SL_NONE:
    default:
      break;
    }

  apply_ratings (bucket, entry, sign);
  if (entry->customer != NULL)
    apply_bag (&bucket->contact_times, entry->created_at, sign);
}

/* What depends on the customer's next contact and on which contact is the
 * customer's first in the window. */
void
_pulse_kpi_bucket_apply_follow_up (PulseKpiBucket *bucket,
                                   PulseKpiEntry  *entry,
                                   int             sign)
{
  if (entry->customer == NULL)
    return;

  if (entry->repeated)
    apply_bag (&bucket->repeat_times, entry->created_at, sign);
  if (entry->first)
    {
      apply_bag (&bucket->first_times, entry->created_at, sign);
      if (entry->repeated)
        apply_bag (&bucket->first_repeat_times, entry->created_at, sign);
    }
}

void
_pulse_kpi_bucket_apply_review (PulseKpiBucket *bucket,
                                PulseKpiReview *review,
                                int             sign)
{
  bucket->reviews += sign;
  bucket->qa_sum += sign * review->score;
}

static double
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

static void
summarize_follow_up (PulseKpiBucket  *bucket,
                     gint64           now,
                     PulseKpiSummary *summary)
{
  gint64 cut;
  gint64 repeated;
  gint64 failed;

  /* Only contacts whose 7 days after have passed by @now are measured. */
  if (now < G_MININT64 + PULSE_KPI_FOLLOW_UP_USEC)
    cut = G_MININT64;
  else
    cut = now - PULSE_KPI_FOLLOW_UP_USEC;

  summary->repeat_contacts = count_at_most (bucket->contact_times, cut);
  repeated = count_at_most (bucket->repeat_times, cut);
  summary->repeat_rate = share (repeated, summary->repeat_contacts);

  summary->fcr_customers = count_at_most (bucket->first_times, cut);
  failed = count_at_most (bucket->first_repeat_times, cut);
  summary->fcr = share (summary->fcr_customers - failed, summary->fcr_customers);
}

static void
summarize_first_responses (PulseKpiBucket  *bucket,
                           PulseKpiSummary *summary)
{
  PulseSortedBag *bag = bucket->first_responses;

  summary->responded = bag != NULL ? pulse_sorted_bag_get_size (bag) : 0;
  summary->first_response_median_s = NAN;
  summary->first_response_p90_s = NAN;
  if (summary->responded == 0)
    return;

  summary->first_response_median_s = pulse_sorted_bag_get_percentile (bag, 500) / G_USEC_PER_SEC;
  summary->first_response_p90_s = pulse_sorted_bag_get_percentile (bag, 900) / G_USEC_PER_SEC;
}

static void
summarize_handle_times (PulseKpiBucket  *bucket,
                        PulseKpiSummary *summary)
{
  PulseSortedBag *bag = bucket->handle_times;

  summary->handled = bag != NULL ? pulse_sorted_bag_get_size (bag) : 0;
  summary->handle_time_mean_s = share (bucket->handle_sum, summary->handled);
  summary->handle_time_median_s = NAN;
  if (summary->handled > 0)
    summary->handle_time_median_s = pulse_sorted_bag_get_percentile (bag, 500);
}

/* @applications is -1 when unknown. */
void
_pulse_kpi_bucket_summarize (PulseKpiBucket  *bucket,
                             gint64           now,
                             gint64           applications,
                             PulseKpiSummary *summary)
{
  gint64 breached = count_at_most (bucket->sl_deadlines, now);

  summary->contacts = bucket->contacts;
  summary->abandoned = bucket->abandoned;
  summary->automated = bucket->automated;
  summarize_first_responses (bucket, summary);
  summarize_handle_times (bucket, summary);

  summary->sl_contacts = bucket->sl_met + bucket->sl_missed + breached;
  summary->sl_met = bucket->sl_met;
  summary->service_level = share (bucket->sl_met, summary->sl_contacts);

  summary->csat_ratings = bucket->csat_ratings;
  summary->csat = share (bucket->csat_satisfied, bucket->csat_ratings);
  summary->nps_ratings = bucket->nps_ratings;
  summary->nps = 100.0 * share (bucket->nps_promoters - bucket->nps_detractors,
                                bucket->nps_ratings);
  summary->ces_ratings = bucket->ces_ratings;
  summary->ces = share (bucket->ces_sum, bucket->ces_ratings);

  summarize_follow_up (bucket, now, summary);
  summary->automation_share = share (bucket->automated, bucket->contacts);

  summary->applications = applications;
  summary->interactions_per_application = share (bucket->contacts, applications);

  summary->reviews = bucket->reviews;
  summary->qa_score = share (bucket->qa_sum, bucket->reviews) / PULSE_KPI_QA_SCALE;
}
