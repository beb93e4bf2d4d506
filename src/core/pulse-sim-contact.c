/* pulse-sim-contact.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contacts of one hour. Arrivals are a Poisson process per queue
 * and stream whose rate follows the hour-of-day and day-of-week profiles
 * in the queue's local time; each contact then draws its category,
 * language, customer and outcome, and a human answer comes from an agent
 * on the line who serves the queue (docs/simulator.md, "Model").
 *
 * The model is open-loop: waits come from the channel's distribution,
 * not from a queue of agents, so any hour can be generated on its own.
 * When nobody who serves the queue is on the line, a written contact
 * waits for the next agent who is; a call is lost.
 */

#include "config.h"

#include <math.h>

#include "pulse-sim-contact.h"
#include "pulse-time-utils.h"

#define KEY_HOUR     0x484f55u
#define KEY_SPIKE    0x53504bu

typedef struct
{
  PulseSimModel  *model;
  PulseSimConfig *config;
  PulseSimRandom  random;
  guint           queue;
  guint           stream;
} Draw;

static gint64
seconds (double s)
{
  return (gint64) CLAMP (s, 1, 7 * 86400.0) * PULSE_USEC_PER_SECOND;
}

static const char *
pick_text (Draw                *draw,
           const PulseSimTexts *texts,
           const char          *language)
{
  const char * const *list = pulse_sim_texts_get (texts, language);

  if (list == NULL || list[0] == NULL)
    return NULL;

  return list[pulse_sim_random_below (&draw->random, g_strv_length ((GStrv) list))];
}

static void
add_message (PulseSimContact *contact,
             gint64           at,
             PulseAuthorKind  author,
             int              agent,
             const char      *body)
{
  PulseSimMessage *message;

  if (contact->n_messages >= PULSE_SIM_MAX_MESSAGES || body == NULL)
    return;

  message = &contact->messages[contact->n_messages++];
  message->at = at;
  message->author = author;
  message->agent = agent;
  message->body = body;
}

/* The share of a stream's contacts in categories a rule can answer. */
static double
faq_mass (Draw *draw)
{
  PulseSimStream *stream = draw->config->streams->pdata[draw->stream];
  double faq = 0, total = 0;

  for (guint i = 0; i < draw->config->categories->len; i++)
    {
      PulseSimCategory *category = draw->config->categories->pdata[i];

      total += stream->categories[i];
      if (pulse_sim_texts_get (&category->faq, NULL) != NULL)
        faq += stream->categories[i];
    }

  return total > 0 ? faq / total : 0;
}

/* Rules answer only questions they know, so the channel's rule share is
 * drawn from the categories with an FAQ, leaving every category's share
 * of the volume as configured. */
static PulseSimOutcome
draw_outcome (Draw            *draw,
              PulseSimContact *contact)
{
  const PulseSimQueue *queue = pulse_sim_model_get_queue (draw->model, draw->queue);
  PulseSimChannel *channel = &draw->config->channels[queue->channel];
  PulseSimCategory *category = draw->config->categories->pdata[contact->category];
  double mass = faq_mass (draw);
  double u = pulse_sim_random_uniform (&draw->random);
  double rule = 0;

  if (pulse_sim_texts_get (&category->faq, NULL) != NULL && mass > 0)
    rule = MIN (1.0, channel->rule_share / mass);

  if (u < rule)
    return PULSE_SIM_OUTCOME_RULE;
  if (pulse_sim_random_chance (&draw->random, channel->bot_share / (1.0 - channel->rule_share)))
    return PULSE_SIM_OUTCOME_BOT;
  if (channel->realtime && pulse_sim_random_chance (&draw->random, channel->abandon_share))
    return PULSE_SIM_OUTCOME_ABANDONED;

  return PULSE_SIM_OUTCOME_HUMAN;
}

/* An agent who serves the queue in the contact's language and is on the
 * line at @at, or, failing that, the first who comes on after it. */
