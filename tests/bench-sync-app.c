/* bench-sync-app.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-sync.c's third part: the app itself started on the cache that
 * bench-sync-cold.c filled, its last server (the cache's, BENCH_URL) a
 * closed loopback port, as after a restart with the server unreachable.
 * Each run is a fresh `pulse` process (PULSE_APP) with its own
 * XDG_CACHE_HOME (the cache linked in under its default name) and
 * XDG_CONFIG_HOME (a keyfile GSettings backend naming the last server),
 * and PULSE_BENCH_FIRST_FRAME=1, which makes it print the monotonic time
 * of its main window's first painted frame and its VmHWM, then quit. The
 * figure is from before the spawn to that frame. Then the same start
 * with PULSE_BENCH_FIRST_FRAME=STALL_SECONDS: the app runs that long and
 * prints how long its main loop was held at a time meanwhile, while it
 * reads the cache, fills its lists and takes the day's closed tickets in
 * (src/ui/pulse-bench-hook.c). Needs a display (tools/bench gives it
 * Xvfb); skipped without one.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-sync-data.h"
#include "pulse-cache.h"

#define N_STARTS      3
#define STALL_SECONDS "8"

typedef struct
{
  double ms;          /* spawn to the first painted frame */
  double hwm;         /* MiB, then */
  double longest_ms;  /* the main loop held at a time, at most */
  double longest_at;  /* when that began, ms after the window showed */
  double over_16;     /* how many times it was held over 16 ms */
  double over_50;
  /* The holds over 16 ms told apart (classify()): */
  double frames;      /* GTK drawing a frame */
  double off_cpu;     /* the main thread waiting, not running */
  double ours;        /* a dispatch of ours, or anything else on the CPU */
  double ours_ms;     /* the longest of those */
  double ours_after;  /* of ours, those that began after the first frame */
  double ours_after_ms;
} Start;

typedef struct
{
  gint64 start;
  gint64 us;
} Span;

/* The hook's `frame <start> <µs>` lines. */
static GArray *
read_frames (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Span frame;

      if (sscanf (lines[i], "frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &frame.start,
                  &frame.us) == 2)
        g_array_append_val (frames, frame);
    }
  return frames;
}

/* Each `held <start> <µs> <cpu µs>` line of the hook, told apart: a
 * frame if frames drawn cover more than half of it, off the CPU if the
 * main thread ran less than 30 % of it, else ours. GTK's software
 * frames under Xvfb and the AT-SPI bus starting up (dbus-run-session
 * starts it on demand) are not what the sync engine holds. */
static void
classify (const char *out,
          gint64      painted,
          Start      *start)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GArray) frames = read_frames (out);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 at, us, cpu, covered = 0;

      if (sscanf (lines[i], "held %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                  &at, &us, &cpu) != 3)
        continue;
      for (guint f = 0; f < frames->len; f++)
        {
          const Span *frame = &g_array_index (frames, Span, f);

          covered += MAX (0, MIN (at + us, frame->start + frame->us) - MAX (at, frame->start));
        }
      if (covered * 2 > us)
        start->frames++;
      else if (cpu * 10 < us * 3)
        start->off_cpu++;
      else
        {
          start->ours++;
          start->ours_ms = MAX (start->ours_ms, us / 1e3);
          /* The window's first showing is GTK's first layout; after it,
           * what holds the loop is the data going in. */
          if (at >= painted)
            {
              start->ours_after++;
              start->ours_after_ms = MAX (start->ours_after_ms, us / 1e3);
            }
        }
    }
}

static gboolean
port_is_closed (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) uri = g_uri_parse (BENCH_URL, G_URI_FLAGS_NONE, NULL);

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                g_uri_get_port (uri), NULL, NULL);
  return connection == NULL;
}

/* The private folders of one start; returns the environment. */
static char **
prepare (const char *dir,
         const char *cache_path,
         const char *hook)
{
  g_autofree char *cache_home = g_build_filename (dir, "cache", NULL);
  g_autofree char *config_home = g_build_filename (dir, "config", NULL);
  g_autofree char *default_path = pulse_cache_default_path (BENCH_URL);
  g_autofree char *name = g_path_get_basename (default_path);
  g_autofree char *folder = g_build_filename (cache_home, "pulse", NULL);
  g_autofree char *link = g_build_filename (folder, name, NULL);
  g_autofree char *settings_dir = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *group = g_strdelimit (g_strdup (APP_ID), ".", '/');
  g_autofree char *settings = g_strdup_printf ("[%s]\nlast-server='%s'\n", group, BENCH_URL);
  char **env = g_get_environ ();

  /* The name pulse_cache_default_path() gives, in this start's folder. */
  g_mkdir_with_parents (folder, 0700);
  g_mkdir_with_parents (settings_dir, 0700);
  if (symlink (cache_path, link) != 0 ||
      !g_file_set_contents (keyfile, settings, -1, NULL))
    g_error ("cannot prepare %s", dir);

  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache_home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "PULSE_BENCH_FIRST_FRAME", hook, TRUE);
  return env;
}

