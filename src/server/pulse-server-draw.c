/* pulse-server-draw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weekly QA draw (docs/protocol.md, "Sampling and the weekly draw"):
 * `POST /api/v1/reviews/draw` draws a week's samples under the stored
 * #PulseSamplingPolicy, once per week, and the server does it by itself
 * when a week ends. Also the default scorecard a new server starts with.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-directory-store.h"
#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-review-sample.h"
#include "pulse-scorecard-default.h"
#include "pulse-server-draw.h"
#include "pulse-server-http.h"
#include "pulse-server-mutation.h"
#include "pulse-ticket-store.h"
#include "pulse-ticket.h"
#include "pulse-time-utils.h"

#define POLICY_KIND "sampling-policy"
#define POLICY_ID   "default"
#define DRAW_KIND   "review-draw"
#define WEEK        (7 * PULSE_USEC_PER_DAY)

static PulseTokenInfo server_actor = {
  (char *) "server", (char *) "pulse-server", PULSE_ROLE_HEAD, 0, 0
};

/**
 * pulse_server_draw_load_policy:
 *
 * Returns: (transfer full): the stored sampling policy, or the default
 *   one at version 0 when none was ever saved.
 */
PulseSamplingPolicy *
pulse_server_draw_load_policy (PulseServer *server)
{
  g_autoptr(JsonNode) node = NULL;
  PulseSamplingPolicy *policy = NULL;

  node = pulse_item_store_get (pulse_server_get_item_store (server), POLICY_KIND, POLICY_ID,
                               NULL);
  if (node != NULL)
    policy = pulse_sampling_policy_new_from_json (node, NULL);

  return policy != NULL ? policy : pulse_sampling_policy_new ();
}

void
pulse_draw_candidates_free (PulseDrawCandidates *set)
{
  if (set == NULL)
    return;

  g_array_unref (set->candidates);
  g_ptr_array_unref (set->strings);
  g_free (set);
}

static const char *
keep (PulseDrawCandidates *set,
      const char          *text)
{
  char *copy = g_strdup (text);

  if (copy != NULL)
    g_ptr_array_add (set->strings, copy);
  return copy;
}

static int
lowest_csat (PulseTicket *ticket)
{
  GListModel *ratings = pulse_ticket_get_ratings (ticket);
  int lowest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(PulseRating) rating = g_list_model_get_item (ratings, i);

      if (pulse_rating_get_kind (rating) == PULSE_RATING_KIND_CSAT &&
          (lowest == 0 || pulse_rating_get_score (rating) < lowest))
        lowest = pulse_rating_get_score (rating);
    }

  return lowest;
}

/* Each agent's first reply in @ticket within the week is a candidate. */
static void
add_ticket (PulseDrawCandidates *set,
            PulseSamplingPolicy *policy,
            GHashTable          *agents,
            PulseTicket         *ticket,
            gint64               week_start)
{
  GListModel *messages = pulse_ticket_get_messages (ticket);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int rating = lowest_csat (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(PulseMessage) message = g_list_model_get_item (messages, i);
      const char *author = pulse_message_get_author_id (message);
      PulseAgent *agent;
      PulseDrawCandidate candidate = { 0 };

      if (!pulse_message_is_human_reply (message) || author == NULL ||
          pulse_message_get_at (message) < week_start ||
          pulse_message_get_at (message) >= week_start + WEEK ||
          !g_hash_table_add (seen, (gpointer) author))
        continue;

      agent = g_hash_table_lookup (agents, author);
      candidate.ticket_id = keep (set, pulse_ticket_get_id (ticket));
      candidate.message_id = keep (set, pulse_message_get_id (message));
      candidate.agent_id = keep (set, author);
      candidate.team_id = agent != NULL ? keep (set, pulse_agent_get_team_id (agent)) : NULL;
      candidate.newcomer = agent != NULL &&
                           pulse_sampling_policy_is_newcomer (policy,
                                                              pulse_agent_get_hired_at (agent),
                                                              week_start);
      candidate.rating = rating;
      g_array_append_val (set->candidates, candidate);
    }
}

static GHashTable *
load_agents (PulseServer *server)
{
  g_autoptr(PulseDirectoryStore) directory = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  GHashTable *agents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  directory = pulse_directory_store_new (pulse_server_get_db (server));
  nodes = pulse_directory_store_list (directory, "agent", NULL);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      g_autoptr(JsonNode) node = pulse_json_parse (nodes->pdata[i], -1, NULL);
      PulseAgent *agent = node != NULL ? pulse_agent_new_from_json (node, NULL) : NULL;

      if (agent != NULL)
        g_hash_table_replace (agents, (gpointer) pulse_agent_get_id (agent), agent);
    }

  return agents;
}

static void
add_page (PulseDrawCandidates *set,
          PulseSamplingPolicy *policy,
          GHashTable          *agents,
          GPtrArray           *page,
          gint64               week_start)
{
  for (guint i = 0; i < page->len; i++)
    {
      g_autoptr(JsonNode) node = pulse_json_parse (page->pdata[i], -1, NULL);
      g_autoptr(PulseTicket) ticket = NULL;

      if (node != NULL && (ticket = pulse_ticket_new_from_json (node, NULL)) != NULL &&
          pulse_ticket_get_created_at (ticket) < week_start + WEEK)
        add_ticket (set, policy, agents, ticket, week_start);
    }
}

