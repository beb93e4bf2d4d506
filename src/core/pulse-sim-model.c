/* pulse-sim-model.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queues, people and the shift plan of the simulated operation. The
 * contacts are in pulse-sim-contact.c.
 */

#include "config.h"

#include "pulse-enums.h"
#include <math.h>

#include "pulse-channel-set.h"
#include "pulse-sim-model.h"
#include "pulse-time-utils.h"

/* Keys of the random streams, so no two uses share one (see also
 * pulse-sim-plan.c and pulse-sim-contact.c). */
#define KEY_ROSTER   0x524f53u

struct _PulseSimModel
{
  PulseSimConfig *config;
  guint64         seed;
  gint64          anchor;
  GPtrArray      *queues;            /* PulseSimQueue */
  GPtrArray      *agents;            /* PulseSimAgent */
  guint64        *pools;             /* customers per country */
};

static void
queue_free (PulseSimQueue *queue)
{
  g_free (queue->id);
  g_free (queue->name);
  g_free (queue->stream_weekly);
  g_free (queue);
}

static void
agent_free (PulseSimAgent *agent)
{
  g_free (agent->id);
  g_free (agent->name);
  g_free (agent);
}

static double
country_factor (const PulseSimCountry *country,
                PulseChannelKind       channel)
{
  return country->share * (channel == PULSE_CHANNEL_KIND_PHONE ? country->voice : country->text);
}

/* A stream's weekly contacts on @channel in @country: its channel mix,
 * then the countries by share, tilted by how much each calls or writes. */
static double
stream_weekly (PulseSimConfig   *config,
               PulseSimStream   *stream,
               guint             country,
               PulseChannelKind  channel)
{
  double channel_total = 0, country_total = 0;

  for (guint i = 0; i < PULSE_SIM_N_CHANNELS; i++)
    channel_total += stream->channels[i];
  for (guint i = 0; i < config->countries->len; i++)
    country_total += country_factor (config->countries->pdata[i], channel);
  if (channel_total <= 0 || country_total <= 0)
    return 0;

  return stream->weekly * stream->channels[channel] / channel_total *
         country_factor (config->countries->pdata[country], channel) / country_total;
}

static int
team_of_country (PulseSimConfig *config,
                 const char     *code)
{
  for (guint i = 0; i < config->teams->len; i++)
    {
      PulseSimTeam *team = config->teams->pdata[i];

      if (team->countries != NULL && g_strv_contains ((const char * const *) team->countries,
                                                      code))
        return (int) i;
    }

  return 0;
}

static void
build_queues (PulseSimModel *self)
{
  PulseSimConfig *config = self->config;

  self->pools = g_new0 (guint64, config->countries->len);
  for (guint c = 0; c < config->countries->len; c++)
    {
      PulseSimCountry *country = config->countries->pdata[c];
      double weekly = 0;

      for (guint ch = 0; ch < PULSE_SIM_N_CHANNELS; ch++)
        {
          PulseSimQueue *queue;
          double total = 0;

          if (!config->channels[ch].enabled)
            continue;
          queue = g_new0 (PulseSimQueue, 1);
          queue->stream_weekly = g_new0 (double, config->streams->len);
          for (guint s = 0; s < config->streams->len; s++)
            total += queue->stream_weekly[s] = stream_weekly (config, config->streams->pdata[s],
                                                              c, ch);
          if (total <= 0)
            {
              queue_free (queue);
              continue;
            }
          weekly += total;
          queue->id = g_strdup_printf ("q-%c%c-%s", g_ascii_tolower (country->code[0]),
                                       g_ascii_tolower (country->code[1]),
                                       pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, ch));
          queue->name = g_strdup_printf ("%s · %s", country->name != NULL ? country->name
                                                                          : country->code,
                                         config->channels[ch].name != NULL
                                           ? config->channels[ch].name
                                           : pulse_enum_to_nick (PULSE_TYPE_CHANNEL_KIND, ch));
          queue->country = c;
          queue->channel = ch;
          queue->team = team_of_country (config, country->code);
          g_ptr_array_add (self->queues, queue);
        }

      /* A pool of customers such that a contact's customer comes back
       * within a week with the configured chance: 1 − e^(−weekly/pool). */
      self->pools[c] = (guint64) MAX (50.0, weekly / -log (1.0 - config->repeat_rate));
    }
}

