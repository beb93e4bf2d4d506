/* pulse-server-review-check.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a review must agree with beyond its codec: the scorecard version
 * it was drawn on. A grade keeps that version when the scorecard moves
 * on, so the server scores it against the criteria the reviewer saw,
 * found in the audit log once the scorecard has a newer version.
 */

#include "config.h"

#include <math.h>

#include "pulse-item-store.h"
#include "pulse-scorecard-score.h"
#include "pulse-server-review-check.h"

/* Scores are sent with two decimals at most; the core computes more. */
#define SCORE_TOLERANCE 0.01

static PulseScorecard *
decode_scorecard (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return pulse_scorecard_new_from_json (node, NULL);
}

static gboolean
is_version (JsonNode *node,
            gint64    version)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
         json_object_get_int_member_with_default (json_node_get_object (node), "version", 0)
         == version;
}

/* Each audited change holds the scorecard as it was and as it became;
 * the one before holds a version written without an audit entry (the
 * simulator's, say). */
static PulseScorecard *
find_in_audit (PulseItemStore *store,
               const char     *id,
               gint64          version)
{
  g_autoptr(GPtrArray) entries = pulse_item_store_list_audit (store, "scorecard", id, 1000, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      JsonObject *entry = json_node_get_object (entries->pdata[i]);
      JsonNode *after = json_object_get_member (entry, "after");
      JsonNode *before = json_object_get_member (entry, "before");

      if (is_version (after, version))
        return decode_scorecard (after);
      if (is_version (before, version))
        return decode_scorecard (before);
    }

  return NULL;
}

/**
 * pulse_server_find_scorecard_version:
 * @id: a scorecard id
 * @version: the version wanted, at least 1
 *
 * Returns: (transfer full) (nullable): scorecard @id as it was at
 *   @version: the stored one if it is at @version, else the version the
 *   audit log recorded; %NULL if neither has it.
 */
PulseScorecard *
pulse_server_find_scorecard_version (PulseServer *server,
                                     const char  *id,
                                     gint64       version)
{
  PulseItemStore *store = pulse_server_get_item_store (server);
  g_autoptr(JsonNode) current = pulse_item_store_get (store, "scorecard", id, NULL);
  g_autoptr(PulseScorecard) scorecard = decode_scorecard (current);

  if (scorecard != NULL && pulse_scorecard_get_version (scorecard) == version)
    return g_steal_pointer (&scorecard);
  if (scorecard == NULL || version > pulse_scorecard_get_version (scorecard))
    return NULL;

  return find_in_audit (store, id, version);
}

/* An update grades the sample as drawn: same scorecard, same version. */
static gboolean
check_kept_version (PulseServerMutation  *m,
                    PulseReviewSample    *sample,
                    GError              **error)
{
  PulseItemStore *store = pulse_server_get_item_store (m->server);
  g_autoptr(JsonNode) stored = pulse_item_store_get (store, "review", m->id, NULL);
  JsonObject *object;

  if (stored == NULL)
    return TRUE;

  object = json_node_get_object (stored);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "scorecard_id", NULL),
                 pulse_review_sample_get_scorecard_id (sample)) != 0 ||
      json_object_get_int_member_with_default (object, "scorecard_version", 0) !=
      pulse_review_sample_get_scorecard_version (sample))
    return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                         "scorecard_version: a review keeps the scorecard "
                                         "version it was drawn on");
  return TRUE;
}

static gboolean
check_grades (PulseServerMutation  *m,
              PulseReviewSample    *sample,
              PulseScorecard       *scorecard,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  double score;

  for (guint i = 0; i < pulse_review_sample_get_n_grades (sample); i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_get_grade (sample, i);

      if (pulse_scorecard_find_criterion (scorecard, grade->criterion_id) == NULL)
        return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                             "grades[%u].criterion_id: “%s” is not on version "
                                             "%" G_GINT64_FORMAT " of the scorecard",
                                             i, grade->criterion_id,
                                             pulse_scorecard_get_version (scorecard));
    }

  if (pulse_review_sample_get_status (sample) != PULSE_REVIEW_STATUS_SUBMITTED)
    return TRUE;

  score = pulse_scorecard_score (scorecard, sample, &local_error);
  if (score < 0)
    return pulse_server_mutation_reject (m, 422, "invalid_data", error, "%s",
                                         local_error->message);
  if (fabs (score - pulse_review_sample_get_score (sample)) > SCORE_TOLERANCE)
    return pulse_server_mutation_reject (m, 422, "invalid_data", error,
                                         "score: the grades make %.2f, not %.2f",
                                         score, pulse_review_sample_get_score (sample));
  return TRUE;
}

/**
 * pulse_server_review_check:
 * @m: a create or update of a review, inside its transaction
 * @sample: the review as decoded from the request
 * @error: set, with @m rejected, when the review does not agree
 *
 * The scorecard and version a review names must exist (`422
 * unknown_reference` otherwise). An update must keep them, grade only
 * criteria of that version and, once submitted, carry the score those
 * grades make there (pulse_scorecard_score()). A create is a draw or an
 * import: the grades of an imported review are kept as they came.
 *
 * Returns: %TRUE if the review may be stored.
 */
gboolean
pulse_server_review_check (PulseServerMutation  *m,
                           PulseReviewSample    *sample,
                           GError              **error)
{
  const char *id = pulse_review_sample_get_scorecard_id (sample);
  gint64 version = pulse_review_sample_get_scorecard_version (sample);
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(PulseScorecard) scorecard = NULL;

  current = pulse_item_store_get (pulse_server_get_item_store (m->server), "scorecard", id, NULL);
  if (current == NULL)
    return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                         "scorecard_id: no scorecard with id “%s”", id);

  scorecard = pulse_server_find_scorecard_version (m->server, id, version);
  if (scorecard == NULL)
    return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                         "scorecard_version: scorecard “%s” has no version %"
                                         G_GINT64_FORMAT, id, version);

  if (m->if_match < 0)
    return TRUE;

  return check_kept_version (m, sample, error) && check_grades (m, sample, scorecard, error);
}
