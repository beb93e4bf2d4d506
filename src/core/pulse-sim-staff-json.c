/* pulse-sim-staff-json.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated people as the server stores them: the directory (teams,
 * channels, queues, agents), mentorships, shifts, status reports, and
 * the day's loan applications.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sim-catalog.h"
#include "pulse-time-utils.h"

#define KEY_APPLICATIONS 0x415050u

static void
add_teams (JsonBuilder   *builder,
           PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);

  json_builder_set_member_name (builder, "teams");
  json_builder_begin_array (builder);
  for (guint t = 0; t < config->teams->len; t++)
    {
      PulseSimTeam *team = config->teams->pdata[t];
      PulseSimSite *site = config->sites->pdata[team->lead_site];
      g_autofree char *lead = g_strdup_printf ("lead-%s", team->id);

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", team->id);
      pulse_json_add_int (builder, "version", 0);
      pulse_json_add_string (builder, "name", team->name);
      pulse_json_add_string (builder, "lead_id", lead);
      pulse_json_add_string (builder, "timezone",
                             ((PulseSimZone *) config->zones->pdata[site->zone])->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_channels (JsonBuilder   *builder,
              PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
    {
      PulseSimChannel *channel = &config->channels[ch];
      const char *nick = pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, ch);

      if (!channel->enabled)
        continue;
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", nick);
      pulse_json_add_int (builder, "version", 0);
      pulse_json_add_string (builder, "kind", nick);
      pulse_json_add_string (builder, "name", channel->name != NULL ? channel->name : nick);
      pulse_json_add_boolean (builder, "realtime", channel->realtime);
      pulse_json_add_int (builder, "sl_target_seconds", channel->sl_target_seconds);
      pulse_json_add_boolean (builder, "enabled", TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_queues (JsonBuilder   *builder,
            PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);

  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint q = 0; q < pulse_sim_model_get_n_queues (model); q++)
    {
      const PulseSimQueue *queue = pulse_sim_model_get_queue (model, q);
      PulseSimCountry *country = config->countries->pdata[queue->country];
      PulseSimChannel *channel = &config->channels[queue->channel];

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", queue->id);
      pulse_json_add_int (builder, "version", 0);
      pulse_json_add_string (builder, "name", queue->name);
      pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, queue->channel);
      pulse_json_add_string (builder, "country", country->code);
      pulse_json_add_string (builder, "language", country->languages.names[0]);
      pulse_json_add_string (builder, "timezone",
                             pulse_sim_model_get_country_zone (model, queue->country)->name);
      pulse_json_add_string (builder, "team_id",
                             ((PulseSimTeam *) config->teams->pdata[queue->team])->id);
      pulse_json_add_int (builder, "sl_target_seconds", channel->sl_target_seconds);
      pulse_json_add_double (builder, "sl_goal", channel->sl_goal);
      if (channel->patience_seconds > 0)
        pulse_json_add_int (builder, "patience_seconds", channel->patience_seconds);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The channels open to an agent at @at: a newcomer's open one by one. */
static guint
open_channels (PulseSimModel *model,
               guint          agent,
               gint64         at)
{
  const PulseSimAgent *who = pulse_sim_model_get_agent (model, agent);
  guint open = 0;

  for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
    if (pulse_channel_set_contains (who->channels, ch) &&
        pulse_sim_model_channel_opens (model, agent, ch) <= at)
      open |= PULSE_CHANNEL_SET_BIT (ch);

  return open;
}

static void
add_agent (JsonBuilder   *builder,
           PulseSimModel *model,
           guint          index,
           gint64         since)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  const PulseSimAgent *agent = pulse_sim_model_get_agent (model, index);
  PulseSimSite *site = config->sites->pdata[agent->site];

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", agent->id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "name", agent->name);
  if (agent->position != PULSE_AGENT_POSITION_HEAD)
    pulse_json_add_string (builder, "team_id",
                           ((PulseSimTeam *) config->teams->pdata[agent->team])->id);
  pulse_json_add_enum (builder, "position", PULSE_TYPE_AGENT_POSITION, agent->position);
  pulse_json_add_string (builder, "status", "offline");
  pulse_json_add_time (builder, "status_since", since);
  pulse_channel_set_write (builder, "channels", open_channels (model, index, since));
  pulse_json_add_strv (builder, "languages", (const char * const *) site->languages);
  pulse_json_add_string (builder, "timezone", pulse_sim_model_get_agent_zone (model, index)->name);
  pulse_json_add_time (builder, "hired_at", agent->hired_at);
  if (agent->mentor >= 0)
    pulse_json_add_string (builder, "mentor_id",
                           pulse_sim_model_get_agent (model, agent->mentor)->id);
  json_builder_end_object (builder);
}

