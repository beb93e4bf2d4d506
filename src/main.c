/* main.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "pulse-application.h"

/* GLib 2.74's slice allocator, which json-glib takes every node from,
 * costs about a sixth of a start from a large cache and of applying
 * events (docs/performance.md); later GLib uses malloc. G_SLICE is read
 * before main(), since GLib allocates in its constructors, so the first
 * run sets it and starts the program again, once. One set by the user
 * is left as it is. */
static void
use_malloc_for_slices (char *argv[])
{
  if (getenv ("G_SLICE") != NULL || setenv ("G_SLICE", "always-malloc", 0) != 0)
    return;

  execv ("/proc/self/exe", argv);
  /* No /proc: on with the slices. */
}

/* glibc keeps small freed chunks in its fast bins, unmerged, until a
 * larger request merges them all at once (malloc_consolidate): after the
 * json-glib trees of thousands of tickets were freed, one such request
 * on the main thread held it 30-70 ms at a start on a large cache
 * (docs/performance.md). Without fast bins each free merges at once, a
 * little at a time. */
static void
merge_freed_chunks_at_once (void)
{
#ifdef __GLIBC__
  mallopt (M_MXFAST, 0);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PulseApplication) app = NULL;

  use_malloc_for_slices (argv);
  merge_freed_chunks_at_once ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pulse_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
