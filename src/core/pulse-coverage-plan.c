/* pulse-coverage-plan.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pulse-agent.h"
#include "pulse-coverage-plan.h"
#include "pulse-erlang.h"
#include "pulse-forecast-interval.h"
#include "pulse-queue.h"

#define INTERVAL_S (PULSE_FORECAST_INTERVAL_USEC / (double) G_USEC_PER_SEC)
#define MIN_HANDLE_S 1.0

/**
 * pulse_coverage_channel_concurrency:
 * @channel: a channel kind
 *
 * Messaging channels let an agent keep two conversations going, since the
 * customer types between replies; phone and e-mail take one at a time.
 *
 * Returns: the contacts one agent works at once on @channel.
 */
guint
pulse_coverage_channel_concurrency (PulseChannelKind channel)
{
  switch (channel)
    {
    case PULSE_CHANNEL_KIND_CHAT:
    case PULSE_CHANNEL_KIND_TELEGRAM:
    case PULSE_CHANNEL_KIND_VIBER:
    case PULSE_CHANNEL_KIND_WHATSAPP:
    case PULSE_CHANNEL_KIND_SOCIAL:
    case PULSE_CHANNEL_KIND_IN_APP:
      return 2;
    case PULSE_CHANNEL_KIND_EMAIL:
    case PULSE_CHANNEL_KIND_PHONE:
    default:
      return 1;
    }
}

/**
 * pulse_coverage_channel_handle_seconds:
 * @channel: a channel kind
 *
 * The handle time assumed for a queue whose history has none: a phone
 * call of 5 minutes, an e-mail answered in 8, a written conversation of
 * 10 (it runs beside another, so it lasts longer than a call).
 *
 * Returns: seconds, above 0.
 */
double
pulse_coverage_channel_handle_seconds (PulseChannelKind channel)
{
  switch (channel)
    {
    case PULSE_CHANNEL_KIND_PHONE:
      return 300;
    case PULSE_CHANNEL_KIND_EMAIL:
      return 480;
    case PULSE_CHANNEL_KIND_CHAT:
    case PULSE_CHANNEL_KIND_TELEGRAM:
    case PULSE_CHANNEL_KIND_VIBER:
    case PULSE_CHANNEL_KIND_WHATSAPP:
    case PULSE_CHANNEL_KIND_SOCIAL:
    case PULSE_CHANNEL_KIND_IN_APP:
    default:
      return 600;
    }
}

/**
 * pulse_coverage_model_to_string:
 * @model: a staffing model
 *
 * Returns: its wire name: "erlang-c", "erlang-a" or "workload".
 */
const char *
pulse_coverage_model_to_string (PulseCoverageModel model)
{
  switch (model)
    {
    case PULSE_COVERAGE_MODEL_ERLANG_A:
      return "erlang-a";
    case PULSE_COVERAGE_MODEL_WORKLOAD:
      return "workload";
    case PULSE_COVERAGE_MODEL_ERLANG_C:
    default:
      return "erlang-c";
    }
}

/**
 * pulse_coverage_plan_init:
 * @plan: (out caller-allocates): the plan
 * @queue: the queue
 * @shrinkage: the share of scheduled time off the line, 0 or more, below 1
 * @goal: the service-level goal to plan for, above 0 and below 1, or 0
 *   for the queue's own (at most %PULSE_COVERAGE_MAX_GOAL)
 *
 * E-mail, and any queue whose target is %PULSE_COVERAGE_BACKLOG_TARGET_S
 * or longer, is a backlog: a contact may wait into a later interval, so
 * the steady state Erlang assumes within one interval does not hold, and
 * the plan covers the work instead. Otherwise Erlang A when the queue
 * knows its customers' patience, else Erlang C.
 */
void
pulse_coverage_plan_init (PulseCoveragePlan *plan,
                          PulseQueue        *queue,
                          double             shrinkage,
                          double             goal)
{
  PulseChannelKind channel;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (PULSE_IS_QUEUE (queue));
  g_return_if_fail (shrinkage >= 0 && shrinkage < 1);
  g_return_if_fail (goal >= 0 && goal < 1);

  channel = pulse_queue_get_channel (queue);
  *plan = (PulseCoveragePlan) {
    .target_s = pulse_queue_get_sl_target_seconds (queue),
    .goal = goal > 0 ? goal : MIN (pulse_queue_get_sl_goal (queue), PULSE_COVERAGE_MAX_GOAL),
    .shrinkage = shrinkage,
    .concurrency = pulse_coverage_channel_concurrency (channel),
    .patience_s = pulse_queue_get_patience_seconds (queue),
    .default_handle_s = pulse_coverage_channel_handle_seconds (channel),
  };

  if (channel == PULSE_CHANNEL_KIND_EMAIL || plan->target_s >= PULSE_COVERAGE_BACKLOG_TARGET_S)
    plan->model = PULSE_COVERAGE_MODEL_WORKLOAD;
  else if (plan->patience_s > 0)
    plan->model = PULSE_COVERAGE_MODEL_ERLANG_A;
  else
    plan->model = PULSE_COVERAGE_MODEL_ERLANG_C;
}

/* ⌈load / (occupancy × concurrency)⌉, forgiving the last bit of binary
 * rounding as pulse_erlang_scheduled_agents() does. */
static double
workload_agents (const PulseCoveragePlan *plan,
                 double                   load)
{
  double quotient = load / (PULSE_COVERAGE_OCCUPANCY_TARGET * plan->concurrency);

  return ceil (quotient - quotient * 1e-9);
}

