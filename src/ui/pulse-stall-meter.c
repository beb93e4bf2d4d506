/* pulse-stall-meter.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the main loop was held at a time, for bench-sync's start of
 * the app (PULSE_BENCH_FIRST_FRAME, docs/performance.md): a timeout of
 * the highest priority asks to run every PERIOD_MS; it runs late by as
 * long as whatever was being dispatched held the loop (a frame's layout,
 * a model's reset, an idle that did not yield). Each lateness over
 * PERIOD_MS is kept.
 */

#include "config.h"

#include "pulse-stall-meter.h"

#include <time.h>

#define PERIOD_MS 2

struct _PulseStallMeter
{
  guint   source_id;
  gint64  last;
  gint64  last_cpu;
  GArray *stalls;   /* PulseStall, one per late run */
  gint64  longest;
  gint64  longest_at;
};

/* The main thread's CPU time: a hold it spent mostly off the CPU was
 * another thread's or process's doing, not the work dispatched. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  PulseStallMeter *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 late = now - self->last - PERIOD_MS * 1000;

  if (late > PERIOD_MS * 1000)
    {
      PulseStall stall = { .began = self->last + PERIOD_MS * 1000, .us = late,
                           .cpu_us = cpu - self->last_cpu };

      g_array_append_val (self->stalls, stall);
      if (late > self->longest)
        {
          self->longest = late;
          self->longest_at = self->last;
        }
    }
  self->last = now;
  self->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

PulseStallMeter *
pulse_stall_meter_new (void)
{
  PulseStallMeter *self = g_new0 (PulseStallMeter, 1);

  self->stalls = g_array_new (FALSE, FALSE, sizeof (PulseStall));
  self->last = g_get_monotonic_time ();
  self->last_cpu = thread_cpu_us ();
  self->source_id = g_timeout_add_full (G_PRIORITY_HIGH, PERIOD_MS, on_tick_cb, self, NULL);
  return self;
}

void
pulse_stall_meter_free (PulseStallMeter *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_array_unref (self->stalls);
  g_free (self);
}

/**
 * pulse_stall_meter_longest_us:
 * @at: (out) (optional): when it began, monotonic µs
 *
 * Returns: the longest the loop was held at a time, µs (0 if never
 *   longer than the period)
 */
gint64
pulse_stall_meter_longest_us (PulseStallMeter *self,
                              gint64          *at)
{
  if (at != NULL)
    *at = self->longest_at;
  return self->longest;
}

/* How many times the loop was held longer than @us. */
guint
pulse_stall_meter_count_over (PulseStallMeter *self,
                              gint64           us)
{
  guint n = 0;

  for (guint i = 0; i < self->stalls->len; i++)
    n += g_array_index (self->stalls, PulseStall, i).us > us;
  return n;
}

/**
 * pulse_stall_meter_get_stalls:
 * @n: (out): how many
 *
 * Every hold so far, in order, for telling what held the loop (their
 * times are CLOCK_MONOTONIC, the clock `perf record -k mono` stamps
 * its samples with).
 *
 * Returns: (transfer none): the holds, valid until the next tick
 */
const PulseStall *
pulse_stall_meter_get_stalls (PulseStallMeter *self,
                              guint           *n)
{
  *n = self->stalls->len;
  return (const PulseStall *) self->stalls->data;
}
