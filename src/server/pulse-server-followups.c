/* pulse-server-followups.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QA feedback loop (docs/protocol.md, "Follow-ups"): a submitted
 * review with a failed criterion, and a contact rated 1–2 on CSAT, each
 * make a follow-up for the agent's team lead, in the same transaction as
 * the change that caused it. Leads change only a follow-up's status and
 * note, and only for their own teams; heads for every team.
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-directory-store.h"
#include "pulse-event-log.h"
#include "pulse-followup.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-message.h"
#include "pulse-rating.h"
#include "pulse-review-sample.h"
#include "pulse-server-followups.h"
#include "pulse-team.h"
#include "pulse-time-utils.h"

/* CSAT ratings at or below this are flagged to the lead. */
#define LOW_RATING 2

/* Follow-ups the server makes are audited under this name. */
static PulseTokenInfo server_actor = {
  (char *) "server", (char *) "pulse-server", PULSE_ROLE_HEAD, 0, 0
};

static GObject *
directory_get (PulseServer *server,
               const char  *kind,
               const char  *id)
{
  g_autoptr(PulseDirectoryStore) directory = NULL;
  g_autoptr(JsonNode) node = NULL;

  directory = pulse_directory_store_new (pulse_server_get_db (server));

  if (id == NULL || (node = pulse_directory_store_get (directory, kind, id, NULL)) == NULL)
    return NULL;

  return g_str_equal (kind, "agent") ? G_OBJECT (pulse_agent_new_from_json (node, NULL))
                                     : G_OBJECT (pulse_team_new_from_json (node, NULL));
}

static char *
agent_team (PulseServer *server,
            const char  *agent_id)
{
  g_autoptr(GObject) agent = directory_get (server, "agent", agent_id);

  return agent != NULL ? g_strdup (pulse_agent_get_team_id (PULSE_AGENT (agent))) : NULL;
}

static gboolean
is_user (PulseAgent *agent,
         const char *user)
{
  return g_strcmp0 (pulse_agent_get_id (agent), user) == 0 ||
         g_strcmp0 (pulse_agent_get_email (agent), user) == 0 ||
         g_strcmp0 (pulse_agent_get_name (agent), user) == 0;
}

/**
 * pulse_server_followups_lead_teams:
 * @who: the token
 *
 * The teams a lead leads: those whose lead_id is the directory agent
 * whose id, email or name is the token's user.
 *
 * Returns: (transfer full) (nullable): the team ids as a set, or %NULL
 *   for a role that sees every team (head, and every role but lead).
 */
GHashTable *
pulse_server_followups_lead_teams (PulseServer    *server,
                                   PulseTokenInfo *who)
{
  g_autoptr(PulseDirectoryStore) directory = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GHashTable) me = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *led = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (who->role != PULSE_ROLE_LEAD)
    {
      g_hash_table_unref (led);
      return NULL;
    }

  directory = pulse_directory_store_new (pulse_server_get_db (server));
  agents = pulse_directory_store_list (directory, "agent", NULL);
  teams = pulse_directory_store_list (directory, "team", NULL);
  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      g_autoptr(JsonNode) node = pulse_json_parse (agents->pdata[i], -1, NULL);
      g_autoptr(PulseAgent) agent = node ? pulse_agent_new_from_json (node, NULL) : NULL;

      if (agent != NULL && is_user (agent, who->user))
        g_hash_table_add (me, g_strdup (pulse_agent_get_id (agent)));
    }
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      g_autoptr(JsonNode) node = pulse_json_parse (teams->pdata[i], -1, NULL);
      g_autoptr(PulseTeam) team = node ? pulse_team_new_from_json (node, NULL) : NULL;

      if (team != NULL && pulse_team_get_lead_id (team) != NULL &&
          g_hash_table_contains (me, pulse_team_get_lead_id (team)))
        g_hash_table_add (led, g_strdup (pulse_team_get_id (team)));
    }

  return led;
}

/* "fu-<kind>-<id>", or a digest of it when that would be over-long. */
static char *
followup_id (const char *kind,
             const char *id)
{
  g_autofree char *plain = g_strdup_printf ("fu-%s-%s", kind, id);
  g_autofree char *digest = NULL;

  if (strlen (plain) <= PULSE_JSON_MAX_ID)
    return g_steal_pointer (&plain);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, plain, -1);
  return g_strdup_printf ("fu-%s-%.32s", kind, digest);
}

/* Stores @builder's follow-up at version 1 unless one with its id exists:
 * one follow-up per review or contact, even when submitted again. */
static gboolean
add_followup (PulseServer  *server,
              const char   *id,
              JsonBuilder  *builder,
              GError      **error)
{
  PulseItemStore *store = pulse_server_get_item_store (server);
  g_autoptr(JsonNode) existing = pulse_item_store_get (store, "followup", id, NULL);
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(PulseFollowup) followup = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (existing != NULL)
    return TRUE;

  draft = json_builder_get_root (builder);
  followup = pulse_followup_new_from_json (draft, error);
  if (followup == NULL)
    return FALSE;

  body = pulse_followup_to_json (followup);
  return pulse_item_store_put (store, "followup", id, 1, body, error) &&
         pulse_event_log_append (pulse_server_get_event_log (server), "followup.created", body,
                                 error) != 0 &&
         pulse_item_store_audit (store, &server_actor, PULSE_AUDIT_ACTION_CREATE, "followup", id,
                                 1, NULL, body, error);
}

