/* pulse-quality-summary.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Quality page lists, counted from the session's models with no
 * GTK: the samples each reviewer has still to grade, the day's negative
 * ratings nobody has drawn for review, and calibration agreement per
 * criterion. The overall agreement is pulse_calibration_collect()'s, so
 * the page and core cannot disagree; the criteria split the same pairs.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-message.h"
#include "pulse-quality-summary.h"
#include "pulse-rating.h"
#include "pulse-ticket.h"

/* CSAT is 1–5: 1 and 2 are the negative ratings QA reads every day. */
#define NEGATIVE_CSAT 2

void
pulse_quality_backlog_free (PulseQualityBacklog *backlog)
{
  if (backlog == NULL)
    return;

  g_free (backlog->reviewer_id);
  g_free (backlog);
}

void
pulse_quality_negative_free (PulseQualityNegative *negative)
{
  if (negative == NULL)
    return;

  g_free (negative->ticket_id);
  g_free (negative->queue_id);
  g_free (negative->agent_id);
  g_free (negative->comment);
  g_free (negative);
}

void
pulse_quality_criterion_free (PulseQualityCriterion *criterion)
{
  if (criterion == NULL)
    return;

  g_free (criterion->scorecard_id);
  g_free (criterion->criterion_id);
  g_free (criterion);
}

static int
compare_backlogs (gconstpointer a,
                  gconstpointer b)
{
  const PulseQualityBacklog *ba = *(PulseQualityBacklog **) a;
  const PulseQualityBacklog *bb = *(PulseQualityBacklog **) b;

  if (ba->oldest_at != bb->oldest_at)
    return ba->oldest_at < bb->oldest_at ? -1 : 1;

  return g_strcmp0 (ba->reviewer_id, bb->reviewer_id);
}

static void
count_sample (PulseQualityBacklog *backlog,
              PulseReviewSample   *sample)
{
  gint64 created_at = pulse_review_sample_get_created_at (sample);

  if (pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_DRAFT)
    backlog->drafts++;
  else
    backlog->pending++;
  backlog->negative += pulse_review_sample_get_reason (sample)
                       == PULSE_SAMPLE_REASON_NEGATIVE_RATING;
  if (backlog->pending + backlog->drafts == 1 || created_at < backlog->oldest_at)
    backlog->oldest_at = created_at;
}

/**
 * pulse_quality_backlog_collect:
 * @reviews: (element-type PulseReviewSample): the review samples
 *
 * Gathers the samples not yet submitted (pending or draft) by reviewer;
 * samples with no reviewer make one entry with a %NULL @reviewer_id.
 *
 * Returns: (transfer full) (element-type PulseQualityBacklog): one entry
 *   per reviewer with something to grade, the oldest sample first.
 */
GPtrArray *
pulse_quality_backlog_collect (GListModel *reviews)
{
  g_autoptr(GHashTable) by_reviewer = NULL;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_quality_backlog_free);
  /* g_str_hash cannot take NULL: the unassigned samples use "" as key. */
  by_reviewer = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseReviewSample) sample = g_list_model_get_item (reviews, i);
      const char *reviewer = pulse_review_sample_get_reviewer_id (sample);
      PulseQualityBacklog *backlog;

      if (pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_SUBMITTED)
        continue;

      backlog = g_hash_table_lookup (by_reviewer, reviewer != NULL ? reviewer : "");
      if (backlog == NULL)
        {
          backlog = g_new0 (PulseQualityBacklog, 1);
          backlog->reviewer_id = g_strdup (reviewer);
          g_ptr_array_add (result, backlog);
          g_hash_table_insert (by_reviewer, backlog->reviewer_id != NULL
                                            ? backlog->reviewer_id : (char *) "", backlog);
        }
      count_sample (backlog, sample);
    }

  g_ptr_array_sort (result, compare_backlogs);
  return result;
}

/* The ticket's latest CSAT rating, or NULL. */
static PulseRating *
latest_csat (PulseTicket *ticket)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  guint n = g_list_model_get_n_items (ratings);
  PulseRating *latest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (pulse_rating_get_kind (rating) == PULSE_RATING_KIND_CSAT
          && (latest == NULL || pulse_rating_get_at (rating) >= pulse_rating_get_at (latest)))
        latest = rating;
    }

  return latest;
}

/* Whom the rating is about: the assignee, else the last agent to reply
 * (a ticket closed and unassigned still has its replies). */
