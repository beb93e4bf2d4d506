/* pulse-sim-plan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the simulated people work, and how many contacts an hour brings:
 * the 2/2 and 5/2 shift plan in each agent's local time, breaks,
 * absences, late logins, probation, the arrival rate and incidents.
 */

#include "config.h"

#include "pulse-channel-set.h"
#include "pulse-sim-contact.h"
#include "pulse-sim-model.h"
#include "pulse-time-utils.h"

#define KEY_ABSENCE  0x414253u
#define KEY_LOGIN    0x4c4f47u
#define KEY_INCIDENT 0x494e43u

static const PulseSimShiftPattern *
pattern_of (PulseSimModel       *self,
            const PulseSimAgent *agent)
{
  PulseSimConfig *config = pulse_sim_model_get_config (self);

  return agent->two_two ? &config->two_two : &config->five_two;
}

static gboolean
works_on (const PulseSimAgent *agent,
          gint64               day)
{
  if (agent->two_two)
    return ((day + agent->crew * 2) % 4 + 4) % 4 < 2;

  return pulse_sim_weekday (day) < 5;
}

/**
 * pulse_sim_model_get_shift:
 * @agent: an agent index
 * @day: a local day of the agent's site
 * @starts_at: (out) (optional): when the shift starts
 * @ends_at: (out) (optional): when it ends
 *
 * Returns: %TRUE if the plan has the agent working on @day (absent or not).
 */
gboolean
pulse_sim_model_get_shift (PulseSimModel *self,
                           guint          agent,
                           gint64         day,
                           gint64        *starts_at,
                           gint64        *ends_at)
{
  const PulseSimAgent *who = pulse_sim_model_get_agent (self, agent);
  const PulseSimShiftPattern *pattern = pattern_of (self, who);
  const PulseSimZone *zone = pulse_sim_model_get_agent_zone (self, agent);

  if (!works_on (who, day) || day * PULSE_USEC_PER_DAY < who->hired_at - PULSE_USEC_PER_DAY)
    return FALSE;

  if (starts_at != NULL)
    *starts_at = pulse_sim_zone_to_utc (zone, day, pattern->start);
  if (ends_at != NULL)
    *ends_at = pulse_sim_zone_to_utc (zone, day, pattern->end);
  return TRUE;
}

/**
 * pulse_sim_model_is_absent:
 *
 * Returns: %TRUE if the agent misses the planned @day (sick, leave).
 */
gboolean
pulse_sim_model_is_absent (PulseSimModel *self,
                           guint          agent,
                           gint64         day)
{
  PulseSimRandom random;

  pulse_sim_random_init (&random, pulse_sim_model_get_seed (self), KEY_ABSENCE, agent, day);
  return pulse_sim_random_chance (&random, pulse_sim_model_get_config (self)->absence_chance);
}

/**
 * pulse_sim_model_get_breaks:
 * @starts: (out caller-allocates) (array fixed-size=4): break starts
 * @ends: (out caller-allocates) (array fixed-size=4): break ends
 *
 * Breaks are staggered by the agent's offset so a team never leaves
 * the line at once.
 *
 * Returns: how many breaks the shift of @day has.
 */
guint
pulse_sim_model_get_breaks (PulseSimModel *self,
                            guint          agent,
                            gint64         day,
                            gint64        *starts,
                            gint64        *ends)
{
  const PulseSimAgent *who = pulse_sim_model_get_agent (self, agent);
  const PulseSimShiftPattern *pattern = pattern_of (self, who);
  const PulseSimZone *zone = pulse_sim_model_get_agent_zone (self, agent);

  for (guint i = 0; i < pattern->n_breaks; i++)
    {
      /* No break in the shift's last hour: the evening needs everyone. */
      int start = MIN (pattern->break_start[i] + who->break_offset,
                       pattern->end - 60 - pattern->break_minutes[i]);

      starts[i] = pulse_sim_zone_to_utc (zone, day, start);
      ends[i] = pulse_sim_zone_to_utc (zone, day, start + pattern->break_minutes[i]);
    }

  return pattern->n_breaks;
}

/**
 * pulse_sim_model_get_login:
 *
 * Returns: when the agent logs in for the shift of @day: its start, or
 *   a few minutes later.
 */
