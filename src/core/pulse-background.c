/* pulse-background.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a start on a large cache, six or more workers (the cache's readers,
 * the KPI views' history feeds, the recent tickets, the writer) are
 * runnable at once on a 2-core machine, and the main thread, at the
 * same priority, got a third of a core: the stall meter found the main
 * loop held 276 ms of which the main thread ran 56 (docs/performance.md).
 * A worker that reads in bulk therefore lowers its own thread's priority
 * before its work. The cache writer and the outbox do not: under another
 * process's load a nice thread gets a tenth of a core, and their work is
 * what keeps a lead's edits and the copy of the server on disk.
 *
 * Linux alone sets a niceness per thread (setpriority() on the thread's
 * id). An unprivileged thread cannot take it back, so a GTask pool thread
 * that ran one of our workers stays nice for whatever it runs next: the
 * pool's other users (GIO's file and resolver jobs) are background work
 * as well. The process's first thread is never lowered, so a worker's
 * function called on the main thread (tests, benchmarks) changes nothing.
 */

/* gettid () */
#define _GNU_SOURCE

#include "config.h"

#include "pulse-background.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

static __thread gboolean entered;

/**
 * pulse_background_enter:
 *
 * Lowers the calling worker thread's CPU priority to
 * PULSE_BACKGROUND_NICE, once; does nothing on the main thread or where
 * a thread's priority cannot be set alone.
 */
void
pulse_background_enter (void)
{
#ifdef __linux__
  pid_t tid = gettid ();
  int nice;

  if (entered || tid == getpid ())
    return;

  entered = TRUE;
  errno = 0;
  nice = getpriority (PRIO_PROCESS, (id_t) tid);
  if (errno == 0 && nice < PULSE_BACKGROUND_NICE)
    setpriority (PRIO_PROCESS, (id_t) tid, PULSE_BACKGROUND_NICE);
#endif
}

/**
 * pulse_background_is_entered:
 *
 * Returns: whether pulse_background_enter() lowered, or found lowered,
 *   the calling thread
 */
gboolean
pulse_background_is_entered (void)
{
  return entered;
}
