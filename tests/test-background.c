/* test-background.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gettid () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pulse-background.h"
#include "pulse-test-util.h"

static int
own_nice (void)
{
  errno = 0;
  return getpriority (PRIO_PROCESS, (id_t) gettid ());
}

static gpointer
enter_twice (gpointer data)
{
  int *nice = data;

  nice[0] = own_nice ();
  pulse_background_enter ();
  nice[1] = own_nice ();
  pulse_background_enter ();
  nice[2] = own_nice ();
  nice[3] = pulse_background_is_entered ();
  return NULL;
}

/* A worker lowers itself once; the main thread, asking the same, stays
 * as it was. */
static void
test_worker_lowered (void)
{
  int before = own_nice ();
  int nice[4];
  GThread *thread;

  if (before >= PULSE_BACKGROUND_NICE)
    {
      g_test_skip ("the tests already run at the background's niceness or lower");
      return;
    }

  thread = g_thread_new ("worker", enter_twice, nice);
  g_thread_join (thread);
  g_assert_cmpint (nice[0], ==, before);
  g_assert_cmpint (nice[1], ==, PULSE_BACKGROUND_NICE);
  g_assert_cmpint (nice[2], ==, PULSE_BACKGROUND_NICE);
  g_assert_true (nice[3]);

  pulse_background_enter ();
  g_assert_cmpint (own_nice (), ==, before);
  g_assert_false (pulse_background_is_entered ());
}

#define N_LOWERED 8

/* What one foreground job saw, and where its task ended. */
typedef struct
{
  int       nice;
  int       nice_after_enter;
  GThread  *callback_thread;
  GThread  *finalize_thread;
  gboolean  done;
} Jobs;

/* Lowering workers not yet all running, under its lock. */
typedef struct
{
  GMutex lock;
  GCond  cond;
  guint  waiting;
} Barrier;

/* Lowers a GTask pool thread, and holds it until N_LOWERED are, so each
 * is a thread of its own. */
static void
lower_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Barrier *barrier = task_data;

  pulse_background_enter ();
  g_mutex_lock (&barrier->lock);
  if (--barrier->waiting == 0)
    g_cond_broadcast (&barrier->cond);
  while (barrier->waiting > 0)
    g_cond_wait (&barrier->cond, &barrier->lock);
  g_mutex_unlock (&barrier->lock);
  g_task_return_boolean (task, TRUE);
}

static void
foreground_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Jobs *jobs = task_data;

  jobs->nice = own_nice ();
  pulse_background_enter ();
  jobs->nice_after_enter = own_nice ();
  g_task_return_boolean (task, TRUE);
}

static void
foreground_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Jobs *jobs = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  jobs->callback_thread = g_thread_self ();
}

static void
task_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  Jobs *jobs = data;

  jobs->finalize_thread = g_thread_self ();
  jobs->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Jobs *) data)->done;
}

static void
lowered_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_atomic_int_dec_and_test ((gint *) user_data);
}

/* Writes run at the process's priority even after GTask's pool threads
 * were lowered by readers, and their task ends on the main thread. */
static void
test_foreground_kept (void)
{
  int before = own_nice ();
  Barrier barrier = { .waiting = N_LOWERED };
  gint running = N_LOWERED;

  if (before >= PULSE_BACKGROUND_NICE)
    {
      g_test_skip ("the tests already run at the background's niceness or lower");
      return;
    }

  g_mutex_init (&barrier.lock);
  g_cond_init (&barrier.cond);
  for (guint i = 0; i < N_LOWERED; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, lowered_done_cb, &running);

      g_task_set_task_data (task, &barrier, NULL);
      g_task_run_in_thread (task, lower_worker);
    }
  while (g_atomic_int_get (&running) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_mutex_clear (&barrier.lock);
  g_cond_clear (&barrier.cond);

  for (guint i = 0; i < 2 * N_LOWERED; i++)
    {
      Jobs jobs = { 0 };
      GTask *task = g_task_new (NULL, NULL, foreground_done_cb, &jobs);

      g_task_set_task_data (task, &jobs, NULL);
      g_object_weak_ref (G_OBJECT (task), task_finalized, &jobs);
      pulse_foreground_run_in_thread (task, foreground_worker);
      g_object_unref (task);
      while (!is_done (&jobs))
        g_main_context_iteration (NULL, TRUE);

      g_assert_cmpint (jobs.nice, ==, before);
      g_assert_cmpint (jobs.nice_after_enter, ==, before);
      g_assert_true (jobs.callback_thread == g_thread_self ());
      g_assert_true (jobs.finalize_thread == g_thread_self ());
    }
}

typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  called_back;    /* the task's callback ran, on the main thread */
  GThread  *finalize_thread;
} Release;

static void
source_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  ((Release *) data)->finalize_thread = g_thread_self ();
}

/* Returns, then stays until the main thread ran the callback and let go
 * of everything: whatever reference is left is the pool's. */
static void
outliving_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Release *release = task_data;

  g_task_return_boolean (task, TRUE);
  g_mutex_lock (&release->lock);
  while (!release->called_back)
    g_cond_wait (&release->cond, &release->lock);
  g_mutex_unlock (&release->lock);
}

static void
outliving_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Release *release = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  g_mutex_lock (&release->lock);
  release->called_back = TRUE;
  g_cond_signal (&release->cond);
  g_mutex_unlock (&release->lock);
}

static gboolean
source_is_finalized (gpointer data)
{
  return ((Release *) data)->finalize_thread != NULL;
}

/* A task's source object (a session, a widget) whose last reference is
 * the task's is finalized on the main thread, even when the worker is
 * the last to let go of the task: a session disposed in a worker closed
 * its event stream there, under libsoup's feet. */
static void
test_source_released_on_main (gconstpointer data)
{
  void (*run) (GTask *, GTaskThreadFunc) = data;
  Release release = { 0 };
  GObject *source = g_object_new (G_TYPE_OBJECT, NULL);
  GTask *task = g_task_new (source, NULL, outliving_done_cb, &release);

  g_mutex_init (&release.lock);
  g_cond_init (&release.cond);
  g_object_weak_ref (source, source_finalized, &release);
  g_task_set_task_data (task, &release, NULL);
  run (task, outliving_worker);
  g_object_unref (task);
  g_object_unref (source);

  g_assert_true (pulse_test_wait_for (source_is_finalized, &release, 10000));
  g_assert_true (release.finalize_thread == g_thread_self ());
  g_mutex_clear (&release.lock);
  g_cond_clear (&release.cond);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/background/worker-lowered", test_worker_lowered);
  g_test_add_func ("/pulse/background/foreground-kept", test_foreground_kept);
  g_test_add_data_func ("/pulse/background/source-released-on-main/foreground",
                        pulse_foreground_run_in_thread, test_source_released_on_main);
  g_test_add_data_func ("/pulse/background/source-released-on-main/background",
                        pulse_background_run_in_thread, test_source_released_on_main);
  return g_test_run ();
}