gint64
pulse_sim_model_get_login (PulseSimModel *self,
                           guint          agent,
                           gint64         day)
{
  PulseSimRandom random;
  gint64 starts_at = 0;
  int late = pulse_sim_model_get_config (self)->late_minutes;

  pulse_sim_model_get_shift (self, agent, day, &starts_at, NULL);
  pulse_sim_random_init (&random, pulse_sim_model_get_seed (self), KEY_LOGIN, agent, day);
  return starts_at + (late > 0 ? pulse_sim_random_below (&random, late * 60 + 1) : 0) *
                     PULSE_USEC_PER_SECOND;
}

/**
 * pulse_sim_model_is_on_line:
 * @at: an instant
 *
 * Returns: %TRUE if the agent is logged in at @at and not on a break.
 */
gboolean
pulse_sim_model_is_on_line (PulseSimModel *self,
                            guint          agent,
                            gint64         at)
{
  PulseSimLocal local;
  gint64 starts[4], ends[4];
  gint64 ends_at = 0;
  guint n;

  pulse_sim_zone_local (pulse_sim_model_get_agent_zone (self, agent), at, &local);
  if (pulse_sim_model_get_agent (self, agent)->position == PULSE_AGENT_POSITION_HEAD ||
      !pulse_sim_model_get_shift (self, agent, local.day, NULL, &ends_at) ||
      at >= ends_at || at < pulse_sim_model_get_login (self, agent, local.day) ||
      pulse_sim_model_is_absent (self, agent, local.day))
    return FALSE;

  n = pulse_sim_model_get_breaks (self, agent, local.day, starts, ends);
  for (guint i = 0; i < n; i++)
    if (at >= starts[i] && at < ends[i])
      return FALSE;

  return TRUE;
}

/**
 * pulse_sim_model_channel_opens:
 *
 * A newcomer's channels open over the probation plan; everyone else's
 * are open from hire.
 *
 * Returns: when @agent may take @channel.
 */
gint64
pulse_sim_model_channel_opens (PulseSimModel    *self,
                               guint             agent,
                               PulseChannelKind  channel)
{
  const PulseSimAgent *who = pulse_sim_model_get_agent (self, agent);

  if (!who->newcomer)
    return who->hired_at;

  return who->hired_at +
         (gint64) pulse_sim_model_get_config (self)->probation_days[channel] * PULSE_USEC_PER_DAY;
}

/**
 * pulse_sim_model_speaks:
 * @language: "uk", "es" …
 *
 * Returns: %TRUE if the agent's site speaks @language.
 */
gboolean
pulse_sim_model_speaks (PulseSimModel *self,
                        guint          agent,
                        const char    *language)
{
  PulseSimConfig *config = pulse_sim_model_get_config (self);
  PulseSimSite *site = config->sites->pdata[pulse_sim_model_get_agent (self, agent)->site];

  return g_strv_contains ((const char * const *) site->languages, language);
}

/* The first instant ≥ @from inside a day's on-line time, or 0. */
static gint64
first_on_line_in_day (PulseSimModel *self,
                      guint          agent,
                      gint64         day,
                      gint64         from)
{
  gint64 starts[4], ends[4];
  gint64 ends_at = 0, at;
  guint n;

  if (!pulse_sim_model_get_shift (self, agent, day, NULL, &ends_at) ||
      pulse_sim_model_is_absent (self, agent, day) || from >= ends_at)
    return 0;

  at = MAX (from, pulse_sim_model_get_login (self, agent, day));
  n = pulse_sim_model_get_breaks (self, agent, day, starts, ends);
  for (guint i = 0; i < n; i++)
    if (at >= starts[i] && at < ends[i])
      at = ends[i];

  return at < ends_at ? at : 0;
}

/**
 * pulse_sim_model_next_on_line:
 * @from: an instant
 *
 * Returns: the first instant at or after @from when the agent is on the
 *   line, looking a week ahead; %G_MAXINT64 if never in that week.
 */
