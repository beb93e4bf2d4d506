/* pulse-sim-review.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QA review samples of a simulated day, as QA would draw them: some
 * replies of each agent at random, more for newcomers, every contact
 * rated 1–2 on CSAT, and a share graded by both reviewers for
 * calibration. Samples of day D are drawn at D+1 06:00 UTC; most are
 * graded within the next 24 hours, the rest wait.
 */

#include "config.h"

#include "pulse-enums.h"
#include "pulse-json.h"
#include "pulse-sim-catalog.h"
#include "pulse-sim-contact.h"
#include "pulse-time-utils.h"

#define KEY_REVIEW 0x524556u

static const struct { const char *id; double weight; gboolean critical; } criteria[] = {
  { "greeting", 1, FALSE }, { "tone", 2, FALSE }, { "accuracy", 3, TRUE },
  { "resolution", 2, FALSE }, { "identity", 2, TRUE }, { "disclosure", 1, FALSE },
};

typedef struct
{
  PulseSimModel  *model;
  PulseSimRandom  random;
  GPtrArray      *out;
  gint64          created_at;
  char           *date;
  guint           n;
} Reviews;

static int
negative_csat (const PulseSimContact *contact)
{
  for (guint i = 0; i < contact->n_ratings; i++)
    if (contact->ratings[i].kind == PULSE_RATING_KIND_CSAT && contact->ratings[i].score <= 2)
      return TRUE;

  return FALSE;
}

static guint
first_agent_message (const PulseSimContact *contact)
{
  for (guint i = 0; i < contact->n_messages; i++)
    if (contact->messages[i].author == PULSE_AUTHOR_KIND_AGENT)
      return i;

  return 0;
}

/* Grades and the score the scorecard gives them
 * (pulse_scorecard_score(): a failed critical criterion scores 0). */
static double
add_grades (Reviews     *reviews,
            JsonBuilder *builder,
            double       fail_chance)
{
  double earned = 0, possible = 0;
  gboolean critical_failed = FALSE;

  json_builder_set_member_name (builder, "grades");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      gboolean failed = pulse_sim_random_chance (&reviews->random,
                                                 criteria[i].critical ? fail_chance / 3
                                                                      : fail_chance);

      json_builder_begin_object (builder);
      pulse_json_add_string (builder, "criterion_id", criteria[i].id);
      pulse_json_add_string (builder, "result", failed ? "fail" : "pass");
      json_builder_end_object (builder);
      possible += criteria[i].weight;
      earned += failed ? 0 : criteria[i].weight;
      critical_failed |= failed && criteria[i].critical;
    }
  json_builder_end_array (builder);

  return critical_failed ? 0 : 100.0 * earned / possible;
}

static void
add_sample (Reviews               *reviews,
            const PulseSimContact *contact,
            PulseSampleReason      reason,
            guint                  reviewer,
            const char            *calibration_group)
{
  PulseSimConfig *config = pulse_sim_model_get_config (reviews->model);
  const PulseSimAgent *agent = pulse_sim_model_get_agent (reviews->model, contact->agent);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = g_strdup_printf ("sim-review-%s-%03u", reviews->date, ++reviews->n);
  g_autofree char *message_id = g_strdup_printf ("m%u", first_agent_message (contact) + 1);
  gboolean submitted = pulse_sim_random_chance (&reviews->random, 0.8);
  double fail = config->fail_chance * (agent->newcomer ? 1.8 : 1.0) * (reviewer == 1 ? 1.2 : 1.0);
  gint64 submitted_at = reviews->created_at +
                        pulse_sim_random_below (&reviews->random, 86400) * PULSE_USEC_PER_SECOND;

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", id);
  pulse_json_add_int (builder, "version", 0);
  pulse_json_add_string (builder, "ticket_id", contact->id);
  pulse_json_add_string (builder, "message_id", message_id);
  pulse_json_add_string (builder, "agent_id", agent->id);
  pulse_json_add_string (builder, "reviewer_id", config->reviewer_ids[reviewer]);
  pulse_json_add_string (builder, "scorecard_id", PULSE_SIM_SCORECARD_ID);
  pulse_json_add_int (builder, "scorecard_version", 1);
  pulse_json_add_enum (builder, "reason", PULSE_TYPE_SAMPLE_REASON, reason);
  pulse_json_add_enum (builder, "status", PULSE_TYPE_REVIEW_STATUS,
                       submitted ? PULSE_REVIEW_STATUS_SUBMITTED : PULSE_REVIEW_STATUS_PENDING);
  if (submitted)
    pulse_json_add_double (builder, "score", add_grades (reviews, builder, fail));
  if (calibration_group != NULL)
    pulse_json_add_string (builder, "calibration_group", calibration_group);
  pulse_json_add_time (builder, "created_at", reviews->created_at);
  if (submitted)
    pulse_json_add_time (builder, "submitted_at", submitted_at);
  json_builder_end_object (builder);
  g_ptr_array_add (reviews->out, json_builder_get_root (builder));
}

