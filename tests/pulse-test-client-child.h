/* pulse-test-client-child.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console (pulse-test-console.h) as a child process, so it can be
 * killed with SIGKILL and started again from its cache, or run with a
 * file size limit (a full disk without root). The test binary runs
 * itself with `--client …` (pulse_test_client_child_main()). The child
 * tells what it does on stdout, a line each:
 *
 *   live                    the sync caught up (again)
 *   seq N                   the sync's seq reached a multiple of 20
 *   saved ID VERSION        an edit is in the cache
 *   cache-error MESSAGE     the cache could not be written
 *   converged               state = the server's snapshot, outbox empty
 *
 * and takes commands on stdin: `converge SEQ` (stop editing, wait until
 * live at SEQ with an empty outbox, compare with a snapshot, quit) and
 * `quit` (stop, flush, exit).
 */

#pragma once

#include <gio/gio.h>

#include "pulse-test-console.h"

G_BEGIN_DECLS

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *lines;
  GOutputStream    *input;
  GCancellable     *cancellable;
  guint             n_lines;
  guint             n_live;
  guint             n_saved;
  gboolean          converged;
  gboolean          ended;        /* stdout closed */
  char             *cache_error;
  GPtrArray        *saved;        /* PulseTestEdited, shared by the runs of a test */
} PulseTestClientChild;

typedef struct
{
  const char *url;
  const char *token;
  const char *cache_path;
  const char *prefix;
  guint32     seed;
  guint       max_edits;
  guint64     file_size_limit;  /* 0: none */
} PulseTestClientArgs;

int                   pulse_test_client_child_main     (int                   argc,
                                                        char                **argv);
PulseTestClientChild *pulse_test_client_child_spawn    (const PulseTestClientArgs *args,
                                                        GPtrArray            *saved);
void                  pulse_test_client_child_wait_lines (PulseTestClientChild *self,
                                                        guint                 n_lines);
void                  pulse_test_client_child_wait_live (PulseTestClientChild *self);
void                  pulse_test_client_child_kill     (PulseTestClientChild *self);
void                  pulse_test_client_child_converge (PulseTestClientChild *self,
                                                        gint64                seq);
void                  pulse_test_client_child_quit     (PulseTestClientChild *self);
void                  pulse_test_client_child_free     (PulseTestClientChild *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestClientChild, pulse_test_client_child_free)

G_END_DECLS