static void
begin_followup (JsonBuilder *builder,
                const char  *id,
                const char  *agent_id,
                const char  *team_id,
                const char  *ticket_id,
                const char  *reason,
                gint64       created_at)
{
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", 1);
  pulse_json_add_string (builder, "agent_id", agent_id);
  pulse_json_add_string (builder, "team_id", team_id);
  pulse_json_add_string (builder, "ticket_id", ticket_id);
  pulse_json_add_string (builder, "reason", reason);
  pulse_json_add_string (builder, "status", "open");
  pulse_json_add_time (builder, "created_at", created_at);
}

static gboolean
was_submitted (JsonNode *review)
{
  return review != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (review),
                                                                "status", NULL),
                    "submitted") == 0;
}

/**
 * pulse_server_followups_review_stored:
 * @before: (nullable): the review as it was
 * @after: the review as stored now
 *
 * Makes the follow-up of a review that has just been submitted with a
 * failed criterion: reason failed-criterion, the criteria, the review.
 * Calibration second gradings (reason calibration) make none.
 * Call it inside the change's transaction.
 *
 * Returns: %TRUE on success (also when no follow-up was due).
 */
gboolean
pulse_server_followups_review_stored (PulseServer  *server,
                                      JsonNode     *before,
                                      JsonNode     *after,
                                      GError      **error)
{
  g_autoptr(PulseReviewSample) review = NULL;
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = NULL;
  g_autofree char *team_id = NULL;

  g_return_val_if_fail (PULSE_IS_SERVER (server), FALSE);

  if (was_submitted (before) || !was_submitted (after))
    return TRUE;

  review = pulse_review_sample_new_from_json (after, error);
  if (review == NULL)
    return FALSE;
  /* A calibration grading is measured, not fed back: its reply has (or
   * gets) a review of its own, and the settled reference is the verdict. */
  if (pulse_review_sample_get_reason (review) == PULSE_SAMPLE_REASON_CALIBRATION)
    return TRUE;

  for (guint i = 0; i < pulse_review_sample_get_n_grades (review); i++)
    {
      const PulseReviewGrade *grade = pulse_review_sample_get_grade (review, i);

      if (grade->result == PULSE_CRITERION_RESULT_FAIL)
        g_ptr_array_add (failed, grade->criterion_id);
    }
  if (failed->len == 0)
    return TRUE;
  g_ptr_array_add (failed, NULL);

  id = followup_id ("review", pulse_review_sample_get_id (review));
  team_id = agent_team (server, pulse_review_sample_get_agent_id (review));
  begin_followup (builder, id, pulse_review_sample_get_agent_id (review), team_id,
                  pulse_review_sample_get_ticket_id (review), "failed-criterion",
                  pulse_review_sample_get_submitted_at (review));
  pulse_json_add_string (builder, "review_id", pulse_review_sample_get_id (review));
  pulse_json_add_strv (builder, "criteria", (const char * const *) failed->pdata);
  json_builder_end_object (builder);

  return add_followup (server, id, builder, error);
}

/* The agent a contact's rating is about: its assignee, else the last
 * human who replied. */
static const char *
rated_agent (PulseTicket *ticket,
             GPtrArray   *messages)
{
  const char *agent_id = pulse_ticket_get_assignee_id (ticket);

  for (guint i = messages->len; agent_id == NULL && i > 0; i--)
    {
      PulseMessage *message = messages->pdata[i - 1];

      if (pulse_message_is_human_reply (message))
        agent_id = pulse_message_get_author_id (message);
    }

  return agent_id;
}

/**
 * pulse_server_followups_rating_added:
 * @ticket: the contact's header (its assignee)
 * @messages: (element-type PulseMessage): its messages, in time order
 * @rating: a rating ingest has just added to it
 *
 * Flags a contact rated 1–2 on CSAT to the lead of its agent, once per
 * contact, at the time of the rating, right after the rating's event.
 * Call it inside ingest's transaction.
 *
 * Returns: %TRUE on success (also when nothing was due).
 */
gboolean
pulse_server_followups_rating_added (PulseServer  *server,
                                     PulseTicket  *ticket,
                                     GPtrArray    *messages,
                                     PulseRating  *rating,
                                     GError      **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *team_id = NULL;
  const char *agent_id;

  if (pulse_rating_get_kind (rating) != PULSE_RATING_KIND_CSAT ||
      pulse_rating_get_score (rating) > LOW_RATING ||
      (agent_id = rated_agent (ticket, messages)) == NULL)
    return TRUE;

  builder = json_builder_new_immutable ();
  id = followup_id ("rating", pulse_ticket_get_id (ticket));
  team_id = agent_team (server, agent_id);
  begin_followup (builder, id, agent_id, team_id, pulse_ticket_get_id (ticket), "low-rating",
                  pulse_rating_get_at (rating));
  pulse_json_add_int (builder, "rating", pulse_rating_get_score (rating));
  json_builder_end_object (builder);

  return add_followup (server, id, builder, error);
}