static int
find_agent (Draw            *draw,
            PulseSimContact *contact,
            gint64          *at)
{
  guint n_agents = pulse_sim_model_get_n_agents (draw->model);
  g_autofree guint *on_line = g_new (guint, n_agents);
  guint n_on_line = 0;
  gint64 next = G_MAXINT64;
  int first = -1;

  for (guint i = 0; i < n_agents; i++)
    {
      if (!pulse_sim_model_serves (draw->model, i, draw->queue, *at) ||
          !pulse_sim_model_speaks (draw->model, i, contact->language))
        continue;

      if (pulse_sim_model_is_on_line (draw->model, i, *at))
        on_line[n_on_line++] = i;
      else if (n_on_line == 0)
        {
          gint64 when = pulse_sim_model_next_on_line (draw->model, i, *at);

          if (when < next)
            {
              next = when;
              first = (int) i;
            }
        }
    }

  if (n_on_line > 0)
    return (int) on_line[pulse_sim_random_below (&draw->random, n_on_line)];

  if (first >= 0)
    *at = next;
  return first;
}

static int
pick_score (Draw         *draw,
            const double *weights,
            guint         n)
{
  return (int) pulse_sim_random_pick (&draw->random, weights, n);
}

static void
draw_ratings (Draw            *draw,
              PulseSimContact *contact)
{
  PulseSimConfig *config = draw->config;
  gint64 at = contact->ended_at + seconds (pulse_sim_random_lognormal (&draw->random, 240, 0.8));

  if (contact->outcome == PULSE_SIM_OUTCOME_ABANDONED)
    return;

  if (pulse_sim_random_chance (&draw->random, config->csat_share))
    contact->ratings[contact->n_ratings++] =
      (PulseSimRating) { PULSE_RATING_KIND_CSAT, 1 + pick_score (draw, config->csat_weights, 5),
                         at };
  if (pulse_sim_random_chance (&draw->random, config->nps_share))
    contact->ratings[contact->n_ratings++] =
      (PulseSimRating) { PULSE_RATING_KIND_NPS, pick_score (draw, config->nps_weights, 11), at };
  if (pulse_sim_random_chance (&draw->random, config->ces_share))
    contact->ratings[contact->n_ratings++] =
      (PulseSimRating) { PULSE_RATING_KIND_CES, 1 + pick_score (draw, config->ces_weights, 7),
                         at };
}

/* A person answers: the first reply, maybe a customer follow-up and a
 * second reply, then the contact is resolved. */
static void
draw_human (Draw            *draw,
            PulseSimContact *contact,
            PulseSimChannel *channel)
{
  gint64 at = contact->created_at + seconds (pulse_sim_random_lognormal (
    &draw->random, channel->first_reply_median, channel->first_reply_sigma));
  double handle = pulse_sim_random_lognormal (&draw->random, channel->handle_median,
                                              channel->handle_sigma);
  const char *language = contact->language;
  gint64 end;

  contact->agent = find_agent (draw, contact, &at);
  if (contact->agent < 0 || (channel->realtime && at - contact->created_at >
                             (channel->patience_seconds + 600) * PULSE_USEC_PER_SECOND &&
                             pulse_sim_model_get_queue (draw->model, draw->queue)->channel ==
                               PULSE_CHANNEL_KIND_PHONE))
    {
      /* Nobody picks up a call at night: the caller hangs up. */
      contact->agent = -1;
      contact->outcome = PULSE_SIM_OUTCOME_ABANDONED;
      contact->ended_at = contact->created_at +
                          seconds (30 + pulse_sim_random_uniform (&draw->random) * 90);
      return;
    }

  contact->answered_at = at;
  contact->handle_seconds = (int) CLAMP (handle, 10, 86400);
  add_message (contact, at, PULSE_AUTHOR_KIND_AGENT, contact->agent,
               pick_text (draw, &draw->config->agent_replies, language));
  end = at + seconds (handle);
  if (pulse_sim_random_chance (&draw->random, 0.3))
    {
      gint64 back = channel->realtime ? at + seconds (handle * 0.5)
                                      : at + seconds (pulse_sim_random_lognormal (&draw->random,
                                                                                  5400, 1.0));

      add_message (contact, back, PULSE_AUTHOR_KIND_CUSTOMER, -1,
                   pick_text (draw, &draw->config->customer_replies, language));
      end = MAX (end, back + seconds (channel->realtime ? handle * 0.3
                                                        : channel->first_reply_median));
      add_message (contact, end, PULSE_AUTHOR_KIND_AGENT, contact->agent,
                   pick_text (draw, &draw->config->agent_replies, language));
    }
  contact->ended_at = end;
}