static void
clean (const char *dir)
{
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *pulse = g_build_filename (cache, "pulse", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *glib = g_build_filename (config, "glib-2.0", NULL);
  g_autofree char *settings = g_build_filename (glib, "settings", NULL);

  bench_remove_dir (pulse);
  bench_remove_dir (cache);
  bench_remove_dir (settings);
  bench_remove_dir (glib);
  bench_remove_dir (config);
  bench_remove_dir (dir);
}

/* One start with PULSE_BENCH_FIRST_FRAME=@hook; fills @start's first
 * frame and, for a hook of more than 1 s, its stalls. */
static void
start_once (const char *program,
            const char *cache_path,
            const char *hook,
            Start      *start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pulse-bench-app-XXXXXX", &error);
  g_auto(GStrv) env = prepare (dir, cache_path, hook);
  const char *argv[] = { program, NULL };
  g_autofree char *out = NULL;
  const char *line;
  gint64 t0, painted = 0, hwm_kb = 0, longest = 0, at = 0;
  guint over_16 = 0, over_50 = 0;
  int status = 0;

  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                     NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", program, error->message);
  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL || sscanf (line, "first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              &painted, &hwm_kb) != 2)
    g_error ("%s printed no first frame: “%s”", program, out != NULL ? out : "");
  start->ms = (painted - t0) / 1e3;
  start->hwm = hwm_kb / 1024.0;

  line = strstr (out, "stalls ");
  if (!g_str_equal (hook, "1") &&
      (line == NULL || sscanf (line, "stalls %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %u",
                               &longest, &at, &over_16, &over_50) != 4))
    g_error ("%s printed no stalls: “%s”", program, out);
  start->longest_ms = longest / 1e3;
  start->longest_at = at / 1e3;
  start->over_16 = over_16;
  start->over_50 = over_50;
  classify (out, painted, start);
  clean (dir);
}

static void
print_row (const char *name,
           double     *v,
           const char *unit)
{
  bench_sort_runs (v, N_STARTS);
  printf ("   %-28s %12.1f %12.1f %12.1f  %s\n", name, v[0], v[1], v[2], unit);
}

/**
 * bench_app_first_frame:
 * @cache_path: the cache bench_cold_start() filled
 *
 * Starts the app on @cache_path N_STARTS times and prints the time to
 * its first frame and its VmHWM then.
 */
void
bench_app_first_frame (const char *cache_path)
{
  const char *program = g_getenv ("PULSE_APP");
  double ms[N_STARTS], hwm[N_STARTS], longest[N_STARTS], at[N_STARTS], over_16[N_STARTS],
         over_50[N_STARTS], frames[N_STARTS], off_cpu[N_STARTS], ours[N_STARTS],
         ours_ms[N_STARTS], ours_after[N_STARTS], ours_after_ms[N_STARTS];

  printf ("3. the app's first frame, started on that cache with %s closed\n", BENCH_URL);
  if (program == NULL || g_getenv ("DISPLAY") == NULL)
    {
      printf ("   skipped: needs PULSE_APP and a display (tools/bench gives both)\n\n");
      return;
    }
  if (!port_is_closed ())
    {
      printf ("   skipped: something listens on %s\n\n", BENCH_URL);
      return;
    }

  for (guint r = 0; r < N_STARTS; r++)
    {
      Start first = { 0 }, stalls = { 0 };

      start_once (program, cache_path, "1", &first);
      start_once (program, cache_path, STALL_SECONDS, &stalls);
      ms[r] = first.ms;
      hwm[r] = first.hwm;
      longest[r] = stalls.longest_ms;
      at[r] = stalls.longest_at;
      over_16[r] = stalls.over_16;
      over_50[r] = stalls.over_50;
      frames[r] = stalls.frames;
      off_cpu[r] = stalls.off_cpu;
      ours[r] = stalls.ours;
      ours_ms[r] = stalls.ours_ms;
      ours_after[r] = stalls.ours_after;
      ours_after_ms[r] = stalls.ours_after_ms;
    }
  for (guint r = 0; r < N_STARTS; r++)
    {
      printf ("BENCH app.first_frame %.1f ms\n", ms[r]);
      printf ("BENCH app.first_frame_hwm %.1f MiB\n", hwm[r]);
      printf ("BENCH app.start_longest_stall %.1f ms\n", longest[r]);
      printf ("BENCH app.start_longest_own_stall %.1f ms\n", ours_ms[r]);
      printf ("BENCH app.start_longest_own_stall_shown %.1f ms\n", ours_after_ms[r]);
    }
  printf ("   %-28s %12s %12s %12s\n", "measure", "min", "median", "max");
  print_row ("first frame", ms, "ms (process start to painted)");
  print_row ("VmHWM at the first frame", hwm, "MB");
  print_row ("main loop held, longest", longest, "ms (in the first " STALL_SECONDS " s)");
  print_row ("  began after the showing", at, "ms");
  print_row ("  times held over 16 ms", over_16, "");
  print_row ("  times held over 50 ms", over_50, "");
  print_row ("  of those over 16: frames", frames, "(GTK drawing)");
  print_row ("  off the CPU", off_cpu, "(waiting: X11, the AT-SPI bus)");
  print_row ("  ours", ours, "(any other dispatch)");
  print_row ("  ours, longest", ours_ms, "ms (0: none over 16 ms)");
  print_row ("  ours after the first frame", ours_after, "(the window shown: the data going in)");
  print_row ("  of those, longest", ours_after_ms, "ms (0: none over 16 ms)");
  printf ("\n");
}
