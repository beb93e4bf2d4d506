/* pulse-review-draw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A week's QA samples under a #PulseSamplingPolicy. The draw depends
 * only on the policy, the candidates (in any order), the seed and the
 * week, so the server can draw again after a crash, or a test can check
 * the draw, and get the same samples with the same ids.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-review-draw.h"
#include "pulse-time-utils.h"

typedef struct
{
  PulseSamplingPolicy *policy;
  guint64              state;
  char                *week;
  GPtrArray           *out;
  guint               *load;
} Draw;

/* splitmix64: small, fast and the same on every platform. */
static guint64
next_random (Draw *draw)
{
  guint64 z = (draw->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint
random_below (Draw  *draw,
              guint  n)
{
  return (guint) (next_random (draw) % n);
}

static void
shuffle (Draw      *draw,
         gpointer  *items,
         guint      n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = random_below (draw, i);
      gpointer swap = items[i - 1];

      items[i - 1] = items[j];
      items[j] = swap;
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const PulseDrawCandidate *x = *(const PulseDrawCandidate * const *) a;
  const PulseDrawCandidate *y = *(const PulseDrawCandidate * const *) b;
  int order = strcmp (x->agent_id, y->agent_id);

  if (order == 0)
    order = strcmp (x->ticket_id, y->ticket_id);
  if (order == 0)
    order = strcmp (x->message_id, y->message_id);
  return order;
}

static char *
make_id (const char *prefix,
         const char *week,
         const char *ticket_id,
         const char *message_id,
         const char *slot)
{
  g_autofree char *key = g_strjoin ("\n", week, ticket_id, message_id, slot, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%s-%s-%.16s", prefix, week, digest);
}

static PulseDrawnSample *
add_sample (Draw                     *draw,
            const PulseDrawCandidate *candidate,
            PulseSampleReason         reason)
{
  PulseDrawnSample *sample = g_new0 (PulseDrawnSample, 1);

  sample->id = make_id ("rv", draw->week, candidate->ticket_id, candidate->message_id, "1");
  sample->ticket_id = g_strdup (candidate->ticket_id);
  sample->message_id = g_strdup (candidate->message_id);
  sample->agent_id = g_strdup (candidate->agent_id);
  sample->reason = reason;
  g_ptr_array_add (draw->out, sample);
  return sample;
}

/* One agent's candidates, sorted: every negative, then the rate's worth
 * of the others at random. A contact counts once per agent. */
static void
draw_agent (Draw                      *draw,
            const PulseDrawCandidate **candidates,
            guint                      n)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  int negative_max = pulse_sampling_policy_get_negative_max (draw->policy);
  gboolean newcomer = candidates[0]->newcomer;
  guint rate = newcomer ? pulse_sampling_policy_get_per_newcomer (draw->policy)
                        : pulse_sampling_policy_get_per_agent (draw->policy);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && g_str_equal (candidates[i]->ticket_id, candidates[i - 1]->ticket_id))
        continue;
      if (candidates[i]->rating >= 1 && candidates[i]->rating <= negative_max)
        add_sample (draw, candidates[i], PULSE_SAMPLE_REASON_NEGATIVE_RATING);
      else
        g_ptr_array_add (others, (gpointer) candidates[i]);
    }

  shuffle (draw, others->pdata, others->len);
  for (guint i = 0; i < MIN (rate, others->len); i++)
    add_sample (draw, others->pdata[i],
                newcomer ? PULSE_SAMPLE_REASON_NEWCOMER : PULSE_SAMPLE_REASON_RANDOM);
}

/* The least loaded reviewer who may grade @sample, other than @besides;
 * ties go to the first in the policy's order. -1 when none may. */
