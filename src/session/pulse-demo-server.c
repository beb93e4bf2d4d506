/* pulse-demo-server.c
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "pulse-demo-server.h"

#define START_TIMEOUT_SECONDS 15
#define LISTENING_PREFIX "listening on "
#define TOKEN_PREFIX "token "

/**
 * PulseDemoServer:
 *
 * The `pulse-server` child behind `pulse --demo`: started on a free
 * loopback port, found by the "listening on URL" line it prints, and
 * stopped with the console. The child also dies with the console if the
 * console is killed (PR_SET_PDEATHSIG), so no orphan keeps the port.
 */
struct _PulseDemoServer
{
  GObject      parent_instance;

  GSubprocess *process;
  char        *url;
  char        *token;
};

G_DEFINE_FINAL_TYPE (PulseDemoServer, pulse_demo_server, G_TYPE_OBJECT)

typedef struct
{
  PulseDemoServer  *server;
  GDataInputStream *stdout_lines;
  GCancellable     *caller_cancellable;
  gulong            caller_handler;
  guint             timeout_id;
  gboolean          timed_out;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->server);
  g_clear_object (&data->stdout_lines);
  g_free (data);
}

static void
on_caller_cancelled_cb (GCancellable *caller,
                        gpointer      own_cancellable)
{
  g_cancellable_cancel (own_cancellable);
}

static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/**
 * pulse_demo_server_find_program:
 *
 * Looks for `pulse-server` in $PULSE_SERVER, then beside the running
 * program as laid out in the build tree, then in the install prefix.
 *
 * Returns: (transfer full): the path to run.
 */
char *
pulse_demo_server_find_program (void)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("PULSE_SERVER");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);
      g_autofree char *in_tree = g_build_filename (dir, "server", "pulse-server", NULL);

      if (g_file_test (in_tree, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&in_tree);
    }

  return g_build_filename (BINDIR, "pulse-server", NULL);
}

static gboolean
on_start_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  StartData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  data->timed_out = TRUE;
  g_cancellable_cancel (g_task_get_cancellable (task));
  return G_SOURCE_REMOVE;
}

static void
start_read_line_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StartData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                    &error);
  if (line == NULL)
    {
      pulse_demo_server_stop (data->server);
      if (data->timed_out)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                 "the demo server did not start within %d s",
                                 START_TIMEOUT_SECONDS);
      else if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 "the demo server exited before it listened");
      return;
    }

  if (g_str_has_prefix (line, TOKEN_PREFIX) && data->server->token == NULL)
    data->server->token = g_strdup (line + strlen (TOKEN_PREFIX));

  if (!g_str_has_prefix (line, LISTENING_PREFIX))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* Anything printed before the address is the server's business. */
      g_data_input_stream_read_line_async (data->stdout_lines, G_PRIORITY_DEFAULT, cancellable,
                                           start_read_line_cb, g_steal_pointer (&task));
      return;
    }

  data->server->url = g_strdup (line + strlen (LISTENING_PREFIX));
  g_task_return_pointer (task, g_object_ref (data->server), g_object_unref);
}

/**
 * pulse_demo_server_start_async:
 * @program: the `pulse-server` to run, see pulse_demo_server_find_program()
 *
 * Starts `pulse-server --listen 127.0.0.1:0 --db :memory: --ephemeral-token head
 * --simulate --backfill 42` and waits until it says where it listens. The
 * simulated contact centre (docs/simulator.md) is seeded before that line
 * and runs in real time; six weeks of history, the forecast's window,
 * fill in behind it, newest first.
 */
void
pulse_demo_server_start_async (const char          *program,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GCancellable) own_cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  StartData *data;

  g_return_if_fail (program != NULL);

  task = g_task_new (NULL, own_cancellable, callback, user_data);
  g_task_set_source_tag (task, pulse_demo_server_start_async);
  data = g_new0 (StartData, 1);
  data->server = g_object_new (PULSE_TYPE_DEMO_SERVER, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);

  /* Our own cancellable, chained to the caller's, so the start timeout
   * can stop the read without cancelling the caller's other work. */
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable,
                                                    G_CALLBACK (on_caller_cancelled_cb),
                                                    own_cancellable, NULL);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* The demo keeps nothing between runs: a fresh contact centre each time,
   * with a head token that lives as long as the child and reaches us
   * through the pipe only. */
  /* PULSE_DEMO_SIMULATE=0 gives a server with nothing in it: tests that
   * use the demo child as a plain server set it (tests/meson.build). */
  if (g_strcmp0 (g_getenv ("PULSE_DEMO_SIMULATE"), "0") == 0)
    data->server->process = g_subprocess_launcher_spawn (launcher, &error, program,
                                                         "--listen", "127.0.0.1:0",
                                                         "--db", ":memory:",
                                                         "--ephemeral-token", "head", NULL);
  else
    data->server->process = g_subprocess_launcher_spawn (launcher, &error, program,
                                                         "--listen", "127.0.0.1:0",
                                                         "--db", ":memory:",
                                                         "--ephemeral-token", "head",
                                                         "--simulate", "--backfill", "42",
                                                         NULL);
  if (data->server->process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (data->server->process));
  data->timeout_id = g_timeout_add_seconds (START_TIMEOUT_SECONDS, on_start_timeout_cb, task);
  g_data_input_stream_read_line_async (data->stdout_lines, G_PRIORITY_DEFAULT, own_cancellable,
                                       start_read_line_cb, g_steal_pointer (&task));
}

/**
 * pulse_demo_server_start_finish:
 *
 * Returns: (transfer full) (nullable): the running server, or %NULL if it
 *   could not be started, exited early or took too long.
 */
PulseDemoServer *
pulse_demo_server_start_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
pulse_demo_server_get_url (PulseDemoServer *self)
{
  g_return_val_if_fail (PULSE_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

/**
 * pulse_demo_server_get_token:
 *
 * Returns: (nullable): the head token the demo server made for us.
 */
const char *
pulse_demo_server_get_token (PulseDemoServer *self)
{
  g_return_val_if_fail (PULSE_IS_DEMO_SERVER (self), NULL);

  return self->token;
}

/**
 * pulse_demo_server_stop:
 *
 * Asks the child to shut down cleanly (SIGTERM). Safe to call twice.
 */
void
pulse_demo_server_stop (PulseDemoServer *self)
{
  g_return_if_fail (PULSE_IS_DEMO_SERVER (self));

  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_subprocess_wait_async (self->process, NULL, NULL, NULL);
    }
  g_clear_object (&self->process);
}

static void
pulse_demo_server_dispose (GObject *object)
{
  PulseDemoServer *self = (PulseDemoServer *)object;

  if (self->process != NULL)
    pulse_demo_server_stop (self);

  G_OBJECT_CLASS (pulse_demo_server_parent_class)->dispose (object);
}

static void
pulse_demo_server_finalize (GObject *object)
{
  PulseDemoServer *self = (PulseDemoServer *)object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (pulse_demo_server_parent_class)->finalize (object);
}

static void
pulse_demo_server_class_init (PulseDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pulse_demo_server_dispose;
  object_class->finalize = pulse_demo_server_finalize;
}

static void
pulse_demo_server_init (PulseDemoServer *self)
{
}