static double
erlang_agents (const PulseCoveragePlan *plan,
               double                   arrivals,
               double                   handle_s)
{
  PulseErlangRequest request = {
    .arrivals = arrivals,
    .interval_s = INTERVAL_S,
    .handle_s = handle_s,
    .target_s = plan->target_s,
    .goal = plan->goal,
    .shrinkage = plan->shrinkage,
    .concurrency = plan->concurrency,
    .patience_s = plan->model == PULSE_COVERAGE_MODEL_ERLANG_A ? plan->patience_s : 0,
  };
  PulseErlangStaffing staffing;
  g_autoptr(GError) error = NULL;

  if (!pulse_erlang_required_agents (&request, &staffing, &error))
    {
      /* The plan and the clamps keep every field valid; only a load past
       * PULSE_ERLANG_MAX_LOAD lands here, far beyond what can be staffed. */
      return INFINITY;
    }

  return staffing.required;
}

/**
 * pulse_coverage_plan_staff:
 * @plan: the queue's plan
 * @arrivals: contacts forecast in the interval, 0 or more
 * @handle_s: their mean handle time in seconds, or a negative number when
 *   unknown (then the plan's default)
 * @staffing: (out caller-allocates): what the interval needs
 *
 * The handle time is kept within 1 s…24 h, the bounds of a forecast
 * interval, and the agents within %PULSE_FORECAST_INTERVAL_MAX_AGENTS.
 */
void
pulse_coverage_plan_staff (const PulseCoveragePlan *plan,
                           double                   arrivals,
                           double                   handle_s,
                           PulseCoverageStaffing   *staffing)
{
  double required;
  double load;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (staffing != NULL);
  g_return_if_fail (arrivals >= 0 && isfinite (arrivals));

  *staffing = (PulseCoverageStaffing) { .handle_s = handle_s };
  if (!(handle_s >= 0))
    staffing->handle_s = plan->default_handle_s;
  if (staffing->handle_s < MIN_HANDLE_S
      || staffing->handle_s > PULSE_FORECAST_INTERVAL_MAX_HANDLE_SECONDS)
    {
      staffing->handle_s = CLAMP (staffing->handle_s, MIN_HANDLE_S,
                                  PULSE_FORECAST_INTERVAL_MAX_HANDLE_SECONDS);
      staffing->handle_clamped = TRUE;
    }

  load = arrivals * staffing->handle_s / INTERVAL_S;
  if (plan->model == PULSE_COVERAGE_MODEL_WORKLOAD)
    required = workload_agents (plan, load);
  else
    required = erlang_agents (plan, arrivals, staffing->handle_s);

  if (required > PULSE_FORECAST_INTERVAL_MAX_AGENTS)
    {
      required = PULSE_FORECAST_INTERVAL_MAX_AGENTS;
      staffing->capped = TRUE;
    }
  staffing->required = (guint) required;
  staffing->required_with_shrinkage = pulse_erlang_scheduled_agents (staffing->required,
                                                                     plan->shrinkage);
  if (staffing->required_with_shrinkage > PULSE_FORECAST_INTERVAL_MAX_AGENTS)
    {
      staffing->required_with_shrinkage = PULSE_FORECAST_INTERVAL_MAX_AGENTS;
      staffing->capped = TRUE;
    }
}

/**
 * pulse_coverage_language_matches:
 * @spoken: a language an agent answers in ("pt")
 * @wanted: a queue's language ("pt-br")
 *
 * Tags match when equal, or when one is the other followed by a subtag:
 * an agent who speaks "pt" serves a "pt-br" queue and one who speaks
 * "pt-br" a "pt" queue, but "pt-pt" does not serve "pt-br".
 *
 * Returns: %TRUE if an agent speaking @spoken can answer in @wanted.
 */
gboolean
pulse_coverage_language_matches (const char *spoken,
                                 const char *wanted)
{
  gsize a, b;

  g_return_val_if_fail (spoken != NULL && wanted != NULL, FALSE);

  a = strlen (spoken);
  b = strlen (wanted);
  if (a == b)
    return strcmp (spoken, wanted) == 0;
  if (a < b)
    return strncmp (spoken, wanted, a) == 0 && wanted[a] == '-';

  return strncmp (spoken, wanted, b) == 0 && spoken[b] == '-';
}

/**
 * pulse_coverage_agent_serves:
 * @agent: an agent
 * @queue: a queue
 *
 * An agent counts for a queue when open for its channel, speaking its
 * language, and in its team if the queue has one. An agent with no
 * languages listed serves no queue: coverage must not count people for
 * customers they cannot answer.
 *
 * Returns: %TRUE if @agent may take @queue's contacts.
 */
gboolean
pulse_coverage_agent_serves (PulseAgent *agent,
                             PulseQueue *queue)
{
  const char * const *languages;
  const char *team_id;

  g_return_val_if_fail (PULSE_IS_AGENT (agent), FALSE);
  g_return_val_if_fail (PULSE_IS_QUEUE (queue), FALSE);

  team_id = pulse_queue_get_team_id (queue);
  if (!pulse_agent_has_channel (agent, pulse_queue_get_channel (queue))
      || (team_id != NULL && g_strcmp0 (team_id, pulse_agent_get_team_id (agent)) != 0)
      || pulse_queue_get_language (queue) == NULL)
    return FALSE;

  languages = pulse_agent_get_languages (agent);
  for (guint i = 0; languages[i] != NULL; i++)
    if (pulse_coverage_language_matches (languages[i], pulse_queue_get_language (queue)))
      return TRUE;

  return FALSE;
}