/**
 * pulse_sim_model_directory_json:
 * @since: when the agents' offline status began (before the first
 *   status report), and the instant newcomers' channels are read at
 *
 * Returns: (transfer full): the `POST /api/v1/ingest/directory` body.
 */
JsonNode *
pulse_sim_model_directory_json (PulseSimModel *model,
                                gint64         since)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_channels (builder, model);
  add_teams (builder, model);
  add_queues (builder, model);
  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pulse_sim_model_get_n_agents (model); i++)
    add_agent (builder, model, i, since);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_plan (JsonBuilder   *builder,
          PulseSimModel *model,
          guint          agent)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  const PulseSimAgent *who = pulse_sim_model_get_agent (model, agent);
  gint64 signed_until = pulse_sim_model_get_anchor (model) - 8 * PULSE_USEC_PER_DAY;
  gint64 opens_at;

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
    {
      if (!config->channels[ch].enabled || !pulse_channel_set_contains (who->channels, ch))
        continue;
      opens_at = pulse_sim_model_channel_opens (model, agent, ch);
      json_builder_begin_object (builder);
      pulse_json_add_enum (builder, "channel", PULSE_TYPE_CHANNEL_KIND, ch);
      pulse_json_add_time (builder, "opens_at", opens_at);
      /* Mentors sign off on time, but the last few days' are still open. */
      if (opens_at <= signed_until)
        pulse_json_add_time (builder, "signed_off_at", opens_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * pulse_sim_model_mentorships_json:
 *
 * Returns: (transfer full) (element-type JsonNode): one active
 *   mentorship per newcomer, with the probation plan and the test date.
 */
GPtrArray *
pulse_sim_model_mentorships_json (PulseSimModel *model)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < pulse_sim_model_get_n_agents (model); i++)
    {
      const PulseSimAgent *agent = pulse_sim_model_get_agent (model, i);
      g_autoptr(JsonBuilder) builder = NULL;
      g_autofree char *id = NULL;

      if (!agent->newcomer || agent->mentor < 0)
        continue;
      builder = json_builder_new_immutable ();
      id = g_strdup_printf ("sim-mentor-%s", agent->id);
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "id", id);
      pulse_json_add_int (builder, "version", 0);
      pulse_json_add_string (builder, "mentor_id",
                             pulse_sim_model_get_agent (model, agent->mentor)->id);
      pulse_json_add_string (builder, "newcomer_id", agent->id);
      pulse_json_add_string (builder, "status", "active");
      pulse_json_add_time (builder, "started_at", agent->hired_at);
      add_plan (builder, model, i);
      pulse_json_add_time (builder, "test_at",
                           agent->hired_at + (gint64) config->test_days * PULSE_USEC_PER_DAY);
      json_builder_end_object (builder);
      g_ptr_array_add (out, json_builder_get_root (builder));
    }

  return out;
}

/**
 * pulse_sim_model_shifts_json:
 * @day: a local day of the agent's site
 * @out: (element-type JsonNode): where the day's shift goes
 *
 * Adds the agent's work shift of @day with its breaks, or, on a day the
 * agent misses, the absence over it. Ids are "sim-shift-AGENT-DATE".
 */
