/* pulse-qa-text.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Quality page's calibration and follow-up views say, from the
 * session's lists: GLib only, so the words can be checked without a
 * display.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pulse-agent.h"
#include "pulse-qa-text.h"
#include "pulse-review-sample.h"
#include "pulse-scorecard.h"
#include "pulse-team.h"
#include "pulse-time-utils.h"

static gboolean
is_user (PulseAgent *agent,
         const char *user)
{
  return user != NULL &&
         (g_strcmp0 (pulse_agent_get_id (agent), user) == 0 ||
          g_strcmp0 (pulse_agent_get_email (agent), user) == 0 ||
          g_strcmp0 (pulse_agent_get_name (agent), user) == 0);
}

/**
 * pulse_qa_led_teams:
 * @session: the session
 *
 * The teams the signed-in lead leads, by the rule the server applies
 * (docs/protocol.md, Follow-ups): teams whose lead is the directory agent
 * whose id, email or name is the user.
 *
 * Returns: (transfer full) (nullable): the team ids, or %NULL when the
 *   role sees every team (all but lead).
 */
GHashTable *
pulse_qa_led_teams (PulseSession *session)
{
  GListModel *agents = pulse_session_get_list (session, PULSE_STATE_KIND_AGENT);
  GListModel *teams = pulse_session_get_list (session, PULSE_STATE_KIND_TEAM);
  const char *user = pulse_session_get_user_name (session);
  g_autoptr(GHashTable) me = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *led;

  if (pulse_session_get_role (session) != PULSE_ROLE_LEAD)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);

      if (is_user (agent, user))
        g_hash_table_add (me, g_strdup (pulse_agent_get_id (agent)));
    }

  led = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PulseTeam) team = g_list_model_get_item (teams, i);
      const char *lead_id = pulse_team_get_lead_id (team);

      if (lead_id != NULL && g_hash_table_contains (me, lead_id))
        g_hash_table_add (led, g_strdup (pulse_team_get_id (team)));
    }

  return led;
}

/**
 * pulse_qa_agent_names:
 *
 * Returns: (transfer full): agent id → name, from the directory.
 */
GHashTable *
pulse_qa_agent_names (PulseSession *session)
{
  GListModel *agents = pulse_session_get_list (session, PULSE_STATE_KIND_AGENT);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(PulseAgent) agent = g_list_model_get_item (agents, i);

      g_hash_table_insert (names, g_strdup (pulse_agent_get_id (agent)),
                           g_strdup (pulse_agent_get_name (agent)));
    }

  return names;
}

/**
 * pulse_qa_criterion_name:
 * @scorecard_id: (nullable): the scorecard, or %NULL to look in all
 *
 * Returns: the criterion's name on its scorecard, or its id when the
 *   scorecard does not have it (any more).
 */
const char *
pulse_qa_criterion_name (PulseSession *session,
                         const char   *scorecard_id,
                         const char   *criterion_id)
{
  GListModel *scorecards = pulse_session_get_list (session, PULSE_STATE_KIND_SCORECARD);

  for (guint i = 0; i < g_list_model_get_n_items (scorecards); i++)
    {
      g_autoptr(PulseScorecard) scorecard = g_list_model_get_item (scorecards, i);
      const PulseScorecardCriterion *criterion;

      if (scorecard_id != NULL && g_strcmp0 (pulse_scorecard_get_id (scorecard), scorecard_id) != 0)
        continue;
      criterion = pulse_scorecard_find_criterion (scorecard, criterion_id);
      if (criterion != NULL)
        return criterion->name;
    }

  return criterion_id;
}

const char *
pulse_qa_result_text (PulseCriterionResult result)
{
  switch (result)
    {
    case PULSE_CRITERION_RESULT_PASS:
      return _("Pass");
    case PULSE_CRITERION_RESULT_FAIL:
      return _("Fail");
    case PULSE_CRITERION_RESULT_NOT_APPLICABLE:
    default:
      return _("N/A");
    }
}

/**
 * pulse_qa_followup_title:
 * @names: agent id → name (pulse_qa_agent_names())
 *
 * Returns: (transfer full): "Оксана Мельник — rated 1 by the customer",
 *   or "… — failed: Tone, Identity check".
 */
char *
pulse_qa_followup_title (PulseSession  *session,
                         PulseFollowup *followup,
                         GHashTable    *names)
{
  const char *agent = g_hash_table_lookup (names, pulse_followup_get_agent_id (followup));
  const char * const *criteria = pulse_followup_get_criteria (followup);
  g_autoptr(GString) failed = NULL;

  if (agent == NULL)
    agent = pulse_followup_get_agent_id (followup);

  if (pulse_followup_get_reason (followup) == PULSE_FOLLOWUP_REASON_LOW_RATING)
    /* Translators: a follow-up: the agent, then the customer's CSAT rating (1 or 2) */
    return g_strdup_printf (_("%s — rated %d by the customer"), agent,
                            pulse_followup_get_rating (followup));

  /* Criterion ids are as good as unique across the few scorecards. */
  failed = g_string_new (NULL);
  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    g_string_append_printf (failed, "%s%s", i > 0 ? ", " : "",
                            pulse_qa_criterion_name (session, NULL, criteria[i]));

  /* Translators: a follow-up: the agent, then the review criteria they failed */
  return g_strdup_printf (_("%s — failed: %s"), agent, failed->str);
}

/**
 * pulse_qa_followup_subtitle:
 *
 * Returns: (transfer full): "Ticket t-1001 · 24 Nov 10:00", and who marked
 *   it done.
 */
char *
pulse_qa_followup_subtitle (PulseFollowup *followup)
{
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *when = NULL;

  created = g_date_time_new_from_unix_local (pulse_followup_get_created_at (followup) /
                                             G_USEC_PER_SEC);
  /* Translators: a date and time, see g_date_time_format() */
  when = g_date_time_format (created, _("%-d %b %H:%M"));

  if (pulse_followup_get_status (followup) == PULSE_FOLLOWUP_STATUS_DONE)
    /* Translators: a follow-up's ticket, when it was made, and who marked it done */
    return g_strdup_printf (_("Ticket %s · %s · done by %s"),
                            pulse_followup_get_ticket_id (followup), when,
                            pulse_followup_get_done_by (followup) != NULL
                            ? pulse_followup_get_done_by (followup) : "?");

  /* Translators: a follow-up's ticket and when it was made */
  return g_strdup_printf (_("Ticket %s · %s"), pulse_followup_get_ticket_id (followup), when);
}