static void
draw_life (Draw            *draw,
           PulseSimContact *contact)
{
  const PulseSimQueue *queue = pulse_sim_model_get_queue (draw->model, draw->queue);
  PulseSimChannel *channel = &draw->config->channels[queue->channel];
  PulseSimCategory *category = draw->config->categories->pdata[contact->category];
  const char *language = contact->language;

  contact->outcome = draw_outcome (draw, contact);
  contact->agent = -1;
  contact->subject = pick_text (draw, &category->subject, language);
  add_message (contact, contact->created_at, PULSE_AUTHOR_KIND_CUSTOMER, -1,
               pick_text (draw, contact->outcome == PULSE_SIM_OUTCOME_RULE ? &category->faq
                                                                           : &category->text,
                          language));
  switch (contact->outcome)
    {
    case PULSE_SIM_OUTCOME_RULE:
      contact->ended_at = contact->created_at;
      break;
    case PULSE_SIM_OUTCOME_BOT:
      contact->answered_at = contact->created_at + seconds (2 + pulse_sim_random_below (
                                                              &draw->random, 6));
      contact->ended_at = contact->answered_at;
      add_message (contact, contact->answered_at, PULSE_AUTHOR_KIND_BOT, -1,
                   pick_text (draw, &draw->config->bot_replies, language));
      break;
    case PULSE_SIM_OUTCOME_ABANDONED:
      contact->ended_at = contact->created_at +
                          seconds ((0.2 + 0.8 * pulse_sim_random_uniform (&draw->random)) *
                                   MAX (channel->patience_seconds, 60));
      break;
    case PULSE_SIM_OUTCOME_HUMAN:
    default:
      draw_human (draw, contact, channel);
      break;
    }
  draw_ratings (draw, contact);
}

static void
draw_contact (Draw            *draw,
              GArray          *out,
              gint64           created_at,
              int              category,
              const char      *id)
{
  const PulseSimQueue *queue = pulse_sim_model_get_queue (draw->model, draw->queue);
  PulseSimCountry *country = draw->config->countries->pdata[queue->country];
  PulseSimStream *stream = draw->config->streams->pdata[draw->stream];
  PulseSimContact contact = { { 0 } };

  g_strlcpy (contact.id, id, sizeof contact.id);
  contact.queue = draw->queue;
  contact.stream = draw->stream;
  contact.created_at = created_at;
  contact.language = country->languages.names[pulse_sim_random_pick (
    &draw->random, country->languages.weights, country->languages.n)];
  contact.customer = pulse_sim_random_next (&draw->random) %
                     pulse_sim_model_get_pool (draw->model, queue->country);
  contact.incident = category >= 0;
  contact.category = category >= 0 ? (guint) category
                                   : pulse_sim_random_pick (&draw->random, stream->categories,
                                                            draw->config->categories->len);
  draw_life (draw, &contact);
  g_array_append_val (out, contact);
}

/* Arrival times within [from, to), whole seconds, in order. */
static void
draw_arrivals (Draw   *draw,
               GArray *out,
               double  lambda,
               gint64  from,
               gint64  to,
               int     category,
               gint64  hour)
{
  guint n = pulse_sim_random_poisson (&draw->random, lambda);
  g_autofree gint64 *times = g_new (gint64, MAX (n, 1));
  gint64 span = (to - from) / PULSE_USEC_PER_SECOND;

  for (guint i = 0; i < n; i++)
    times[i] = from + (gint64) pulse_sim_random_below (&draw->random, (guint) span) *
                      PULSE_USEC_PER_SECOND;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        gint64 t = times[j];

        times[j] = times[j - 1];
        times[j - 1] = t;
      }

  for (guint i = 0; i < n; i++)
    {
      char id[40];

      g_snprintf (id, sizeof id, "t%" G_GINT64_FORMAT "-%02u%u-%s%u", hour, draw->queue,
                  draw->stream, category >= 0 ? "x" : "", i + 1);
      draw_contact (draw, out, times[i], category, id);
    }
}