/**
 * pulse_server_draw_collect:
 * @policy: the policy (for probation)
 * @week_start: the Monday 00:00 UTC of the week
 *
 * The week's replies: for every ticket changed since the week began,
 * each agent's first human reply in it sent within the week, with the
 * ticket's lowest CSAT rating and the agent's team and probation.
 *
 * Returns: (transfer full) (nullable): the candidates, or %NULL on error.
 */
PulseDrawCandidates *
pulse_server_draw_collect (PulseServer          *server,
                           PulseSamplingPolicy  *policy,
                           gint64                week_start,
                           GError              **error)
{
  g_autoptr(PulseDrawCandidates) set = g_new0 (PulseDrawCandidates, 1);
  g_autoptr(PulseTicketStore) tickets = pulse_ticket_store_new (pulse_server_get_db (server));
  g_autoptr(GHashTable) agents = load_agents (server);
  g_autofree char *after_id = NULL;
  gint64 after_updated_at = 0;
  gboolean more = TRUE;

  set->candidates = g_array_new (FALSE, TRUE, sizeof (PulseDrawCandidate));
  set->strings = g_ptr_array_new_with_free_func (g_free);

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;
      g_autofree char *last_id = NULL;
      gint64 last_updated_at = 0;

      page = pulse_ticket_store_list_page (tickets, week_start, 0, after_updated_at, after_id,
                                           PULSE_TICKET_STORE_MAX_PAGE, &more, &last_updated_at,
                                           &last_id, error);
      if (page == NULL)
        return NULL;

      add_page (set, policy, agents, page, week_start);
      after_updated_at = last_updated_at;
      g_free (after_id);
      after_id = g_steal_pointer (&last_id);
      more = more && after_id != NULL;
    }

  return g_steal_pointer (&set);
}

/* The scorecard samples are drawn on: the policy's, else the first. */
static JsonNode *
pick_scorecard (PulseServer          *server,
                PulseSamplingPolicy  *policy,
                GError              **error)
{
  PulseItemStore *store = pulse_server_get_item_store (server);
  const char *id = pulse_sampling_policy_get_scorecard_id (policy);
  g_autoptr(GPtrArray) all = NULL;

  if (id != NULL)
    {
      JsonNode *node = pulse_item_store_get (store, "scorecard", id, NULL);

      if (node == NULL)
        g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                     "scorecard_id: no scorecard with id “%s”", id);
      return node;
    }

  all = pulse_item_store_list (store, "scorecard", error);
  if (all == NULL)
    return NULL;
  if (all->len == 0)
    {
      g_set_error_literal (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA,
                           "scorecard_id: there is no scorecard to grade on");
      return NULL;
    }

  return json_node_ref (all->pdata[0]);
}

static gboolean
store_review (PulseServer       *server,
              PulseTokenInfo    *who,
              JsonNode          *review,
              const char        *id,
              GError           **error)
{
  PulseItemStore *store = pulse_server_get_item_store (server);
  g_autoptr(JsonNode) existing = pulse_item_store_get (store, "review", id, NULL);
  g_autoptr(PulseReviewSample) sample = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (existing != NULL)
    return TRUE;

  sample = pulse_review_sample_new_from_json (review, error);
  if (sample == NULL)
    return FALSE;

  pulse_review_sample_set_version (sample, 1);
  body = pulse_review_sample_to_json (sample);
  return pulse_item_store_put (store, "review", id, 1, body, error) &&
         pulse_event_log_append (pulse_server_get_event_log (server), "review.created", body,
                                 error) != 0 &&
         pulse_item_store_audit (store, who, PULSE_AUDIT_ACTION_CREATE, "review", id, 1, NULL,
                                 body, error);
}

static char *
week_name (gint64 week_start)
{
  g_autoptr(GDateTime) week = g_date_time_new_from_unix_utc (week_start / G_USEC_PER_SEC);

  return g_date_time_format (week, "%Y-%m-%d");
}

