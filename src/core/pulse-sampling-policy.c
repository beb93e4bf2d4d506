/* pulse-sampling-policy.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-json-list.h"
#include "pulse-json.h"
#include "pulse-sampling-policy.h"
#include "pulse-time-utils.h"

/**
 * PulseSamplingPolicy:
 *
 * How QA samples are drawn each week (pulse_review_draw()): @per_agent
 * replies of each agent at random, @per_newcomer for agents still on
 * probation (hired less than @probation_days before the week), every
 * contact rated @negative_max or lower on CSAT, and a @calibration_share
 * of the samples graded by two reviewers. With @avoid_own_team no
 * reviewer grades an agent of their own team.
 *
 * Wire form: `{"version","scorecard_id"?,"per_agent","per_newcomer",
 * "probation_days","negative_max","calibration_share","avoid_own_team",
 * "reviewers"}`, reviewers being `[{"id","team_id"?}]` with distinct ids.
 * Every member but version may be left out and takes its default:
 * 3 per agent, 8 per newcomer, 90 days, ratings 1–2, 10 %, true, none.
 */
struct _PulseSamplingPolicy
{
  GObject    parent_instance;

  gint64     version;
  char      *scorecard_id;
  guint      per_agent;
  guint      per_newcomer;
  guint      probation_days;
  int        negative_max;
  double     calibration_share;
  gboolean   avoid_own_team;
  GPtrArray *reviewers;
};

G_DEFINE_FINAL_TYPE (PulseSamplingPolicy, pulse_sampling_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_PER_AGENT 100
#define MAX_REVIEWERS 200

static void
reviewer_free (PulseSamplingReviewer *reviewer)
{
  g_free (reviewer->id);
  g_free (reviewer->team_id);
  g_free (reviewer);
}

static PulseSamplingReviewer *
reviewer_new_from_json (JsonNode  *node,
                        GError   **error)
{
  PulseJsonReader reader;
  g_autofree char *id = NULL;
  g_autofree char *team_id = NULL;
  PulseSamplingReviewer *reviewer;

  if (!pulse_json_reader_init (&reader, node, "a reviewer", error))
    return NULL;

  id = pulse_json_reader_dup_string (&reader, "id", PULSE_JSON_REQUIRED, PULSE_JSON_MAX_ID);
  team_id = pulse_json_reader_dup_string (&reader, "team_id", PULSE_JSON_OPTIONAL,
                                          PULSE_JSON_MAX_ID);
  if (!pulse_json_reader_finish (&reader, error))
    return NULL;

  reviewer = g_new0 (PulseSamplingReviewer, 1);
  reviewer->id = g_steal_pointer (&id);
  reviewer->team_id = g_steal_pointer (&team_id);
  return reviewer;
}

static JsonNode *
reviewer_to_json (const PulseSamplingReviewer *reviewer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  pulse_json_add_string (builder, "id", reviewer->id);
  pulse_json_add_string (builder, "team_id", reviewer->team_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
check_reviewers (PulseSamplingPolicy *self,
                 PulseJsonReader     *reader)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->reviewers->len > MAX_REVIEWERS)
    {
      pulse_json_reader_fail (reader, "reviewers", "at most %u reviewers", MAX_REVIEWERS);
      return;
    }

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      PulseSamplingReviewer *reviewer = g_ptr_array_index (self->reviewers, i);

      if (!g_hash_table_add (seen, reviewer->id))
        {
          g_autofree char *path = g_strdup_printf ("reviewers[%u].id", i);

          pulse_json_reader_fail (reader, path, "duplicate “%s”", reviewer->id);
          return;
        }
    }
}

