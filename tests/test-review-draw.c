/* test-review-draw.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Properties of the weekly QA draw (pulse-review-draw.c): rates per agent
 * and for newcomers, every negative contact, calibration pairs, no
 * reviewer on their own team, determinism; and the expected workload.
 */

#include "config.h"

#include "pulse-review-draw.h"
#include "pulse-review-sample.h"
#include "pulse-test-util.h"
#include "pulse-time-utils.h"

#define WEEK "2026-11-23T00:00:00Z"

typedef struct
{
  GPtrArray *strings;
  GArray    *candidates;
} Candidates;

static gint64
at (const char *text)
{
  gint64 usec = 0;

  g_assert_true (pulse_time_parse (text, &usec));
  return usec;
}

static PulseSamplingPolicy *
make_policy (const char *json)
{
  g_autoptr(JsonNode) node = pulse_test_parse (json);
  g_autoptr(GError) error = NULL;
  PulseSamplingPolicy *policy = pulse_sampling_policy_new_from_json (node, &error);

  g_assert_no_error (error);
  return policy;
}

static const char *
keep (Candidates *c,
      char       *text)
{
  g_ptr_array_add (c->strings, text);
  return text;
}

/* @n contacts of @agent; contact i is rated @ratings[i] when given. */
static void
add_agent (Candidates *c,
           const char *agent,
           const char *team,
           gboolean    newcomer,
           guint       n,
           const int  *ratings)
{
  for (guint i = 0; i < n; i++)
    {
      PulseDrawCandidate candidate = { 0 };

      candidate.ticket_id = keep (c, g_strdup_printf ("t-%s-%02u", agent, i));
      candidate.message_id = keep (c, g_strdup_printf ("m-%s-%02u", agent, i));
      candidate.agent_id = agent;
      candidate.team_id = team;
      candidate.newcomer = newcomer;
      candidate.rating = ratings != NULL ? ratings[i] : 0;
      g_array_append_val (c->candidates, candidate);
    }
}

static Candidates *
candidates_new (void)
{
  Candidates *c = g_new0 (Candidates, 1);

  c->strings = g_ptr_array_new_with_free_func (g_free);
  c->candidates = g_array_new (FALSE, TRUE, sizeof (PulseDrawCandidate));
  return c;
}

static void
candidates_free (Candidates *c)
{
  g_ptr_array_unref (c->strings);
  g_array_unref (c->candidates);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Candidates, candidates_free)

static GPtrArray *
draw (PulseSamplingPolicy *policy,
      Candidates          *c,
      guint64              seed,
      const char          *week)
{
  return pulse_review_draw (policy, (PulseDrawCandidate *) c->candidates->data,
                            c->candidates->len, seed, at (week));
}

static guint
count (GPtrArray         *samples,
       const char        *agent,
       PulseSampleReason  reason)
{
  guint n = 0;

  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *s = samples->pdata[i];

      n += g_str_equal (s->agent_id, agent) && s->reason == reason;
    }

  return n;
}

static const char three_reviewers[] =
  "{\"version\":1,\"per_agent\":3,\"per_newcomer\":8,\"calibration_share\":0,"
  "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"},"
  "{\"id\":\"qa-2\",\"team_id\":\"team-b\"},{\"id\":\"qa-3\"}]}";

/* 3 of 20 for a tenured agent, 8 of 20 for a newcomer, both of an agent
 * with only 2; no contact twice. */
static void
test_rates (void)
{
  g_autoptr(PulseSamplingPolicy) policy = make_policy (three_reviewers);
  g_autoptr(Candidates) c = candidates_new ();
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  add_agent (c, "a-old", "team-a", FALSE, 20, NULL);
  add_agent (c, "a-new", "team-b", TRUE, 20, NULL);
  add_agent (c, "a-few", "team-a", FALSE, 2, NULL);
  samples = draw (policy, c, 7, WEEK);

  g_assert_cmpuint (samples->len, ==, 3 + 8 + 2);
  g_assert_cmpuint (count (samples, "a-old", PULSE_SAMPLE_REASON_RANDOM), ==, 3);
  g_assert_cmpuint (count (samples, "a-new", PULSE_SAMPLE_REASON_NEWCOMER), ==, 8);
  g_assert_cmpuint (count (samples, "a-few", PULSE_SAMPLE_REASON_RANDOM), ==, 2);
  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *s = samples->pdata[i];

      g_assert_true (g_hash_table_add (seen, s->ticket_id));
      g_assert_true (g_str_has_prefix (s->id, "rv-2026-11-23-"));
      g_assert_null (s->calibration_group);
    }
}

