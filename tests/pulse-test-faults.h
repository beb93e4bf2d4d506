/* pulse-test-faults.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fault tests share: the seed (PULSE_FAULT_SEED replays one),
 * their duration knobs, and a wait with a deadline.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Generous: an ASan build on a busy machine is many times slower. */
#define PULSE_TEST_FAULTS_WAIT_MS 120000

void     pulse_test_faults_quiet    (void);
guint32  pulse_test_faults_seed     (void);
guint    pulse_test_faults_knob     (const char *name,
                                     guint       fallback);
void     pulse_test_faults_run_for  (guint        ms,
                                     gboolean   (*done) (gpointer),
                                     gpointer     user_data);

G_END_DECLS