static void
read_fields (PulseSamplingPolicy *self,
             PulseJsonReader     *reader)
{
  GPtrArray *reviewers;

  self->version = pulse_json_reader_get_int (reader, "version", PULSE_JSON_REQUIRED,
                                             0, G_MAXINT64, 0);
  self->scorecard_id = pulse_json_reader_dup_string (reader, "scorecard_id", PULSE_JSON_OPTIONAL,
                                                     PULSE_JSON_MAX_ID);
  self->per_agent = pulse_json_reader_get_int (reader, "per_agent", PULSE_JSON_OPTIONAL,
                                               0, MAX_PER_AGENT, self->per_agent);
  self->per_newcomer = pulse_json_reader_get_int (reader, "per_newcomer", PULSE_JSON_OPTIONAL,
                                                  0, MAX_PER_AGENT, self->per_newcomer);
  self->probation_days = pulse_json_reader_get_int (reader, "probation_days",
                                                    PULSE_JSON_OPTIONAL, 0, 366,
                                                    self->probation_days);
  self->negative_max = pulse_json_reader_get_int (reader, "negative_max", PULSE_JSON_OPTIONAL,
                                                  0, 4, self->negative_max);
  self->calibration_share = pulse_json_reader_get_double (reader, "calibration_share",
                                                          PULSE_JSON_OPTIONAL, 0, 1,
                                                          self->calibration_share);
  self->avoid_own_team = pulse_json_reader_get_boolean (reader, "avoid_own_team",
                                                        PULSE_JSON_OPTIONAL,
                                                        self->avoid_own_team);
  reviewers = pulse_json_list_read (reader, "reviewers", PULSE_JSON_OPTIONAL,
                                    PULSE_JSON_LIST_DECODE (reviewer_new_from_json),
                                    (GDestroyNotify) reviewer_free);
  if (reviewers != NULL)
    {
      g_ptr_array_unref (self->reviewers);
      self->reviewers = reviewers;
    }
  check_reviewers (self, reader);
}

static void
pulse_sampling_policy_finalize (GObject *object)
{
  PulseSamplingPolicy *self = (PulseSamplingPolicy *)object;

  g_clear_pointer (&self->scorecard_id, g_free);
  g_clear_pointer (&self->reviewers, g_ptr_array_unref);

  G_OBJECT_CLASS (pulse_sampling_policy_parent_class)->finalize (object);
}

