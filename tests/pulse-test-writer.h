/* pulse-test-writer.h
 *
 * Copyright 2026 The Pulse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer that keeps an in-process server busy with async requests on
 * the main context: ingest of tickets, messages, ratings, agent status,
 * directory items and applications (integration token), and rule
 * create/update/delete (lead token). Its choices come from a seeded
 * GRand, so a run can be repeated.
 */

#pragma once

#include "pulse-test-server.h"

G_BEGIN_DECLS

typedef struct _PulseTestWriter PulseTestWriter;

PulseTestWriter *pulse_test_writer_new          (PulseTestServer *ts,
                                                 guint32          seed);
void             pulse_test_writer_seed         (PulseTestWriter *self);
void             pulse_test_writer_start        (PulseTestWriter *self,
                                                 guint            n_writes);
gboolean         pulse_test_writer_is_done      (PulseTestWriter *self);
guint            pulse_test_writer_get_n_written (PulseTestWriter *self);
void             pulse_test_writer_set_tolerant (PulseTestWriter *self,
                                                 gboolean         tolerant);
guint            pulse_test_writer_get_n_failed (PulseTestWriter *self);
void             pulse_test_writer_free         (PulseTestWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseTestWriter, pulse_test_writer_free)

G_END_DECLS
