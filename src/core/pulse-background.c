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
 * id). An unprivileged thread cannot take it back, so a pool thread that
 * ran one of our workers stays nice for whatever it runs next: GLib's
 * pools share idle threads, and their other users (GIO's file and
 * resolver jobs) are background work as well. The process's first thread
 * is never lowered, so a worker's function called on the main thread
 * (tests, benchmarks) changes nothing.
 *
 * Which is why the cache writer and the outbox run on
 * pulse_foreground_run_in_thread()'s threads: a few of their own that no
 * lowered worker ever ran on. On GTask's pool they landed, now and then,
 * on a thread a cache reader had lowered, and under a loaded machine a
 * console's last writes at quitting waited for a tenth of a core
 * (test-faults-disk timed out in CI that way, twice). The bulk workers
 * run through pulse_background_run_in_thread(). Neither drops a task's
 * last reference in its thread, as g_task_run_in_thread() may.
 */

/* gettid () */
#define _GNU_SOURCE

#include "config.h"

#include "pulse-background.h"

/* The writer and the outbox: one each at a time, and room for a second
 * console's in a test process. */
#define N_FOREGROUND_THREADS 4
/* Bulk readers at once: a KPI view's history feed waits while the main
 * thread is behind it, and half a dozen views feed at a start. */
#define N_BACKGROUND_THREADS 16

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

static __thread gboolean entered;
static __thread gboolean foreground;  /* one of pulse_foreground_run_in_thread()'s */

/**
 * pulse_background_enter:
 *
 * Lowers the calling worker thread's CPU priority to
 * PULSE_BACKGROUND_NICE, once; does nothing on the main thread, on
 * pulse_foreground_run_in_thread()'s threads (a reader called by a write
 * job) or where a thread's priority cannot be set alone.
 */
void
pulse_background_enter (void)
{
#ifdef __linux__
  pid_t tid = gettid ();
  int nice;

  if (entered || foreground || tid == getpid ())
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

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Job;

static gboolean
unref_task_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* @lowered: whether the job is background work. */
static void
run_job (gpointer data,
         gpointer lowered)
{
  g_autofree Job *job = data;
  GTask *task = job->task;
  GSource *source;

  if (lowered)
    pulse_background_enter ();
  else
    foreground = TRUE;
  /* A GTask may be returned from any thread: its callback still runs in
   * the main context it was made in. */
  job->func (task, g_task_get_source_object (task), g_task_get_task_data (task),
             g_task_get_cancellable (task));
  /* Ours may be the task's last reference once its callback ran, and the
   * task's source object (a session, a widget) must not be disposed in
   * this thread: dropped in the task's context (not with
   * g_main_context_invoke(), which may call back in this thread while
   * the context is free). g_task_run_in_thread() drops its reference in
   * its worker, which is how a session came to be disposed in one and
   * to close its event stream there. */
  source = g_idle_source_new ();
  g_source_set_callback (source, unref_task_cb, task, NULL);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

typedef struct
{
  gboolean    lowered;
  guint       max_threads;
  /* Exclusive for the foreground: a shared pool's idle threads would go
   * to GTask's pool and come back lowered. The background's are made as
   * needed and shared with GLib's other pools, lowered as before. */
  gboolean    exclusive;
  const char *what;
} PoolKind;

static const PoolKind foreground_pool = { FALSE, N_FOREGROUND_THREADS, TRUE, "write" };
static const PoolKind background_pool = { TRUE, N_BACKGROUND_THREADS, FALSE, "worker" };

static gpointer
new_pool (gpointer data)
{
  const PoolKind *kind = data;
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = g_thread_pool_new (run_job, GINT_TO_POINTER (kind->lowered),
                                         (gint) kind->max_threads, kind->exclusive, &error);

  if (pool == NULL)
    g_error ("cannot start the %s threads: %s", kind->what, error->message);
  return pool;
}

static void
push (GThreadPool     *pool,
      GTask           *task,
      GTaskThreadFunc  task_func)
{
  Job *job = g_new0 (Job, 1);

  job->task = g_object_ref (task);
  job->func = task_func;
  g_thread_pool_push (pool, job, NULL);
}

/**
 * pulse_foreground_run_in_thread:
 * @task: a task, as for g_task_run_in_thread()
 * @task_func: its work, which returns @task
 *
 * As g_task_run_in_thread(), on a thread that pulse_background_enter()
 * never lowered and no other code shares: for work a lead waits on, the
 * writes of edits and of the server's copy. The task's last reference
 * is never dropped in the thread.
 */
void
pulse_foreground_run_in_thread (GTask           *task,
                                GTaskThreadFunc  task_func)
{
  static GOnce once = G_ONCE_INIT;

  g_return_if_fail (G_IS_TASK (task));

  push (g_once (&once, new_pool, (gpointer) &foreground_pool), task, task_func);
}

/**
 * pulse_background_run_in_thread:
 * @task: a task, as for g_task_run_in_thread()
 * @task_func: its work, which returns @task
 *
 * As g_task_run_in_thread(), on a worker lowered with
 * pulse_background_enter(): for reading and counting in bulk. The task's
 * last reference is never dropped in the worker, so its source object
 * is disposed on its own thread.
 */
void
pulse_background_run_in_thread (GTask           *task,
                                GTaskThreadFunc  task_func)
{
  static GOnce once = G_ONCE_INIT;

  g_return_if_fail (G_IS_TASK (task));

  push (g_once (&once, new_pool, (gpointer) &background_pool), task, task_func);
}