static const char *
rated_agent (PulseTicket *ticket)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);

  if (pulse_ticket_get_assignee_id (ticket) != NULL)
    return pulse_ticket_get_assignee_id (ticket);

  for (guint i = g_list_model_get_n_items (messages); i > 0; i--)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i - 1);

      if (pulse_message_get_author_kind (message) == PULSE_AUTHOR_KIND_AGENT
          && pulse_message_get_author_id (message) != NULL)
        return pulse_message_get_author_id (message);
    }

  return NULL;
}

static int
compare_negatives (gconstpointer a,
                   gconstpointer b)
{
  const PulseQualityNegative *na = *(PulseQualityNegative **) a;
  const PulseQualityNegative *nb = *(PulseQualityNegative **) b;

  if (na->rated_at != nb->rated_at)
    return na->rated_at > nb->rated_at ? -1 : 1;

  return g_strcmp0 (na->ticket_id, nb->ticket_id);
}

static GHashTable *
reviewed_tickets (GListModel *reviews)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(PulseReviewSample) sample = g_list_model_get_item (reviews, i);

      g_hash_table_add (set, g_strdup (pulse_review_sample_get_ticket_id (sample)));
    }

  return set;
}

/**
 * pulse_quality_negative_collect:
 * @tickets: (element-type PulseTicket): the tickets to look through
 * @reviews: (element-type PulseReviewSample): the review samples
 * @from: the start of the day, µs since the epoch
 * @to: its end, exclusive
 *
 * Finds the tickets whose latest CSAT rating is 1 or 2 and came in
 * [@from, @to), and that no review sample has been drawn from yet (in any
 * state: a sample being graded is already being read).
 *
 * Returns: (transfer full) (element-type PulseQualityNegative): the
 *   ratings, the newest first.
 */
GPtrArray *
pulse_quality_negative_collect (GListModel *tickets,
                                GListModel *reviews,
                                gint64      from,
                                gint64      to)
{
  g_autoptr(GHashTable) reviewed = NULL;
  GPtrArray *result;

  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);

  reviewed = reviewed_tickets (reviews);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_quality_negative_free);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(PulseTicket) ticket = g_list_model_get_item (tickets, i);
      PulseRating *rating = latest_csat (ticket);
      PulseQualityNegative *negative;

      if (rating == NULL || pulse_rating_get_score (rating) > NEGATIVE_CSAT
          || pulse_rating_get_at (rating) < from || pulse_rating_get_at (rating) >= to
          || g_hash_table_contains (reviewed, pulse_ticket_get_id (ticket)))
        continue;

      negative = g_new0 (PulseQualityNegative, 1);
      negative->ticket_id = g_strdup (pulse_ticket_get_id (ticket));
      negative->queue_id = g_strdup (pulse_ticket_get_queue_id (ticket));
      negative->agent_id = g_strdup (rated_agent (ticket));
      negative->score = pulse_rating_get_score (rating);
      negative->comment = g_strdup (pulse_rating_get_comment (rating));
      negative->rated_at = pulse_rating_get_at (rating);
      g_ptr_array_add (result, negative);
    }

  g_ptr_array_sort (result, compare_negatives);
  return result;
}

static gboolean
is_graded (PulseReviewSample *sample)
{
  return pulse_review_sample_get_status (sample) == PULSE_REVIEW_STATUS_SUBMITTED
         && pulse_review_sample_get_reviewer_id (sample) != NULL;
}

/* Splits one pair's comparison by criterion, as pulse_calibration_compare()
 * counts it as a whole. */
static void
compare_pair (PulseReviewSample *a,
              PulseReviewSample *b,
              GHashTable        *criteria,
              GPtrArray         *result)
{
  if (!is_graded (a) || !is_graded (b)
      || g_strcmp0 (pulse_review_sample_get_reviewer_id (a),
                    pulse_review_sample_get_reviewer_id (b)) == 0)
    return;

  for (guint i = 0; i < pulse_review_sample_get_n_grades (a); i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_get_grade (a, i);
      const PulseReviewGrade *other = pulse_review_sample_find_grade (b, grade->criterion_id);
      g_autofree char *key = NULL;
      PulseQualityCriterion *criterion;

      if (other == NULL)
        continue;

      /* Criterion ids are unique within a scorecard only. */
      key = g_strconcat (pulse_review_sample_get_scorecard_id (a), "\n", grade->criterion_id,
                         NULL);
      criterion = g_hash_table_lookup (criteria, key);
      if (criterion == NULL)
        {
          criterion = g_new0 (PulseQualityCriterion, 1);
          criterion->scorecard_id = g_strdup (pulse_review_sample_get_scorecard_id (a));
          criterion->criterion_id = g_strdup (grade->criterion_id);
          g_hash_table_insert (criteria, g_steal_pointer (&key), criterion);
          g_ptr_array_add (result, criterion);
        }
      criterion->agreement.compared++;
      criterion->agreement.agreed += other->result == grade->result;
    }
}

