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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/background/worker-lowered", test_worker_lowered);
  return g_test_run ();
}
