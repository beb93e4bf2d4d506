/* pulse-backoff.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pulse-backoff.h"

/* splitmix64 (Steele, Lea and Flood 2014): one 64-bit word of state,
 * every seed valid, and small enough to replay by hand in a test. */
static guint64
next_random (guint64 *state)
{
  guint64 z;

  *state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/**
 * pulse_backoff_init:
 * @base_ms: the ceiling of the first wait, at least 1
 * @cap_ms: the longest wait; raised to @base_ms if lower
 * @seed: the generator's seed; the same seed gives the same waits
 *
 * Starts a sequence at attempt 0.
 */
void
pulse_backoff_init (PulseBackoff *self,
                    guint         base_ms,
                    guint         cap_ms,
                    guint64       seed)
{
  g_return_if_fail (self != NULL);

  self->base_ms = MAX (base_ms, 1);
  self->cap_ms = MAX (cap_ms, self->base_ms);
  self->attempt = 0;
  self->state = seed;
}

/**
 * pulse_backoff_ceiling_ms:
 * @attempt: waits drawn before this one
 *
 * The exponential part: `min (cap, base × 2^attempt)`, without overflow
 * for any @attempt.
 *
 * Returns: the longest wait attempt @attempt may draw.
 */
guint
pulse_backoff_ceiling_ms (guint base_ms,
                          guint cap_ms,
                          guint attempt)
{
  guint64 ceiling = MAX (base_ms, 1);

  cap_ms = MAX (cap_ms, ceiling);
  /* Doubling past the cap stops early: at most 32 steps for a guint. */
  while (attempt-- > 0 && ceiling < cap_ms)
    ceiling *= 2;

  return (guint) MIN (ceiling, (guint64) cap_ms);
}

/**
 * pulse_backoff_next_ms:
 *
 * Draws the next wait with full jitter: uniform over 0 … ceiling, so
 * clients dropped together by one server restart spread out instead of
 * knocking again in step. Counts the attempt.
 *
 * Returns: the wait in milliseconds.
 */
guint
pulse_backoff_next_ms (PulseBackoff *self)
{
  guint ceiling;

  g_return_val_if_fail (self != NULL, 0);

  ceiling = pulse_backoff_ceiling_ms (self->base_ms, self->cap_ms, self->attempt);
  if (self->attempt < G_MAXUINT)
    self->attempt++;

  /* The modulo bias of a 64-bit draw over a 32-bit range is below 2^-32. */
  return (guint) (next_random (&self->state) % ((guint64) ceiling + 1));
}

/**
 * pulse_backoff_reset:
 *
 * Starts over at attempt 0; the generator goes on, so the waits do not
 * repeat.
 */
void
pulse_backoff_reset (PulseBackoff *self)
{
  g_return_if_fail (self != NULL);

  self->attempt = 0;
}

/**
 * pulse_backoff_ended:
 * @up_ms: how long the connection that just ended had been up
 *
 * A connection that stayed up at least as long as the longest wait
 * worked: the next failure is treated as the first. A shorter one (a
 * server that accepts and drops at once) keeps the waits growing.
 *
 * Returns: %TRUE if the sequence started over.
 */
gboolean
pulse_backoff_ended (PulseBackoff *self,
                     gint64        up_ms)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (up_ms < (gint64) self->cap_ms)
    return FALSE;

  self->attempt = 0;
  return TRUE;
}