static GHashTable *
calibration_groups (GListModel *reviews)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      PulseReviewSample *sample = g_list_model_get_item (reviews, i);
      const char *group_id = pulse_review_sample_get_calibration_group (sample);
      GPtrArray *members;

      if (group_id == NULL)
        {
          g_object_unref (sample);
          continue;
        }
      members = g_hash_table_lookup (groups, group_id);
      if (members == NULL)
        {
          members = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, (gpointer) group_id, members);
        }
      /* The array owns the sample, and so keeps the key alive. */
      g_ptr_array_add (members, sample);
    }

  return groups;
}

/* The least agreed-on criterion first: what the next calibration
 * session should talk about. */
static int
compare_criteria (gconstpointer a,
                  gconstpointer b)
{
  const PulseQualityCriterion *ca = *(PulseQualityCriterion **) a;
  const PulseQualityCriterion *cb = *(PulseQualityCriterion **) b;
  double sa = pulse_calibration_share (&ca->agreement);
  double sb = pulse_calibration_share (&cb->agreement);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (g_strcmp0 (ca->scorecard_id, cb->scorecard_id) != 0)
    return g_strcmp0 (ca->scorecard_id, cb->scorecard_id);

  return g_strcmp0 (ca->criterion_id, cb->criterion_id);
}

/**
 * pulse_quality_criteria_collect:
 * @reviews: (element-type PulseReviewSample): the review samples
 * @overall: (out) (optional): the agreement over every criterion, as
 *   pulse_calibration_collect() counts it
 * @n_groups: (out) (optional): the calibration samples it was measured on
 *
 * Splits calibration agreement by criterion: for every pair of submitted
 * gradings of one calibration group by different reviewers, each
 * criterion both graded is compared once.
 *
 * Returns: (transfer full) (element-type PulseQualityCriterion): one entry
 *   per criterion compared at least once, the least agreed-on first.
 */
GPtrArray *
pulse_quality_criteria_collect (GListModel                *reviews,
                                PulseCalibrationAgreement *overall,
                                guint                     *n_groups)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) criteria = NULL;
  g_autoptr(GPtrArray) measured = NULL;
  GHashTableIter iter;
  gpointer value;
  GPtrArray *result;

  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_quality_criterion_free);
  criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = calibration_groups (reviews);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *members = value;

      for (guint i = 0; i < members->len; i++)
        for (guint j = i + 1; j < members->len; j++)
          compare_pair (members->pdata[i], members->pdata[j], criteria, result);
    }
  g_ptr_array_sort (result, compare_criteria);

  measured = pulse_calibration_collect (reviews);
  if (overall != NULL)
    {
      *overall = (PulseCalibrationAgreement) { 0, 0 };
      for (guint i = 0; i < measured->len; i++)
        {
          const PulseCalibrationGroup *group = measured->pdata[i];

          overall->compared += group->agreement.compared;
          overall->agreed += group->agreement.agreed;
        }
    }
  if (n_groups != NULL)
    *n_groups = measured->len;

  return result;
}

/**
 * pulse_quality_format_age:
 * @seconds: how long ago something happened
 *
 * An age as a backlog is read: whole minutes under an hour, whole hours
 * under two days, then whole days. A negative age (a clock ahead of
 * ours) reads as 0 min.
 *
 * Returns: (transfer full): "45 min", "5 h" or "3 d".
 */
char *
pulse_quality_format_age (gint64 seconds)
{
  seconds = MAX (0, seconds);
  if (seconds < 3600)
    /* Translators: an age in minutes, e.g. "45 min" */
    return g_strdup_printf (_("%d min"), (int) (seconds / 60));
  if (seconds < 48 * 3600)
    /* Translators: an age in hours, e.g. "5 h" */
    return g_strdup_printf (_("%d h"), (int) (seconds / 3600));

  /* Translators: an age in days, e.g. "3 d" */
  return g_strdup_printf (_("%d d"), (int) MIN (seconds / 86400, G_MAXINT));
}