static int
pick_reviewer (Draw                   *draw,
               const PulseDrawnSample *sample,
               const char             *team_id,
               int                     besides)
{
  guint n = pulse_sampling_policy_get_n_reviewers (draw->policy);
  int best = -1;

  for (guint i = 0; i < n; i++)
    {
      const PulseSamplingReviewer *reviewer = pulse_sampling_policy_get_reviewer (draw->policy, i);

      if ((int) i == besides ||
          !pulse_sampling_policy_may_review (draw->policy, reviewer, sample->agent_id, team_id))
        continue;
      if (best < 0 || draw->load[i] < draw->load[best])
        best = i;
    }

  return best;
}

static void
assign (Draw             *draw,
        PulseDrawnSample *sample,
        int               reviewer)
{
  if (reviewer < 0)
    return;

  sample->reviewer_id =
    g_strdup (pulse_sampling_policy_get_reviewer (draw->policy, reviewer)->id);
  draw->load[reviewer]++;
}

/* Pairs the calibration share of the samples with a second reviewer:
 * those picked at random among samples two reviewers may grade. */
static void
pair_for_calibration (Draw        *draw,
                      GHashTable  *teams,
                      GPtrArray   *pairs)
{
  double share = pulse_sampling_policy_get_calibration_share (draw->policy);
  guint wanted = (guint) floor (draw->out->len * share + 0.5);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < draw->out->len; i++)
    g_ptr_array_add (order, draw->out->pdata[i]);
  shuffle (draw, order->pdata, order->len);

  for (guint i = 0; i < order->len && pairs->len < wanted; i++)
    {
      PulseDrawnSample *sample = order->pdata[i];
      const char *team_id = g_hash_table_lookup (teams, sample->agent_id);
      int first = pick_reviewer (draw, sample, team_id, -1);

      if (first >= 0 && pick_reviewer (draw, sample, team_id, first) >= 0)
        g_ptr_array_add (pairs, sample);
    }
}

static PulseDrawnSample *
second_grading (Draw             *draw,
                PulseDrawnSample *sample)
{
  PulseDrawnSample *copy = g_new0 (PulseDrawnSample, 1);

  sample->calibration_group = make_id ("cal", draw->week, sample->ticket_id,
                                       sample->message_id, "group");
  copy->id = make_id ("rv", draw->week, sample->ticket_id, sample->message_id, "2");
  copy->ticket_id = g_strdup (sample->ticket_id);
  copy->message_id = g_strdup (sample->message_id);
  copy->agent_id = g_strdup (sample->agent_id);
  copy->reason = PULSE_SAMPLE_REASON_CALIBRATION;
  copy->calibration_group = g_strdup (sample->calibration_group);
  return copy;
}

/* Calibration pairs first (they need two reviewers), then the rest, each
 * to the least loaded reviewer allowed. */
static void
assign_all (Draw       *draw,
            GHashTable *teams)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);
  guint n_single = draw->out->len;

  pair_for_calibration (draw, teams, pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      PulseDrawnSample *sample = pairs->pdata[i];
      PulseDrawnSample *copy = second_grading (draw, sample);
      const char *team_id = g_hash_table_lookup (teams, sample->agent_id);
      int first = pick_reviewer (draw, sample, team_id, -1);

      assign (draw, sample, first);
      assign (draw, copy, pick_reviewer (draw, copy, team_id, first));
      g_hash_table_add (paired, sample);
      g_ptr_array_add (draw->out, copy);
    }

  for (guint i = 0; i < n_single; i++)
    {
      PulseDrawnSample *sample = draw->out->pdata[i];

      if (!g_hash_table_contains (paired, sample))
        assign (draw, sample,
                pick_reviewer (draw, sample, g_hash_table_lookup (teams, sample->agent_id), -1));
    }
}

static guint64
mix_seed (guint64 seed,
          gint64  week_start)
{
  return seed ^ ((guint64) week_start * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));
}

