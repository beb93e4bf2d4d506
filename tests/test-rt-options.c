/* test-rt-options.c — `pulse-server --bridge rt` refuses bad options by
 * name, keeps running while RT is unreachable, and never logs the secret.
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#define SECRET "s3cr3t-rt-password"

/* Runs pulse-server with @args after the common ones; returns its stderr. */
static char *
run_refused (const char  *password,
             const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "PULSE_RT_TOKEN");
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "PULSE_RT_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PULSE_RT_PASSWORD");

  g_ptr_array_add (argv, (char *) g_getenv ("PULSE_SERVER"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) ":memory:");
  g_ptr_array_add (argv, (char *) "--listen");
  g_ptr_array_add (argv, (char *) "127.0.0.1:0");
  for (const char **a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (char *) *a);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  return err;
}

static void
test_refused (void)
{
  const char *no_secret[] = { "--bridge", "rt", "--rt-url", "http://127.0.0.1:1", "--rt-user",
                              "root", NULL };
  const char *unknown[] = { "--bridge", "zendesk", NULL };
  const char *channel[] = { "--bridge", "rt", "--rt-url", "http://127.0.0.1:1", "--rt-user",
                            "root", "--rt-channel", "Support UA=fax", NULL };
  const char *url[] = { "--bridge", "rt", "--rt-url", "ftp://rt", "--rt-user", "root", NULL };
  const char *poll[] = { "--bridge", "rt", "--rt-url", "http://127.0.0.1:1", "--rt-user",
                         "root", "--rt-poll", "0", NULL };
  g_autofree char *e1 = run_refused (NULL, no_secret);
  g_autofree char *e2 = run_refused (SECRET, unknown);
  g_autofree char *e3 = run_refused (SECRET, channel);
  g_autofree char *e4 = run_refused (SECRET, url);
  g_autofree char *e5 = run_refused (SECRET, poll);

  g_assert_nonnull (strstr (e1, "no RT password or token"));
  g_assert_nonnull (strstr (e2, "--bridge: unknown helpdesk “zendesk”"));
  g_assert_nonnull (strstr (e3, "--rt-channel Support UA=fax: unknown channel"));
  g_assert_nonnull (strstr (e4, "--rt-url wants http:// or https://, got “ftp://rt”"));
  g_assert_nonnull (strstr (e5, "--rt-poll must be 0.1 to 3600 seconds, got 0"));
  g_assert_null (strstr (e3, SECRET));
}

/* RT is not there (a closed port): the bridge retries with backoff,
 * the server keeps serving, and no log line holds the password. */
static void
test_rt_down (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  guint retries = 0;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "PULSE_RT_PASSWORD", SECRET, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PULSE_SERVER"), "--db",
                                         ":memory:", "--listen", "127.0.0.1:0", "--bridge", "rt",
                                         "--rt-url", "http://127.0.0.1:1", "--rt-user", "root",
                                         "--rt-poll", "0.1", "--rt-max-backoff", "1", NULL);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));

  while (retries < 3)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_null (strstr (line, SECRET));
      if (strstr (line, "rt bridge: ") != NULL && strstr (line, "; retrying in ") != NULL)
        retries++;
    }

  /* Still alive after three failed polls (an exit would have ended
   * stderr above), and it stops cleanly. */
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pulse/server/rt-options/refused", test_refused);
  g_test_add_func ("/pulse/server/rt-options/rt-down", test_rt_down);

  return g_test_run ();
}
