/* pulse-test-child-server.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pulse-server as a child process over a database file in a temporary
 * folder, with a token per role: killed with SIGKILL and started again on
 * the same port and database. @ts is a PulseTestServer without an
 * in-process server (url, soup session and tokens only), so what takes
 * one (pulse_test_server_request(), PulseTestWriter, a SyncFixture's
 * checks) works against the child as it is.
 */

#pragma once

#include "pulse-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  PulseTestServer  ts;
  char            *dir;
  char            *db_path;
  char            *config_path;
  GSubprocess     *process;
  guint            port;
  guint            kills;
} PulseTestChildServer;

PulseTestChildServer *pulse_test_child_server_new     (void);
void                  pulse_test_child_server_free    (PulseTestChildServer *self);
void                  pulse_test_child_server_kill    (PulseTestChildServer *self);
void                  pulse_test_child_server_start   (PulseTestChildServer *self);
GSubprocess          *pulse_test_spawn                (const char * const   *argv,
                                                       GSubprocessFlags      flags);
void                  pulse_test_remove_dir           (const char           *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestChildServer, pulse_test_child_server_free)

G_END_DECLS