/* Ratings 1 and 2 are all drawn on top of the rate; 3 is not negative. */
static void
test_every_negative (void)
{
  static const int ratings[12] = { 1, 0, 2, 3, 0, 2, 0, 1, 5, 0, 2, 0 };
  g_autoptr(PulseSamplingPolicy) policy = make_policy (three_reviewers);
  g_autoptr(Candidates) c = candidates_new ();

  add_agent (c, "a-1", "team-a", FALSE, 12, ratings);
  for (guint64 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GPtrArray) samples = draw (policy, c, seed, WEEK);
      guint negatives = 0;

      g_assert_cmpuint (count (samples, "a-1", PULSE_SAMPLE_REASON_NEGATIVE_RATING), ==, 5);
      g_assert_cmpuint (count (samples, "a-1", PULSE_SAMPLE_REASON_RANDOM), ==, 3);
      for (guint i = 0; i < samples->len; i++)
        {
          PulseDrawnSample *s = samples->pdata[i];
          guint index = g_ascii_strtoull (s->ticket_id + strlen ("t-a-1-"), NULL, 10);

          if (ratings[index] == 1 || ratings[index] == 2)
            {
              g_assert_cmpint (s->reason, ==, PULSE_SAMPLE_REASON_NEGATIVE_RATING);
              negatives++;
            }
          else
            g_assert_cmpint (s->reason, ==, PULSE_SAMPLE_REASON_RANDOM);
        }
      g_assert_cmpuint (negatives, ==, 5);
    }
}

static char *
describe (GPtrArray *samples)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *s = samples->pdata[i];

      g_string_append_printf (text, "%s %s %s %s %d %s\n", s->id, s->ticket_id, s->agent_id,
                              s->reviewer_id, s->reason, s->calibration_group);
    }

  return g_string_free (text, FALSE);
}

/* The same policy, seed and week give the same draw whatever order the
 * candidates come in; another week or seed gives another. */
static void
test_deterministic (void)
{
  g_autoptr(PulseSamplingPolicy) policy =
    make_policy ("{\"version\":1,\"calibration_share\":0.3,"
                 "\"reviewers\":[{\"id\":\"qa-1\"},{\"id\":\"qa-2\"},{\"id\":\"qa-3\"}]}");
  g_autoptr(Candidates) c = candidates_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) next_week = NULL;
  g_autoptr(GPtrArray) other_seed = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *w = NULL;
  g_autofree char *s = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *agent = g_strdup_printf ("a-%u", i);

      add_agent (c, keep (c, g_steal_pointer (&agent)), i % 2 ? "team-a" : "team-b",
                 i == 3, 15, NULL);
    }
  first = draw (policy, c, 42, WEEK);
  a = describe (first);

  /* Reversed. */
  for (guint i = 0, j = c->candidates->len - 1; i < j; i++, j--)
    {
      PulseDrawCandidate swap = g_array_index (c->candidates, PulseDrawCandidate, i);

      g_array_index (c->candidates, PulseDrawCandidate, i) =
        g_array_index (c->candidates, PulseDrawCandidate, j);
      g_array_index (c->candidates, PulseDrawCandidate, j) = swap;
    }
  again = draw (policy, c, 42, WEEK);
  b = describe (again);
  g_assert_cmpstr (a, ==, b);

  next_week = draw (policy, c, 42, "2026-11-30T00:00:00Z");
  w = describe (next_week);
  other_seed = draw (policy, c, 43, WEEK);
  s = describe (other_seed);
  g_assert_cmpuint (next_week->len, ==, first->len);
  g_assert_cmpstr (a, !=, w);
  g_assert_cmpstr (a, !=, s);
}

static const char *
team_of (const char *reviewer)
{
  if (g_strcmp0 (reviewer, "qa-1") == 0)
    return "team-a";
  if (g_strcmp0 (reviewer, "qa-2") == 0)
    return "team-b";
  return NULL;
}

/* With avoid_own_team no reviewer gets their own team's agent, even in a
 * calibration pair; a team only its own reviewers could grade stays
 * unassigned rather than break the rule. Without it, they may. */