static const char *
pick_name (char **names,
           guint  k)
{
  return names[k % g_strv_length (names)];
}

static PulseSimAgent *
add_agent (PulseSimModel      *self,
           PulseSimRandom     *random,
           const char         *id,
           guint               team,
           guint               site,
           PulseAgentPosition  position,
           guint               k)
{
  PulseSimConfig *config = self->config;
  PulseSimSite *where = config->sites->pdata[site];
  PulseSimTeam *group = config->teams->pdata[team];
  PulseSimAgent *agent = g_new0 (PulseSimAgent, 1);
  guint n_first = g_strv_length (where->first_names);

  agent->id = g_strdup (id);
  agent->name = g_strdup_printf ("%s %s", pick_name (where->first_names, k),
                                 pick_name (where->surnames, k / n_first + k));
  agent->team = team;
  agent->site = site;
  agent->position = position;
  agent->mentor = -1;
  agent->channels = PULSE_CHANNEL_SET_MASK & ~PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE);
  if (pulse_sim_random_chance (random, group->phone_share))
    agent->channels |= PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE);
  agent->two_two = position == PULSE_AGENT_POSITION_AGENT &&
                   pulse_sim_random_chance (random, group->two_two_share);
  agent->crew = k % 2;
  agent->break_offset = (int) (k % 3) * 60;
  agent->hired_at = self->anchor - (gint64) (config->mentor_seniority_days +
                                             pulse_sim_random_below (random, 1200)) *
                                    PULSE_USEC_PER_DAY;
  g_ptr_array_add (self->agents, agent);
  return agent;
}

/* The newest agents of a team are its newcomers; each gets a mentor who
 * sits at the same site and takes calls (every channel a newcomer will
 * open). */
static void
make_newcomers (PulseSimModel *self,
                guint          team,
                guint          first,
                guint          last)
{
  PulseSimTeam *group = self->config->teams->pdata[team];

  for (guint i = 0; i < group->n_newcomers && last - i > first; i++)
    {
      PulseSimAgent *agent = self->agents->pdata[last - 1 - i];

      agent->newcomer = TRUE;
      agent->hired_at = self->anchor - (gint64) group->newcomer_days[i] * PULSE_USEC_PER_DAY;
      agent->channels |= PULSE_CHANNEL_SET_BIT (PULSE_CHANNEL_KIND_PHONE);
      for (guint m = first; m < last - group->n_newcomers; m++)
        {
          PulseSimAgent *mentor = self->agents->pdata[m];

          if (mentor->site == agent->site &&
              pulse_channel_set_contains (mentor->channels, PULSE_CHANNEL_KIND_PHONE) &&
              (agent->mentor < 0 || pulse_sim_mix (m, i) % 3 == 0))
            agent->mentor = (int) m;
        }
    }
}

static int
site_index (PulseSimConfig *config,
            const char     *id)
{
  for (guint i = 0; i < config->sites->len; i++)
    if (g_str_equal (((PulseSimSite *) config->sites->pdata[i])->id, id))
      return (int) i;

  g_assert_not_reached ();
}