/* One drawn contact, and now and then the other reviewer on it too. */
static void
draw_sample (Reviews               *reviews,
             const PulseSimContact *contact,
             PulseSampleReason      reason)
{
  PulseSimConfig *config = pulse_sim_model_get_config (reviews->model);
  guint n_reviewers = g_strv_length (config->reviewer_ids);
  guint reviewer = pulse_sim_random_below (&reviews->random, n_reviewers);
  g_autofree char *group = NULL;

  if (pulse_sim_random_chance (&reviews->random, config->calibration_share))
    {
      group = g_strdup_printf ("sim-calibration-%s", contact->id);
      add_sample (reviews, contact, PULSE_SAMPLE_REASON_CALIBRATION, reviewer, group);
      add_sample (reviews, contact, PULSE_SAMPLE_REASON_CALIBRATION,
                  (reviewer + 1) % n_reviewers, group);
      return;
    }

  add_sample (reviews, contact, reason, reviewer, NULL);
}

static GArray *
answered_contacts (PulseSimModel *model,
                   gint64         utc_day)
{
  GArray *day = g_array_new (FALSE, FALSE, sizeof (PulseSimContact));

  for (gint64 hour = utc_day * 24; hour < utc_day * 24 + 24; hour++)
    {
      g_autoptr(GArray) contacts = pulse_sim_model_contacts_in_hour (model, hour);

      for (guint i = 0; i < contacts->len; i++)
        {
          PulseSimContact *contact = &g_array_index (contacts, PulseSimContact, i);

          if (contact->outcome == PULSE_SIM_OUTCOME_HUMAN && contact->agent >= 0)
            g_array_append_val (day, *contact);
        }
    }

  return day;
}

/**
 * pulse_sim_model_reviews_json:
 * @utc_day: the day whose replies are reviewed
 *
 * Returns: (transfer full) (element-type JsonNode): the review samples
 *   of @utc_day, created at 06:00 UTC the next day; submitted ones carry
 *   grades and a score from the scorecard of
 *   pulse_sim_model_scorecard_json().
 */
GPtrArray *
pulse_sim_model_reviews_json (PulseSimModel *model,
                              gint64         utc_day)
{
  PulseSimConfig *config = pulse_sim_model_get_config (model);
  g_autoptr(GArray) day = answered_contacts (model, utc_day);
  Reviews reviews = { model, { { 0 } }, NULL, 0, NULL, 0 };

  reviews.out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  reviews.created_at = (utc_day + 1) * PULSE_USEC_PER_DAY + 6 * PULSE_USEC_PER_HOUR;
  reviews.date = pulse_sim_format_date (utc_day);
  pulse_sim_random_init (&reviews.random, pulse_sim_model_get_seed (model), KEY_REVIEW, utc_day,
                         0);

  for (guint a = 0; a < pulse_sim_model_get_n_agents (model); a++)
    {
      g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (guint));
      const PulseSimAgent *agent = pulse_sim_model_get_agent (model, a);
      int wanted = config->random_per_agent + (agent->newcomer ? config->newcomer_extra : 0);

      for (guint i = 0; i < day->len; i++)
        if (g_array_index (day, PulseSimContact, i).agent == (int) a)
          g_array_append_val (mine, i);
      for (int k = 0; k < wanted && mine->len > 0; k++)
        {
          guint pick = pulse_sim_random_below (&reviews.random, mine->len);

          draw_sample (&reviews, &g_array_index (day, PulseSimContact,
                                                 g_array_index (mine, guint, pick)),
                       agent->newcomer ? PULSE_SAMPLE_REASON_NEWCOMER
                                       : PULSE_SAMPLE_REASON_RANDOM);
          g_array_remove_index_fast (mine, pick);
        }
    }

  for (guint i = 0; i < day->len; i++)
    if (negative_csat (&g_array_index (day, PulseSimContact, i)))
      draw_sample (&reviews, &g_array_index (day, PulseSimContact, i),
                   PULSE_SAMPLE_REASON_NEGATIVE_RATING);

  g_free (reviews.date);
  return reviews.out;
}
