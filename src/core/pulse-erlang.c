/* pulse-erlang.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staffing maths: Erlang B, Erlang C (M/M/n) and Erlang A (M/M/n+M, with
 * exponential patience). Loads are in Erlangs, A = λ·h (arrival rate times
 * mean handle time); n is the number of agents.
 *
 * No factorials: Erlang B comes from the recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), whose terms stay in [0, 1],
 * and Erlang C from it, C = n·B / (n − A·(1 − B)) for A < n.
 *
 * Erlang A is in pulse-erlang-a.c.
 */

#include "config.h"

#include <math.h>

#include "pulse-erlang.h"
#include "pulse-error.h"

#define MAX_AGENTS (1u << 26)

/**
 * pulse_erlang_b:
 * @n: servers
 * @load: offered load in Erlangs, 0 or more
 *
 * Returns: the Erlang B blocking probability of @n servers.
 */
double
pulse_erlang_b (guint  n,
                double load)
{
  double b = 1.0;

  g_return_val_if_fail (load >= 0, NAN);

  for (guint k = 1; k <= n; k++)
    b = load * b / (k + load * b);

  return b;
}

static double
erlang_c_from_b (guint  n,
                 double load,
                 double b)
{
  if (load <= 0)
    return 0;
  if (load >= n)
    return 1;

  return n * b / (n - load * (1 - b));
}

/**
 * pulse_erlang_c:
 * @n: agents
 * @load: offered load in Erlangs, 0 or more
 *
 * Returns: the probability that a contact waits (Erlang C); 1 when
 *   @load ≥ @n (the queue grows without end), 0 with no load.
 */
double
pulse_erlang_c (guint  n,
                double load)
{
  g_return_val_if_fail (load >= 0, NAN);

  return erlang_c_from_b (n, load, pulse_erlang_b (n, load));
}

static double
service_level_from_c (guint  n,
                      double load,
                      double c,
                      double handle_s,
                      double target_s)
{
  if (load <= 0)
    return 1;
  if (load >= n)
    return 0;

  return 1 - c * exp (-(n - load) * target_s / handle_s);
}

/**
 * pulse_erlang_c_service_level:
 * @n: agents
 * @load: offered load in Erlangs
 * @handle_s: mean handle time, seconds, above 0
 * @target_s: the target, seconds
 *
 * Returns: P(wait ≤ @target_s) = 1 − C·e^{−(n − A)·t/h}; 0 when
 *   @load ≥ @n, 1 with no load.
 */
double
pulse_erlang_c_service_level (guint  n,
                              double load,
                              double handle_s,
                              double target_s)
{
  g_return_val_if_fail (load >= 0 && handle_s > 0 && target_s >= 0, NAN);

  return service_level_from_c (n, load, pulse_erlang_c (n, load), handle_s, target_s);
}

/**
 * pulse_erlang_c_asa:
 * @n: agents
 * @load: offered load in Erlangs
 * @handle_s: mean handle time, seconds, above 0
 *
 * Returns: the average speed of answer C·h / (n − A), in seconds;
 *   infinity when @load ≥ @n, 0 with no load.
 */
double
pulse_erlang_c_asa (guint  n,
                    double load,
                    double handle_s)
{
  g_return_val_if_fail (load >= 0 && handle_s > 0, NAN);

  if (load <= 0)
    return 0;
  if (load >= n)
    return INFINITY;

  return pulse_erlang_c (n, load) * handle_s / (n - load);
}

/**
 * pulse_erlang_occupancy:
 * @n: agents
 * @load: offered load in Erlangs
 *
 * Returns: A / n, at most 1 (agents cannot be busier than always).
 */
double
pulse_erlang_occupancy (guint  n,
                        double load)
{
  g_return_val_if_fail (load >= 0, NAN);

  if (load <= 0)
    return 0;
  if (n == 0)
    return 1;

  return MIN (1.0, load / n);
}

/**
 * pulse_erlang_scheduled_agents:
 * @required: agents needed on the line
 * @shrinkage: the share of paid time off the line, 0 or more and below 1
 *
 * Returns: ⌈required / (1 − shrinkage)⌉; a quotient within a billionth
 *   above a whole number is that number (14 / 0.7 is 20.000000000000004
 *   in binary floating point, and 20 agents are enough).
 */
guint
pulse_erlang_scheduled_agents (guint  required,
                               double shrinkage)
{
  double quotient;

  g_return_val_if_fail (shrinkage >= 0 && shrinkage < 1, required);

  if (required == 0)
    return 0;

  quotient = required / (1 - shrinkage);
  return (guint) MIN (ceil (quotient - quotient * 1e-9), (double) G_MAXUINT);
}

static gboolean
check_field (gboolean     ok,
             const char  *field,
             const char  *rule,
             GError     **error)
{
  if (!ok)
    g_set_error (error, PULSE_ERROR, PULSE_ERROR_INVALID_DATA, "%s: %s", field, rule);

  return ok;
}

