/* pulse-bench-hook.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's only benchmark hook, for bench-sync's start of the app on a
 * large cache (tests/bench-sync-app.c, docs/performance.md), and only
 * when PULSE_BENCH_FIRST_FRAME is set:
 *
 * - once the main window has painted its first frame it prints
 *   "first-frame <CLOCK_MONOTONIC µs> <VmHWM kB>";
 * - with the value 1 it then quits;
 * - with a value of N > 1 it runs N seconds from the window's first
 *   showing, then prints "stalls <longest µs> <its start, µs after the
 *   showing> <count over 16 ms> <count over 50 ms>" (how long the main
 *   loop was held at a time, pulse-stall-meter.c) and quits.
 */

#include "config.h"

#include <string.h>

#include "pulse-bench-hook.h"
#include "pulse-stall-meter.h"

typedef struct
{
  GtkWindow       *window;
  PulseStallMeter *meter;
  gint64           shown;
  gint64           frame_began;
  GArray          *frames;   /* PulseStall: each frame's layout and paint */
} Hook;

static void
quit (GtkWindow *window)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   Hook          *hook)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *status = NULL;
  const char *hwm = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, hook);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    hwm = strstr (status, "VmHWM:");
  g_print ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", now,
           hwm != NULL ? g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10) : -1);
  if (hook->meter == NULL)
    quit (hook->window);
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Hook          *hook)
{
  hook->frame_began = g_get_monotonic_time ();
}

/* A frame's time from its update to its paint's end: the part of a hold
 * that is GTK's drawing rather than an idle of ours. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   Hook          *hook)
{
  PulseStall frame = { hook->frame_began, g_get_monotonic_time () - hook->frame_began, 0 };

  if (hook->frame_began > 0)
    g_array_append_val (hook->frames, frame);
}

static void
on_realize_cb (GtkWidget *window,
               Hook      *hook)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_cb), hook);
  if (hook->meter != NULL)
    {
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), hook);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), hook);
    }
}

/* Each hold over 16 ms, with its CLOCK_MONOTONIC start (to find in a
 * `perf record -k mono` profile what held the loop) and the main
 * thread's CPU time in it. */
static void
print_holds (PulseStallMeter *meter)
{
  guint n = 0;
  const PulseStall *stalls = pulse_stall_meter_get_stalls (meter, &n);

  for (guint i = 0; i < n; i++)
    if (stalls[i].us > 16 * 1000)
      g_print ("held %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
               stalls[i].began, stalls[i].us, stalls[i].cpu_us);
}

/* Each frame over 8 ms, with its start, to set against the holds. */
static void
print_frames (Hook *hook)
{
  for (guint i = 0; i < hook->frames->len; i++)
    {
      PulseStall *frame = &g_array_index (hook->frames, PulseStall, i);

      if (frame->us > 8 * 1000)
        g_print ("frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", frame->began, frame->us);
    }
}

static gboolean
on_stalls_done_cb (gpointer user_data)
{
  Hook *hook = user_data;
  gint64 at = 0;
  gint64 longest = pulse_stall_meter_longest_us (hook->meter, &at);

  g_print ("stalls %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %u\n", longest,
           longest > 0 ? at - hook->shown : 0,
           pulse_stall_meter_count_over (hook->meter, 16 * 1000),
           pulse_stall_meter_count_over (hook->meter, 50 * 1000));
  print_holds (hook->meter);
  print_frames (hook);
  quit (hook->window);
  return G_SOURCE_REMOVE;
}

void
pulse_bench_hook_attach (GtkWindow *window)
{
  const char *value = g_getenv ("PULSE_BENCH_FIRST_FRAME");
  guint seconds;
  Hook *hook;

  if (value == NULL || gtk_widget_get_realized (GTK_WIDGET (window)))
    return;

  /* Lives as long as the process: the hook ends it. */
  hook = g_new0 (Hook, 1);
  hook->window = window;
  hook->shown = g_get_monotonic_time ();
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), hook);

  seconds = (guint) g_ascii_strtoull (value, NULL, 10);
  if (seconds > 1)
    {
      hook->meter = pulse_stall_meter_new ();
      hook->frames = g_array_new (FALSE, FALSE, sizeof (PulseStall));
      g_timeout_add_seconds (seconds, on_stalls_done_cb, hook);
    }
}
