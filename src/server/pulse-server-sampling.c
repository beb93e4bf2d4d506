/* pulse-server-sampling.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `GET`/`PUT /api/v1/sampling-policy` (the policy with its expected
 * workload) and `POST /api/v1/reviews/draw` (docs/protocol.md, "Sampling
 * and the weekly draw").
 */

#include "config.h"

#include "pulse-agent.h"
#include "pulse-directory-store.h"
#include "pulse-error.h"
#include "pulse-event-log.h"
#include "pulse-item-store.h"
#include "pulse-json.h"
#include "pulse-server-draw.h"
#include "pulse-server-http.h"
#include "pulse-server-mutation.h"
#include "pulse-server-sampling.h"
#include "pulse-time-utils.h"

#define POLICY_KIND "sampling-policy"
#define POLICY_ID   "default"
#define WEEK        (7 * PULSE_USEC_PER_DAY)
/* How often the server looks whether a week is due. */
#define CHECK_SECONDS 600

/* Negative contacts per agent in @set. */
static GHashTable *
count_negatives (PulseSamplingPolicy *policy,
                 PulseDrawCandidates *set)
{
  GHashTable *negatives = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < set->candidates->len; i++)
    {
      PulseDrawCandidate *c = &g_array_index (set->candidates, PulseDrawCandidate, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (negatives, c->agent_id));

      if (c->rating >= 1 && c->rating <= pulse_sampling_policy_get_negative_max (policy))
        g_hash_table_insert (negatives, (gpointer) c->agent_id, GUINT_TO_POINTER (n + 1));
    }

  return negatives;
}

static void
add_workload (JsonBuilder         *builder,
              PulseSamplingPolicy *policy,
              PulseWorkload       *workload,
              const char          *week)
{
  json_builder_set_member_name (builder, "workload");
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "negatives_from", week);
  pulse_json_add_double (builder, "samples", workload->samples);
  pulse_json_add_double (builder, "gradings", workload->gradings);
  pulse_json_add_double (builder, "unassigned", workload->unassigned);
  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < workload->per_reviewer->len; i++)
    {
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", pulse_sampling_policy_get_reviewer (policy, i)->id);
      pulse_json_add_double (builder, "gradings",
                             g_array_index (workload->per_reviewer, double, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The expected week: every agent of position "agent" in the directory,
 * with last week's negative contacts as the expected ones. */
static PulseWorkload *
expect_workload (PulseServer          *server,
                 PulseSamplingPolicy  *policy,
                 gint64                last_week,
                 GError              **error)
{
  g_autoptr(PulseDirectoryStore) directory = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (PulseWorkloadAgent));
  g_autoptr(PulseDrawCandidates) set = NULL;
  g_autoptr(GHashTable) negatives = NULL;

  set = pulse_server_draw_collect (server, policy, last_week, error);
  if (set == NULL)
    return NULL;
  negatives = count_negatives (policy, set);

  directory = pulse_directory_store_new (pulse_server_get_db (server));
  nodes = pulse_directory_store_list (directory, "agent", error);
  if (nodes == NULL)
    return NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(JsonNode) node = pulse_json_parse (nodes->pdata[i], -1, NULL);
      PulseAgent *agent = node != NULL ? pulse_agent_new_from_json (node, NULL) : NULL;
      PulseWorkloadAgent entry = { 0 };

      if (agent == NULL)
        continue;
      g_ptr_array_add (agents, agent);
      if (pulse_agent_get_position (agent) != PULSE_AGENT_POSITION_AGENT)
        continue;
      entry.agent_id = pulse_agent_get_id (agent);
      entry.team_id = pulse_agent_get_team_id (agent);
      entry.newcomer = pulse_sampling_policy_is_newcomer (policy,
                                                          pulse_agent_get_hired_at (agent),
                                                          last_week + WEEK);
      entry.negatives = GPOINTER_TO_UINT (g_hash_table_lookup (negatives, entry.agent_id));
      g_array_append_val (expected, entry);
    }

  return pulse_review_draw_workload (policy, (PulseWorkloadAgent *) expected->data,
                                     expected->len);
}

static void
respond_policy (PulseServer       *server,
                SoupServerMessage *msg)
{
  g_autoptr(PulseSamplingPolicy) policy = pulse_server_draw_load_policy (server);
  g_autoptr(JsonNode) wire = pulse_sampling_policy_to_json (policy);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(PulseWorkload) workload = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (wire));
  gint64 last_week = pulse_review_draw_week_start (g_get_real_time ()) - WEEK;
  g_autofree char *week = pulse_time_format (last_week);

  workload = expect_workload (server, policy, last_week, &error);
  if (workload == NULL)
    {
      pulse_server_respond_internal (msg, "work out the workload", error);
      return;
    }

  json_builder_begin_object (builder);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder,
                              json_node_copy (json_object_get_member (json_node_get_object (wire),
                                                                      l->data)));
    }
  add_workload (builder, policy, workload, week);
  json_builder_end_object (builder);

  body = json_builder_get_root (builder);
  pulse_server_respond_json (msg, SOUP_STATUS_OK, body);
}