static JsonNode *
make_marker (const char *week,
             GPtrArray  *samples,
             gint64      now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint unassigned = 0;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", week);
  pulse_json_add_int (builder, "version", 1);
  pulse_json_add_string (builder, "week", week);
  pulse_json_add_time (builder, "drawn_at", now);
  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *sample = samples->pdata[i];

      json_builder_add_string_value (builder, sample->id);
      unassigned += sample->reviewer_id == NULL;
    }
  json_builder_end_array (builder);
  pulse_json_add_int (builder, "unassigned", unassigned);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pulse_server_draw_week:
 * @who: who asked (audited as the samples' creator)
 * @week_start: the Monday 00:00 UTC of the week drawn
 * @fresh: (out): %TRUE if this call drew the week, %FALSE if it had been
 * @error: a %PULSE_ERROR_INVALID_DATA error when there is no scorecard
 *
 * Draws the week's samples, each a `reviews` item with its event and
 * audit entry, and remembers the draw; a week already drawn is not drawn
 * again. Call it inside a transaction.
 *
 * Returns: (transfer full) (nullable): the draw `{"week","drawn_at",
 *   "reviews","unassigned"}`, or %NULL on error.
 */
JsonNode *
pulse_server_draw_week (PulseServer     *server,
                        PulseTokenInfo  *who,
                        gint64           week_start,
                        gboolean        *fresh,
                        GError         **error)
{
  PulseItemStore *store = pulse_server_get_item_store (server);
  g_autofree char *week = week_name (week_start);
  g_autoptr(JsonNode) marker = pulse_item_store_get (store, DRAW_KIND, week, NULL);
  g_autoptr(PulseSamplingPolicy) policy = NULL;
  g_autoptr(JsonNode) scorecard = NULL;
  g_autoptr(PulseDrawCandidates) set = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  JsonObject *card;
  gint64 now = g_get_real_time ();

  *fresh = FALSE;
  if (marker != NULL)
    return g_steal_pointer (&marker);

  policy = pulse_server_draw_load_policy (server);
  if ((scorecard = pick_scorecard (server, policy, error)) == NULL ||
      (set = pulse_server_draw_collect (server, policy, week_start, error)) == NULL)
    return NULL;

  card = json_node_get_object (scorecard);
  samples = pulse_review_draw (policy, (PulseDrawCandidate *) set->candidates->data,
                               set->candidates->len, PULSE_SERVER_DRAW_SEED, week_start);
  /* A week with no replies is not marked drawn: history ingested later
   * (a bridge catching up) is still drawn. */
  if (samples->len == 0)
    return make_marker (week, samples, now);
  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *sample = samples->pdata[i];
      g_autoptr(JsonNode) review =
        pulse_drawn_sample_to_review (sample, json_object_get_string_member (card, "id"),
                                      json_object_get_int_member (card, "version"), now);

      if (!store_review (server, who, review, sample->id, error))
        return NULL;
    }

  marker = make_marker (week, samples, now);
  if (!pulse_item_store_put (store, DRAW_KIND, week, 1, marker, error) ||
      pulse_event_log_append (pulse_server_get_event_log (server), "reviews.drawn", marker,
                              error) == 0 ||
      !pulse_item_store_audit (store, who, PULSE_AUDIT_ACTION_CREATE, DRAW_KIND, week, 1, NULL,
                               marker, error))
    return NULL;

  *fresh = TRUE;

  return g_steal_pointer (&marker);
}

typedef struct
{
  PulseServer *server;
  gint64       week_start;
} Due;

static gboolean
due_in_transaction (PulseDb   *db,
                    gpointer   user_data,
                    GError   **error)
{
  Due *due = user_data;
  g_autoptr(JsonNode) answer = NULL;
  gboolean fresh;

  answer = pulse_server_draw_week (due->server, &server_actor, due->week_start, &fresh, error);
  return answer != NULL;
}

/**
 * pulse_server_draw_due:
 * @now: the time now
 *
 * Draws the last complete week (the one before @now's week) unless it
 * has been drawn: what the server does by itself at the start of a week,
 * and after a restart that missed one.
 *
 * Returns: %TRUE if the week is drawn (now or before).
 */
gboolean
pulse_server_draw_due (PulseServer  *server,
                       gint64        now,
                       GError      **error)
{
  Due due = { server, pulse_review_draw_week_start (now) - WEEK };

  g_return_val_if_fail (PULSE_IS_SERVER (server), FALSE);

  return pulse_server_commit (server, due_in_transaction, &due, error);
}

static gboolean
seed_in_transaction (PulseDb   *db,
                     gpointer   user_data,
                     GError   **error)
{
  PulseServer *server = user_data;
  PulseItemStore *store = pulse_server_get_item_store (server);
  g_autoptr(GPtrArray) existing = pulse_item_store_list (store, "scorecard", error);
  g_autoptr(PulseScorecard) scorecard = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;

  scorecard = pulse_scorecard_new_default ();
  pulse_scorecard_set_version (scorecard, 1);
  body = pulse_scorecard_to_json (scorecard);
  return pulse_item_store_put (store, "scorecard", PULSE_SCORECARD_DEFAULT_ID, 1, body, error) &&
         pulse_event_log_append (pulse_server_get_event_log (server), "scorecard.created", body,
                                 error) != 0 &&
         pulse_item_store_audit (store, &server_actor, PULSE_AUDIT_ACTION_CREATE, "scorecard",
                                 PULSE_SCORECARD_DEFAULT_ID, 1, NULL, body, error);
}

/**
 * pulse_server_draw_seed_scorecard:
 *
 * Gives a server with no scorecard the default fintech one
 * (pulse_scorecard_new_default()), with its event and audit entry, so
 * QA can start grading at once. A server with any scorecard is left as
 * it is.
 *
 * Returns: %TRUE on success.
 */
gboolean
pulse_server_draw_seed_scorecard (PulseServer  *server,
                                  GError      **error)
{
  g_return_val_if_fail (PULSE_IS_SERVER (server), FALSE);

  return pulse_server_commit (server, seed_in_transaction, server, error);
}
