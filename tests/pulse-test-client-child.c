/* pulse-test-client-child.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "pulse-test-child-server.h"
#include "pulse-test-client-child.h"
#include "pulse-test-faults.h"
#include "pulse-test-sync.h"

#define SEQ_LINE_EVERY 20

/* --- the child ---------------------------------------------------------- */

typedef struct
{
  PulseTestConsole *console;
  PulseTestServer   view;       /* the server, for the snapshot to compare with */
  GDataInputStream *commands;
  gint64            converge_seq;
  gboolean          quit;
} Child;

/* write(2), unbuffered: the parent may kill us right after reading. */
static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, (gssize) strlen (line));
}

static void
on_saved_cb (PulseTestConsole *console,
             const char       *id,
             gint64            version,
             gpointer          user_data)
{
  say ("saved %s %" G_GINT64_FORMAT "\n", id, version);
}

static void
on_seq_cb (PulseSync  *sync,
           GParamSpec *pspec,
           gpointer    user_data)
{
  gint64 *last = user_data;
  gint64 seq = pulse_sync_get_seq (sync);

  if (seq / SEQ_LINE_EVERY != *last / SEQ_LINE_EVERY)
    say ("seq %" G_GINT64_FORMAT "\n", seq);
  *last = seq;
}

static void
on_live_cb (PulseSync  *sync,
            GParamSpec *pspec,
            gpointer    user_data)
{
  if (pulse_sync_get_is_live (sync))
    say ("live\n");
}

static void
on_cache_error_cb (PulseSync  *sync,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  const GError *error = pulse_sync_get_cache_error (sync);

  if (error != NULL)
    say ("cache-error %s\n", error->message);
}

static void read_command (Child *child);

static void
on_command_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Child *child = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object),
                                                                      result, NULL, NULL);

  if (line == NULL || g_str_equal (line, "quit"))
    child->quit = TRUE;
  else if (g_str_has_prefix (line, "converge "))
    child->converge_seq = g_ascii_strtoll (line + strlen ("converge "), NULL, 10);
  else
    g_error ("client child: unknown command “%s”", line);

  if (!child->quit && child->converge_seq == 0)
    read_command (child);
}

static void
read_command (Child *child)
{
  g_data_input_stream_read_line_async (child->commands, G_PRIORITY_DEFAULT, NULL,
                                       on_command_cb, child);
}

static gboolean
has_command (gpointer data)
{
  Child *child = data;

  return child->quit || child->converge_seq > 0;
}

/* A full disk without root: files may not grow past @limit, and writing
 * past it fails with EFBIG instead of killing us with SIGXFSZ. */
static void
limit_file_size (guint64 limit)
{
  struct rlimit rl;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static void
converge (Child *child)
{
  SyncFixture fixture = { .ts = &child->view };

  pulse_test_console_wait_caught_up (child->console, &child->view);
  pulse_test_sync_assert_matches (&fixture, child->console->sync);
  say ("converged\n");
}

/**
 * pulse_test_client_child_main:
 *
 * The child's main(), for `--client URL TOKEN CACHE PREFIX SEED
 * MAX_EDITS FILE_SIZE_LIMIT`.
 *
 * Returns: the exit status: 0 once told to quit or converged.
 */
int
pulse_test_client_child_main (int    argc,
                              char **argv)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  Child child = { 0 };
  gint64 last_seq = 0;
  guint64 limit;

  g_assert_cmpint (argc, ==, 9);
  limit = g_ascii_strtoull (argv[8], NULL, 10);
  if (limit > 0)
    limit_file_size (limit);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  child.view.url = argv[2];
  child.view.role_tokens[PULSE_ROLE_HEAD] = argv[3];
  child.view.soup = soup_session_new ();
  child.console = pulse_test_console_new (argv[2], argv[3], argv[4], argv[5],
                                          (guint32) g_ascii_strtoull (argv[6], NULL, 10));
  child.console->saved = on_saved_cb;
  g_signal_connect (child.console->sync, "notify::seq", G_CALLBACK (on_seq_cb), &last_seq);
  g_signal_connect (child.console->sync, "notify::is-live", G_CALLBACK (on_live_cb), NULL);
  g_signal_connect (child.console->sync, "notify::cache-error", G_CALLBACK (on_cache_error_cb),
                    NULL);
  pulse_test_console_edit (child.console, (guint) g_ascii_strtoull (argv[7], NULL, 10));

  child.commands = g_data_input_stream_new (in);
  read_command (&child);
  pulse_test_faults_run_for (G_MAXINT, has_command, &child);
  if (child.converge_seq > 0)
    converge (&child);

  g_signal_handlers_disconnect_by_data (child.console->sync, &last_seq);
  pulse_test_console_free (child.console);
  g_object_unref (child.commands);
  soup_session_abort (child.view.soup);
  g_object_unref (child.view.soup);
  return 0;
}

/* --- the parent --------------------------------------------------------- */

static void read_line (PulseTestClientChild *self);