static void
test_no_own_team (void)
{
  g_autoptr(PulseSamplingPolicy) policy =
    make_policy ("{\"version\":1,\"per_agent\":4,\"calibration_share\":0.5,"
                 "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"},"
                 "{\"id\":\"qa-2\",\"team_id\":\"team-b\"},{\"id\":\"qa-3\"},"
                 "{\"id\":\"a-9\",\"team_id\":\"team-c\"}]}");
  g_autoptr(PulseSamplingPolicy) lax =
    make_policy ("{\"version\":1,\"per_agent\":4,\"avoid_own_team\":false,"
                 "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"}]}");
  g_autoptr(PulseSamplingPolicy) strict =
    make_policy ("{\"version\":1,\"per_agent\":4,"
                 "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"}]}");
  g_autoptr(Candidates) c = candidates_new ();
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) lax_samples = NULL;
  g_autoptr(GPtrArray) strict_samples = NULL;
  guint pairs = 0;

  add_agent (c, "a-1", "team-a", FALSE, 10, NULL);
  add_agent (c, "a-2", "team-b", FALSE, 10, NULL);
  add_agent (c, "a-9", "team-c", FALSE, 10, NULL);
  samples = draw (policy, c, 3, WEEK);

  /* 12 samples, round (12 × 0.5) = 6 of them paired. */
  g_assert_cmpuint (samples->len, ==, 18);
  for (guint i = 0; i < samples->len; i++)
    {
      PulseDrawnSample *s = samples->pdata[i];
      const char *agent_team = g_str_equal (s->agent_id, "a-1") ? "team-a"
                               : g_str_equal (s->agent_id, "a-2") ? "team-b" : "team-c";

      g_assert_nonnull (s->reviewer_id);
      g_assert_cmpstr (s->reviewer_id, !=, s->agent_id);
      if (team_of (s->reviewer_id) != NULL)
        g_assert_cmpstr (team_of (s->reviewer_id), !=, agent_team);
      if (s->reason == PULSE_SAMPLE_REASON_CALIBRATION)
        {
          pairs++;
          for (guint j = 0; j < samples->len; j++)
            {
              PulseDrawnSample *other = samples->pdata[j];

              if (other != s && g_strcmp0 (other->calibration_group, s->calibration_group) == 0)
                g_assert_cmpstr (other->reviewer_id, !=, s->reviewer_id);
            }
        }
    }
  g_assert_cmpuint (pairs, ==, 6);

  /* Only qa-1, of team-a: a-1's samples get nobody unless lax. */
  lax_samples = draw (lax, c, 3, WEEK);
  for (guint i = 0; i < lax_samples->len; i++)
    g_assert_cmpstr (((PulseDrawnSample *) lax_samples->pdata[i])->reviewer_id, ==, "qa-1");
  strict_samples = draw (strict, c, 3, WEEK);
  for (guint i = 0; i < strict_samples->len; i++)
    {
      PulseDrawnSample *s = strict_samples->pdata[i];

      if (g_str_equal (s->agent_id, "a-1"))
        g_assert_null (s->reviewer_id);
      else
        g_assert_cmpstr (s->reviewer_id, ==, "qa-1");
    }
}

/* Everyone may grade everyone: loads differ by at most one. */
static void
test_balanced (void)
{
  g_autoptr(PulseSamplingPolicy) policy =
    make_policy ("{\"version\":1,\"per_agent\":5,\"calibration_share\":0.2,"
                 "\"reviewers\":[{\"id\":\"qa-1\"},{\"id\":\"qa-2\"},{\"id\":\"qa-3\"}]}");
  g_autoptr(Candidates) c = candidates_new ();
  g_autoptr(GPtrArray) samples = NULL;
  guint load[3] = { 0 };

  add_agent (c, "a-1", NULL, FALSE, 9, NULL);
  add_agent (c, "a-2", NULL, FALSE, 9, NULL);
  add_agent (c, "a-3", NULL, FALSE, 9, NULL);
  add_agent (c, "a-4", NULL, FALSE, 9, NULL);
  samples = draw (policy, c, 11, WEEK);

  /* 20 samples and 4 calibration second gradings. */
  g_assert_cmpuint (samples->len, ==, 24);
  for (guint i = 0; i < samples->len; i++)
    load[((PulseDrawnSample *) samples->pdata[i])->reviewer_id[3] - '1']++;
  g_assert_cmpuint (load[0], ==, 8);
  g_assert_cmpuint (load[1], ==, 8);
  g_assert_cmpuint (load[2], ==, 8);
}

/* By hand: a-1 (team-a) 3 + 1 negative = 4 samples, × 1.5 = 6 gradings
 * for qa-2 and qa-3 (3 each); a-2 (team-b, newcomer) 8 samples, 12
 * gradings for qa-1 and qa-3 (6 each); a-3 (team-a) 3 samples, 4.5
 * gradings for qa-2 and qa-3 (2.25 each). qa-1 6, qa-2 5.25, qa-3 11.25. */
