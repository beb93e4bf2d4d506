/* pulse-review-queue-state.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reviewer queue without widgets: which samples it lists, in which
 * order, and the words for a sample's status and why it was drawn.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-review-queue-state.h"

/**
 * pulse_review_queue_includes:
 * @reviewer: (nullable): only samples assigned to this reviewer, or
 *   %NULL for everyone's (a head, a lead)
 * @filter: the status filter
 *
 * Returns: whether the queue lists @sample.
 */
gboolean
pulse_review_queue_includes (PulseReviewSample *sample,
                             const char        *reviewer,
                             PulseReviewFilter  filter)
{
  PulseReviewStatus status;

  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (sample), FALSE);

  if (reviewer != NULL && g_strcmp0 (pulse_review_sample_get_reviewer_id (sample), reviewer) != 0)
    return FALSE;

  status = pulse_review_sample_get_status (sample);
  switch (filter)
    {
    case PULSE_REVIEW_FILTER_OPEN:
      return status != PULSE_REVIEW_STATUS_SUBMITTED;
    case PULSE_REVIEW_FILTER_ASSIGNED:
      return status == PULSE_REVIEW_STATUS_PENDING;
    case PULSE_REVIEW_FILTER_DRAFT:
      return status == PULSE_REVIEW_STATUS_DRAFT;
    case PULSE_REVIEW_FILTER_SUBMITTED:
      return status == PULSE_REVIEW_STATUS_SUBMITTED;
    case PULSE_REVIEW_FILTER_ALL:
    default:
      return TRUE;
    }
}

/**
 * pulse_review_queue_filter_label:
 *
 * Returns: (transfer none): the filter's name in its menu.
 */
const char *
pulse_review_queue_filter_label (PulseReviewFilter filter)
{
  switch (filter)
    {
    case PULSE_REVIEW_FILTER_OPEN:
      /* Translators: review filter: samples still to grade */
      return C_("review filter", "To Grade");
    case PULSE_REVIEW_FILTER_ASSIGNED:
      return C_("review filter", "Not Started");
    case PULSE_REVIEW_FILTER_DRAFT:
      return C_("review filter", "Drafts");
    case PULSE_REVIEW_FILTER_SUBMITTED:
      return C_("review filter", "Submitted");
    case PULSE_REVIEW_FILTER_ALL:
    default:
      return C_("review filter", "All");
    }
}

/**
 * pulse_review_queue_status_label:
 *
 * Returns: (transfer none): where @sample stands: assigned, not
 *   assigned (nobody has it yet), draft or submitted.
 */
const char *
pulse_review_queue_status_label (PulseReviewSample *sample)
{
  g_return_val_if_fail (PULSE_IS_REVIEW_SAMPLE (sample), NULL);

  switch (pulse_review_sample_get_status (sample))
    {
    case PULSE_REVIEW_STATUS_DRAFT:
      return C_("review status", "Draft");
    case PULSE_REVIEW_STATUS_SUBMITTED:
      return C_("review status", "Submitted");
    case PULSE_REVIEW_STATUS_PENDING:
    default:
      return pulse_review_sample_get_reviewer_id (sample) != NULL
             ? C_("review status", "Assigned") : C_("review status", "Not assigned");
    }
}

/**
 * pulse_review_queue_reason_label:
 *
 * Returns: (transfer none): why a sample was drawn.
 */
const char *
pulse_review_queue_reason_label (PulseSampleReason reason)
{
  switch (reason)
    {
    case PULSE_SAMPLE_REASON_NEWCOMER:
      /* Translators: why a reply was drawn for review: its agent is on probation */
      return C_("sample reason", "Newcomer");
    case PULSE_SAMPLE_REASON_NEGATIVE_RATING:
      return C_("sample reason", "Negative rating");
    case PULSE_SAMPLE_REASON_CALIBRATION:
      return C_("sample reason", "Calibration");
    case PULSE_SAMPLE_REASON_MANUAL:
      return C_("sample reason", "Picked by hand");
    case PULSE_SAMPLE_REASON_RANDOM:
    default:
      return C_("sample reason", "Random");
    }
}

/**
 * pulse_review_queue_compare:
 *
 * The queue's order: the oldest sample first, since it has waited
 * longest; then by id, so equal times keep one order.
 *
 * Returns: < 0, 0 or > 0 as @a sorts before, with or after @b.
 */
int
pulse_review_queue_compare (PulseReviewSample *a,
                            PulseReviewSample *b)
{
  gint64 x = pulse_review_sample_get_created_at (a);
  gint64 y = pulse_review_sample_get_created_at (b);

  if (x != y)
    return x < y ? -1 : 1;

  return g_strcmp0 (pulse_review_sample_get_id (a), pulse_review_sample_get_id (b));
}
