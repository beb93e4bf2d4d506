/* pulse-sim-random.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-sim-random.h"

static guint64
splitmix (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/**
 * pulse_sim_mix:
 * @a: a value
 * @b: another
 *
 * Returns: a well-mixed 64-bit hash of the pair, the same everywhere.
 */
guint64
pulse_sim_mix (guint64 a,
               guint64 b)
{
  guint64 state = a ^ rotl (b, 29) ^ G_GUINT64_CONSTANT (0x2545f4914f6cdd1d);

  splitmix (&state);
  state ^= b;
  return splitmix (&state);
}

/**
 * pulse_sim_random_init:
 * @self: the generator
 * @seed: the run's seed
 * @key1: what the stream is for (an hour, an agent …)
 * @key2: a second key
 * @key3: a third key
 *
 * Seeds @self with the stream named by @seed and the keys: equal
 * arguments give equal streams, on any machine.
 */
void
pulse_sim_random_init (PulseSimRandom *self,
                       guint64         seed,
                       guint64         key1,
                       guint64         key2,
                       guint64         key3)
{
  guint64 state;

  g_return_if_fail (self != NULL);

  state = pulse_sim_mix (pulse_sim_mix (pulse_sim_mix (seed, key1), key2), key3);
  for (guint i = 0; i < 4; i++)
    self->s[i] = splitmix (&state);
}

/**
 * pulse_sim_random_next:
 *
 * Returns: the next 64 random bits (xoshiro256**).
 */
guint64
pulse_sim_random_next (PulseSimRandom *self)
{
  guint64 *s = self->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/**
 * pulse_sim_random_uniform:
 *
 * Returns: a double uniform in [0, 1), with 53 random bits.
 */
double
pulse_sim_random_uniform (PulseSimRandom *self)
{
  return (double) (pulse_sim_random_next (self) >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * pulse_sim_random_below:
 * @n: the bound, > 0
 *
 * Returns: an integer uniform in [0, @n).
 */
guint
pulse_sim_random_below (PulseSimRandom *self,
                        guint           n)
{
  g_return_val_if_fail (n > 0, 0);

  /* Lemire's multiply-shift: bias below 2⁻³², irrelevant here. */
  return (guint) (((pulse_sim_random_next (self) >> 32) * (guint64) n) >> 32);
}

/**
 * pulse_sim_random_chance:
 * @p: a probability
 *
 * Returns: %TRUE with probability @p.
 */
gboolean
pulse_sim_random_chance (PulseSimRandom *self,
                         double          p)
{
  return pulse_sim_random_uniform (self) < p;
}

/**
 * pulse_sim_random_normal:
 *
 * Returns: a standard normal deviate (Box–Muller, one of the pair).
 */
double
pulse_sim_random_normal (PulseSimRandom *self)
{
  double u1 = 1.0 - pulse_sim_random_uniform (self);
  double u2 = pulse_sim_random_uniform (self);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/**
 * pulse_sim_random_lognormal:
 * @median: the distribution's median, e^μ
 * @sigma: σ of the underlying normal
 *
 * Handle and response times are right-skewed with a long tail; a
 * log-normal is the usual fit for them.
 *
 * Returns: a log-normal deviate.
 */
double
pulse_sim_random_lognormal (PulseSimRandom *self,
                            double          median,
                            double          sigma)
{
  return median * exp (sigma * pulse_sim_random_normal (self));
}

/**
 * pulse_sim_random_exponential:
 * @mean: the mean
 *
 * Returns: an exponential deviate.
 */
double
pulse_sim_random_exponential (PulseSimRandom *self,
                              double          mean)
{
  return -mean * log (1.0 - pulse_sim_random_uniform (self));
}

/**
 * pulse_sim_random_poisson:
 * @lambda: the mean, ≥ 0
 *
 * Inversion by sequential search below 500; a rounded normal above,
 * where the two differ by far less than the model's own error.
 *
 * Returns: a Poisson deviate.
 */
guint
pulse_sim_random_poisson (PulseSimRandom *self,
                          double          lambda)
{
  double u, p, cdf;
  guint k = 0;

  if (lambda <= 0)
    return 0;

  if (lambda > 500)
    return (guint) MAX (0.0, floor (lambda + sqrt (lambda) * pulse_sim_random_normal (self) + 0.5));

  u = pulse_sim_random_uniform (self);
  p = exp (-lambda);
  cdf = p;
  while (u > cdf && k < 10000)
    {
      k++;
      p *= lambda / k;
      cdf += p;
    }

  return k;
}

/**
 * pulse_sim_random_pick:
 * @weights: (array length=n): non-negative weights, not all 0
 * @n: how many
 *
 * Returns: an index drawn with probability proportional to its weight.
 */
guint
pulse_sim_random_pick (PulseSimRandom *self,
                       const double   *weights,
                       guint           n)
{
  double total = 0;
  double x;
  guint last = 0;

  g_return_val_if_fail (n > 0, 0);

  for (guint i = 0; i < n; i++)
    total += weights[i];
  if (total <= 0)
    return 0;

  x = pulse_sim_random_uniform (self) * total;
  for (guint i = 0; i < n; i++)
    {
      if (weights[i] > 0)
        last = i;
      if (x < weights[i])
        return i;
      x -= weights[i];
    }

  /* Rounding left x at the top: the last index that can be drawn. */
  return last;
}
