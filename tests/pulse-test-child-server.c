/* pulse-test-child-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "pulse-enums.h"
#include "pulse-test-child-server.h"

/* Pings every second, so a stalled stream is dropped by the server within
 * seconds too; no rate limit: the writers are fast on purpose. */
#define CONFIG "[server]\nping-interval-seconds=1\nrate-limit-per-minute=0\n"

static char *
add_token (const char *db_path,
           const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("PULSE_SERVER"), "token", "add", "--user", role,
                         "--role", role, "--db", db_path, NULL };
  g_autoptr(GSubprocess) process = NULL;
  char *start;

  g_assert_nonnull (argv[0]);
  process = pulse_test_spawn (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  start = strstr (out, "pulse_");
  g_assert_nonnull (start);
  return g_strndup (start, strcspn (start, " \n"));
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * pulse_test_spawn:
 * @argv: the program and its arguments
 *
 * Returns: (transfer full): @argv started as a child that is killed when
 *   the test dies, however it dies (a timeout, an abort).
 */
GSubprocess *
pulse_test_spawn (const char * const *argv,
                  GSubprocessFlags    flags)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* Under ASan the children unwind fast and skip the leak check: a full
   * unwind on every malloc makes each child start and run many times
   * slower, and the same code is leak-checked in-process by other tests. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"),
                                              ":fast_unwind_on_malloc=1:detect_leaks=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/**
 * pulse_test_child_server_new:
 *
 * Returns: (transfer full): pulse-server listening on a free port of
 *   127.0.0.1, over a new database with one token per role.
 */
PulseTestChildServer *
pulse_test_child_server_new (void)
{
  PulseTestChildServer *self = g_new0 (PulseTestChildServer, 1);
  GEnumClass *roles = g_type_class_ref (PULSE_TYPE_ROLE);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("pulse-test-child-XXXXXX", &error);
  g_assert_no_error (error);
  self->db_path = g_build_filename (self->dir, "pulse.db", NULL);
  self->config_path = g_build_filename (self->dir, "pulse.conf", NULL);
  g_assert_true (g_file_set_contents (self->config_path, CONFIG, -1, &error));
  for (guint role = 0; role <= PULSE_ROLE_INTEGRATION; role++)
    self->ts.role_tokens[role] = add_token (self->db_path, g_enum_get_value (roles,
                                                                            role)->value_nick);
  g_type_class_unref (roles);
  self->ts.soup = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
  pulse_test_child_server_start (self);
  return self;
}

static char *
read_listen_line (GSubprocess *process)
{
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  char *line = NULL;

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }
  while (!g_str_has_prefix (line, "listening on "));

  return line;
}

/**
 * pulse_test_child_server_start:
 *
 * Starts the server: on a free port the first time, then on the same
 * one. Its log goes to the test's stderr.
 */
void
pulse_test_child_server_start (PulseTestChildServer *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", self->port);
  g_autofree char *line = NULL;
  const char *colon;

  g_assert_null (self->process);
  self->process = pulse_test_spawn ((const char * const []) {
                                      g_getenv ("PULSE_SERVER"), "--db", self->db_path,
                                      "--config", self->config_path, "--listen", listen, NULL },
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  line = read_listen_line (self->process);
  g_free (self->ts.url);
  self->ts.url = g_strdup (line + strlen ("listening on "));
  colon = strrchr (self->ts.url, ':');
  g_assert_nonnull (colon);
  if (self->port != 0)
    g_assert_cmpuint (g_ascii_strtoull (colon + 1, NULL, 10), ==, self->port);
  self->port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
  g_assert_cmpuint (self->port, >, 0);
}

/**
 * pulse_test_child_server_kill:
 *
 * SIGKILL, at once: whatever the server was doing is cut off there.
 */
void
pulse_test_child_server_kill (PulseTestChildServer *self)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (self->process);
  g_subprocess_send_signal (self->process, SIGKILL);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (self->process));
  g_assert_cmpint (g_subprocess_get_term_sig (self->process), ==, SIGKILL);
  g_clear_object (&self->process);
  self->kills++;
}

/* Removes @dir and what is in it, one level deep and below. */
void
pulse_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        pulse_test_remove_dir (path);
      else if (g_remove (path) != 0)
        g_assert_cmpint (errno, ==, ENOENT);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Stops the server (SIGTERM, a clean stop) and removes its folder. */
void
pulse_test_child_server_free (PulseTestChildServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_assert_true (g_subprocess_wait (self->process, NULL, &error));
      g_assert_no_error (error);
      g_clear_object (&self->process);
    }
  soup_session_abort (self->ts.soup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->ts.soup);
  for (guint i = 0; i < G_N_ELEMENTS (self->ts.role_tokens); i++)
    g_free (self->ts.role_tokens[i]);
  g_free (self->ts.url);
  pulse_test_remove_dir (self->dir);
  g_free (self->dir);
  g_free (self->db_path);
  g_free (self->config_path);
  g_free (self);
}