static gboolean
check_request (const PulseErlangRequest  *r,
               GError                   **error)
{
  return check_field (isfinite (r->arrivals) && r->arrivals >= 0, "arrivals",
                      "must be a number, 0 or more", error)
         && check_field (isfinite (r->interval_s) && r->interval_s > 0, "interval_s",
                         "must be above 0", error)
         && check_field (isfinite (r->handle_s) && r->handle_s > 0, "handle_s",
                         "must be above 0", error)
         && check_field (isfinite (r->target_s) && r->target_s >= 0, "target_s",
                         "must be a number, 0 or more", error)
         && check_field (r->goal > 0 && r->goal < 1, "goal",
                         "must be above 0 and below 1", error)
         && check_field (r->shrinkage >= 0 && r->shrinkage < 1, "shrinkage",
                         "must be 0 or more and below 1", error)
         && check_field (r->patience_s >= 0 && !isnan (r->patience_s), "patience_s",
                         "must be 0 (unknown) or more", error)
         && check_field (r->arrivals / r->interval_s * r->handle_s <= PULSE_ERLANG_MAX_LOAD,
                         "arrivals", "make a load above 10^6 Erlangs", error);
}

/* Erlang C: the first n above the load that meets the goal, stepping the
 * Erlang B recursion once per n. */
static guint
required_erlang_c (const PulseErlangRequest *r,
                   double                    load)
{
  guint n = (guint) floor (load) + 1;
  double b = pulse_erlang_b (n, load);

  while (n < MAX_AGENTS)
    {
      double c = erlang_c_from_b (n, load, b);

      if (service_level_from_c (n, load, c, r->handle_s, r->target_s) >= r->goal)
        return n;
      n++;
      b = load * b / (n + load * b);
    }

  return MAX_AGENTS;
}

static double
erlang_a_level (const PulseErlangRequest *r,
                double                    load,
                guint                     n)
{
  PulseErlangA a;

  pulse_erlang_a (n, load, r->handle_s, r->patience_s, r->target_s, &a);
  return a.service_level;
}

/* Erlang A: SL grows with n but may need fewer agents than the load (the
 * impatient leave) or more than Erlang C (they leave unanswered), so
 * bracket by doubling, then bisect. */
static guint
required_erlang_a (const PulseErlangRequest *r,
                   double                    load)
{
  guint lo = 0;
  guint hi = MAX (1, (guint) ceil (load));

  while (hi < MAX_AGENTS && erlang_a_level (r, load, hi) < r->goal)
    {
      lo = hi;
      hi *= 2;
    }

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (erlang_a_level (r, load, mid) >= r->goal)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

static void
describe (const PulseErlangRequest *r,
          double                    load,
          guint                     slots,
          PulseErlangStaffing      *s)
{
  if (r->patience_s > 0)
    {
      PulseErlangA a;

      pulse_erlang_a (slots, load, r->handle_s, r->patience_s, r->target_s, &a);
      s->service_level = a.service_level;
      s->p_wait = a.p_wait;
      s->p_abandon = a.p_abandon;
      s->mean_wait_s = a.mean_wait_s;
      s->occupancy = pulse_erlang_occupancy (slots, load * (1 - a.p_abandon));
      return;
    }

  s->p_wait = pulse_erlang_c (slots, load);
  s->service_level = service_level_from_c (slots, load, s->p_wait, r->handle_s, r->target_s);
  s->p_abandon = 0;
  s->mean_wait_s = pulse_erlang_c_asa (slots, load, r->handle_s);
  s->occupancy = pulse_erlang_occupancy (slots, load);
}

/**
 * pulse_erlang_required_agents:
 * @request: the interval's forecast and goal
 * @staffing: (out caller-allocates): the answer
 * @error: return location for a %PULSE_ERROR_INVALID_DATA error naming the
 *   field of @request at fault
 *
 * The fewest agents whose service level meets the goal: Erlang C, or
 * Erlang A when the patience is known. No arrivals need no one.
 *
 * Chat concurrency is approximated by slots: an agent working C chats at
 * once counts as C servers of M/M/(n·C), each at the per-chat handle time
 * (which, measured under concurrency, already holds the slowdown), and
 * the agents are ⌈slots / C⌉. This ignores that one agent's chats are not
 * independent, so it is optimistic when C is large.
 *
 * Returns: %TRUE on success; on error @staffing is untouched.
 */
gboolean
pulse_erlang_required_agents (const PulseErlangRequest  *request,
                              PulseErlangStaffing       *staffing,
                              GError                   **error)
{
  guint concurrency;
  guint slots;
  double load;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (staffing != NULL, FALSE);

  if (!check_request (request, error))
    return FALSE;

  concurrency = MAX (request->concurrency, 1);
  load = request->arrivals / request->interval_s * request->handle_s;
  *staffing = (PulseErlangStaffing) { .load = load, .service_level = 1 };
  if (load <= 0)
    return TRUE;

  slots = request->patience_s > 0 ? required_erlang_a (request, load)
                                  : required_erlang_c (request, load);
  staffing->required = (slots + concurrency - 1) / concurrency;
  staffing->scheduled = pulse_erlang_scheduled_agents (staffing->required, request->shrinkage);
  describe (request, load, staffing->required * concurrency, staffing);
  return TRUE;
}