static void
pulse_sampling_policy_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PulseSamplingPolicy *self = PULSE_SAMPLING_POLICY (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_sampling_policy_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PulseSamplingPolicy *self = PULSE_SAMPLING_POLICY (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      pulse_sampling_policy_set_version (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pulse_sampling_policy_class_init (PulseSamplingPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pulse_sampling_policy_finalize;
  object_class->get_property = pulse_sampling_policy_get_property;
  object_class->set_property = pulse_sampling_policy_set_property;

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pulse_sampling_policy_init (PulseSamplingPolicy *self)
{
  self->per_agent = 3;
  self->per_newcomer = 8;
  self->probation_days = 90;
  self->negative_max = 2;
  self->calibration_share = 0.1;
  self->avoid_own_team = TRUE;
  self->reviewers = g_ptr_array_new_with_free_func ((GDestroyNotify) reviewer_free);
}

/**
 * pulse_sampling_policy_new:
 *
 * Returns: (transfer full): the default policy at version 0, with no
 *   reviewers.
 */
PulseSamplingPolicy *
pulse_sampling_policy_new (void)
{
  return g_object_new (PULSE_TYPE_SAMPLING_POLICY, NULL);
}

/**
 * pulse_sampling_policy_new_from_json:
 * @node: the wire form of a policy
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming
 *   the field at fault (`reviewers[1].id: duplicate “qa-1”`)
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL on error.
 */
PulseSamplingPolicy *
pulse_sampling_policy_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  return pulse_json_decode_object (node, PULSE_TYPE_SAMPLING_POLICY, "a sampling policy",
                                   (PulseJsonFieldsFunc) read_fields, error);
}

/**
 * pulse_sampling_policy_to_json:
 *
 * Returns: (transfer full): the wire form of @self, every member written.
 */
JsonNode *
pulse_sampling_policy_to_json (PulseSamplingPolicy *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), NULL);

  json_builder_begin_object (builder);
  pulse_json_add_int (builder, "version", self->version);
  pulse_json_add_string (builder, "scorecard_id", self->scorecard_id);
  pulse_json_add_int (builder, "per_agent", self->per_agent);
  pulse_json_add_int (builder, "per_newcomer", self->per_newcomer);
  pulse_json_add_int (builder, "probation_days", self->probation_days);
  pulse_json_add_int (builder, "negative_max", self->negative_max);
  pulse_json_add_double (builder, "calibration_share", self->calibration_share);
  pulse_json_add_boolean (builder, "avoid_own_team", self->avoid_own_team);
  pulse_json_list_write (builder, "reviewers", self->reviewers,
                         PULSE_JSON_LIST_ENCODE (reviewer_to_json));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gint64
pulse_sampling_policy_get_version (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->version;
}

void
pulse_sampling_policy_set_version (PulseSamplingPolicy *self,
                                   gint64               version)
{
  g_return_if_fail (PULSE_IS_SAMPLING_POLICY (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * pulse_sampling_policy_get_scorecard_id:
 *
 * Returns: (nullable): the scorecard samples are drawn on; %NULL lets the
 *   server take its only (or first) scorecard.
 */
const char *
pulse_sampling_policy_get_scorecard_id (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), NULL);

  return self->scorecard_id;
}

guint
pulse_sampling_policy_get_per_agent (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->per_agent;
}

guint
pulse_sampling_policy_get_per_newcomer (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->per_newcomer;
}

guint
pulse_sampling_policy_get_probation_days (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->probation_days;
}

/**
 * pulse_sampling_policy_get_negative_max:
 *
 * Returns: the highest CSAT rating (1–5) that counts as negative: every
 *   contact rated this or lower is drawn; 0 draws none for it.
 */
int
pulse_sampling_policy_get_negative_max (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->negative_max;
}

double
pulse_sampling_policy_get_calibration_share (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->calibration_share;
}

gboolean
pulse_sampling_policy_get_avoid_own_team (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), FALSE);

  return self->avoid_own_team;
}

guint
pulse_sampling_policy_get_n_reviewers (PulseSamplingPolicy *self)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), 0);

  return self->reviewers->len;
}

const PulseSamplingReviewer *
pulse_sampling_policy_get_reviewer (PulseSamplingPolicy *self,
                                    guint                index)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), NULL);
  g_return_val_if_fail (index < self->reviewers->len, NULL);

  return g_ptr_array_index (self->reviewers, index);
}

/**
 * pulse_sampling_policy_is_newcomer:
 * @hired_at: when the agent was hired, or 0 when unknown (not a newcomer)
 * @week_start: the start of the week sampled
 *
 * Returns: whether an agent hired at @hired_at is still on probation
 *   when the week starts.
 */
gboolean
pulse_sampling_policy_is_newcomer (PulseSamplingPolicy *self,
                                   gint64               hired_at,
                                   gint64               week_start)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), FALSE);

  return hired_at > 0 &&
         week_start - hired_at < (gint64) self->probation_days * PULSE_USEC_PER_DAY;
}

/**
 * pulse_sampling_policy_may_review:
 * @reviewer: one of the policy's reviewers
 * @agent_id: the agent whose reply it is
 * @team_id: (nullable): the agent's team
 *
 * Nobody grades their own reply, and with avoid-own-team nobody grades an
 * agent of their own team.
 *
 * Returns: whether @reviewer may grade that agent's reply.
 */
gboolean
pulse_sampling_policy_may_review (PulseSamplingPolicy         *self,
                                  const PulseSamplingReviewer *reviewer,
                                  const char                  *agent_id,
                                  const char                  *team_id)
{
  g_return_val_if_fail (PULSE_IS_SAMPLING_POLICY (self), FALSE);
  g_return_val_if_fail (reviewer != NULL, FALSE);

  if (g_strcmp0 (reviewer->id, agent_id) == 0)
    return FALSE;

  return !self->avoid_own_team || team_id == NULL || reviewer->team_id == NULL ||
         !g_str_equal (team_id, reviewer->team_id);
}
