/* pulse-kpi-review.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QA reviews of a #PulseKpi. A review's group comes from the reviewed
 * agent (agent, team) or from the reviewed ticket (queue, channel,
 * country), so a review follows its ticket when the ticket is added,
 * replaced or taken out, in whatever order the two arrive.
 */

#include "config.h"

#include <math.h>

#include "pulse-kpi-private.h"
#include "pulse-review-sample.h"

void
_pulse_kpi_review_free (PulseKpiReview *review)
{
  if (review == NULL)
    return;

  g_free (review->id);
  g_free (review->ticket_id);
  g_free (review);
}

static const char *
review_key (PulseKpi       *self,
            PulseKpiReview *review)
{
  PulseKpiEntry *entry;

  switch (self->group)
    {
    case PULSE_KPI_GROUP_AGENT:
      return review->agent_id;
    case PULSE_KPI_GROUP_TEAM:
      return g_hash_table_lookup (self->teams, review->agent_id);
    case PULSE_KPI_GROUP_QUEUE:
    case PULSE_KPI_GROUP_CHANNEL:
    case PULSE_KPI_GROUP_COUNTRY:
      entry = g_hash_table_lookup (self->entries, review->ticket_id);
      return entry != NULL ? _pulse_kpi_entry_key (self, entry) : NULL;
    case PULSE_KPI_GROUP_NONE:
    default:
      return NULL;
    }
}

static void
review_attach (PulseKpi       *self,
               PulseKpiReview *review)
{
  review->bucket = _pulse_kpi_bucket_attach (self, review_key (self, review));
  _pulse_kpi_bucket_apply_review (self->total, review, +1);
  if (review->bucket != NULL)
    _pulse_kpi_bucket_apply_review (review->bucket, review, +1);
}

static void
review_detach (PulseKpi       *self,
               PulseKpiReview *review)
{
  _pulse_kpi_bucket_apply_review (self->total, review, -1);
  if (review->bucket != NULL)
    _pulse_kpi_bucket_apply_review (review->bucket, review, -1);
  _pulse_kpi_bucket_detach (self, review->bucket);
  review->bucket = NULL;
}

/* After the ticket @ticket_id came, changed or went. */
void
_pulse_kpi_refresh_ticket_reviews (PulseKpi   *self,
                                   const char *ticket_id)
{
  GPtrArray *reviews;

  if (self->group != PULSE_KPI_GROUP_QUEUE && self->group != PULSE_KPI_GROUP_CHANNEL
      && self->group != PULSE_KPI_GROUP_COUNTRY)
    return;

  reviews = g_hash_table_lookup (self->reviews_by_ticket, ticket_id);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      review_detach (self, g_ptr_array_index (reviews, i));
      review_attach (self, g_ptr_array_index (reviews, i));
    }
}

/* After @agent_id moved to another team. */
void
_pulse_kpi_refresh_agent_reviews (PulseKpi   *self,
                                  const char *agent_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->reviews);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PulseKpiReview *review = value;

      if (review->agent_id == agent_id)
        {
          review_detach (self, review);
          review_attach (self, review);
        }
    }
}

static gboolean
review_counts (PulseKpi          *self,
               PulseReviewSample *sample)
{
  gint64 created_at = pulse_review_sample_get_created_at (sample);

  return pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_SUBMITTED
         && pulse_review_sample_get_score (sample) >= 0
         && created_at >= self->from && created_at < self->to;
}

/**
 * pulse_kpi_add_review:
 * @sample: a QA review sample; @self keeps only what it needs
 *
 * Adds a review, or replaces the version added before. Only a submitted
 * review created in the window counts, with the score it stores (see
 * pulse_scorecard_score() for how the score is made); a sample that does
 * not count still takes out its earlier version.
 */
void
pulse_kpi_add_review (PulseKpi          *self,
                      PulseReviewSample *sample)
{
  PulseKpiReview *review;
  GPtrArray *reviews;
  const char *ticket_id;

  g_return_if_fail (PULSE_IS_KPI (self));
  g_return_if_fail (PULSE_IS_REVIEW_SAMPLE (sample));

  pulse_kpi_remove_review (self, pulse_review_sample_get_id (sample));
  if (!review_counts (self, sample))
    return;

  ticket_id = pulse_review_sample_get_ticket_id (sample);
  review = g_new0 (PulseKpiReview, 1);
  review->id = g_strdup (pulse_review_sample_get_id (sample));
  review->ticket_id = g_strdup (ticket_id);
  review->agent_id = _pulse_kpi_intern (self, pulse_review_sample_get_agent_id (sample));
  review->score = llround (pulse_review_sample_get_score (sample) * PULSE_KPI_QA_SCALE);
  g_hash_table_insert (self->reviews, review->id, review);

  reviews = g_hash_table_lookup (self->reviews_by_ticket, ticket_id);
  if (reviews == NULL)
    {
      reviews = g_ptr_array_new ();
      g_hash_table_insert (self->reviews_by_ticket, g_strdup (ticket_id), reviews);
    }
  g_ptr_array_add (reviews, review);

  review_attach (self, review);
}

/**
 * pulse_kpi_remove_review:
 * @sample_id: the id of a review sample
 *
 * Takes a review out, as if it had never been added.
 *
 * Returns: %TRUE if it counted in @self.
 */
gboolean
pulse_kpi_remove_review (PulseKpi   *self,
                         const char *sample_id)
{
  PulseKpiReview *review;
  GPtrArray *reviews;

  g_return_val_if_fail (PULSE_IS_KPI (self), FALSE);
  g_return_val_if_fail (sample_id != NULL, FALSE);

  review = g_hash_table_lookup (self->reviews, sample_id);
  if (review == NULL)
    return FALSE;

  review_detach (self, review);
  reviews = g_hash_table_lookup (self->reviews_by_ticket, review->ticket_id);
  g_ptr_array_remove (reviews, review);
  if (reviews->len == 0)
    g_hash_table_remove (self->reviews_by_ticket, review->ticket_id);
  g_hash_table_remove (self->reviews, sample_id);
  return TRUE;
}