static void
build_roster (PulseSimModel *self)
{
  PulseSimConfig *config = self->config;
  PulseSimRandom random;
  guint k = 0;

  pulse_sim_random_init (&random, self->seed, KEY_ROSTER, 0, 0);
  add_agent (self, &random, "head", 0, ((PulseSimTeam *) config->teams->pdata[0])->lead_site,
             PULSE_AGENT_POSITION_HEAD, k++);
  for (guint t = 0; t < config->teams->len; t++)
    {
      PulseSimTeam *team = config->teams->pdata[t];
      g_autofree char *lead_id = g_strdup_printf ("lead-%s", team->id);
      guint first;

      add_agent (self, &random, lead_id, t, team->lead_site, PULSE_AGENT_POSITION_LEAD, k++);
      first = self->agents->len;
      for (guint s = 0; s < team->sites.n; s++)
        for (guint n = 0; n < (guint) team->sites.weights[s]; n++)
          {
            g_autofree char *id = g_strdup_printf ("agent-%02u", self->agents->len - 1 - t);

            add_agent (self, &random, id, t, site_index (config, team->sites.names[s]),
                       PULSE_AGENT_POSITION_AGENT, k++);
          }
      make_newcomers (self, t, first, self->agents->len);
    }

  /* The head and the leads keep their real names from the file. */
  g_free (((PulseSimAgent *) self->agents->pdata[0])->name);
  ((PulseSimAgent *) self->agents->pdata[0])->name = g_strdup (config->head);
  for (guint i = 1, t = 0; i < self->agents->len; i++)
    {
      PulseSimAgent *agent = self->agents->pdata[i];

      if (agent->position == PULSE_AGENT_POSITION_LEAD)
        {
          g_free (agent->name);
          agent->name = g_strdup (((PulseSimTeam *) config->teams->pdata[t++])->lead);
        }
    }
}

/**
 * pulse_sim_model_new:
 * @config: (transfer full): the operation
 * @seed: the run's seed
 * @anchor: the simulation's "now" at start, µs: hire dates and
 *   probation are counted back from it
 *
 * Returns: (transfer full): the model.
 */
PulseSimModel *
pulse_sim_model_new (PulseSimConfig *config,
                     guint64         seed,
                     gint64          anchor)
{
  PulseSimModel *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_new0 (PulseSimModel, 1);
  self->config = config;
  self->seed = seed;
  self->anchor = anchor;
  self->queues = g_ptr_array_new_with_free_func ((GDestroyNotify) queue_free);
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) agent_free);
  build_queues (self);
  build_roster (self);
  return self;
}

void
pulse_sim_model_free (PulseSimModel *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->config, pulse_sim_config_free);
  g_free (self->pools);
  g_free (self);
}

PulseSimConfig *
pulse_sim_model_get_config (PulseSimModel *self)
{
  return self->config;
}

guint64
pulse_sim_model_get_seed (PulseSimModel *self)
{
  return self->seed;
}

gint64
pulse_sim_model_get_anchor (PulseSimModel *self)
{
  return self->anchor;
}

guint
pulse_sim_model_get_n_queues (PulseSimModel *self)
{
  return self->queues->len;
}

const PulseSimQueue *
pulse_sim_model_get_queue (PulseSimModel *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->queues->len, NULL);

  return self->queues->pdata[index];
}

guint
pulse_sim_model_get_n_agents (PulseSimModel *self)
{
  return self->agents->len;
}

const PulseSimAgent *
pulse_sim_model_get_agent (PulseSimModel *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->agents->len, NULL);

  return self->agents->pdata[index];
}

const PulseSimZone *
pulse_sim_model_get_agent_zone (PulseSimModel *self,
                                guint          agent)
{
  const PulseSimAgent *who = self->agents->pdata[agent];
  PulseSimSite *site = self->config->sites->pdata[who->site];

  return self->config->zones->pdata[site->zone];
}

const PulseSimZone *
pulse_sim_model_get_country_zone (PulseSimModel *self,
                                  guint          country)
{
  PulseSimCountry *where = self->config->countries->pdata[country];

  return self->config->zones->pdata[where->zone];
}

/**
 * pulse_sim_model_get_pool:
 *
 * Returns: how many customers @country has.
 */
guint64
pulse_sim_model_get_pool (PulseSimModel *self,
                          guint          country)
{
  return self->pools[country];
}