static void
note_saved (PulseTestClientChild *self,
            const char           *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 3);
  PulseTestEdited *item = NULL;
  gint64 version;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  version = g_ascii_strtoll (parts[2], NULL, 10);
  for (guint i = 0; i < self->saved->len && item == NULL; i++)
    if (g_str_equal (((PulseTestEdited *) self->saved->pdata[i])->id, parts[1]))
      item = self->saved->pdata[i];
  if (item == NULL)
    {
      item = g_new0 (PulseTestEdited, 1);
      item->id = g_strdup (parts[1]);
      g_ptr_array_add (self->saved, item);
    }
  item->version = MAX (item->version, version);
  self->n_saved++;
}

static void
on_line_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PulseTestClientChild *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object),
                                                                      result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (line == NULL)
    {
      self->ended = TRUE;
      return;
    }

  self->n_lines++;
  if (g_str_has_prefix (line, "saved "))
    note_saved (self, line);
  else if (g_str_equal (line, "live"))
    self->n_live++;
  else if (g_str_equal (line, "converged"))
    self->converged = TRUE;
  else if (g_str_has_prefix (line, "cache-error ") && self->cache_error == NULL)
    self->cache_error = g_strdup (line + strlen ("cache-error "));
  read_line (self);
}

static void
read_line (PulseTestClientChild *self)
{
  g_data_input_stream_read_line_async (self->lines, G_PRIORITY_DEFAULT, self->cancellable,
                                       on_line_cb, self);
}

/**
 * pulse_test_client_child_spawn:
 * @saved: (element-type PulseTestEdited): where the saved edits it
 *   reports go (the highest version per id)
 *
 * Returns: (transfer full): the console started as a child process.
 */
PulseTestClientChild *
pulse_test_client_child_spawn (const PulseTestClientArgs *args,
                               GPtrArray                 *saved)
{
  PulseTestClientChild *self = g_new0 (PulseTestClientChild, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *seed = g_strdup_printf ("%u", args->seed);
  g_autofree char *max_edits = g_strdup_printf ("%u", args->max_edits);
  g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, args->file_size_limit);

  g_assert_no_error (error);
  self->saved = g_ptr_array_ref (saved);
  self->cancellable = g_cancellable_new ();
  self->process = pulse_test_spawn ((const char * const []) {
                                      exe, "--client", args->url, args->token, args->cache_path,
                                      args->prefix, seed, max_edits, limit, NULL },
                                    G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  self->input = g_object_ref (g_subprocess_get_stdin_pipe (self->process));
  self->lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  read_line (self);
  return self;
}

typedef struct
{
  PulseTestClientChild *child;
  guint                 n_lines;
  guint                 n_live;
} LineWait;

static gboolean
lines_reached (gpointer data)
{
  LineWait *wait = data;

  return wait->child->ended || wait->child->n_lines >= wait->n_lines;
}

/* Waits until the child told @n_lines more lines; it must still run. */
void
pulse_test_client_child_wait_lines (PulseTestClientChild *self,
                                    guint                 n_lines)
{
  LineWait wait = { self, self->n_lines + n_lines, 0 };

  pulse_test_wait_for (lines_reached, &wait, PULSE_TEST_FAULTS_WAIT_MS);
  g_assert_false (self->ended);
}

static gboolean
live_reached (gpointer data)
{
  LineWait *wait = data;

  return wait->child->ended || wait->child->n_live > wait->n_live;
}

/* Waits until the child says it is live (again). */
void
pulse_test_client_child_wait_live (PulseTestClientChild *self)
{
  LineWait wait = { self, 0, self->n_live };

  pulse_test_wait_for (live_reached, &wait, PULSE_TEST_FAULTS_WAIT_MS);
  g_assert_false (self->ended);
}

static gboolean
has_ended (gpointer data)
{
  return ((PulseTestClientChild *) data)->ended;
}

/* SIGKILL, at once, and reaped; then what it wrote before dying is read
 * to the end, so no saved edit it reported goes unnoticed. */
void
pulse_test_client_child_kill (PulseTestClientChild *self)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_force_exit (self->process);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (self->process));
  g_assert_cmpint (g_subprocess_get_term_sig (self->process), ==, SIGKILL);
  pulse_test_wait_for (has_ended, self, PULSE_TEST_FAULTS_WAIT_MS);
}

static void
command_and_wait (PulseTestClientChild *self,
                  const char           *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (self->input, command, strlen (command), NULL, NULL,
                                            &error));
  g_assert_no_error (error);
  pulse_test_wait_for (has_ended, self, PULSE_TEST_FAULTS_WAIT_MS);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (self->process));
  g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
}

/**
 * pulse_test_client_child_converge:
 * @seq: the server's seq, with nothing written after it
 *
 * Has the child stop editing and catch up with @seq; it then compares its
 * state with a snapshot and quits. Fails the test unless it converged.
 */
void
pulse_test_client_child_converge (PulseTestClientChild *self,
                                  gint64                seq)
{
  g_autofree char *command = g_strdup_printf ("converge %" G_GINT64_FORMAT "\n", seq);

  command_and_wait (self, command);
  g_assert_true (self->converged);
}

/* Has the child stop as the console quits, and waits until it exited. */
void
pulse_test_client_child_quit (PulseTestClientChild *self)
{
  command_and_wait (self, "quit\n");
}

void
pulse_test_client_child_free (PulseTestClientChild *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lines);
  g_clear_object (&self->input);
  g_clear_object (&self->process);
  g_ptr_array_unref (self->saved);
  g_free (self->cache_error);
  g_free (self);
}