void
pulse_sim_model_shifts_json (PulseSimModel *model,
                             guint          agent,
                             gint64         day,
                             GPtrArray     *out)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *date = pulse_sim_format_date (day);
  g_autofree char *id = NULL;
  gint64 starts_at, ends_at, starts[4], ends[4];
  gboolean absent;
  guint n;

  if (!pulse_sim_model_get_shift (model, agent, day, &starts_at, &ends_at))
    return;

  absent = pulse_sim_model_is_absent (model, agent, day);
  id = g_strdup_printf ("sim-shift-%s-%s", pulse_sim_model_get_agent (model, agent)->id, date);
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "agent_id", pulse_sim_model_get_agent (model, agent)->id);
  pulse_json_add_string (builder, "kind", absent ? "absence" : "work");
  pulse_json_add_time (builder, "starts_at", starts_at);
  pulse_json_add_time (builder, "ends_at", ends_at);
  json_builder_set_member_name (builder, "breaks");
  json_builder_begin_array (builder);
  n = absent ? 0 : pulse_sim_model_get_breaks (model, agent, day, starts, ends);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      pulse_json_add_time (builder, "starts_at", starts[i]);
      pulse_json_add_time (builder, "ends_at", ends[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  g_ptr_array_add (out, json_builder_get_root (builder));
}

static void
add_status (GArray           *out,
            gint64            from,
            gint64            to,
            gint64            at,
            guint             agent,
            PulseAgentStatus  status)
{
  PulseSimStatus change = { at, agent, status };

  if (at >= from && at < to)
    g_array_append_val (out, change);
}

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  const PulseSimStatus *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->agent < y->agent ? -1 : x->agent > y->agent;
}

/**
 * pulse_sim_model_status_changes:
 * @from: the start, included
 * @to: the end, excluded
 * @out: (element-type PulseSimStatus): where the changes go, in time
 *   then agent order
 *
 * What each agent's status does by the plan: available at login, on a
 * break and back, offline at the end of the shift.
 */
void
pulse_sim_model_status_changes (PulseSimModel *model,
                                gint64         from,
                                gint64         to,
                                GArray        *out)
{
  for (guint a = 0; a < pulse_sim_model_get_n_agents (model); a++)
    {
      const PulseSimZone *zone = pulse_sim_model_get_agent_zone (model, a);
      PulseSimLocal first_day, last_day;

      if (pulse_sim_model_get_agent (model, a)->position == PULSE_AGENT_POSITION_HEAD)
        continue;
      pulse_sim_zone_local (zone, from, &first_day);
      pulse_sim_zone_local (zone, to, &last_day);
      for (gint64 day = first_day.day - 1; day <= last_day.day; day++)
        {
          gint64 ends_at, starts[4], ends[4];
          guint n;

          if (!pulse_sim_model_get_shift (model, a, day, NULL, &ends_at) ||
              pulse_sim_model_is_absent (model, a, day))
            continue;
          add_status (out, from, to, pulse_sim_model_get_login (model, a, day), a,
                      PULSE_AGENT_STATUS_AVAILABLE);
          n = pulse_sim_model_get_breaks (model, a, day, starts, ends);
          for (guint i = 0; i < n; i++)
            {
              add_status (out, from, to, starts[i], a, PULSE_AGENT_STATUS_BREAK);
              add_status (out, from, to, ends[i], a, PULSE_AGENT_STATUS_AVAILABLE);
            }
          add_status (out, from, to, ends_at, a, PULSE_AGENT_STATUS_OFFLINE);
        }
    }

  g_array_sort (out, compare_status);
}

/**
 * pulse_sim_model_applications_json:
 * @utc_day: days since 1970-01-01
 *
 * Returns: (transfer full) (element-type JsonNode): each country's loan
 *   applications that day: its daily figure, shaped by the day of the
 *   week and ±10 % noise.
 */
GPtrArray *
pulse_sim_model_applications_json (PulseSimModel *model,
                                   gint64         utc_day)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *date = pulse_sim_format_date (utc_day);
  double days = 0;

  for (guint i = 0; i < 7; i++)
    days += config->profile_days[i] / 7;

  for (guint c = 0; c < config->countries->len; c++)
    {
      PulseSimCountry *country = config->countries->pdata[c];
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      PulseSimRandom random;
      double count;

      pulse_sim_random_init (&random, pulse_sim_model_get_seed (model), KEY_APPLICATIONS,
                             utc_day, c);
      count = country->applications_per_day * config->profile_days[pulse_sim_weekday (utc_day)] /
              days * (1 + 0.1 * CLAMP (pulse_sim_random_normal (&random), -3, 3));
      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "date", date);
      pulse_json_add_string (builder, "country", country->code);
      pulse_json_add_int (builder, "count", (gint64) MAX (0, count + 0.5));
      json_builder_end_object (builder);
      g_ptr_array_add (out, json_builder_get_root (builder));
    }

  return out;
}
