/* pulse-erlang-a.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Erlang A (Palm 1943; Garnett, Mandelbaum and Reiman, "Designing a call
 * center with impatient customers", M&SOM 4(3), 2002; Mandelbaum and
 * Zeltyn's Erlang-A notes). With μ = 1/h, θ = 1/patience, x = nμ/θ and
 * y = λ/θ, the stationary law of the birth-death chain gives, with
 * E = B(n, A) and
 *
 *   S(z) = Σ_{j≥0} z^j / ((x+1)(x+2)…(x+j+1)) = e^z z^{−(x+1)} γ(x+1, z),
 *   R = y·S(y)·E,  σ = 1 / (1 + R):
 *
 *   P(wait)    = 1 − (1 − E)·σ
 *   P(abandon) = E·σ + (1 − σ)·(1 − n/A)
 *   SL(t)      = (1 − E)·σ + (n/A)·(1 − σ)·(1 − e^{g(t)}·S(y e^{−θt}) / S(y)),
 *                g(t) = y·(1 − e^{−θt}) − (x + 1)·θt
 *
 * SL(t) is P(answered within t): the offered wait V of an arrival has the
 * density π_n·nμ·exp(−nμv + y(1 − e^{−θv})) on v > 0, and it is answered
 * within t when V ≤ t and its own patience outlasts V, which integrates to
 * the incomplete-gamma difference above. As θ → 0 these tend to Erlang C.
 * S is summed directly where its terms only fall (z < x + 2); otherwise
 * it is e^z z^{−(x+1)} Γ(x+1)·(1 − Q(x+1, z)) in logs, with Q from
 * Lentz's continued fraction, so nothing overflows for 10^6 Erlangs.
 */

#include "config.h"

#include <math.h>

#include "pulse-erlang.h"

#define TINY 1e-300
#define CF_EPSILON 1e-15
#define MAX_TERMS 100000000

/* Q(a, z) = Γ(a, z) / Γ(a), the regularised upper incomplete gamma, by
 * the modified Lentz continued fraction; it converges fast for z ≥ a + 1,
 * the only place it is used. */
static double
upper_gamma_q (double a,
               double z)
{
  double b = z + 1 - a;
  double c = 1 / TINY;
  double d = 1 / b;
  double h = d;

  for (guint i = 1; i < MAX_TERMS; i++)
    {
      double an = -(double) i * (i - a);
      double delta;

      b += 2;
      d = an * d + b;
      if (fabs (d) < TINY)
        d = TINY;
      c = b + an / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1) < CF_EPSILON)
        break;
    }

  return exp (-z + a * log (z) - lgamma (a)) * h;
}

/* log S(z) for the x of the queue (see the top of the file). */
static double
log_s (double x,
       double z)
{
  double term;
  double sum;

  if (z >= x + 2)
    return z - (x + 1) * log (z) + lgamma (x + 1) + log1p (-upper_gamma_q (x + 1, z));

  term = 1 / (x + 1);
  sum = term;
  for (guint j = 1; j < MAX_TERMS; j++)
    {
      term *= z / (x + 1 + j);
      sum += term;
      if (term < sum * 1e-17)
        break;
    }

  return log (sum);
}

/* 1 / (1 + e^{l}) without overflow. */
static double
logistic_complement (double l)
{
  if (l > 0)
    return exp (-l) / (1 + exp (-l));

  return 1 / (1 + exp (l));
}

static void
erlang_a_degenerate (guint         n,
                     double        load,
                     double        patience_s,
                     PulseErlangA *result)
{
  if (load <= 0)
    *result = (PulseErlangA) { .p_wait = 0, .p_abandon = 0, .service_level = 1 };
  else
    *result = (PulseErlangA) { .p_wait = 1, .p_abandon = 1, .service_level = 0,
                               .mean_wait_s = patience_s };
}

/**
 * pulse_erlang_a:
 * @n: agents
 * @load: offered load in Erlangs, 0 or more
 * @handle_s: mean handle time, seconds, above 0
 * @patience_s: customers' mean patience, seconds, above 0; infinity gives
 *   Erlang C
 * @target_s: the service-level target, seconds, 0 or more
 * @result: (out caller-allocates): the figures
 *
 * The M/M/n+M queue by the formulas at the top of this file. Unlike
 * Erlang C it is stable for any load: with @load ≥ @n the impatient
 * leave.
 */
void
pulse_erlang_a (guint         n,
                double        load,
                double        handle_s,
                double        patience_s,
                double        target_s,
                PulseErlangA *result)
{
  double x, y, e, log_sy, log_r, sigma, rest, theta_t, ratio;

  g_return_if_fail (result != NULL);
  g_return_if_fail (load >= 0 && handle_s > 0 && patience_s > 0 && target_s >= 0);

  if (load <= 0 || n == 0)
    {
      erlang_a_degenerate (n, load, patience_s, result);
      return;
    }
  if (isinf (patience_s))
    {
      result->p_wait = pulse_erlang_c (n, load);
      result->p_abandon = 0;
      result->service_level = pulse_erlang_c_service_level (n, load, handle_s, target_s);
      result->mean_wait_s = pulse_erlang_c_asa (n, load, handle_s);
      return;
    }

  x = n * patience_s / handle_s;
  y = load * patience_s / handle_s;
  e = pulse_erlang_b (n, load);
  log_sy = log_s (x, y);
  log_r = e > 0 ? log (y) + log_sy + log (e) : -INFINITY;
  sigma = logistic_complement (log_r);
  rest = logistic_complement (-log_r);

  theta_t = target_s / patience_s;
  ratio = 1;
  if (theta_t > 0)
    ratio = exp (-y * expm1 (-theta_t) - (x + 1) * theta_t
                 + log_s (x, y * exp (-theta_t)) - log_sy);

  result->p_wait = CLAMP (1 - (1 - e) * sigma, 0, 1);
  result->p_abandon = CLAMP (e * sigma + rest * (1 - n / load), 0, 1);
  result->service_level = CLAMP ((1 - e) * sigma + (n / load) * rest * (1 - ratio), 0, 1);
  result->mean_wait_s = result->p_abandon * patience_s;
}