/**
 * pulse_review_draw:
 * @policy: the sampling policy
 * @candidates: (array length=n_candidates): the week's replies
 * @n_candidates: how many
 * @seed: the server's draw seed
 * @week_start: the Monday 00:00 UTC of the week (pulse_review_draw_week_start())
 *
 * Draws a week's samples. For each agent: every contact rated at or
 * below the policy's negative_max, then per_agent (per_newcomer for an
 * agent on probation) of their other contacts at random, each contact
 * once per agent. Then the calibration share of the samples, rounded, get
 * a second grading in the same calibration group, for another reviewer.
 * Each grading goes to the least loaded reviewer allowed
 * (pulse_sampling_policy_may_review()), or to none when no one is.
 *
 * The same policy, candidates (in any order), seed and week give the
 * same samples, ids and reviewers.
 *
 * Returns: (transfer container) (element-type PulseDrawnSample): the
 *   samples, by agent and contact, then the calibration second gradings.
 */
GPtrArray *
pulse_review_draw (PulseSamplingPolicy      *policy,
                   const PulseDrawCandidate *candidates,
                   guint                     n_candidates,
                   guint64                   seed,
                   gint64                    week_start)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (n_candidates);
  g_autoptr(GHashTable) teams = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) week = NULL;
  Draw draw = { policy, mix_seed (seed, week_start), NULL, NULL, NULL };

  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (policy), NULL);
  g_return_val_if_fail (candidates != NULL || n_candidates == 0, NULL);

  week = g_date_time_new_from_unix_utc (week_start / G_USEC_PER_SEC);
  draw.week = g_date_time_format (week, "%Y-%m-%d");
  draw.out = g_ptr_array_new_with_free_func ((GDestroyNotify) pulse_drawn_sample_free);
  draw.load = g_new0 (guint, pulse_sampling_policy_get_n_reviewers (policy) + 1);

  for (guint i = 0; i < n_candidates; i++)
    {
      g_ptr_array_add (sorted, (gpointer) &candidates[i]);
      if (candidates[i].team_id != NULL)
        g_hash_table_insert (teams, (gpointer) candidates[i].agent_id,
                             (gpointer) candidates[i].team_id);
    }
  g_ptr_array_sort (sorted, compare_candidates);

  for (guint start = 0, end; start < sorted->len; start = end)
    {
      const PulseDrawCandidate **group = (const PulseDrawCandidate **) sorted->pdata + start;

      for (end = start + 1; end < sorted->len &&
           g_str_equal (group[0]->agent_id,
                        ((const PulseDrawCandidate *) sorted->pdata[end])->agent_id); end++)
        ;
      draw_agent (&draw, group, end - start);
    }

  assign_all (&draw, teams);
  g_free (draw.week);
  g_free (draw.load);
  return draw.out;
}

/**
 * pulse_drawn_sample_to_review:
 * @sample: a drawn sample
 * @scorecard_id: the scorecard it is graded on
 * @scorecard_version: that scorecard's version now
 * @created_at: when it was drawn
 *
 * Returns: (transfer full): the wire form of a pending #PulseReviewSample
 *   at version 0.
 */