static const char * const fixed_members[] = {
  "agent_id", "team_id", "ticket_id", "review_id", "reason", "criteria", "rating", "created_at",
};

/* What a follow-up is about stays as the server made it. */
static void
keep_fixed (JsonObject *body,
            JsonObject *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_members); i++)
    {
      JsonNode *value = json_object_get_member (stored, fixed_members[i]);

      json_object_remove_member (body, fixed_members[i]);
      if (value != NULL)
        json_object_set_member (body, fixed_members[i], json_node_copy (value));
    }
}

static void
stamp_done (PulseServerMutation *m,
            JsonObject          *body,
            JsonObject          *stored)
{
  const char *status = json_object_get_string_member_with_default (body, "status", NULL);
  g_autofree char *done_at = NULL;
  gint64 created_at = 0;
  gint64 now = g_get_real_time ();

  json_object_remove_member (body, "done_at");
  json_object_remove_member (body, "done_by");
  if (g_strcmp0 (status, "done") != 0)
    return;

  if (stored != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (stored, "status", NULL), "done") == 0)
    {
      json_object_set_member (body, "done_at",
                              json_node_copy (json_object_get_member (stored, "done_at")));
      if (json_object_has_member (stored, "done_by"))
        json_object_set_member (body, "done_by",
                                json_node_copy (json_object_get_member (stored, "done_by")));
      return;
    }

  pulse_time_parse (json_object_get_string_member_with_default (body, "created_at", ""),
                    &created_at);
  done_at = pulse_time_format (MAX (now, created_at));
  json_object_set_string_member (body, "done_at", done_at);
  json_object_set_string_member (body, "done_by", m->who->user);
}

/**
 * pulse_server_followups_check_team:
 * @m: a change to a follow-up
 * @team_id: (nullable): the follow-up's team
 *
 * Refuses (403) a lead who does not lead @team_id; heads may act on any.
 *
 * Returns: %TRUE if @m may go on.
 */
gboolean
pulse_server_followups_check_team (PulseServerMutation  *m,
                                   const char           *team_id,
                                   GError              **error)
{
  g_autoptr(GHashTable) teams = pulse_server_followups_lead_teams (m->server, m->who);

  if (teams == NULL || (team_id != NULL && g_hash_table_contains (teams, team_id)))
    return TRUE;

  return pulse_server_mutation_reject (m, 403, "forbidden", error,
                                       "team_id: only the lead of team “%s” or a head may "
                                       "act on this follow-up", team_id ? team_id : "(none)");
}

/**
 * pulse_server_followups_prepare:
 * @m: a create or update of a follow-up
 * @body: the request body, which this may change before it is decoded
 *
 * Keeps what a follow-up is about as it was stored, stamps done_at and
 * done_by when it is marked done, and refuses (403) a lead who does not
 * lead the follow-up's team.
 *
 * Returns: %TRUE if the change may go on.
 */
gboolean
pulse_server_followups_prepare (PulseServerMutation  *m,
                                JsonObject           *body,
                                GError              **error)
{
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *stored_object = NULL;

  stored = pulse_item_store_get (pulse_server_get_item_store (m->server), "followup", m->id, NULL);
  if (stored != NULL)
    {
      stored_object = json_node_get_object (stored);
      keep_fixed (body, stored_object);
    }
  else if (!json_object_has_member (body, "created_at"))
    {
      g_autofree char *now = pulse_time_format (g_get_real_time ());

      json_object_set_string_member (body, "created_at", now);
    }

  if (!pulse_server_followups_check_team (m, json_object_get_string_member_with_default (
                                             body, "team_id", NULL), error))
    return FALSE;

  stamp_done (m, body, stored_object);
  return TRUE;
}

/**
 * pulse_server_followups_filter:
 * @who: the reader
 * @items: (element-type JsonNode): every follow-up
 *
 * Returns: (transfer container) (element-type JsonNode): the follow-ups
 *   @who may list: a lead's own teams', everyone's for other roles.
 */
GPtrArray *
pulse_server_followups_filter (PulseServer    *server,
                               PulseTokenInfo *who,
                               GPtrArray      *items)
{
  g_autoptr(GHashTable) teams = pulse_server_followups_lead_teams (server, who);
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < items->len; i++)
    {
      const char *team_id =
        json_object_get_string_member_with_default (json_node_get_object (items->pdata[i]),
                                                    "team_id", NULL);

      if (teams == NULL || (team_id != NULL && g_hash_table_contains (teams, team_id)))
        g_ptr_array_add (kept, json_node_ref (items->pdata[i]));
    }

  return kept;
}
