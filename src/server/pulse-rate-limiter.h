/* pulse-rate-limiter.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PulseRateLimiter PulseRateLimiter;

PulseRateLimiter *pulse_rate_limiter_new   (guint              per_minute,
                                            guint              burst);
void              pulse_rate_limiter_free  (PulseRateLimiter  *self);
gboolean          pulse_rate_limiter_take  (PulseRateLimiter  *self,
                                            const char        *key,
                                            gint64             now_usec,
                                            guint             *retry_after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRateLimiter, pulse_rate_limiter_free)

G_END_DECLS