static void
test_workload (void)
{
  g_autoptr(PulseSamplingPolicy) policy =
    make_policy ("{\"version\":1,\"per_agent\":3,\"per_newcomer\":8,\"calibration_share\":0.5,"
                 "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"},"
                 "{\"id\":\"qa-2\",\"team_id\":\"team-b\"},{\"id\":\"qa-3\"}]}");
  g_autoptr(PulseSamplingPolicy) alone =
    make_policy ("{\"version\":1,\"per_agent\":2,\"per_newcomer\":2,\"calibration_share\":0,"
                 "\"reviewers\":[{\"id\":\"qa-1\",\"team_id\":\"team-a\"}]}");
  const PulseWorkloadAgent agents[] = {
    { "a-1", "team-a", FALSE, 1 },
    { "a-2", "team-b", TRUE, 0 },
    { "a-3", "team-a", FALSE, 0 },
  };
  g_autoptr(PulseWorkload) workload = pulse_review_draw_workload (policy, agents, 3);
  g_autoptr(PulseWorkload) unassigned = pulse_review_draw_workload (alone, agents, 3);

  g_assert_cmpfloat_with_epsilon (workload->samples, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (workload->gradings, 22.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (workload->unassigned, 0, 1e-9);
  g_assert_cmpuint (workload->per_reviewer->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (workload->per_reviewer, double, 0), 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (workload->per_reviewer, double, 1), 5.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (workload->per_reviewer, double, 2), 11.25, 1e-9);

  /* a-1 3, a-2 2, a-3 2 samples; only a-2's are qa-1's to grade. */
  g_assert_cmpfloat_with_epsilon (unassigned->samples, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (unassigned->unassigned, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (unassigned->per_reviewer, double, 0), 2, 1e-9);
}

static void
test_week_start (void)
{
  g_assert_cmpint (pulse_review_draw_week_start (at ("2026-12-01T13:00:00Z")), ==,
                   at ("2026-11-30T00:00:00Z"));
  g_assert_cmpint (pulse_review_draw_week_start (at ("2026-11-30T00:00:00Z")), ==,
                   at ("2026-11-30T00:00:00Z"));
  g_assert_cmpint (pulse_review_draw_week_start (at ("2026-11-29T23:59:59Z")), ==,
                   at ("2026-11-23T00:00:00Z"));
}

/* Probation counts from hiring to the week's start. */
static void
test_newcomer (void)
{
  g_autoptr(PulseSamplingPolicy) policy =
    make_policy ("{\"version\":1,\"probation_days\":90}");

  g_assert_true (pulse_sampling_policy_is_newcomer (policy, at ("2026-09-01T00:00:00Z"),
                                                    at (WEEK)));
  g_assert_false (pulse_sampling_policy_is_newcomer (policy, at ("2026-08-25T00:00:00Z"),
                                                     at (WEEK)));
  g_assert_false (pulse_sampling_policy_is_newcomer (policy, 0, at (WEEK)));
}

/* The wire form of a drawn sample is a pending review the codec takes. */
static void
test_to_review (void)
{
  g_autoptr(PulseSamplingPolicy) policy = make_policy (three_reviewers);
  g_autoptr(Candidates) c = candidates_new ();
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PulseReviewSample) review = NULL;
  g_autoptr(GError) error = NULL;

  add_agent (c, "a-1", "team-a", FALSE, 1, NULL);
  samples = draw (policy, c, 1, WEEK);
  node = pulse_drawn_sample_to_review (samples->pdata[0], "sc-1", 4, at (WEEK));
  review = pulse_review_sample_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pulse_review_sample_get_ticket_id (review), ==, "t-a-1-00");
  g_assert_cmpstr (pulse_review_sample_get_reviewer_id (review), ==, "qa-2");
  g_assert_cmpint (pulse_review_sample_get_scorecard_version (review), ==, 4);
  g_assert_cmpint (pulse_review_sample_get_status (review), ==, PULSE_REVIEW_STATUS_PENDING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/core/review-draw/rates", test_rates);
  g_test_add_func ("/pulse/core/review-draw/every-negative", test_every_negative);
  g_test_add_func ("/pulse/core/review-draw/deterministic", test_deterministic);
  g_test_add_func ("/pulse/core/review-draw/no-own-team", test_no_own_team);
  g_test_add_func ("/pulse/core/review-draw/balanced", test_balanced);
  g_test_add_func ("/pulse/core/review-draw/workload", test_workload);
  g_test_add_func ("/pulse/core/review-draw/week-start", test_week_start);
  g_test_add_func ("/pulse/core/review-draw/newcomer", test_newcomer);
  g_test_add_func ("/pulse/core/review-draw/to-review", test_to_review);

  return g_test_run ();
}