static gboolean
check_scorecard (PulseServerMutation  *m,
                 PulseSamplingPolicy  *policy,
                 GError              **error)
{
  const char *id = pulse_sampling_policy_get_scorecard_id (policy);
  g_autoptr(JsonNode) scorecard = NULL;

  if (id == NULL)
    return TRUE;

  scorecard = pulse_item_store_get (pulse_server_get_item_store (m->server), "scorecard", id,
                                    NULL);
  if (scorecard != NULL)
    return TRUE;

  return pulse_server_mutation_reject (m, 422, "unknown_reference", error,
                                       "scorecard_id: no scorecard with id “%s”", id);
}

static PulseSamplingPolicy *
decode_policy (PulseServerMutation  *m,
               gint64                version,
               GError              **error)
{
  g_autoptr(JsonNode) node = json_node_copy (m->input);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GError) local_error = NULL;
  PulseSamplingPolicy *policy;
  gboolean previous;

  /* What GET added is not part of the policy. */
  json_object_remove_member (object, "workload");
  json_object_set_int_member (object, "version", version);

  previous = pulse_json_set_strict (TRUE);
  policy = pulse_sampling_policy_new_from_json (node, &local_error);
  pulse_json_set_strict (previous);
  if (policy == NULL)
    pulse_server_mutation_reject (m, 422, "invalid_data", error, "%s", local_error->message);

  return policy;
}

static gboolean
put_policy_in_transaction (PulseDb   *db,
                           gpointer   user_data,
                           GError   **error)
{
  PulseServerMutation *m = user_data;
  PulseItemStore *store = pulse_server_get_item_store (m->server);
  g_autoptr(JsonNode) before = pulse_item_store_get (store, POLICY_KIND, POLICY_ID, NULL);
  g_autoptr(PulseSamplingPolicy) policy = NULL;
  gint64 version = 0;

  if (before != NULL)
    version = json_object_get_int_member (json_node_get_object (before), "version");
  if (version != m->if_match)
    {
      g_autoptr(PulseSamplingPolicy) current = pulse_server_draw_load_policy (m->server);

      m->current = pulse_sampling_policy_to_json (current);
      return pulse_server_mutation_reject (m, 412, "stale_version", error,
                                           "the sampling policy is at version %" G_GINT64_FORMAT
                                           ", not %" G_GINT64_FORMAT, version, m->if_match);
    }

  policy = decode_policy (m, version, error);
  if (policy == NULL || !check_scorecard (m, policy, error))
    return FALSE;

  pulse_sampling_policy_set_version (policy, version + 1);
  m->answer = pulse_sampling_policy_to_json (policy);
  m->status = SOUP_STATUS_OK;
  return pulse_item_store_put (store, POLICY_KIND, POLICY_ID, version + 1, m->answer, error) &&
         pulse_event_log_append (pulse_server_get_event_log (m->server),
                                 "sampling-policy.updated", m->answer, error) != 0 &&
         pulse_item_store_audit (store, m->who,
                                 before == NULL ? PULSE_AUDIT_ACTION_CREATE
                                                : PULSE_AUDIT_ACTION_UPDATE,
                                 POLICY_KIND, POLICY_ID, version + 1, before, m->answer,
                                 error) &&
         pulse_server_mutation_remember (m, error);
}

static void
on_policy_cb (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  PulseServer *server = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(PulseServerMutation) m = NULL;

  if (!g_str_equal (path, "/api/v1/sampling-policy"))
    {
      pulse_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such endpoint");
      return;
    }

  if (method == SOUP_METHOD_GET)
    {
      g_autoptr(PulseTokenInfo) who = pulse_server_authorize (server, msg,
                                                              PULSE_PERMISSION_READ);

      if (who != NULL)
        respond_policy (server, msg);
      return;
    }

  if (method != SOUP_METHOD_PUT)
    {
      pulse_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                  "the sampling policy accepts GET and PUT");
      return;
    }

  m = pulse_server_mutation_begin (server, msg, PULSE_PERMISSION_EDIT_SCORECARDS);
  if (m == NULL || !pulse_server_mutation_require_if_match (m) ||
      !pulse_server_mutation_read_input (m))
    return;

  pulse_server_mutation_set_id (m, POLICY_ID);
  pulse_server_mutation_run (m, put_policy_in_transaction);
}

