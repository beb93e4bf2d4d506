/* bench-sim.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C build --benchmark sim`: how fast `--backfill` writes
 * history (simulated days per second, through the real ingest into a
 * database file), and the database's size per 100,000 contacts. Figures
 * are printed, never asserted.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pulse-server-schema.h"
#include "pulse-sim-driver.h"
#include "pulse-time-utils.h"

#define DAYS 14

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-sim-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sim.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PulseDb) db = pulse_server_schema_open (path, &error);
  g_autoptr(PulseServer) server = NULL;
  g_autoptr(PulseSimulator) simulator = NULL;
  PulseSimConfig *config;
  gint64 anchor = 0, hour, start, elapsed, seeded, bytes;
  guint64 contacts;

  g_assert_no_error (error);
  server = pulse_server_new (db);
  config = pulse_simulator_load_config (NULL, &error);
  g_assert_no_error (error);
  pulse_time_parse ("2026-11-16T00:00:00Z", &anchor);
  simulator = pulse_simulator_new (server, pulse_sim_model_new (config, 1, anchor));

  start = g_get_monotonic_time ();
  g_assert_true (pulse_simulator_seed (simulator, DAYS, &error));
  seeded = g_get_monotonic_time () - start;

  /* As --backfill does: an hour a transaction, newest first. */
  hour = anchor / PULSE_USEC_PER_HOUR;
  start = g_get_monotonic_time ();
  for (gint64 h = hour - 1; h >= hour - DAYS * 24; h--)
    g_assert_true (pulse_simulator_backfill_hours (simulator, h, h + 1, &error));
  elapsed = g_get_monotonic_time () - start;
  contacts = pulse_simulator_get_contacts (simulator);

  g_assert_true (pulse_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  bytes = file_size (path) + file_size (wal);

  g_print ("seed (directory, rules, templates, plan): %.0f ms\n", seeded / 1e3);
  g_print ("backfill: %d days, %" G_GUINT64_FORMAT " contacts in %.1f s: "
           "%.2f simulated days/s, %.0f contacts/s\n",
           DAYS, contacts, elapsed / 1e6, DAYS / (elapsed / 1e6), contacts / (elapsed / 1e6));
  g_print ("database: %.1f MB, %.1f MB per 100k contacts (with events, audit, shifts, reviews)\n",
           bytes / 1e6, bytes / 1e6 / (contacts / 1e5));

  g_clear_object (&simulator);
  g_clear_object (&server);
  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return 0;
}