gint64
pulse_sim_model_next_on_line (PulseSimModel *self,
                              guint          agent,
                              gint64         from)
{
  PulseSimLocal local;

  if (pulse_sim_model_get_agent (self, agent)->position == PULSE_AGENT_POSITION_HEAD)
    return G_MAXINT64;

  pulse_sim_zone_local (pulse_sim_model_get_agent_zone (self, agent), from, &local);
  for (gint64 day = local.day; day < local.day + 8; day++)
    {
      gint64 at = first_on_line_in_day (self, agent, day, from);

      if (at != 0)
        return at;
    }

  return G_MAXINT64;
}

/**
 * pulse_sim_model_serves:
 * @queue: a queue index
 *
 * Leads and the head do not take contacts here: they supervise.
 *
 * Returns: %TRUE if the agent may take contacts of @queue at @at (team,
 *   language of its country, channel skill, probation).
 */
gboolean
pulse_sim_model_serves (PulseSimModel *self,
                        guint          agent,
                        guint          queue,
                        gint64         at)
{
  const PulseSimAgent *who = pulse_sim_model_get_agent (self, agent);
  const PulseSimQueue *q = pulse_sim_model_get_queue (self, queue);
  PulseSimConfig *config = pulse_sim_model_get_config (self);
  PulseSimCountry *country = config->countries->pdata[q->country];
  gboolean language = FALSE;

  if (who->position != PULSE_AGENT_POSITION_AGENT || who->team != q->team ||
      !pulse_channel_set_contains (who->channels, q->channel) ||
      pulse_sim_model_channel_opens (self, agent, q->channel) > at)
    return FALSE;

  for (guint i = 0; i < country->languages.n && !language; i++)
    language = pulse_sim_model_speaks (self, agent, country->languages.names[i]);

  return language;
}

/**
 * pulse_sim_model_hour_rate:
 * @hour_start: a UTC hour
 *
 * The stream's weekly volume shaped by the day-of-week and hour-of-day
 * profiles in the queue's country's local time.
 *
 * Returns: contacts expected in the hour.
 */
double
pulse_sim_model_hour_rate (PulseSimModel *self,
                           guint          queue,
                           guint          stream,
                           gint64         hour_start)
{
  PulseSimConfig *config = pulse_sim_model_get_config (self);
  const PulseSimQueue *q = pulse_sim_model_get_queue (self, queue);
  const double *hours = q->channel == PULSE_CHANNEL_KIND_PHONE ? config->profile_voice
                                                               : config->profile_text;
  double days_total = 0, hours_total = 0;
  PulseSimLocal local;

  for (guint i = 0; i < 7; i++)
    days_total += config->profile_days[i];
  for (guint i = 0; i < 24; i++)
    hours_total += hours[i];

  /* The middle of the hour, so a half-hour zone would still land. */
  pulse_sim_zone_local (pulse_sim_model_get_country_zone (self, q->country),
                        hour_start + 30 * PULSE_USEC_PER_MINUTE, &local);
  return q->stream_weekly[stream] * config->profile_days[local.weekday] / days_total *
         hours[local.minute / 60] / hours_total;
}

/**
 * pulse_sim_model_get_incident:
 * @utc_day: days since 1970-01-01
 * @starts_at: (out): when the spike starts
 * @ends_at: (out): when it ends
 *
 * A bad release: on some days one category spikes for a while, at a
 * time of day when most countries are awake (07:00–15:00 UTC).
 *
 * Returns: %TRUE if @utc_day has an incident.
 */
gboolean
pulse_sim_model_get_incident (PulseSimModel *self,
                              gint64         utc_day,
                              gint64        *starts_at,
                              gint64        *ends_at)
{
  PulseSimConfig *config = pulse_sim_model_get_config (self);
  PulseSimRandom random;

  pulse_sim_random_init (&random, pulse_sim_model_get_seed (self), KEY_INCIDENT, utc_day, 0);
  if (!pulse_sim_random_chance (&random, config->incident_chance))
    return FALSE;

  *starts_at = utc_day * PULSE_USEC_PER_DAY + 7 * PULSE_USEC_PER_HOUR +
               pulse_sim_random_below (&random, 8 * 60) * PULSE_USEC_PER_MINUTE;
  *ends_at = *starts_at + config->incident_minutes * PULSE_USEC_PER_MINUTE;
  return TRUE;
}
