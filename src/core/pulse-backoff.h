/* pulse-backoff.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reconnect delays: exponential growth with full jitter, capped, and a
 * reset once a connection has proved itself. Pure and seeded, so a test
 * replays the exact sequence a seed gives; the event stream draws its
 * waits from it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PulseBackoff:
 * @base_ms: the ceiling of the first wait
 * @cap_ms: no wait is longer; also how long a connection must stay up
 *   for the sequence to start over
 * @attempt: waits drawn since the last reset
 * @state: the generator's state (splitmix64)
 *
 * A plain struct: initialise it with pulse_backoff_init().
 */
typedef struct
{
  guint   base_ms;
  guint   cap_ms;
  guint   attempt;
  guint64 state;
} PulseBackoff;

void     pulse_backoff_init       (PulseBackoff *self,
                                   guint         base_ms,
                                   guint         cap_ms,
                                   guint64       seed);
guint    pulse_backoff_ceiling_ms (guint         base_ms,
                                   guint         cap_ms,
                                   guint         attempt);
guint    pulse_backoff_next_ms    (PulseBackoff *self);
void     pulse_backoff_reset      (PulseBackoff *self);
gboolean pulse_backoff_ended      (PulseBackoff *self,
                                   gint64        up_ms);

G_END_DECLS