JsonNode *
pulse_drawn_sample_to_review (const PulseDrawnSample *sample,
                              const char             *scorecard_id,
                              gint64                  scorecard_version,
                              gint64                  created_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (sample != NULL, NULL);

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", sample->id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "ticket_id", sample->ticket_id);
  pulse_json_add_string (builder, "message_id", sample->message_id);
  pulse_json_add_string (builder, "agent_id", sample->agent_id);
  pulse_json_add_string (builder, "reviewer_id", sample->reviewer_id);
  pulse_json_add_string (builder, "scorecard_id", scorecard_id);
  pulse_json_add_int (builder, "scorecard_version", MAX (scorecard_version, 1));
  pulse_json_add_enum (builder, "reason", PULSE_TYPE_SAMPLE_REASON, sample->reason);
  pulse_json_add_string (builder, "status", "pending");
  pulse_json_add_string (builder, "calibration_group", sample->calibration_group);
  pulse_json_add_time (builder, "created_at", created_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
pulse_drawn_sample_free (PulseDrawnSample *sample)
{
  if (sample == NULL)
    return;

  g_free (sample->id);
  g_free (sample->ticket_id);
  g_free (sample->message_id);
  g_free (sample->agent_id);
  g_free (sample->reviewer_id);
  g_free (sample->calibration_group);
  g_free (sample);
}

/* Shares @gradings evenly among the reviewers who may take them. */
static void
spread (PulseSamplingPolicy      *policy,
        const PulseWorkloadAgent *agent,
        double                    gradings,
        PulseWorkload            *workload)
{
  guint n = pulse_sampling_policy_get_n_reviewers (policy);
  guint allowed = 0;

  for (guint i = 0; i < n; i++)
    allowed += pulse_sampling_policy_may_review (policy,
                                                 pulse_sampling_policy_get_reviewer (policy, i),
                                                 agent->agent_id, agent->team_id);
  if (allowed == 0)
    {
      workload->unassigned += gradings;
      return;
    }

  for (guint i = 0; i < n; i++)
    if (pulse_sampling_policy_may_review (policy, pulse_sampling_policy_get_reviewer (policy, i),
                                          agent->agent_id, agent->team_id))
      g_array_index (workload->per_reviewer, double, i) += gradings / allowed;
}

/**
 * pulse_review_draw_workload:
 * @policy: the sampling policy
 * @agents: (array length=n_agents): the agents sampled
 * @n_agents: how many
 *
 * The work a week's draw is expected to make: per agent its rate
 * (per_newcomer on probation, else per_agent) plus its expected
 * negatives, times (1 + calibration share) gradings, shared evenly among
 * the reviewers allowed to grade that agent. It assumes each agent has
 * enough contacts to fill the rate.
 *
 * Returns: (transfer full): the expected workload.
 */
PulseWorkload *
pulse_review_draw_workload (PulseSamplingPolicy      *policy,
                            const PulseWorkloadAgent *agents,
                            guint                     n_agents)
{
  PulseWorkload *workload;
  guint n_reviewers;
  double share;

  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (policy), NULL);
  g_return_val_if_fail (agents != NULL || n_agents == 0, NULL);

  n_reviewers = pulse_sampling_policy_get_n_reviewers (policy);
  share = pulse_sampling_policy_get_calibration_share (policy);
  workload = g_new0 (PulseWorkload, 1);
  workload->per_reviewer = g_array_sized_new (FALSE, TRUE, sizeof (double), n_reviewers);
  g_array_set_size (workload->per_reviewer, n_reviewers);

  for (guint i = 0; i < n_agents; i++)
    {
      double samples = agents[i].negatives +
                       (agents[i].newcomer ? pulse_sampling_policy_get_per_newcomer (policy)
                                           : pulse_sampling_policy_get_per_agent (policy));

      workload->samples += samples;
      workload->gradings += samples * (1 + share);
      spread (policy, &agents[i], samples * (1 + share), workload);
    }

  return workload;
}

void
pulse_workload_free (PulseWorkload *workload)
{
  if (workload == NULL)
    return;

  g_array_unref (workload->per_reviewer);
  g_free (workload);
}

/**
 * pulse_review_draw_week_start:
 * @at: a time, microseconds since the epoch
 *
 * Returns: the Monday 00:00 UTC at or before @at: weeks are drawn Monday
 *   to Sunday in UTC.
 */
gint64
pulse_review_draw_week_start (gint64 at)
{
  gint64 day = at >= 0 ? at / PULSE_USEC_PER_DAY
                       : (at - PULSE_USEC_PER_DAY + 1) / PULSE_USEC_PER_DAY;
  /* 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday. */
  gint64 weekday = ((day % 7) + 7 + 3) % 7;

  return (day - weekday) * PULSE_USEC_PER_DAY;
}