/* During an incident the incident's category comes in
 * (incident-factor − 1) times more often on top of its usual share. */
static void
draw_spike (Draw   *draw,
            GArray *out,
            double  lambda,
            gint64  hour)
{
  PulseSimConfig *config = draw->config;
  PulseSimStream *stream = config->streams->pdata[draw->stream];
  gint64 from = hour * PULSE_USEC_PER_HOUR, to = from + PULSE_USEC_PER_HOUR;
  gint64 starts_at, ends_at;
  double total = 0, share;

  if (!pulse_sim_model_get_incident (draw->model, from / PULSE_USEC_PER_DAY, &starts_at,
                                     &ends_at))
    return;

  from = MAX (from, starts_at);
  to = MIN (to, ends_at);
  if (to - from < PULSE_USEC_PER_SECOND)
    return;

  for (guint i = 0; i < config->categories->len; i++)
    total += stream->categories[i];
  share = total > 0 ? stream->categories[config->incident_category] / total : 0;
  pulse_sim_random_init (&draw->random, pulse_sim_model_get_seed (draw->model), KEY_SPIKE,
                         hour, draw->queue * 64 + draw->stream);
  draw_arrivals (draw, out, lambda * share * (config->incident_factor - 1) *
                              (double) (to - from) / PULSE_USEC_PER_HOUR,
                 from, to, (int) config->incident_category, hour);
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const PulseSimContact *x = a, *y = b;

  if (x->created_at != y->created_at)
    return x->created_at < y->created_at ? -1 : 1;
  return strcmp (x->id, y->id);
}

/**
 * pulse_sim_model_contacts_in_hour:
 * @hour: a UTC hour, in hours since the epoch
 *
 * Returns: (transfer full) (element-type PulseSimContact): the contacts
 *   created in the hour, by creation time then id; the same for the same
 *   model and hour, however often and in whatever order it is asked.
 */
GArray *
pulse_sim_model_contacts_in_hour (PulseSimModel *model,
                                  gint64         hour)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PulseSimContact));
  Draw draw = { model, pulse_sim_model_get_config (model), { { 0 } }, 0, 0 };
  gint64 from = hour * PULSE_USEC_PER_HOUR;

  g_return_val_if_fail (model != NULL, NULL);

  for (draw.queue = 0; draw.queue < pulse_sim_model_get_n_queues (model); draw.queue++)
    for (draw.stream = 0; draw.stream < draw.config->streams->len; draw.stream++)
      {
        double lambda = pulse_sim_model_hour_rate (model, draw.queue, draw.stream, from);

        if (lambda <= 0)
          continue;
        pulse_sim_random_init (&draw.random, pulse_sim_model_get_seed (model), KEY_HOUR, hour,
                               draw.queue * 64 + draw.stream);
        draw_arrivals (&draw, out, lambda, from, from + PULSE_USEC_PER_HOUR, -1, hour);
        draw_spike (&draw, out, lambda, hour);
      }

  g_array_sort (out, compare_contacts);
  return out;
}

static void
add_time (gint64 *times,
          guint  *n,
          gint64  at)
{
  for (guint i = 0; i < *n; i++)
    if (times[i] == at)
      return;

  times[(*n)++] = at;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * pulse_sim_contact_get_steps:
 * @times: (out caller-allocates) (array fixed-size=PULSE_SIM_MAX_STEPS):
 *   the instants, in order
 *
 * The instants at which a helpdesk would report a change of the ticket:
 * creation, each message, the end, each rating.
 *
 * Returns: how many.
 */
guint
pulse_sim_contact_get_steps (const PulseSimContact *contact,
                             gint64                *times)
{
  guint n = 0;

  add_time (times, &n, contact->created_at);
  for (guint i = 0; i < contact->n_messages; i++)
    add_time (times, &n, contact->messages[i].at);
  add_time (times, &n, contact->ended_at);
  for (guint i = 0; i < contact->n_ratings; i++)
    add_time (times, &n, contact->ratings[i].at);

  qsort (times, n, sizeof (gint64), compare_times);
  return n;
}
