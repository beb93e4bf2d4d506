/* pulse-sim-random.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's own pseudo-random numbers: xoshiro256** seeded through
 * SplitMix64, so a seed gives the same stream on every machine and GLib
 * version (GRand's algorithm is not a promise). Streams are keyed: the
 * contacts of one hour and queue come from their own stream, so any
 * period can be generated on its own and comes out the same.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} PulseSimRandom;

guint64  pulse_sim_mix                  (guint64         a,
                                         guint64         b);
void     pulse_sim_random_init          (PulseSimRandom *self,
                                         guint64         seed,
                                         guint64         key1,
                                         guint64         key2,
                                         guint64         key3);
guint64  pulse_sim_random_next          (PulseSimRandom *self);
double   pulse_sim_random_uniform       (PulseSimRandom *self);
guint    pulse_sim_random_below         (PulseSimRandom *self,
                                         guint           n);
gboolean pulse_sim_random_chance        (PulseSimRandom *self,
                                         double          p);
double   pulse_sim_random_normal        (PulseSimRandom *self);
double   pulse_sim_random_lognormal     (PulseSimRandom *self,
                                         double          median,
                                         double          sigma);
double   pulse_sim_random_exponential   (PulseSimRandom *self,
                                         double          mean);
guint    pulse_sim_random_poisson       (PulseSimRandom *self,
                                         double          lambda);
guint    pulse_sim_random_pick          (PulseSimRandom *self,
                                         const double   *weights,
                                         guint           n);

G_END_DECLS