/* `{"week":"YYYY-MM-DD"}`, a Monday; absent means the last full week. */
static gboolean
read_week (PulseServerMutation *m,
           gint64              *week_start)
{
  JsonObject *object = m->input != NULL ? json_node_get_object (m->input) : NULL;
  PulseJsonReader reader;
  g_autoptr(GError) error = NULL;
  g_autofree char *week = NULL;
  g_autofree char *midnight = NULL;
  gboolean previous;

  *week_start = pulse_review_draw_week_start (g_get_real_time ()) - WEEK;
  if (object == NULL)
    return TRUE;

  previous = pulse_json_set_strict (TRUE);
  pulse_json_reader_init (&reader, m->input, "a draw", NULL);
  week = pulse_json_reader_dup_string (&reader, "week", PULSE_JSON_OPTIONAL, 10);
  if (!pulse_json_reader_finish (&reader, &error))
    {
      pulse_json_set_strict (previous);
      pulse_server_respond_error (m->msg, 422, "invalid_data", error->message);
      return FALSE;
    }
  pulse_json_set_strict (previous);
  if (week == NULL)
    return TRUE;

  midnight = g_strconcat (week, "T00:00:00Z", NULL);
  if (!pulse_time_parse (midnight, week_start) ||
      pulse_review_draw_week_start (*week_start) != *week_start)
    {
      pulse_server_respond_error (m->msg, 422, "invalid_data",
                                  "week: expected the date of a Monday, YYYY-MM-DD");
      return FALSE;
    }

  return TRUE;
}

static gboolean
draw_in_transaction (PulseDb   *db,
                     gpointer   user_data,
                     GError   **error)
{
  PulseServerMutation *m = user_data;
  gint64 week_start = 0;
  gboolean fresh = FALSE;
  g_autoptr(GError) local_error = NULL;

  pulse_time_parse (m->id, &week_start);
  m->answer = pulse_server_draw_week (m->server, m->who, week_start, &fresh, &local_error);
  if (m->answer == NULL)
    {
      if (g_error_matches (local_error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA))
        return pulse_server_mutation_reject (m, 422, "invalid_data", error, "%s",
                                             local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  m->status = fresh ? SOUP_STATUS_CREATED : SOUP_STATUS_OK;
  return pulse_server_mutation_remember (m, error);
}

static void
on_draw_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  PulseServer *server = user_data;
  g_autoptr(PulseServerMutation) m = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *week = NULL;
  gint64 week_start;

  if (!pulse_server_accept (msg, path, "/api/v1/reviews/draw", SOUP_METHOD_POST, "the draw"))
    return;

  m = pulse_server_mutation_begin (server, msg, PULSE_PERMISSION_EDIT_REVIEWS);
  if (m == NULL)
    return;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0 && !pulse_server_mutation_read_input (m))
    return;
  if (!read_week (m, &week_start))
    return;

  /* The week travels as the mutation's id, which logs name. */
  week = pulse_time_format (week_start);
  pulse_server_mutation_set_id (m, week);
  pulse_server_mutation_run (m, draw_in_transaction);
}

static gboolean
on_weekly_check_cb (gpointer user_data)
{
  g_autoptr(PulseServer) server = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return G_SOURCE_REMOVE;

  if (!pulse_server_draw_due (server, g_get_real_time (), &error))
    g_message ("The weekly QA draw did not run: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_check_cb (gpointer user_data)
{
  on_weekly_check_cb (user_data);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/**
 * pulse_server_draw_start_weekly:
 *
 * Checks now and every ten minutes whether a week is due
 * (pulse_server_draw_due()), for as long as @server lives.
 */
void
pulse_server_draw_start_weekly (PulseServer *server)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  GWeakRef *first = g_new0 (GWeakRef, 1);

  g_return_if_fail (PULSE_IS_SERVER (server));

  g_weak_ref_init (ref, server);
  g_weak_ref_init (first, server);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, CHECK_SECONDS, on_weekly_check_cb, ref,
                              free_weak_ref);
  g_idle_add_full (G_PRIORITY_LOW, on_first_check_cb, first, free_weak_ref);
}

/**
 * pulse_server_sampling_install:
 * @server: the server
 *
 * Adds `/api/v1/sampling-policy` and `/api/v1/reviews/draw`.
 */
void
pulse_server_sampling_install (PulseServer *server)
{
  g_return_if_fail (PULSE_IS_SERVER (server));

  soup_server_add_handler (pulse_server_get_soup (server), "/api/v1/sampling-policy",
                           on_policy_cb, server, NULL);
  soup_server_add_handler (pulse_server_get_soup (server), "/api/v1/reviews/draw",
                           on_draw_cb, server, NULL);
}
