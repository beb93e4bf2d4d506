/* pulse-server-calibrations.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settling a calibration (docs/protocol.md, "Calibration"): a lead or
 * head saves the reference grading of a calibration group as the
 * `calibrations` item with the group's id. The client sends the grades
 * and a note; the server fills in the rest from the group's reviews and
 * scores the grades on the group's scorecard, so the reference cannot
 * disagree with the reviews it settles.
 */

#include "config.h"

#include <string.h>

#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-review-sample.h"
#include "pulse-scorecard-score.h"
#include "pulse-scorecard.h"
#include "pulse-server-calibrations.h"
#include "pulse-time-utils.h"

/* The reviews of calibration group @id, by id. */
static GPtrArray *
group_reviews (PulseServerMutation *m,
               guint               *n_submitted)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *group = g_ptr_array_new_with_free_func (g_object_unref);

  *n_submitted = 0;
  all = pulse_item_store_list (pulse_server_get_item_store (m->server), "review", NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      PulseReviewSample *review = pulse_review_sample_new_from_json (all->pdata[i], NULL);

      if (review == NULL)
        continue;
      if (g_strcmp0 (pulse_review_sample_get_calibration_group (review), m->id) != 0)
        {
          g_object_unref (review);
          continue;
        }
      *n_submitted += pulse_review_sample_get_status (review) == PULSE_REVIEW_STATUS_SUBMITTED;
      g_ptr_array_add (group, review);
    }

  return group;
}

/* The reference grades scored as if they were a review on the group's
 * scorecard: -1 with the error set when they do not fit it. */
static double
score_grades (PulseServerMutation  *m,
              PulseReviewSample    *first,
              JsonNode             *grades,
              GError              **error)
{
  g_autoptr(JsonNode) scorecard_node = NULL;
  g_autoptr(PulseScorecard) scorecard = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) sample_node = NULL;
  g_autoptr(PulseReviewSample) sample = NULL;

  scorecard_node = pulse_item_store_get (pulse_server_get_item_store (m->server), "scorecard",
                                         pulse_review_sample_get_scorecard_id (first), NULL);
  if (scorecard_node == NULL ||
      (scorecard = pulse_scorecard_new_from_json (scorecard_node, error)) == NULL)
    {
      g_clear_error (error);
      pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                    "scorecard_id: no scorecard with id “%s”",
                                    pulse_review_sample_get_scorecard_id (first));
      return -1;
    }

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", m->id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "ticket_id", pulse_review_sample_get_ticket_id (first));
  pulse_json_add_string (builder, "message_id", pulse_review_sample_get_message_id (first));
  pulse_json_add_string (builder, "agent_id", pulse_review_sample_get_agent_id (first));
  pulse_json_add_string (builder, "scorecard_id", pulse_scorecard_get_id (scorecard));
  pulse_json_add_int (builder, "scorecard_version", 1);
  pulse_json_add_string (builder, "reason", "calibration");
  pulse_json_add_string (builder, "status", "draft");
  json_builder_set_member_name (builder, "grades");
  json_builder_add_value (builder, json_node_copy (grades));
  pulse_json_add_time (builder, "created_at", pulse_review_sample_get_created_at (first));
  json_builder_end_object (builder);

  sample_node = json_builder_get_root (builder);
  sample = pulse_review_sample_new_from_json (sample_node, error);
  if (sample != NULL)
    {
      double score = pulse_scorecard_score (scorecard, sample, error);

      if (score >= 0)
        return score;
    }

  {
    g_autofree char *message = g_strdup ((*error)->message);

    g_clear_error (error);
    pulse_server_mutation_reject (m, 422, "invalid_data", error, "%s", message);
  }
  return -1;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_from_group (JsonObject        *body,
                 GPtrArray         *group,
                 PulseReviewSample *first)
{
  JsonArray *ids = json_array_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < group->len; i++)
    g_ptr_array_add (sorted, (gpointer) pulse_review_sample_get_id (group->pdata[i]));
  g_ptr_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_string_element (ids, sorted->pdata[i]);

  json_object_set_string_member (body, "ticket_id", pulse_review_sample_get_ticket_id (first));
  json_object_set_string_member (body, "scorecard_id",
                                 pulse_review_sample_get_scorecard_id (first));
  json_object_set_int_member (body, "scorecard_version",
                              pulse_review_sample_get_scorecard_version (first));
  json_object_set_array_member (body, "reviews", ids);
}

/**
 * pulse_server_calibrations_prepare:
 * @m: a create or update of a calibration
 * @body: the request body, which this completes before it is decoded
 *
 * Checks that @m's id is a calibration group with at least two submitted
 * gradings, fills ticket_id, scorecard_id, scorecard_version and reviews
 * from it, settled_by (the token's user) and settled_at (now), and the
 * score of the grades on the group's scorecard.
 *
 * Returns: %TRUE if the change may go on; else @m is rejected with 422.
 */
gboolean
pulse_server_calibrations_prepare (PulseServerMutation  *m,
                                   JsonObject           *body,
                                   GError              **error)
{
  g_autoptr(GPtrArray) group = NULL;
  g_autofree char *now = pulse_time_format (g_get_real_time ());
  PulseReviewSample *first;
  JsonNode *grades;
  guint n_submitted;
  double score;

  group = group_reviews (m, &n_submitted);
  if (group->len == 0)
    return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                         "id: no calibration group “%s”", m->id);
  if (n_submitted < 2)
    return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                         "id: calibration group “%s” has %u submitted "
                                         "gradings; settling needs two", m->id, n_submitted);

  grades = json_object_get_member (body, "grades");
  if (grades == NULL || !JSON_NODE_HOLDS_ARRAY (grades))
    return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                         "grades: is required (an array)");

  first = group->pdata[0];
  score = score_grades (m, first, grades, error);
  if (score < 0)
    return FALSE;

  fill_from_group (body, group, first);
  json_object_set_double_member (body, "score", score);
  json_object_set_string_member (body, "settled_by", m->who->user);
  json_object_set_string_member (body, "settled_at", now);
  return TRUE;
}
