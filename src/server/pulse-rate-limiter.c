/* pulse-rate-limiter.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pulse-rate-limiter.h"

/* Buckets untouched this long are full again and can be forgotten. */
#define IDLE_USEC (10 * G_USEC_PER_SEC * 60)

typedef struct
{
  double tokens;
  gint64 updated_at;
} Bucket;

/**
 * PulseRateLimiter:
 *
 * A token bucket per key (the API token's id): @burst requests at once,
 * refilled at @per_minute a minute. One runaway script cannot starve the
 * other consoles of the server.
 */
struct _PulseRateLimiter
{
  double      per_usec;
  double      burst;
  GHashTable *buckets;
  gint64      swept_at;
};

/**
 * pulse_rate_limiter_new:
 * @per_minute: the steady rate allowed; 0 allows everything
 * @burst: the most requests allowed at once
 *
 * Returns: (transfer full): a limiter with every bucket full.
 */
PulseRateLimiter *
pulse_rate_limiter_new (guint per_minute,
                        guint burst)
{
  PulseRateLimiter *self = g_new0 (PulseRateLimiter, 1);

  self->per_usec = per_minute / (60.0 * G_USEC_PER_SEC);
  self->burst = MAX (burst, 1);
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pulse_rate_limiter_free (PulseRateLimiter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->buckets);
  g_free (self);
}

static gboolean
is_idle (gpointer key,
         gpointer value,
         gpointer user_data)
{
  const Bucket *bucket = value;

  return *(gint64 *) user_data - bucket->updated_at > IDLE_USEC;
}

/* Keeps memory bounded by the tokens active in the last minutes. */
static void
sweep (PulseRateLimiter *self,
       gint64            now_usec)
{
  if (now_usec - self->swept_at < IDLE_USEC)
    return;

  g_hash_table_foreach_remove (self->buckets, is_idle, &now_usec);
  self->swept_at = now_usec;
}

/**
 * pulse_rate_limiter_take:
 * @key: who asks
 * @now_usec: a monotonic clock reading
 * @retry_after: (out): when refused, whole seconds until one request is
 *   allowed again
 *
 * Returns: %TRUE if the request may go on.
 */
gboolean
pulse_rate_limiter_take (PulseRateLimiter *self,
                         const char       *key,
                         gint64            now_usec,
                         guint            *retry_after)
{
  Bucket *bucket;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (key != NULL, TRUE);

  if (self->per_usec == 0)
    return TRUE;

  sweep (self, now_usec);
  bucket = g_hash_table_lookup (self->buckets, key);
  if (bucket == NULL)
    {
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = self->burst;
      bucket->updated_at = now_usec;
      g_hash_table_insert (self->buckets, g_strdup (key), bucket);
    }

  bucket->tokens = MIN (self->burst,
                        bucket->tokens + (now_usec - bucket->updated_at) * self->per_usec);
  bucket->updated_at = now_usec;

  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }

  if (retry_after != NULL)
    *retry_after = (guint) ceil ((1.0 - bucket->tokens) / self->per_usec / G_USEC_PER_SEC);
  return FALSE;
}
