/* pulse-sim-run.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `pulse-server --simulate`: the simulator on the main loop. The clock
 * follows the wall clock times the speed, a tick every 250 ms; history
 * is written newest first in chunks of one hour from a low-priority idle, so
 * the console fills from the present backwards and requests and event
 * streams are served between chunks (a peak hour is about 200 contacts,
 * some 150 ms of ingest; docs/performance.md). One thread and one database
 * connection: SQLite serialises writers anyway, and chunking keeps
 * every transaction short without a second connection to coordinate.
 */

#include "config.h"

#include "pulse-error.h"
#include "pulse-sim-driver-private.h"
#include "pulse-sim-resources.h"
#include "pulse-time-utils.h"

#define TICK_MS           250
#define FIRST_CHUNK_HOURS 1
#define CHUNK_HOURS       1

static gboolean
on_tick_cb (gpointer user_data)
{
  PulseSimulator *self = user_data;
  g_autoptr(GError) error = NULL;
  double elapsed = (double) (g_get_monotonic_time () - self->wall_start);
  gint64 until = self->sim_start + (gint64) (elapsed * self->speed);

  if (!pulse_simulator_advance (self, until, &error))
    {
      g_warning ("The simulator stopped: %s", error->message);
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
on_backfill_cb (gpointer user_data)
{
  PulseSimulator *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 anchor_hour = pulse_sim_model_get_anchor (self->model) / PULSE_USEC_PER_HOUR;
  gint64 hours = self->backfill_next == anchor_hour + 1 ? FIRST_CHUNK_HOURS : CHUNK_HOURS;
  gint64 from = MAX (self->backfill_first, self->backfill_next - hours);

  if (!pulse_simulator_backfill_hours (self, from, self->backfill_next, &error))
    {
      g_warning ("The simulated history stopped: %s", error->message);
      self->backfill_id = 0;
      return G_SOURCE_REMOVE;
    }

  self->backfill_next = from;
  if (from > self->backfill_first)
    return G_SOURCE_CONTINUE;

  if (self->backfill_first == anchor_hour)
    {
      self->backfill_id = 0;
      return G_SOURCE_REMOVE;
    }

  g_message ("Simulated history written: %" G_GUINT64_FORMAT " contacts in %.1f s",
             self->contacts, (g_get_monotonic_time () - self->wall_start) / 1e6);
  self->backfill_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * pulse_simulator_run:
 * @speed: simulated seconds per wall-clock second (60: a minute a
 *   second); 0 stops the clock after the history
 * @backfill_days: days of history to write before the anchor
 *
 * Starts the clock and the history on the thread-default main context.
 * Call pulse_simulator_seed() first. The ticks stop with the simulator.
 */
void
pulse_simulator_run (PulseSimulator *self,
                     double          speed,
                     guint           backfill_days)
{
  gint64 anchor;

  g_return_if_fail (PULSE_IS_SIMULATOR (self));
  g_return_if_fail (speed >= 0);

  anchor = pulse_sim_model_get_anchor (self->model);
  self->speed = speed;
  self->wall_start = g_get_monotonic_time ();
  self->sim_start = self->clock;
  self->backfill_next = anchor / PULSE_USEC_PER_HOUR;
  self->backfill_first = self->backfill_next - (gint64) backfill_days * 24;

  /* The hour the anchor falls in, up to the anchor, comes first. */
  self->backfill_next++;
  g_clear_handle_id (&self->backfill_id, g_source_remove);
  self->backfill_id = g_idle_add_full (G_PRIORITY_LOW, on_backfill_cb, self, NULL);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (speed > 0)
    self->tick_id = g_timeout_add (TICK_MS, on_tick_cb, self);
}

/**
 * pulse_simulator_load_config:
 * @path: (nullable): a configuration file, or %NULL for the built-in
 *   default (data/pulse-simulator.conf)
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL with an
 *   error naming the file, group and key at fault.
 */
PulseSimConfig *
pulse_simulator_load_config (const char  *path,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  PulseSimConfig *config;
  gsize length = 0;

  if (path == NULL)
    {
      /* Looked up in the resource itself: a static library's resource
       * constructor is not linked in unless something refers to it. */
      bytes = g_resource_lookup_data (pulse_sim_get_resource (),
                                      "/io/github/pulsedesk/Pulse/simulator/pulse-simulator.conf",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
    }
  else if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  config = pulse_sim_config_new_from_data (text, length, error);
  if (config == NULL && path != NULL)
    g_prefix_error (error, "%s: ", path);
  return config;
}
